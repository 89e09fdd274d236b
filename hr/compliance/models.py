"""What the compliance engine needs beyond people and interviews: absences (type and
dates only — never any medical information), staff/union mandates, training records,
progression records (for the 8-year review) and the penalties paid."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hr.db import UTCDateTime, db, str_enum, utcnow
from hr.people.models import Employee


class LeaveType(enum.StrEnum):
    MATERNITY = "maternity"
    PARENTAL = "parental"
    PARENTAL_PART_TIME = "parental_part_time"
    FAMILY_CARER = "family_carer"
    ADOPTION = "adoption"
    SABBATICAL = "sabbatical"
    SECURED_MOBILITY = "secured_mobility"
    LONG_SICK_LEAVE = "long_sick_leave"
    UNPAID = "unpaid"
    OTHER_SUSPENSION = "other_suspension"


LEAVE_LABELS = {
    LeaveType.MATERNITY: _l("Maternity leave"),
    LeaveType.PARENTAL: _l("Parental education leave (congé parental d'éducation)"),
    LeaveType.PARENTAL_PART_TIME: _l("Part-time work for parental education"),
    LeaveType.FAMILY_CARER: _l("Family carer leave (congé de proche aidant)"),
    LeaveType.ADOPTION: _l("Adoption leave"),
    LeaveType.SABBATICAL: _l("Sabbatical leave"),
    LeaveType.SECURED_MOBILITY: _l("Voluntary secured mobility period"),
    LeaveType.LONG_SICK_LEAVE: _l("Long-term sick leave (arrêt longue maladie)"),
    LeaveType.UNPAID: _l("Unpaid leave"),
    LeaveType.OTHER_SUSPENSION: _l("Other suspension of the contract"),
}


class Absence(db.Model):
    """A leave: its type and dates. `end_date` is empty while the person is away."""

    __tablename__ = "absences"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(sa.ForeignKey("employees.id"), index=True)
    leave_type: Mapped[LeaveType] = mapped_column(str_enum(LeaveType, "leave_type"))
    start_date: Mapped[date]
    end_date: Mapped[date | None]
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    employee: Mapped[Employee] = relationship()

    __table_args__ = (
        sa.CheckConstraint("end_date IS NULL OR end_date >= start_date", name="absence_dates"),
    )

    def snapshot(self) -> dict:
        return {
            "employee_id": self.employee_id,
            "leave_type": LeaveType(self.leave_type).value,
            "start_date": self.start_date,
            "end_date": self.end_date,
        }


class Mandate(db.Model):
    """A staff or union representative mandate; the delegation hours as a share (%) of
    working time decide, below 2,000 employees, whether its end needs an interview."""

    __tablename__ = "mandates"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(sa.ForeignKey("employees.id"), index=True)
    label: Mapped[str | None] = mapped_column(sa.String(150))
    start_date: Mapped[date]
    end_date: Mapped[date | None]
    delegation_share: Mapped[int] = mapped_column(default=0)  # percent of working time
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    employee: Mapped[Employee] = relationship()

    __table_args__ = (
        sa.CheckConstraint(
            "delegation_share >= 0 AND delegation_share <= 100", name="delegation_share"
        ),
    )

    def snapshot(self) -> dict:
        return {
            "employee_id": self.employee_id,
            "label": self.label,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "delegation_share": self.delegation_share,
        }


class TrainingRecord(db.Model):
    """A training followed. `mandatory` marks a training that conditions the exercise of
    an activity (L6321-2): those do not count against the CPF penalty."""

    __tablename__ = "training_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(sa.ForeignKey("employees.id"), index=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    start_date: Mapped[date]
    end_date: Mapped[date | None]
    hours: Mapped[Decimal | None] = mapped_column(sa.Numeric(7, 2))
    mandatory: Mapped[bool] = mapped_column(default=False)
    certification: Mapped[bool] = mapped_column(default=False)
    certification_name: Mapped[str | None] = mapped_column(sa.String(300))
    training_request_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("training_requests.id"), unique=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    employee: Mapped[Employee] = relationship()

    def snapshot(self) -> dict:
        return {
            "employee_id": self.employee_id,
            "title": self.title,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "hours": self.hours,
            "mandatory": self.mandatory,
            "certification": self.certification,
            "certification_name": self.certification_name,
            "training_request_id": self.training_request_id,
        }


class ProgressionKind(enum.StrEnum):
    SALARY = "salary_increase"
    JOB = "job_change"
    CLASSIFICATION = "classification_change"


PROGRESSION_LABELS = {
    ProgressionKind.SALARY: _l("Salary increase"),
    ProgressionKind.JOB: _l("Change of job"),
    ProgressionKind.CLASSIFICATION: _l("Change of classification"),
}


class Progression(db.Model):
    """A salary or professional progression, used only by the 8-year review."""

    __tablename__ = "progressions"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(sa.ForeignKey("employees.id"), index=True)
    on: Mapped[date]
    kind: Mapped[ProgressionKind] = mapped_column(str_enum(ProgressionKind, "progression_kind"))
    note: Mapped[str | None] = mapped_column(sa.String(300))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def snapshot(self) -> dict:
        return {
            "employee_id": self.employee_id,
            "on": self.on,
            "kind": ProgressionKind(self.kind).value,
            "note": self.note,
        }


class PenaltyPayment(db.Model):
    """The corrective CPF top-up (abondement correctif, L6323-13) owed after an 8-year
    review: amount, deadline, and the payment reference once paid."""

    __tablename__ = "penalty_payments"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(sa.ForeignKey("employees.id"), index=True)
    review_date: Mapped[date]
    amount: Mapped[int]  # euros
    due_by: Mapped[date]
    paid_on: Mapped[date | None]
    payment_reference: Mapped[str | None] = mapped_column(sa.String(100))
    recorded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    employee: Mapped[Employee] = relationship()

    __table_args__ = (sa.UniqueConstraint("employee_id", "review_date", name="penalty_review"),)

    def snapshot(self) -> dict:
        return {
            "employee_id": self.employee_id,
            "review_date": self.review_date,
            "amount": self.amount,
            "due_by": self.due_by,
            "paid_on": self.paid_on,
            "payment_reference": self.payment_reference,
        }
