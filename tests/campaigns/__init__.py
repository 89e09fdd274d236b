"""Campaign test helpers: a small organisation with every population case, a
published grid, and campaigns built through the services."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest
from flask_babel import force_locale

from hr.campaigns import services
from hr.campaigns.population import Criteria
from hr.extensions import db
from hr.grids import services as grid_services
from hr.people.models import ContractType, Department, DepartmentKind, Employee, Site
from tests.grids.helpers import interview_type, make_grid

EN = {"Accept-Language": "en"}
HX = {"HX-Request": "true", "Accept-Language": "en"}


@pytest.fixture
def english(app):
    """Messages made outside a request in English, whatever catalogues exist."""
    with force_locale("en"):
        yield


@dataclass
class Org:
    departments: dict[str, Department] = field(default_factory=dict)
    sites: dict[str, Site] = field(default_factory=dict)
    people: dict[str, Employee] = field(default_factory=dict)

    def ids(self, *names: str) -> set[int]:
        return {self.people[n].id for n in names}


def _person(key: str, number: str, dept, site, manager=None, **extra) -> Employee:
    return Employee(
        employee_number=number,
        first_name=key.capitalize(),
        last_name=f"Test{number}",
        email=f"{number.lower()}@org.test",
        department=dept,
        site=site,
        manager=manager,
        hire_date=extra.pop("hire_date", date(2015, 1, 5)),
        contract_type=extra.pop("contract_type", ContractType.CDI),
        **extra,
    )


def make_org() -> Org:
    """Direction DIR ⊃ service SVC ⊃ team TEAM; OTHER apart. Sites LYO-C and PAR-C.

    boss (DIR, no manager) ← m1 (SVC) ← a (TEAM, Lyon), b (TEAM, Paris, CDD, hired 2023),
    c (SVC, Paris, hired 2019), gone (TEAM, left), nohire (TEAM, hire date unknown);
    boss ← d (OTHER); orphan (OTHER, no manager); gone ← e (TEAM, manager has left).
    """
    org = Org()
    d = org.departments
    d["DIR"] = Department(code="C-DIR", name="Direction test", kind=DepartmentKind.DIRECTION)
    d["SVC"] = Department(code="C-SVC", name="Service test", kind=DepartmentKind.SERVICE)
    d["SVC"].parent = d["DIR"]
    d["TEAM"] = Department(code="C-TEAM", name="Équipe test", kind=DepartmentKind.TEAM)
    d["TEAM"].parent = d["SVC"]
    d["OTHER"] = Department(code="C-OTH", name="Autre test", kind=DepartmentKind.SERVICE)
    s = org.sites
    s["LYO"] = Site(code="LYO-C", name="Lyon test")
    s["PAR"] = Site(code="PAR-C", name="Paris test")
    p = org.people
    p["boss"] = _person("boss", "C001", d["DIR"], s["LYO"], hire_date=date(2010, 1, 4))
    p["m1"] = _person("m1", "C002", d["SVC"], s["LYO"], p["boss"])
    p["a"] = _person("a", "C003", d["TEAM"], s["LYO"], p["m1"])
    p["b"] = _person(
        "b", "C004", d["TEAM"], s["PAR"], p["m1"],
        contract_type=ContractType.CDD, hire_date=date(2023, 6, 1),
    )  # fmt: skip
    p["c"] = _person("c", "C005", d["SVC"], s["PAR"], p["m1"], hire_date=date(2019, 9, 2))
    p["d"] = _person("d", "C006", d["OTHER"], s["LYO"], p["boss"])
    p["orphan"] = _person("orphan", "C007", d["OTHER"], s["LYO"])
    p["gone"] = _person("gone", "C008", d["TEAM"], s["LYO"], p["m1"], left_on=date(2024, 1, 31))
    p["e"] = _person("e", "C009", d["TEAM"], s["LYO"], p["gone"])
    p["nohire"] = _person("nohire", "C010", d["TEAM"], s["LYO"], p["m1"], hire_date=None)
    db.session.add_all([*d.values(), *s.values(), *p.values()])
    db.session.commit()
    return org


def published_version(actor, type_code: str = "annual", name: str = "Grille campagne"):
    grid = make_grid(actor, type_code, name=name)
    grid_services.publish(actor, grid.versions[0])
    db.session.flush()
    return grid.versions[0]


def new_draft(actor, grid):
    """grid_services.new_draft, without autoflush: after a commit, copying the sections
    lazy-loads them and autoflush meets the new version before it is in the session
    (SAWarning from hr.grids.services.new_draft)."""
    with db.session.no_autoflush:
        return grid_services.new_draft(actor, grid)


def make_campaign(actor, version, criteria: Criteria | None = None, **dates):
    values = services.CampaignValues(
        name=dates.pop("name", "Entretiens annuels"),
        interview_type=version.grid.interview_type,
        grid_version=version,
        criteria=criteria or Criteria(),
        opens_on=dates.pop("opens_on", date(2026, 1, 5)),
        interview_deadline=dates.pop("interview_deadline", date(2026, 3, 31)),
        preparation_deadline=dates.pop("preparation_deadline", None),
        signature_deadline=dates.pop("signature_deadline", None),
    )
    campaign = services.create_campaign(actor, values)
    db.session.commit()
    return campaign


def annual():
    return interview_type("annual")


def make_staff(n: int, department, manager, prefix: str) -> list[Employee]:
    """`n` employees under `manager`, added in one flush."""
    staff = [
        Employee(
            employee_number=f"{prefix}{i:05d}",
            first_name="Agent",
            last_name=f"{prefix}{i:05d}",
            department=department,
            manager=manager,
            hire_date=date(2018, 1, 1),
        )
        for i in range(n)
    ]
    db.session.add_all(staff)
    db.session.flush()
    return staff
