"""The demo company exercises every rule: each kind of obligation is on the dashboard
of a fresh demo, with leaves, trainings, alerts and a penalty case."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from hr.compliance import rules
from hr.compliance.loading import evaluate
from hr.compliance.models import Absence, LeaveType, TrainingRecord
from hr.compliance.penalty import exposures
from hr.demo.seed import seed_demo

TODAY = date(2026, 11, 26)


def test_demo_company_shows_every_kind_of_obligation(app, db):
    seed_demo(employees=80, seed=7, today=TODAY)
    db.session.flush()
    result = evaluate(TODAY)
    kinds = {o.kind for o in result.obligations}
    assert kinds == set(rules.KINDS)
    open_kinds = {o.kind for o in result.obligations if o.is_open}
    assert {"career_return", "career_mid", "career_pre60", "probation_end"} <= open_kinds
    statuses = {o.status for o in result.obligations}
    assert {"done", "upcoming", "due_soon", "overdue"} <= statuses
    leaves = set(db.session.scalars(sa.select(Absence.leave_type).distinct()))
    assert {LeaveType.MATERNITY, LeaveType.LONG_SICK_LEAVE, LeaveType.SABBATICAL} <= leaves
    ongoing_sick = db.session.scalar(
        sa.select(sa.func.count(Absence.id)).where(
            Absence.leave_type == LeaveType.LONG_SICK_LEAVE, Absence.end_date.is_(None)
        )
    )
    assert ongoing_sick >= 1
    trained = set(db.session.scalars(sa.select(TrainingRecord.employee_id).distinct()))
    assert 0 < len(trained) < len(result.people)  # with and without trainings
    assert {a.code for a in result.alerts} >= {"no_mid_career_visit", "open_absence"}
    assert exposures(result)  # a penalty case for the penalty page
