"""Organisation and people: departments (a tree), sites, employees, import batches."""

from __future__ import annotations

import enum
import unicodedata
from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy import event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hr.db import UTCDateTime, db, str_enum, utcnow


class DepartmentKind(enum.StrEnum):
    DIRECTION = "direction"
    SERVICE = "service"
    TEAM = "team"


DEPARTMENT_KIND_LABELS = {
    DepartmentKind.DIRECTION: _l("Direction"),
    DepartmentKind.SERVICE: _l("Department"),
    DepartmentKind.TEAM: _l("Team"),
}


class ContractType(enum.StrEnum):
    CDI = "cdi"
    CDD = "cdd"
    APPRENTICESHIP = "apprentissage"
    PROFESSIONALISATION = "professionnalisation"
    INTERNSHIP = "stage"
    TEMPORARY = "interim"


CONTRACT_LABELS = {
    ContractType.CDI: _l("Permanent contract (CDI)"),
    ContractType.CDD: _l("Fixed-term contract (CDD)"),
    ContractType.APPRENTICESHIP: _l("Apprenticeship"),
    ContractType.PROFESSIONALISATION: _l("Professionalisation contract"),
    ContractType.INTERNSHIP: _l("Internship"),
    ContractType.TEMPORARY: _l("Temporary work (intérim)"),
}


class Department(db.Model):
    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(40), unique=True)
    name: Mapped[str] = mapped_column(sa.String(150))
    kind: Mapped[DepartmentKind] = mapped_column(str_enum(DepartmentKind, "department_kind"))
    parent_id: Mapped[int | None] = mapped_column(sa.ForeignKey("departments.id"), index=True)

    parent: Mapped[Department | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Department]] = relationship(
        back_populates="parent", order_by="Department.name"
    )

    def __str__(self) -> str:
        return self.name


class Site(db.Model):
    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(40), unique=True)
    name: Mapped[str] = mapped_column(sa.String(150))
    city: Mapped[str | None] = mapped_column(sa.String(100))

    def __str__(self) -> str:
        return self.name


class Employee(db.Model):
    __tablename__ = "employees"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_number: Mapped[str] = mapped_column(sa.String(30), unique=True)
    first_name: Mapped[str] = mapped_column(sa.String(100))
    last_name: Mapped[str] = mapped_column(sa.String(100), index=True)
    email: Mapped[str | None] = mapped_column(sa.String(254), unique=True)
    job_title: Mapped[str | None] = mapped_column(sa.String(150))
    department_id: Mapped[int | None] = mapped_column(sa.ForeignKey("departments.id"), index=True)
    site_id: Mapped[int | None] = mapped_column(sa.ForeignKey("sites.id"), index=True)
    manager_id: Mapped[int | None] = mapped_column(sa.ForeignKey("employees.id"), index=True)
    hire_date: Mapped[date | None]
    birth_date: Mapped[date | None]
    contract_type: Mapped[ContractType] = mapped_column(
        str_enum(ContractType, "contract_type"), default=ContractType.CDI
    )
    contract_end_date: Mapped[date | None]
    probation_end_date: Mapped[date | None]
    forfait_jours: Mapped[bool] = mapped_column(default=False)
    # Working time as a percentage of full time (100 = full time, 80 = "temps partiel 80 %").
    work_time_percent: Mapped[int] = mapped_column(default=100)
    left_on: Mapped[date | None] = mapped_column(index=True)
    # Legal compliance (hr.compliance): the day the employee was told at hire about the
    # career interview (L6315-1), and the date — only the date — of the mid-career
    # occupational-health visit.
    career_info_given_on: Mapped[date | None]
    mid_career_visit_on: Mapped[date | None]
    # Lower-case, accent-free "name number e-mail job" kept for search-as-you-type.
    search_key: Mapped[str] = mapped_column(sa.String(700), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    department: Mapped[Department | None] = relationship()
    site: Mapped[Site | None] = relationship()
    manager: Mapped[Employee | None] = relationship(remote_side=[id])

    __table_args__ = (
        sa.CheckConstraint(
            "work_time_percent > 0 AND work_time_percent <= 100", name="work_time_percent"
        ),
    )

    # Fields an import may set and the audit log compares, in display order.
    AUDITED_FIELDS = (
        "employee_number",
        "first_name",
        "last_name",
        "email",
        "job_title",
        "department_id",
        "site_id",
        "manager_id",
        "hire_date",
        "birth_date",
        "contract_type",
        "contract_end_date",
        "probation_end_date",
        "forfait_jours",
        "work_time_percent",
        "left_on",
    )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def has_left(self) -> bool:
        return self.left_on is not None and self.left_on <= date.today()

    def snapshot(self) -> dict:
        """The audited fields as plain values (enums as their codes)."""
        values = {f: getattr(self, f) for f in self.AUDITED_FIELDS}
        if values["contract_type"] is not None:
            values["contract_type"] = ContractType(values["contract_type"]).value
        return values

    def __str__(self) -> str:
        return self.full_name


def normalize(text: str | None) -> str:
    """Lower case without accents: 'Hélène' and 'helene' compare equal."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@event.listens_for(Employee, "before_insert")
@event.listens_for(Employee, "before_update")
def _refresh_search_key(mapper, connection, target: Employee) -> None:
    target.search_key = normalize(
        " ".join(
            filter(
                None,
                [
                    target.last_name,
                    target.first_name,
                    target.employee_number,
                    target.email,
                    target.job_title,
                ],
            )
        )
    )[:700]


class ImportBatch(db.Model):
    """An uploaded HR export, kept in the database so any worker can preview/apply it."""

    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    uploaded_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    filename: Mapped[str] = mapped_column(sa.String(255))
    content: Mapped[bytes] = mapped_column(sa.LargeBinary)
    mapping: Mapped[dict | None] = mapped_column(sa.JSON)
    status: Mapped[str] = mapped_column(sa.String(20), default="uploaded")
    report: Mapped[dict | None] = mapped_column(sa.JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    applied_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
