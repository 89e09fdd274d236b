"""Penalty exposure — the corrective CPF top-up (abondement correctif, L6323-13,
R6323-3) — and the payments HR records, audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _

from hr import audit
from hr.compliance import rules
from hr.compliance.engine import Obligation
from hr.compliance.models import PenaltyPayment, TrainingRecord
from hr.db import db
from hr.security import can


class PenaltyError(ValueError):
    """A refused payment record, with a message for HR."""


@dataclass(slots=True)
class Exposure:
    employee_id: int
    review_due: date
    review_day: date  # the review interview's day, or its due date when not held
    period_start: date
    amount: int
    due_by: date
    missing: list[Obligation]
    payment: PenaltyPayment | None = None


def missing_interviews(obligations: list[Obligation], start: date, end: date) -> list:
    """Career interviews due in the period that had not taken place by its end (held
    later, or not at all); a declined offer is not missing."""
    return [
        o
        for o in obligations
        if o.kind in rules.CAREER_KINDS
        and start <= o.due_date <= end
        and (o.status == "overdue" or (o.status == "done" and o.done_on and o.done_on > end))
    ]


def exposure(
    review: Obligation,
    obligations: list[Obligation],
    trainings: list[tuple[date, bool]],
    headcount: int,
    at: date,
) -> Exposure | None:
    """One reached 8-year review → the penalty when both conditions hold: required
    career interviews missing over the period (mid-career and before-60 included) AND
    no non-mandatory training (`trainings`: (start, mandatory)); companies ≥ 50 only.
    Payment by the last day of the quarter following the review (R6323-3)."""
    if review.kind != "career_review" or review.due_date > at:
        return None
    start = rules.add_years(review.due_date, -review.detail.get("years", 8))
    missing = missing_interviews(obligations, start, review.due_date)
    other_training = any(
        not mandatory and start <= begun <= review.due_date for begun, mandatory in trainings
    )
    if not rules.penalty_exposed(headcount, bool(missing), other_training):
        return None
    day = review.done_on or review.due_date
    return Exposure(
        employee_id=review.employee_id,
        review_due=review.due_date,
        review_day=day,
        period_start=start,
        amount=rules.PENALTY_AMOUNT,
        due_by=rules.quarter_end_after(day),
        missing=missing,
    )


def exposures(evaluation) -> list[Exposure]:
    """Every exposure in an evaluation (`hr.compliance.loading.Evaluation`): trainings
    and recorded payments read in two queries."""
    ids = list(evaluation.people)
    if evaluation.params.headcount < rules.PENALTY_HEADCOUNT or not ids:
        return []
    trainings: dict[int, list] = {}
    for emp, begun, mandatory in db.session.execute(
        sa.select(TrainingRecord.employee_id, TrainingRecord.start_date, TrainingRecord.mandatory)
    ):
        trainings.setdefault(emp, []).append((begun, mandatory))
    payments = {
        (p.employee_id, p.review_date): p for p in db.session.scalars(sa.select(PenaltyPayment))
    }
    by_person: dict[int, list[Obligation]] = {}
    for o in evaluation.obligations:
        by_person.setdefault(o.employee_id, []).append(o)
    found = []
    for pid, obligations in by_person.items():
        for review in obligations:
            if review.kind != "career_review":
                continue
            item = exposure(
                review,
                obligations,
                trainings.get(pid, []),
                evaluation.params.headcount,
                evaluation.at,
            )
            if item is not None:
                item.payment = payments.get((pid, item.review_due))
                found.append(item)
    found.sort(key=lambda e: (e.due_by, e.employee_id))
    return found


def record_payment(
    actor, item: Exposure, paid_on: date, reference: str, today: date | None = None
) -> PenaltyPayment:
    """HR records that the €3,000 was credited to the employee's CPF: date and payment
    reference, audited. Recording it again corrects it (audited too)."""
    if actor is not None and not can(actor, "compliance.manage"):
        raise PermissionError("compliance.manage")
    reference = (reference or "").strip()
    if not reference:
        raise PenaltyError(_("Give the payment reference."))
    if len(reference) > 100:
        raise PenaltyError(_("The payment reference is too long (100 characters at most)."))
    if paid_on > (today or date.today()):
        raise PenaltyError(_("The payment date cannot be in the future."))
    payment = db.session.scalar(
        sa.select(PenaltyPayment).where(
            PenaltyPayment.employee_id == item.employee_id,
            PenaltyPayment.review_date == item.review_due,
        )
    )
    before = payment.snapshot() if payment else None
    if payment is None:
        payment = PenaltyPayment(employee_id=item.employee_id, review_date=item.review_due)
        db.session.add(payment)
    payment.amount, payment.due_by = item.amount, item.due_by
    payment.paid_on, payment.payment_reference = paid_on, reference
    payment.recorded_by_id = getattr(actor, "id", None)
    db.session.flush()
    audit.record(
        actor,
        "record_payment" if before is None else "correct_payment",
        "penalty",
        payment.id,
        before=before,
        after=payment.snapshot(),
    )
    return payment
