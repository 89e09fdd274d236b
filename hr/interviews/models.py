"""An interview and what it produces: answers, signatures, addenda, objectives,
training requests and follow-up actions."""

from __future__ import annotations

import enum
from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hr.db import UTCDateTime, db, str_enum, utcnow
from hr.grids.models import GridQuestion, GridVersion, InterviewType
from hr.people.models import Employee


class Status(enum.StrEnum):
    TO_SCHEDULE = "to_schedule"
    SCHEDULED = "scheduled"
    IN_PREPARATION = "in_preparation"
    HELD = "held"
    AWAITING_SIGNATURE = "awaiting_signature"
    AWAITING_VALIDATION = "awaiting_validation"
    SIGNED = "signed"
    CLOSED = "closed"  # locked without the employee's signature (refused, or closed by HR)
    CANCELLED = "cancelled"
    DECLINED = "declined"


STATUS_LABELS = {
    Status.TO_SCHEDULE: _l("To schedule"),
    Status.SCHEDULED: _l("Scheduled"),
    Status.IN_PREPARATION: _l("In preparation"),
    Status.HELD: _l("Held"),
    Status.AWAITING_SIGNATURE: _l("Awaiting signature"),
    Status.AWAITING_VALIDATION: _l("Awaiting validation"),
    Status.SIGNED: _l("Signed"),
    Status.CLOSED: _l("Closed without the employee's signature"),
    Status.CANCELLED: _l("Cancelled"),
    Status.DECLINED: _l("Declined by the employee"),
}
LOCKED = {Status.SIGNED, Status.CLOSED}
ENDED = LOCKED | {Status.CANCELLED, Status.DECLINED}
NOT_STARTED = {Status.TO_SCHEDULE, Status.SCHEDULED, Status.IN_PREPARATION}


class Party(enum.StrEnum):
    EMPLOYEE = "employee"
    MANAGER = "manager"
    SHARED = "shared"  # filled in together during the meeting


class Interview(db.Model):
    __tablename__ = "interviews"
    __table_args__ = (
        # Campaign progress answers from this index alone (migration 0008).
        sa.Index(
            "ix_interviews_campaign_progress",
            "campaign_id",
            "status",
            "due_date",
            "interviewer_id",
            "employee_id",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_type_id: Mapped[int] = mapped_column(sa.ForeignKey("interview_types.id"), index=True)
    employee_id: Mapped[int] = mapped_column(sa.ForeignKey("employees.id"), index=True)
    interviewer_id: Mapped[int | None] = mapped_column(sa.ForeignKey("employees.id"), index=True)
    second_participant_id: Mapped[int | None] = mapped_column(sa.ForeignKey("employees.id"))
    grid_version_id: Mapped[int] = mapped_column(sa.ForeignKey("grid_versions.id"), index=True)
    campaign_id: Mapped[int | None] = mapped_column(sa.ForeignKey("campaigns.id"), index=True)
    status: Mapped[Status] = mapped_column(
        str_enum(Status, "interview_status"), default=Status.TO_SCHEDULE, index=True
    )
    due_date: Mapped[date | None] = mapped_column(index=True)
    scheduled_start: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    scheduled_end: Mapped[datetime | None] = mapped_column(UTCDateTime)
    location: Mapped[str | None] = mapped_column(sa.String(300))
    video_link: Mapped[str | None] = mapped_column(sa.String(500))
    offered_on: Mapped[date | None]
    declined_on: Mapped[date | None]
    cancel_reason: Mapped[str | None] = mapped_column(sa.Text)
    held_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    locked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    close_reason: Mapped[str | None] = mapped_column(sa.Text)
    copy_available_on: Mapped[date | None]
    # Grows on every change of time, place or status (calendar feeds and invitations).
    sequence: Mapped[int] = mapped_column(default=0)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    interview_type: Mapped[InterviewType] = relationship()
    employee: Mapped[Employee] = relationship(foreign_keys=[employee_id])
    interviewer: Mapped[Employee | None] = relationship(foreign_keys=[interviewer_id])
    second_participant: Mapped[Employee | None] = relationship(foreign_keys=[second_participant_id])
    grid_version: Mapped[GridVersion] = relationship()
    answers: Mapped[list[Answer]] = relationship(back_populates="interview")
    signatures: Mapped[list[Signature]] = relationship(
        back_populates="interview", order_by="Signature.signed_at"
    )
    addenda: Mapped[list[Addendum]] = relationship(
        back_populates="interview", order_by="Addendum.created_at"
    )

    @property
    def locked(self) -> bool:
        return self.status in LOCKED

    @property
    def confidential(self) -> bool:
        return self.interview_type.code == "corrective"

    def snapshot(self) -> dict:
        return {
            "status": Status(self.status).value,
            "interviewer_id": self.interviewer_id,
            "second_participant_id": self.second_participant_id,
            "due_date": self.due_date,
            "scheduled_start": self.scheduled_start,
            "scheduled_end": self.scheduled_end,
            "location": self.location,
            "video_link": self.video_link,
            "grid_version_id": self.grid_version_id,
            "campaign_id": self.campaign_id,
            "cancel_reason": self.cancel_reason,
            "declined_on": self.declined_on,
            "copy_available_on": self.copy_available_on,
            "close_reason": self.close_reason,
        }


class Answer(db.Model):
    """One party's answer to one question; `version` detects concurrent edits."""

    __tablename__ = "answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(sa.ForeignKey("interviews.id"), index=True)
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("grid_questions.id"))
    party: Mapped[Party] = mapped_column(str_enum(Party, "answer_party"))
    value: Mapped[object | None] = mapped_column(sa.JSON)
    version: Mapped[int] = mapped_column(default=1)
    updated_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    interview: Mapped[Interview] = relationship(back_populates="answers")
    question: Mapped[GridQuestion] = relationship()

    __table_args__ = (
        sa.UniqueConstraint("interview_id", "question_id", "party", name="answer_party"),
    )


class SignatureRole(enum.StrEnum):
    INTERVIEWER = "interviewer"
    EMPLOYEE = "employee"
    VALIDATOR = "validator"


class Signature(db.Model):
    """Who signed what and when; `content_hash` is the SHA-256 of the content signed."""

    __tablename__ = "signatures"

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(sa.ForeignKey("interviews.id"), index=True)
    addendum_id: Mapped[int | None] = mapped_column(sa.ForeignKey("addenda.id"))
    role: Mapped[SignatureRole] = mapped_column(str_enum(SignatureRole, "signature_role"))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    signer_name: Mapped[str] = mapped_column(sa.String(200))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    content_hash: Mapped[str] = mapped_column(sa.String(64))
    comment: Mapped[str | None] = mapped_column(sa.Text)
    disagreement: Mapped[bool] = mapped_column(default=False)
    refused: Mapped[bool] = mapped_column(default=False)

    interview: Mapped[Interview] = relationship(back_populates="signatures")


class Addendum(db.Model):
    """A correction after locking: new text, signed again, never an edit."""

    __tablename__ = "addenda"

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(sa.ForeignKey("interviews.id"), index=True)
    author_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    interview: Mapped[Interview] = relationship(back_populates="addenda")


class ObjectiveStatus(enum.StrEnum):
    OPEN = "open"
    ACHIEVED = "achieved"
    PARTIALLY = "partially_achieved"
    NOT_ACHIEVED = "not_achieved"
    DROPPED = "dropped"


OBJECTIVE_STATUS_LABELS = {
    ObjectiveStatus.OPEN: _l("In progress"),
    ObjectiveStatus.ACHIEVED: _l("Achieved"),
    ObjectiveStatus.PARTIALLY: _l("Partially achieved"),
    ObjectiveStatus.NOT_ACHIEVED: _l("Not achieved"),
    ObjectiveStatus.DROPPED: _l("No longer relevant"),
}


class Objective(db.Model):
    __tablename__ = "objectives"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(sa.ForeignKey("employees.id"), index=True)
    interview_id: Mapped[int] = mapped_column(sa.ForeignKey("interviews.id"), index=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    description: Mapped[str | None] = mapped_column(sa.Text)
    indicator: Mapped[str | None] = mapped_column(sa.String(300))
    target_date: Mapped[date | None]
    weight: Mapped[int | None]
    status: Mapped[ObjectiveStatus] = mapped_column(
        str_enum(ObjectiveStatus, "objective_status"), default=ObjectiveStatus.OPEN, index=True
    )
    # The review made in a later interview; it becomes `status` when that one is locked.
    review_status: Mapped[ObjectiveStatus | None] = mapped_column(
        str_enum(ObjectiveStatus, "objective_review_status")
    )
    review_comment: Mapped[str | None] = mapped_column(sa.Text)
    reviewed_in_id: Mapped[int | None] = mapped_column(sa.ForeignKey("interviews.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    employee: Mapped[Employee] = relationship()


class TrainingReason(enum.StrEnum):
    ADAPT = "adapt_to_job"
    DEVELOP = "develop_skills"
    PERSONAL = "personal_project"


class TrainingStatus(enum.StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    REFUSED = "refused"
    PLANNED = "planned"
    DONE = "done"


class TrainingRequest(db.Model):
    __tablename__ = "training_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(sa.ForeignKey("employees.id"), index=True)
    interview_id: Mapped[int | None] = mapped_column(sa.ForeignKey("interviews.id"), index=True)
    subject: Mapped[str] = mapped_column(sa.String(300))
    reason: Mapped[TrainingReason] = mapped_column(str_enum(TrainingReason, "training_reason"))
    priority: Mapped[int] = mapped_column(default=2)  # 1 high, 2 medium, 3 low
    wished_period: Mapped[str | None] = mapped_column(sa.String(100))
    mandatory: Mapped[bool] = mapped_column(default=False)  # conditions an activity (L6321-2)
    status: Mapped[TrainingStatus] = mapped_column(
        str_enum(TrainingStatus, "training_status"), default=TrainingStatus.REQUESTED, index=True
    )
    status_note: Mapped[str | None] = mapped_column(sa.Text)
    done_on: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    employee: Mapped[Employee] = relationship()


class ActionStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"


class FollowUpAction(db.Model):
    """A decision or follow-up action recorded in an interview, with owner and date."""

    __tablename__ = "follow_up_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(sa.ForeignKey("interviews.id"), index=True)
    what: Mapped[str] = mapped_column(sa.Text)
    owner_id: Mapped[int | None] = mapped_column(sa.ForeignKey("employees.id"), index=True)
    due_date: Mapped[date | None] = mapped_column(index=True)
    status: Mapped[ActionStatus] = mapped_column(
        str_enum(ActionStatus, "action_status"), default=ActionStatus.OPEN, index=True
    )
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    owner: Mapped[Employee | None] = relationship()
    interview: Mapped[Interview] = relationship()


# The decisions register's order: open before done, then by due date (none last), then
# id. The same expressions make an index (migration 0009), so that a page of the
# register is read in that order rather than all actions sorted; the literal (not a
# bound parameter) lets SQLite and PostgreSQL match the ORDER BY to the index.
REGISTER_ORDER = (
    FollowUpAction.status == sa.literal_column(f"'{ActionStatus.DONE.value}'"),
    FollowUpAction.due_date.is_(None),
    FollowUpAction.due_date,
    FollowUpAction.id,
)
sa.Index("ix_follow_up_actions_register_order", *REGISTER_ORDER)
