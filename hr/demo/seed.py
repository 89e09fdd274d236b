"""Build the demo company: departments, sites, a real hierarchy, varied contracts,
demo accounts. Deterministic for a given (employees, seed, today).

Everything goes through the audit log like any other change (actor: system).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa

from hr import audit
from hr.auth.models import User
from hr.auth.passwords import hash_password
from hr.core.settings import update_settings
from hr.db import db
from hr.demo.compliance import build_compliance
from hr.demo.history import build_history
from hr.demo.names import DEPARTMENTS, FIRST_NAMES, LAST_NAMES, SITES
from hr.grids.shipped import load_shipped
from hr.people.models import ContractType, Department, DepartmentKind, Employee, Site, normalize

DEMO_PASSWORD = "demo"
DEMO_COMPANY = "Rhône Mécanique (démo)"
DEMO_ACCOUNTS = {
    "hr": "rh@demo.parcours.test",
    "manager": "manager@demo.parcours.test",
    "employee": "salarie@demo.parcours.test",
    "admin": "admin@demo.parcours.test",
}
TEAM_SIZE = 10
TEAMS_PER_POLE = 8


@dataclass
class SeedResult:
    employees: int
    departments: int
    accounts: dict[str, str]
    interviews: dict[str, int] = field(default_factory=dict)  # by status


class _Factory:
    """Makes employees with plausible, deterministic identities and contracts."""

    def __init__(self, rng: random.Random, today: date):
        self.rng, self.today = rng, today
        self.count = 0
        self.emails: set[str] = set()

    def _email(self, first: str, last: str) -> str:
        base = f"{normalize(first)}.{normalize(last)}".replace(" ", "-").replace("'", "")
        email, n = f"{base}@demo.parcours.test", 2
        while email in self.emails:
            email, n = f"{base}{n}@demo.parcours.test", n + 1
        self.emails.add(email)
        return email

    def _days_ago(self, lo: int, hi: int) -> date:
        return self.today - timedelta(days=self.rng.randint(lo, hi))

    def make(self, department: Department, site: Site, job: str, senior: bool) -> Employee:
        rng = self.rng
        self.count += 1
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        age = (
            rng.randint(38, 61)
            if senior
            else rng.choice([rng.randint(20, 35), rng.randint(30, 50), rng.randint(44, 62)])
        )
        birth = self.today - timedelta(days=age * 365 + rng.randint(0, 364))
        years_in = min(rng.randint(0, 25 if senior else 15), age - 19)
        hire = self._days_ago(max(years_in, 0) * 365, max(years_in, 0) * 365 + 364)
        emp = Employee(
            employee_number=f"M{self.count:05d}",
            first_name=first,
            last_name=last,
            email=self._email(first, last),
            job_title=job,
            department=department,
            site=site,
            birth_date=birth,
            hire_date=hire,
            contract_type=ContractType.CDI,
            forfait_jours=senior and rng.random() < 0.8,
        )
        roll = rng.random()
        if not senior and roll < 0.08:  # fixed-term contract ending within months
            emp.contract_type = ContractType.CDD
            emp.hire_date = self._days_ago(30, 300)
            emp.contract_end_date = self.today + timedelta(days=rng.randint(10, 240))
        elif not senior and roll < 0.13:  # apprentices, young, two-year contracts
            emp.contract_type = ContractType.APPRENTICESHIP
            emp.birth_date = self.today - timedelta(days=rng.randint(18, 23) * 365)
            emp.hire_date = self._days_ago(20, 600)
            emp.contract_end_date = emp.hire_date + timedelta(days=730)
            emp.job_title = f"Apprenti(e) — {job}"
        elif not senior and roll < 0.15:
            emp.contract_type = ContractType.PROFESSIONALISATION
            emp.hire_date = self._days_ago(30, 300)
            emp.contract_end_date = emp.hire_date + timedelta(days=365)
        elif not senior and roll < 0.22:  # recent hires still in probation
            emp.hire_date = self._days_ago(5, 80)
            emp.probation_end_date = emp.hire_date + timedelta(days=rng.choice([60, 90, 120]))
        if not senior and emp.contract_type == ContractType.CDI and rng.random() < 0.1:
            emp.work_time_percent = rng.choice([50, 60, 80, 90])
        if not senior and any(word in job for word in ("Ingénieur", "Chef", "Responsable")):
            emp.forfait_jours = rng.random() < 0.7
        return emp


def _shares(total: int) -> dict[str, int]:
    weights = {code: share for code, _n, _k, _p, share, _j in DEPARTMENTS if share}
    scale = total / sum(weights.values())
    counts = {code: max(1, int(w * scale)) for code, w in weights.items()}
    codes = sorted(weights, key=lambda c: -weights[c])
    i = 0
    while sum(counts.values()) < total:
        counts[codes[i % len(codes)]] += 1
        i += 1
    return counts


def seed_demo(
    employees: int = 80,
    seed: int = 2026,
    today: date | None = None,
    years: int = 1,
    history: bool = True,
) -> SeedResult:
    """Create the company and its history in the current transaction (the caller
    commits): `years` past years of campaigns, then this year's (hr.demo.history).
    `history=False` gives the company alone (people, accounts, shipped grids)."""
    today = today or date.today()
    rng = random.Random(seed)
    factory = _Factory(rng, today)
    sites = {code: Site(code=code, name=name, city=city) for code, name, city in SITES}
    db.session.add_all(sites.values())
    departments: dict[str, Department] = {}
    for code, name, kind, parent, _share, _jobs in DEPARTMENTS:
        departments[code] = Department(
            code=code, name=name, kind=DepartmentKind(kind), parent=departments.get(parent)
        )
    db.session.add_all(departments.values())
    site_of = {"PROD": "VIL", "LOG": "VIL", "QUA": "VIL", "VEN": "PAR", "EXP": "LYO"}

    def site_for(code: str) -> Site:
        if code == "VEN" and rng.random() < 0.4:
            return sites["GRE"]
        return sites[site_of.get(code, "LYO")]

    people: list[Employee] = []
    ceo = factory.make(departments["DG"], sites["LYO"], "Directeur(trice) général(e)", True)
    people.append(ceo)
    heads: dict[str, Employee] = {}
    for code, name, kind, _parent, _share, _jobs in DEPARTMENTS:
        if kind == "direction" and code != "DG":
            heads[code] = factory.make(
                departments[code], sites["LYO"], f"Directeur(trice) — {name}", True
            )
            heads[code].manager = ceo
            people.append(heads[code])
    jobs = {code: job_list for code, _n, _k, _p, _s, job_list in DEPARTMENTS}
    parents = {code: parent for code, _n, _k, parent, _s, _j in DEPARTMENTS}
    remaining = max(employees - len(people), 0)
    service_counts = _shares(remaining)
    managers: dict[str, Employee] = {}
    for code, count in service_counts.items():
        dept = departments[code]
        head = factory.make(dept, site_for(code), f"Responsable {dept.name}", True)
        head.manager = heads[parents[code]]
        people.append(head)
        managers[code] = head
        members = count - 1
        teams = math.ceil(members / (TEAM_SIZE + 1)) if members > TEAM_SIZE + 2 else 0
        # Large services get "pôles" of up to TEAMS_PER_POLE teams, each with its head.
        poles = math.ceil(teams / TEAMS_PER_POLE) if teams > TEAMS_PER_POLE else 0
        pole_units = []
        for p in range(poles):
            pole = Department(
                code=f"{code}-P{p + 1}",
                name=f"{dept.name} — pôle {p + 1}",
                kind=DepartmentKind.SERVICE,
                parent=dept,
            )
            db.session.add(pole)
            pole_head = factory.make(pole, site_for(code), f"Responsable de pôle {dept.name}", True)
            pole_head.manager = head
            people.append(pole_head)
            pole_units.append((pole, pole_head))
            members -= 1
        units = []
        for t in range(teams):
            parent_dept, parent_head = (
                pole_units[t % len(pole_units)] if pole_units else (dept, head)
            )
            team = Department(
                code=f"{code}-E{t + 1}",
                name=f"{dept.name} — équipe {t + 1}",
                kind=DepartmentKind.TEAM,
                parent=parent_dept,
            )
            db.session.add(team)
            lead = factory.make(team, site_for(code), f"Chef(fe) d'équipe {dept.name}", True)
            lead.manager = parent_head
            people.append(lead)
            units.append((team, lead))
            members -= 1
        units = units or [(dept, head)]
        for i in range(max(members, 0)):
            unit, manager = units[i % len(units)]
            emp = factory.make(unit, site_for(code), rng.choice(jobs[code]), False)
            emp.manager = manager
            people.append(emp)
    db.session.add_all(people)
    db.session.flush()
    update_settings(None, {"company_name": DEMO_COMPANY})
    accounts = _demo_accounts(people, managers)
    for emp in people:
        audit.record(None, "create", "employee", emp.id, after=emp.snapshot(), reason="seed-demo")
    load_shipped("fr")
    interviews = build_history(today, seed, years, accounts) if history else {}
    if history:
        build_compliance(today, seed, accounts)
    if history:  # interviews over the coming weeks and deadlines through the year
        from hr.demo.calendar import add_calendar

        interviews = add_calendar(today, seed, accounts)
    return SeedResult(
        employees=len(people),
        departments=db.session.scalar(sa.select(sa.func.count(Department.id))),
        accounts=accounts,
        interviews={str(status): n for status, n in interviews.items()},
    )


def _demo_accounts(people: list[Employee], managers: dict[str, Employee]) -> dict[str, str]:
    """Attach the four demo logins to fitting employees (password `demo`)."""
    by_manager: dict[int, list[Employee]] = {}
    for emp in people:
        if emp.manager_id:
            by_manager.setdefault(emp.manager_id, []).append(emp)
    # The manager account: a production team lead — down the production line until
    # the reports manage no one (from a few hundred people up, "pôles" sit between the
    # head and the teams), or the head when there are no teams.
    manager = managers["PROD"]
    while leads := [e for e in by_manager.get(manager.id, []) if by_manager.get(e.id)]:
        manager = leads[0]
    employee = sorted(by_manager[manager.id], key=lambda e: e.employee_number)[0]
    hr_person = managers["RH"]
    admin_person = next((e for e in by_manager.get(managers["DSI"].id, [])), managers["DSI"])
    chosen = {"hr": hr_person, "manager": manager, "employee": employee, "admin": admin_person}
    password = hash_password(DEMO_PASSWORD)
    for role, emp in chosen.items():
        emp.email = DEMO_ACCOUNTS[role]
        user = User(
            email=emp.email,
            password_hash=password,
            employee_id=emp.id,
            is_hr=role == "hr",
            is_admin=role == "admin",
        )
        db.session.add(user)
        db.session.flush()
        audit.record(None, "create", "user", user.id, after=user.snapshot(), reason="seed-demo")
    return {role: DEMO_ACCOUNTS[role] for role in chosen}


def existing_demo_accounts() -> dict[str, str]:
    """The demo logins still present and active in this database, by role."""
    emails = set(
        db.session.scalars(
            sa.select(User.email).where(
                User.email.in_(DEMO_ACCOUNTS.values()), User.active.is_(True)
            )
        )
    )
    return {role: email for role, email in DEMO_ACCOUNTS.items() if email in emails}


def is_empty() -> bool:
    return db.session.scalar(sa.select(sa.func.count(Employee.id))) == 0
