"""Campaign life cycle through the services: create and edit while draft, launch in
bulk, add, remove, assign, move to a newer grid version, close (refused, then forced)."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from hr.audit.models import AuditEvent
from hr.audit.services import verify_chain
from hr.campaigns import services
from hr.campaigns.models import Campaign, CampaignStatus
from hr.campaigns.population import Criteria
from hr.extensions import db
from hr.grids import services as grid_services
from hr.interviews.models import Answer, Interview, Status
from hr.people.models import Department, DepartmentKind, Employee
from tests.campaigns import (
    english,
    make_campaign,
    make_org,
    make_staff,
    new_draft,
    published_version,
)
from tests.grids.helpers import interview_type
from tests.query_counter import count_queries

__all__ = ["english"]


@pytest.fixture
def hr_user(company):
    return company.users["hr"]


@pytest.fixture
def org(db, company):
    return make_org()


@pytest.fixture
def version(hr_user):
    return published_version(hr_user)


def _interviews(campaign) -> list[Interview]:
    return list(
        db.session.scalars(
            sa.select(Interview).where(Interview.campaign_id == campaign.id).order_by(Interview.id)
        )
    )


def _events(entity_type: str, action: str, ids=None) -> list[AuditEvent]:
    query = sa.select(AuditEvent).where(
        AuditEvent.entity_type == entity_type, AuditEvent.action == action
    )
    if ids is not None:
        query = query.where(AuditEvent.entity_id.in_([str(i) for i in ids]))
    return list(db.session.scalars(query))


def _dir(org) -> Criteria:
    return Criteria(department_ids=(org.departments["DIR"].id,))


# --- draft -------------------------------------------------------------------------------


def test_create_and_edit_while_draft(db, hr_user, org, version):
    campaign = make_campaign(hr_user, version, _dir(org))
    assert campaign.status == CampaignStatus.DRAFT
    assert campaign.population["department_ids"] == [org.departments["DIR"].id]
    assert _events("campaign", "create", [campaign.id])
    values = services.CampaignValues(
        name="Renamed",
        interview_type=version.grid.interview_type,
        grid_version=version,
        criteria=Criteria(site_ids=(org.sites["PAR"].id,)),
        opens_on=date(2026, 2, 1),
        interview_deadline=date(2026, 4, 30),
    )
    services.update_campaign(hr_user, campaign, values)
    assert campaign.name == "Renamed" and campaign.population["site_ids"] == [org.sites["PAR"].id]
    assert _events("campaign", "update", [campaign.id])
    services.launch(hr_user, campaign)
    with pytest.raises(services.CampaignError):
        services.update_campaign(hr_user, campaign, values)


@pytest.mark.usefixtures("english")
def test_bad_values_are_refused_and_change_nothing(db, hr_user, org, version):
    career = published_version(hr_user, "career", name="Grille parcours")
    count = db.session.scalar(sa.select(sa.func.count()).select_from(Campaign))
    base = dict(
        name="X",
        interview_type=interview_type("annual"),
        grid_version=version,
        criteria=Criteria(),
        opens_on=date(2026, 3, 1),
        interview_deadline=date(2026, 4, 1),
    )
    for changes, message in [
        (dict(interview_deadline=date(2026, 2, 1)), "interview deadline must come after"),
        (dict(preparation_deadline=date(2026, 5, 1)), "preparation deadline"),
        (dict(signature_deadline=date(2026, 3, 15)), "signature deadline"),
        (dict(grid_version=career), "another kind of interview"),
    ]:
        with pytest.raises(services.CampaignError, match=message):
            services.create_campaign(hr_user, services.CampaignValues(**(base | changes)))
    draft = new_draft(hr_user, version.grid)
    with pytest.raises(services.CampaignError, match="published"):
        services.create_campaign(
            hr_user, services.CampaignValues(**(base | {"grid_version": draft}))
        )
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Campaign)) == count


def test_only_hr_may_act(db, company, org, version):
    campaign = make_campaign(company.users["hr"], version, _dir(org))
    for role in ("manager", "employee", "admin"):
        with pytest.raises(PermissionError):
            services.launch(company.users[role], campaign)
    assert campaign.status == CampaignStatus.DRAFT and not _interviews(campaign)


# --- launch ------------------------------------------------------------------------------


def test_launch_creates_one_interview_per_person_with_manager_due_date_and_version(
    db, hr_user, org, version
):
    campaign = make_campaign(hr_user, version, _dir(org))
    result = services.launch(hr_user, campaign)
    interviews = _interviews(campaign)
    p = org.people
    by_employee = {i.employee_id: i for i in interviews}
    assert set(by_employee) == org.ids("boss", "m1", "a", "b", "c", "e", "nohire")
    assert len(interviews) == len(by_employee) == result.interviews == 7
    assert result.without_interviewer == 2  # boss (no manager), e (manager left)
    assert by_employee[p["a"].id].interviewer_id == p["m1"].id
    assert by_employee[p["m1"].id].interviewer_id == p["boss"].id
    assert by_employee[p["boss"].id].interviewer_id is None
    assert by_employee[p["e"].id].interviewer_id is None
    for i in interviews:
        assert i.status == Status.TO_SCHEDULE
        assert i.due_date == campaign.interview_deadline
        assert i.offered_on == campaign.opens_on
        assert i.grid_version_id == version.id
        assert i.interview_type_id == campaign.interview_type_id
        assert i.created_by_id == hr_user.id
    assert campaign.status == CampaignStatus.LAUNCHED and campaign.launched_at
    created = _events("interview", "create", [i.id for i in interviews])
    assert len(created) == 7
    event = next(e for e in created if e.entity_id == str(by_employee[p["a"].id].id))
    assert event.changes["after"]["interviewer_id"] == p["m1"].id
    assert event.changes["after"]["campaign_id"] == campaign.id
    (launch_event,) = _events("campaign", "launch", [campaign.id])
    assert launch_event.changes["after"]["interviews"] == 7
    db.session.commit()
    assert verify_chain()[1] is None  # the bulk events chain like any other


def test_launch_is_refused_twice_and_with_an_unpublished_version(db, hr_user, org, version):
    campaign = make_campaign(hr_user, version, _dir(org))
    services.launch(hr_user, campaign)
    with pytest.raises(services.CampaignError):
        services.launch(hr_user, campaign)
    assert len(_interviews(campaign)) == 7
    other = make_campaign(hr_user, version, _dir(org), name="Autre")
    draft = new_draft(hr_user, version.grid)
    other.grid_version_id = draft.id  # a draft version slipped in (e.g. older data)
    db.session.flush()
    db.session.expire(other, ["grid_version"])
    with pytest.raises(services.CampaignError):
        services.launch(hr_user, other)
    assert other.status == CampaignStatus.DRAFT and not _interviews(other)


def test_launch_with_nobody_is_refused(db, hr_user, org, version):
    campaign = make_campaign(hr_user, version, Criteria(hired_before=date(1900, 1, 1)))
    with pytest.raises(services.CampaignError):
        services.launch(hr_user, campaign)
    assert campaign.status == CampaignStatus.DRAFT


def _launch_statements(hr_user, org, version, n: int, prefix: str) -> tuple[int, int]:
    department = Department(code=f"Q-{prefix}", name=f"Q {prefix}", kind=DepartmentKind.SERVICE)
    db.session.add(department)
    make_staff(n, department, org.people["m1"], prefix)
    campaign = make_campaign(hr_user, version, Criteria(department_ids=(department.id,)))
    with count_queries() as statements:
        result = services.launch(hr_user, campaign)
        db.session.flush()
    assert result.interviews == n
    return len(statements), len(_interviews(campaign))


def test_launch_costs_the_same_number_of_statements_for_50_and_500(db, hr_user, org, version):
    small, created_small = _launch_statements(hr_user, org, version, 50, "S")
    big, created_big = _launch_statements(hr_user, org, version, 500, "B")
    assert (created_small, created_big) == (50, 500)
    assert big == small, (small, big)
    assert big <= 12


def test_launch_for_5000_employees(db):
    from hr.auth.models import User
    from hr.demo.seed import DEMO_ACCOUNTS, seed_demo

    seed_demo(employees=5000, history=False)
    db.session.flush()
    hr_user = db.session.scalar(sa.select(User).where(User.email == DEMO_ACCOUNTS["hr"]))
    version = published_version(hr_user, name="Grille 5000")
    campaign = make_campaign(hr_user, version)
    expected = dict(
        db.session.execute(
            sa.select(Employee.id, Employee.manager_id).where(Employee.left_on.is_(None))
        ).all()
    )
    result = services.launch(hr_user, campaign)
    db.session.flush()
    rows = db.session.execute(
        sa.select(Interview.employee_id, Interview.interviewer_id).where(
            Interview.campaign_id == campaign.id
        )
    ).all()
    assert result.interviews == len(rows) == len(expected) >= 5000
    assert {e: m for e, m in rows if m is not None} == {
        e: m for e, m in expected.items() if m is not None
    }
    assert len(_events("interview", "create")) >= len(rows)


# --- while running -----------------------------------------------------------------------


@pytest.fixture
def running(hr_user, org, version):
    campaign = make_campaign(
        hr_user, version, Criteria(department_ids=(org.departments["TEAM"].id,))
    )
    services.launch(hr_user, campaign)
    db.session.flush()
    return campaign


def test_add_person_refused_when_already_in_or_left(db, hr_user, org, running):
    p = org.people
    interview = services.add_person(hr_user, running, p["d"])
    assert interview.interviewer_id == p["boss"].id and interview.campaign_id == running.id
    assert interview.due_date == running.interview_deadline
    assert _events("interview", "create", [interview.id])
    assert _events("campaign", "add_person", [running.id])
    for who in ("d", "a", "gone"):  # again; already in since launch; has left
        with pytest.raises(services.CampaignError):
            services.add_person(hr_user, running, p[who])
    assert len([i for i in _interviews(running) if i.employee_id == p["d"].id]) == 1


def test_remove_cancels_with_reason_and_allows_adding_back(db, hr_user, org, running):
    p = org.people
    interview = next(i for i in _interviews(running) if i.employee_id == p["a"].id)
    services.remove_person(hr_user, running, interview)
    assert interview.status == Status.CANCELLED and interview.cancel_reason
    assert _events("interview", "cancel", [interview.id])[0].reason == interview.cancel_reason
    again = services.add_person(hr_user, running, p["a"])
    assert again.id != interview.id and again.status == Status.TO_SCHEDULE


def test_remove_refused_once_held(db, hr_user, org, running):
    interview = next(i for i in _interviews(running) if i.employee_id == org.people["b"].id)
    interview.status = Status.HELD
    db.session.flush()
    with pytest.raises(services.CampaignError):
        services.remove_person(hr_user, running, interview)
    assert interview.status == Status.HELD


def test_assign_interviewer(db, hr_user, org, running):
    p = org.people
    interview = next(i for i in _interviews(running) if i.employee_id == p["e"].id)
    assert interview.interviewer_id is None
    services.assign_interviewer(hr_user, running, interview, p["m1"])
    assert interview.interviewer_id == p["m1"].id
    assert _events("interview", "assign_interviewer", [interview.id])
    with pytest.raises(services.CampaignError):
        services.assign_interviewer(hr_user, running, interview, p["gone"])
    with pytest.raises(services.CampaignError):
        services.assign_interviewer(hr_user, running, interview, p["e"])


def test_move_not_started_interviews_to_a_newer_version(db, hr_user, org, version, running):
    interviews = {i.employee_id: i for i in _interviews(running)}
    p = org.people
    held = interviews[p["a"].id]
    held.status = Status.HELD
    prepared = interviews[p["b"].id]
    prepared.status = Status.IN_PREPARATION
    question = version.sections[0].questions[0]
    db.session.add(
        Answer(interview_id=prepared.id, question_id=question.id, party="employee", value="x")
    )
    db.session.flush()
    with pytest.raises(services.CampaignError):  # not newer
        services.move_to_version(hr_user, running, version)
    other_grid = published_version(hr_user, name="Autre grille")
    with pytest.raises(services.CampaignError):  # another grid
        services.move_to_version(hr_user, running, other_grid)
    v2 = new_draft(hr_user, version.grid)
    with pytest.raises(services.CampaignError):  # not published
        services.move_to_version(hr_user, running, v2)
    grid_services.publish(hr_user, v2)
    with count_queries():
        result = services.move_to_version(hr_user, running, v2)
    assert result.moved == len(interviews) - 2 and result.kept_with_answers == 1
    for employee_id, interview in interviews.items():
        expected = version.id if interview in (held, prepared) else v2.id
        assert interview.grid_version_id == expected, employee_id
    assert running.grid_version_id == v2.id
    moved_ids = [i.id for i in interviews.values() if i.grid_version_id == v2.id]
    events = _events("interview", "change_grid_version", moved_ids)
    assert len(events) == len(moved_ids)
    assert events[0].changes == {
        "before": {"grid_version_id": version.id},
        "after": {"grid_version_id": v2.id},
    }
    assert services.add_person(hr_user, running, p["d"]).grid_version_id == v2.id


@pytest.mark.usefixtures("english")
def test_close_refused_while_open_then_forced_with_reason(db, hr_user, org, running):
    interviews = _interviews(running)
    interviews[0].status = Status.SIGNED
    db.session.flush()
    with pytest.raises(services.CampaignError, match="not finished"):
        services.close(hr_user, running)
    with pytest.raises(services.CampaignError, match="reason"):
        services.close(hr_user, running, force=True)
    assert running.status == CampaignStatus.LAUNCHED
    services.close(hr_user, running, reason="Fin de l'exercice", force=True)
    assert running.status == CampaignStatus.CLOSED and running.close_reason == "Fin de l'exercice"
    assert [i.status for i in _interviews(running)][1:] == [Status.TO_SCHEDULE] * (
        len(interviews) - 1
    )
    (event,) = _events("campaign", "close", [running.id])
    assert event.reason == "Fin de l'exercice"
    with pytest.raises(services.CampaignError):
        services.add_person(hr_user, running, org.people["d"])


def test_close_without_force_once_everything_ended(db, hr_user, running):
    for i, interview in enumerate(_interviews(running)):
        interview.status = [Status.SIGNED, Status.CANCELLED, Status.CLOSED, Status.DECLINED][i % 4]
    db.session.flush()
    services.close(hr_user, running)
    assert running.status == CampaignStatus.CLOSED and running.close_reason is None
