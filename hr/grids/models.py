"""Interview types, grids and their versions, sections, questions; the question
library, rating scales and the skills referential.

A grid version is a draft (editable) or published (frozen for good). Interviews pin
the version they were created with; editing a published grid starts a new draft.
"""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hr.db import UTCDateTime, db, str_enum, utcnow

BUILTIN_TYPES = {
    "annual": _l("Annual evaluation"),
    "career": _l("Career interview"),
    "career_review": _l("8-year career review"),
    "return": _l("Return-to-work interview"),
    "mobility": _l("Internal mobility interview"),
    "corrective": _l("Corrective interview"),
    "probation_end": _l("End-of-probation interview"),
    "contract_end": _l("End-of-contract interview"),
    "workload": _l("Forfait-jours workload interview"),
}


class InterviewType(db.Model):
    __tablename__ = "interview_types"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(40), unique=True)
    name: Mapped[str] = mapped_column(sa.String(150))  # custom types; builtins are translated
    builtin: Mapped[bool] = mapped_column(default=False)
    position: Mapped[int] = mapped_column(default=100)
    # Extra validation after both signatures: "" (none), "n2" (the manager's manager), "hr".
    extra_validation: Mapped[str] = mapped_column(sa.String(10), default="", server_default="")

    @property
    def label(self) -> str:
        return (
            str(BUILTIN_TYPES[self.code])
            if self.builtin and self.code in BUILTIN_TYPES
            else self.name
        )

    def __str__(self) -> str:
        return self.label


class QuestionKind(enum.StrEnum):
    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"
    RATING = "rating"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    YES_NO = "yes_no"
    DATE = "date"
    NUMBER = "number"
    OBJECTIVES_REVIEW = "objectives_review"
    NEW_OBJECTIVES = "new_objectives"
    TRAINING_REQUESTS = "training_requests"
    SKILLS_MATRIX = "skills_matrix"
    DECISIONS = "decisions"
    FINAL_COMMENT = "final_comment"


QUESTION_KIND_LABELS = {
    QuestionKind.SHORT_TEXT: _l("Short text"),
    QuestionKind.LONG_TEXT: _l("Long text"),
    QuestionKind.RATING: _l("Rating on a scale"),
    QuestionKind.SINGLE_CHOICE: _l("Single choice"),
    QuestionKind.MULTIPLE_CHOICE: _l("Multiple choice"),
    QuestionKind.YES_NO: _l("Yes / no"),
    QuestionKind.DATE: _l("Date"),
    QuestionKind.NUMBER: _l("Number"),
    QuestionKind.OBJECTIVES_REVIEW: _l("Review of last period's objectives"),
    QuestionKind.NEW_OBJECTIVES: _l("New objectives"),
    QuestionKind.TRAINING_REQUESTS: _l("Training requests"),
    QuestionKind.SKILLS_MATRIX: _l("Skills matrix"),
    QuestionKind.DECISIONS: _l("Decisions and follow-up actions"),
    QuestionKind.FINAL_COMMENT: _l("Employee's final comment"),
}
# Kinds that rate something: they carry a scale and may carry a weight.
RATED_KINDS = {QuestionKind.RATING, QuestionKind.SKILLS_MATRIX}


class AnsweredBy(enum.StrEnum):
    EMPLOYEE = "employee"
    MANAGER = "manager"
    BOTH = "both"
    TOGETHER = "together"


ANSWERED_BY_LABELS = {
    AnsweredBy.EMPLOYEE: _l("The employee, while preparing"),
    AnsweredBy.MANAGER: _l("The manager"),
    AnsweredBy.BOTH: _l("Both, side by side"),
    AnsweredBy.TOGETHER: _l("Filled in together during the meeting"),
}


class VersionStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"


class Grid(db.Model):
    __tablename__ = "grids"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stable key of a shipped grid, so that loading them again changes nothing.
    code: Mapped[str | None] = mapped_column(sa.String(60), unique=True)
    interview_type_id: Mapped[int] = mapped_column(sa.ForeignKey("interview_types.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(150))
    description: Mapped[str | None] = mapped_column(sa.Text)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    interview_type: Mapped[InterviewType] = relationship(lazy="joined")
    versions: Mapped[list[GridVersion]] = relationship(
        back_populates="grid", order_by="GridVersion.number"
    )

    def snapshot(self) -> dict:
        return {
            "name": self.name,
            "description": self.description,
            "interview_type_id": self.interview_type_id,
            "archived_at": self.archived_at,
        }


class GridVersion(db.Model):
    __tablename__ = "grid_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    grid_id: Mapped[int] = mapped_column(sa.ForeignKey("grids.id"), index=True)
    number: Mapped[int]
    status: Mapped[VersionStatus] = mapped_column(
        str_enum(VersionStatus, "version_status"), default=VersionStatus.DRAFT
    )
    # Whether each party sees the other's preparation before the meeting starts.
    share_preparation: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))

    grid: Mapped[Grid] = relationship(back_populates="versions")
    sections: Mapped[list[GridSection]] = relationship(
        back_populates="version", order_by="GridSection.position", cascade="all, delete-orphan"
    )

    __table_args__ = (sa.UniqueConstraint("grid_id", "number", name="grid_number"),)

    @property
    def is_draft(self) -> bool:
        return self.status == VersionStatus.DRAFT


class GridSection(db.Model):
    __tablename__ = "grid_sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(sa.ForeignKey("grid_versions.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(sa.String(200))
    intro: Mapped[str | None] = mapped_column(sa.Text)
    scored: Mapped[bool] = mapped_column(default=False)

    version: Mapped[GridVersion] = relationship(back_populates="sections")
    questions: Mapped[list[GridQuestion]] = relationship(
        back_populates="section", order_by="GridQuestion.position", cascade="all, delete-orphan"
    )

    def snapshot(self) -> dict:
        return {
            "title": self.title,
            "intro": self.intro,
            "scored": self.scored,
            "position": self.position,
        }


class QuestionFields:
    """Columns shared by grid questions and library questions."""

    kind: Mapped[QuestionKind] = mapped_column(str_enum(QuestionKind, "question_kind"))
    label: Mapped[str] = mapped_column(sa.String(500))
    help_text: Mapped[str | None] = mapped_column(sa.Text)
    answered_by: Mapped[AnsweredBy] = mapped_column(
        str_enum(AnsweredBy, "answered_by"), default=AnsweredBy.BOTH
    )
    required: Mapped[bool] = mapped_column(default=False)
    weight: Mapped[int | None]
    options: Mapped[dict] = mapped_column(sa.JSON, default=dict)

    COPIED = ("kind", "label", "help_text", "answered_by", "required", "weight", "options")

    def content(self) -> dict:
        values = {f: getattr(self, f) for f in self.COPIED}
        values["kind"] = QuestionKind(values["kind"]).value
        values["answered_by"] = AnsweredBy(values["answered_by"]).value
        return values


class GridQuestion(QuestionFields, db.Model):
    __tablename__ = "grid_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(sa.ForeignKey("grid_sections.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)

    section: Mapped[GridSection] = relationship(back_populates="questions")


class LibraryQuestion(QuestionFields, db.Model):
    __tablename__ = "library_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str | None] = mapped_column(sa.String(60), unique=True)
    language: Mapped[str] = mapped_column(sa.String(5), default="fr")
    tags: Mapped[list] = mapped_column(sa.JSON, default=list)
    interview_types: Mapped[list] = mapped_column(sa.JSON, default=list)  # type codes
    search_key: Mapped[str] = mapped_column(sa.String(1500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RatingScale(db.Model):
    """A reusable scale; questions copy its levels, so editing it never changes a grid."""

    __tablename__ = "rating_scales"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str | None] = mapped_column(sa.String(60), unique=True)
    name: Mapped[str] = mapped_column(sa.String(150))
    levels: Mapped[list] = mapped_column(sa.JSON)  # [{"value": 1, "label": "…"}, …]
    not_assessed: Mapped[bool] = mapped_column(default=True)

    def as_option(self) -> dict:
        return {"name": self.name, "levels": self.levels, "not_assessed": self.not_assessed}


class Skill(db.Model):
    __tablename__ = "skills"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(150), unique=True)
    description: Mapped[str | None] = mapped_column(sa.Text)
    family: Mapped[str | None] = mapped_column(sa.String(100), index=True)
    archived: Mapped[bool] = mapped_column(default=False)

    def snapshot(self) -> dict:
        return {
            "name": self.name,
            "description": self.description,
            "family": self.family,
            "archived": self.archived,
        }
