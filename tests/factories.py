"""factory_boy factories and a small company used across tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import factory

from hr.auth.models import User
from hr.auth.passwords import hash_password
from hr.extensions import db
from hr.people.models import ContractType, Department, DepartmentKind, Employee, Site

PASSWORD = "password-123"
_PASSWORD_HASH = None


def password_hash() -> str:
    global _PASSWORD_HASH
    if _PASSWORD_HASH is None:
        _PASSWORD_HASH = hash_password(PASSWORD)
    return _PASSWORD_HASH


class _Base(factory.alchemy.SQLAlchemyModelFactory):
    class Meta:
        abstract = True
        sqlalchemy_session_factory = lambda: db.session  # noqa: E731
        sqlalchemy_session_persistence = "commit"


class DepartmentFactory(_Base):
    class Meta:
        model = Department

    code = factory.Sequence(lambda n: f"D{n:03d}")
    name = factory.Sequence(lambda n: f"Service {n}")
    kind = DepartmentKind.SERVICE


class SiteFactory(_Base):
    class Meta:
        model = Site

    code = factory.Sequence(lambda n: f"S{n:03d}")
    name = factory.Sequence(lambda n: f"Site {n}")


class EmployeeFactory(_Base):
    class Meta:
        model = Employee

    employee_number = factory.Sequence(lambda n: f"E{n:05d}")
    first_name = factory.Iterator(["Camille", "Hélène", "Julien", "Nadia", "Théo"])
    last_name = factory.Sequence(lambda n: f"Nom{n}")
    email = factory.LazyAttribute(lambda o: f"{o.employee_number.lower()}@example.test")
    job_title = "Technicien"
    hire_date = date(2020, 3, 2)
    contract_type = ContractType.CDI


class UserFactory(_Base):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.test")
    password_hash = factory.LazyFunction(password_hash)


@dataclass
class Company:
    employees: dict[str, Employee] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    department: Department | None = None


def make_company() -> Company:
    """ceo ← skip ← manager ← (employee, peer); hr, admin and outsider elsewhere."""
    dept = DepartmentFactory(name="Production", code="PROD")
    other = DepartmentFactory(name="Ressources humaines", code="RH")
    site = SiteFactory(name="Lyon", code="LYO")
    c = Company(department=dept)
    e = c.employees
    e["ceo"] = EmployeeFactory(
        first_name="Claire", last_name="Directrice", department=dept, site=site
    )
    e["skip"] = EmployeeFactory(
        first_name="Bruno", last_name="Niveau2", department=dept, manager=e["ceo"], site=site
    )
    e["manager"] = EmployeeFactory(
        first_name="Marc", last_name="Manager", department=dept, manager=e["skip"], site=site
    )
    e["employee"] = EmployeeFactory(
        first_name="Élodie",
        last_name="Salariée",
        department=dept,
        manager=e["manager"],
        site=site,
        birth_date=date(1980, 5, 17),
    )
    e["peer"] = EmployeeFactory(
        first_name="Paul", last_name="Collègue", department=dept, manager=e["manager"], site=site
    )
    e["hr"] = EmployeeFactory(
        first_name="Rita", last_name="Rh", department=other, manager=e["ceo"], site=site
    )
    e["outsider"] = EmployeeFactory(
        first_name="Olivier", last_name="Ailleurs", department=other, manager=e["hr"], site=site
    )
    e["admin"] = EmployeeFactory(
        first_name="Alain", last_name="Admin", department=other, manager=e["ceo"], site=site
    )
    for role in ("skip", "manager", "employee", "hr", "admin", "outsider"):
        c.users[role] = UserFactory(
            email=e[role].email, employee=e[role], is_hr=role == "hr", is_admin=role == "admin"
        )
    # Committed: inside the test's outer transaction (rolled back at the end), a request
    # that rolls back its own work keeps the company.
    db.session.commit()
    return c
