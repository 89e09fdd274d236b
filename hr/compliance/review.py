"""The 8-year review (état des lieux récapitulatif, L6315-1 II): what the period held —
career interviews, trainings (the non-mandatory ones marked), certifications,
progression — gathered for the employee, and written into the `career_review`
interview as the manager side's first answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from flask_babel import format_date
from flask_babel import gettext as _

from hr.compliance import rules
from hr.compliance.engine import Obligation
from hr.compliance.models import PROGRESSION_LABELS, Progression, TrainingRecord
from hr.compliance.penalty import missing_interviews
from hr.compliance.services import ComplianceError, grid_versions
from hr.db import db
from hr.grids.models import AnsweredBy, GridSection, InterviewType, QuestionKind
from hr.interviews import services as interview_services
from hr.interviews.models import Interview, Party, Status
from hr.people.models import Employee


@dataclass
class ReviewContent:
    start: date
    end: date
    interviews: list[Interview] = field(default_factory=list)
    trainings: list[TrainingRecord] = field(default_factory=list)
    progressions: list[Progression] = field(default_factory=list)
    missing: list[Obligation] = field(default_factory=list)

    @property
    def other_training(self) -> bool:
        return any(not t.mandatory for t in self.trainings)

    @property
    def certifications(self) -> list[TrainingRecord]:
        return [t for t in self.trainings if t.certification]


def content(employee: Employee, review: Obligation, obligations: list[Obligation]) -> ReviewContent:
    """What the period under review held, in three queries."""
    start = rules.add_years(review.due_date, -review.detail.get("years", 8))
    end = max(review.due_date, date.today()) if review.is_open else review.due_date
    result = ReviewContent(start=start, end=end)
    result.interviews = db.session.scalars(
        sa.select(Interview)
        .join(InterviewType, InterviewType.id == Interview.interview_type_id)
        .where(
            Interview.employee_id == employee.id,
            InterviewType.code.in_(("career", "career_review")),
            sa.or_(
                Interview.status == Status.SIGNED,
                sa.and_(Interview.status == Status.CLOSED, Interview.copy_available_on.isnot(None)),
            ),
        )
        .order_by(Interview.held_at)
    ).all()
    result.interviews = [
        i for i in result.interviews if start <= (i.held_at or i.locked_at).date() <= end
    ]
    result.trainings = db.session.scalars(
        sa.select(TrainingRecord)
        .where(
            TrainingRecord.employee_id == employee.id,
            TrainingRecord.start_date.between(start, end),
        )
        .order_by(TrainingRecord.start_date)
    ).all()
    result.progressions = db.session.scalars(
        sa.select(Progression)
        .where(Progression.employee_id == employee.id, Progression.on.between(start, end))
        .order_by(Progression.on)
    ).all()
    result.missing = missing_interviews(obligations, start, end)
    return result


def _answers(c: ReviewContent) -> list[tuple[QuestionKind, object]]:
    """The manager side's answers, in the order of the shipped review grid's questions."""

    def day(d):
        return format_date(d, "short")

    held = "\n".join(f"{day((i.held_at or i.locked_at).date())}" for i in c.interviews)
    trainings = "\n".join(
        f"{t.title} ({day(t.start_date)})"
        + ("" if not t.mandatory else " — " + _("mandatory for the job (L6321-2)"))
        for t in c.trainings
    )
    certified = ", ".join(t.certification_name or t.title for t in c.certifications)
    progress = "\n".join(f"{day(p.on)} {PROGRESSION_LABELS[p.kind]}" for p in c.progressions)
    return [
        (QuestionKind.SHORT_TEXT, f"{day(c.start)} – {day(c.end)}"),
        (QuestionKind.LONG_TEXT, held or _("None")),
        (QuestionKind.YES_NO, not c.missing),
        (QuestionKind.YES_NO, c.other_training),
        (QuestionKind.LONG_TEXT, trainings or _("None")),
        (QuestionKind.YES_NO, bool(c.certifications)),
        (QuestionKind.SHORT_TEXT, certified[:500] or _("None")),
        (QuestionKind.YES_NO, bool(c.progressions)),
        (QuestionKind.LONG_TEXT, progress or None),
    ]


def create_review(actor, employee: Employee, review: Obligation, c: ReviewContent) -> Interview:
    """The `career_review` interview, on the published review grid, pre-filled: each
    prepared answer goes to the next manager-side question of the same kind."""
    if review.kind != "career_review" or not review.is_open:
        raise ComplianceError(_("This review is not open."))
    if review.open_interview is not None:
        raise ComplianceError(_("A review interview is already in progress."))
    version = grid_versions().get("career_review")
    if version is None:
        raise ComplianceError(_("No published grid for this kind of interview: publish one first."))
    interview = interview_services.create_interview(
        actor, employee, version.grid.interview_type, version, due_date=review.due_date
    )
    questions = [
        q
        for s in db.session.scalars(
            sa.select(GridSection)
            .where(GridSection.version_id == version.id)
            .order_by(GridSection.position)
        )
        for q in s.questions
        if q.answered_by in (AnsweredBy.MANAGER, AnsweredBy.BOTH)
    ]
    position = 0
    for kind, value in _answers(c):
        while position < len(questions) and QuestionKind(questions[position].kind) != kind:
            position += 1
        if position == len(questions):
            break
        if value is not None:
            interview_services.save_answer(
                actor, interview, questions[position], Party.MANAGER, value, 0
            )
        position += 1
    return interview
