"""The demo company's history (hr.demo.history): past campaigns, this year's campaign
in every state, single interviews, and something to do for each demo account."""

from __future__ import annotations

import re
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from hr.audit.models import AuditEvent
from hr.audit.services import verify_chain
from hr.auth.models import User
from hr.campaigns.models import Campaign, CampaignStatus
from hr.core import dashboards
from hr.db import db
from hr.demo.seed import DEMO_ACCOUNTS, DEMO_PASSWORD, seed_demo
from hr.grids.models import InterviewType
from hr.interviews import services
from hr.interviews.loading import visible_interviews
from hr.interviews.models import (
    ActionStatus,
    Answer,
    FollowUpAction,
    Interview,
    Objective,
    ObjectiveStatus,
    Signature,
    Status,
    TrainingRequest,
    TrainingStatus,
)
from hr.people.models import Employee
from hr.security import can

TODAY = date(2026, 11, 26)
PARIS = ZoneInfo("Europe/Paris")


def _user(role: str) -> User:
    return db.session.scalar(sa.select(User).where(User.email == DEMO_ACCOUNTS[role]))


def _by_type_and_status(db) -> dict[tuple[str, Status], int]:
    rows = db.session.execute(
        sa.select(InterviewType.code, Interview.status, sa.func.count())
        .join(Interview.interview_type)
        .group_by(InterviewType.code, Interview.status)
    )
    return {(code, Status(status)): n for code, status, n in rows}


def _signatures_verify(db) -> int:
    """Every signature covers the report as it stands; returns how many were checked."""
    checked = 0
    interviews = db.session.scalars(
        sa.select(Interview).where(sa.exists().where(Signature.interview_id == Interview.id))
    ).all()
    for interview in interviews:
        digest = services.content_hash(interview)
        for signature in interview.signatures:
            assert signature.content_hash == digest, (interview.id, interview.status)
            checked += 1
    return checked


def test_demo_history_has_every_state_and_a_sound_record(app, db):
    result = seed_demo(employees=80, seed=7, today=TODAY)
    db.session.flush()
    # Every state of the life cycle (awaiting validation needs a type set to require it).
    statuses = {Status(s) for s in db.session.scalars(sa.select(Interview.status).distinct())}
    assert statuses == set(Status) - {Status.AWAITING_VALIDATION}
    assert result.interviews == {
        Status(s).value: n
        for s, n in db.session.execute(
            sa.select(Interview.status, sa.func.count()).group_by(Interview.status)
        )
    }
    # Last year's annual and career campaigns, closed, everything signed; this year's running.
    campaigns = db.session.scalars(sa.select(Campaign).order_by(Campaign.opens_on)).all()
    assert [c.status for c in campaigns] == [
        CampaignStatus.CLOSED,
        CampaignStatus.CLOSED,
        CampaignStatus.LAUNCHED,
    ]
    career, last_year, current = campaigns
    assert career.interview_type.code == "career" and last_year.interview_type.code == "annual"
    assert current.opens_on < TODAY < current.interview_deadline
    for past in (career, last_year):
        assert {
            Status(s)
            for s in db.session.scalars(
                sa.select(Interview.status).where(Interview.campaign_id == past.id).distinct()
            )
        } <= {Status.SIGNED, Status.CLOSED}
    employee_signatures = db.session.scalars(
        sa.select(Signature)
        .join(Interview)
        .where(Interview.campaign_id == last_year.id, Signature.role == "employee")
    ).all()
    assert sum(s.refused for s in employee_signatures) == 1
    assert 1 <= sum(s.disagreement and not s.refused for s in employee_signatures) <= 2
    assert sum(bool(s.comment) for s in employee_signatures) >= 3
    # Single interviews of every kind asked for; corrective ones exist.
    counts = _by_type_and_status(db)
    for code in ("corrective", "return", "mobility", "probation_end", "workload"):
        assert any(c == code for c, _s in counts), code
    # Objectives: set last year, some reviewed this year (applied once locked).
    assert db.session.scalar(
        sa.select(sa.func.count(Objective.id)).where(
            Objective.reviewed_in_id.in_(
                sa.select(Interview.id).where(Interview.campaign_id == current.id)
            )
        )
    )
    assert {o for o in db.session.scalars(sa.select(Objective.status).distinct())} >= {
        ObjectiveStatus.OPEN,
        ObjectiveStatus.ACHIEVED,
        ObjectiveStatus.PARTIALLY,
    }
    # Training requests in every state; refused ones say why, done ones when.
    trainings = db.session.scalars(sa.select(TrainingRequest)).all()
    assert {TrainingStatus(t.status) for t in trainings} == set(TrainingStatus)
    assert all(t.status_note for t in trainings if t.status == TrainingStatus.REFUSED)
    assert all(
        t.done_on and t.done_on < TODAY for t in trainings if t.status == TrainingStatus.DONE
    )
    # Follow-up actions: done, open, and overdue.
    actions = db.session.scalars(sa.select(FollowUpAction)).all()
    assert any(a.status == ActionStatus.DONE and a.done_at for a in actions)
    assert any(a.status == ActionStatus.OPEN and a.due_date >= TODAY for a in actions)
    assert any(a.status == ActionStatus.OPEN and a.due_date < TODAY for a in actions)
    # Meetings on weekdays, in working hours; past ones held, coming ones not.
    for interview in db.session.scalars(
        sa.select(Interview).where(Interview.scheduled_start.is_not(None))
    ):
        local = interview.scheduled_start.astimezone(PARIS)
        assert local.weekday() < 5 and 9 <= local.hour < 17, local
        if interview.status in (Status.SCHEDULED, Status.IN_PREPARATION):
            assert local.date() > TODAY
        if interview.held_at is not None:
            assert interview.held_at == interview.scheduled_start and local.date() < TODAY
    locked = db.session.scalars(sa.select(Interview).where(Interview.locked_at.is_not(None)))
    assert all(i.copy_available_on <= TODAY for i in locked)
    # The record: every signature covers its report, and the audit chain holds.
    assert _signatures_verify(db) > 100
    count, broken = verify_chain()
    assert broken is None and count == db.session.scalar(sa.select(sa.func.count(AuditEvent.id)))


def test_each_demo_account_has_something_to_do(app, db, client):
    seed_demo(employees=80, seed=7, today=TODAY)
    db.session.commit()
    employee, manager = _user("employee"), _user("manager")
    mine = dashboards.employee_board(employee.employee_id)
    assert any(i.status == Status.IN_PREPARATION for i in mine["next"])  # to prepare
    assert mine["to_sign"]  # a report to sign
    board = dashboards.manager_board(manager.employee_id, TODAY)
    assert board["to_schedule"] and board["to_sign"]
    week_end = TODAY + timedelta(days=7)
    assert any(i.scheduled_start.date() < week_end for i in board["this_week"])
    owned = dashboards.actions_owned(manager.employee_id)
    assert any(a.due_date < TODAY for a in owned) and any(a.due_date >= TODAY for a in owned)
    company = dashboards.hr_board(TODAY)
    assert company["campaigns"] and company["overdue_count"]
    assert company["signatures_pending"] and company["trainings_to_process"]
    # And it shows on their home page.
    for role in DEMO_ACCOUNTS:
        client.post("/logout")
        login = client.post(
            "/login", data={"email": DEMO_ACCOUNTS[role], "password": DEMO_PASSWORD}
        )
        assert login.status_code == 303, role
        html = client.get("/").get_data(as_text=True)
        assert re.search(r'href="/interviews/\d+"', html), role


def test_corrective_interviews_stay_between_the_parties_and_hr(app, db, client):
    seed_demo(employees=80, seed=7, today=TODAY)
    db.session.commit()
    manager = _user("manager")
    correctives = db.session.scalars(
        sa.select(Interview)
        .join(Interview.interview_type)
        .where(InterviewType.code == "corrective")
    ).all()
    assert len(correctives) >= 2 and all(i.confidential for i in correctives)
    held_by_manager = next(i for i in correctives if i.interviewer_id == manager.employee_id)
    assert held_by_manager.status == Status.SIGNED
    # The demo manager's own manager sees the team's other interviews, not this one.
    above = db.session.get(Employee, manager.employee.manager_id)
    n2 = User(email="n2@demo.parcours.test", password_hash=manager.password_hash, employee=above)
    db.session.add(n2)
    db.session.commit()
    assert not can(n2, "interview.view", held_by_manager)
    assert can(manager, "interview.view", held_by_manager) and can(
        _user("hr"), "interview.view", held_by_manager
    )
    seen = set(db.session.scalars(sa.select(Interview.id).where(visible_interviews(n2))))
    team = db.session.scalars(
        sa.select(Interview.id).where(
            Interview.employee_id == held_by_manager.employee_id, Interview.id != held_by_manager.id
        )
    ).all()
    assert held_by_manager.id not in seen and set(team) <= seen
    client.post("/login", data={"email": n2.email, "password": DEMO_PASSWORD})
    assert client.get(f"/interviews/{held_by_manager.id}").status_code == 404
    assert client.get(f"/interviews/{team[0]}").status_code == 200


def _fingerprint(db) -> list:
    """The history without database ids (sequences need not restart after a rollback)."""
    people = dict(db.session.execute(sa.select(Employee.id, Employee.employee_number)).all())
    rows = db.session.execute(
        sa.select(
            InterviewType.code,
            Interview.employee_id,
            Interview.status,
            Interview.scheduled_start,
            Interview.due_date,
        )
        .join(Interview.interview_type)
        .order_by(InterviewType.code, Interview.employee_id, Interview.id)
    ).all()
    answers = db.session.execute(
        sa.select(Interview.employee_id, Answer.party, Answer.value)
        .join(Answer.interview)
        .order_by(Interview.employee_id, Interview.id, Answer.question_id, Answer.party)
    ).all()
    return [
        [(c, people[e], Status(s).value, t, d) for c, e, s, t, d in rows],
        [(people[e], str(p), v) for e, p, v in answers],
    ]


def test_history_is_deterministic(app, db):
    seed_demo(employees=50, seed=3, today=TODAY)
    first = _fingerprint(db)
    db.session.rollback()
    seed_demo(employees=50, seed=3, today=TODAY)
    assert _fingerprint(db) == first


def test_history_at_scale_is_written_in_bulk_with_the_same_record(app, db):
    """The benchmark data set (`seed-demo --employees 5000 --years 8`) in small: past
    campaigns and most of this year are written in bulk; their signatures verify and
    their events are those the services write."""
    result = seed_demo(employees=300, seed=11, today=TODAY, years=3)
    db.session.flush()
    campaigns = db.session.scalars(sa.select(Campaign).order_by(Campaign.opens_on)).all()
    kinds = [(c.interview_type.code, c.status) for c in campaigns]
    closed, launched = CampaignStatus.CLOSED, CampaignStatus.LAUNCHED
    assert kinds == [
        ("career", closed),  # 3 years ago
        ("annual", closed),
        ("annual", closed),  # 2 years ago
        ("career", closed),  # last year
        ("annual", closed),
        ("annual", launched),
    ]
    assert sum(result.interviews.values()) > 5 * 250
    # Objectives set three years ago were reviewed two years ago, and so on.
    first_annual = campaigns[1]
    old = db.session.scalars(
        sa.select(Objective)
        .join(Interview, Objective.interview_id == Interview.id)
        .where(Interview.campaign_id == first_annual.id)
    ).all()
    assert old and all(o.status != ObjectiveStatus.OPEN and o.reviewed_in_id for o in old)
    assert _signatures_verify(db) > 1000
    count, broken = verify_chain()
    assert broken is None and count > 10_000

    # A past interview's events are those of one taken through the services this year.
    def actions(interview_id):
        return set(
            db.session.scalars(
                sa.select(AuditEvent.action).where(
                    AuditEvent.entity_type == "interview", AuditEvent.entity_id == str(interview_id)
                )
            )
        )

    manager = _user("manager")
    through_services = db.session.scalar(
        sa.select(Interview.id).where(
            Interview.campaign_id == campaigns[-1].id,
            Interview.interviewer_id == manager.employee_id,
            Interview.status == Status.SIGNED,
        )
    )
    past = db.session.scalar(
        sa.select(Interview.id).where(
            Interview.campaign_id == campaigns[-2].id, Interview.status == Status.SIGNED
        )
    )
    expected = {"create", "schedule", "start", "answer", "request_signatures"}
    expected |= {"sign_interviewer", "sign_employee"}
    assert expected <= actions(through_services) and expected <= actions(past)
    assert actions(past) - actions(through_services) <= {"open_preparation"}


def test_seed_demo_command_takes_years(app, db):
    result = app.test_cli_runner().invoke(
        args=["hr", "seed-demo", "--employees", "40", "--years", "2"]
    )
    assert result.exit_code == 0, result.output
    assert "rh@demo.parcours.test" in result.output
    annual = db.session.scalar(
        sa.select(sa.func.count(Campaign.id))
        .join(Campaign.interview_type)
        .where(InterviewType.code == "annual")
    )
    assert annual == 3  # two past years and this one
