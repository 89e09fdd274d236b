"""What the calendar and the feeds show for each scope: scheduled interviews, due dates
and campaign deadlines, narrowed by filters and by the permission rules."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from flask_babel import force_locale

from hr.calendars import events
from hr.calendars.events import CalendarFilters, ScopeError
from hr.campaigns import services as campaign_services
from hr.extensions import db
from hr.interviews import services
from hr.people.models import Department, DepartmentKind
from tests.calendars import make_interview, utc, version_for
from tests.campaigns import make_campaign
from tests.grids.helpers import interview_type
from tests.query_counter import count_queries

DEC = (date(2026, 12, 1), date(2026, 12, 31))


@pytest.fixture(autouse=True)
def english(app):
    with force_locale("en"):
        yield


def uids(user, scope, start=DEC[0], end=DEC[1], filters=None, **kw):
    return [i.uid for i in events.items_between(user, scope, start, end, filters, **kw)]


def test_scopes_follow_roles(company):
    u = company.users
    assert events.allowed_scopes(u["employee"]) == ("mine",)
    assert events.allowed_scopes(u["manager"]) == ("mine", "team")
    assert events.allowed_scopes(u["hr"]) == ("mine", "team", "all")  # Rita manages Olivier
    assert events.allowed_scopes(u["admin"]) == ("mine",)
    with pytest.raises(ScopeError):
        events.items_between(u["employee"], "team", *DEC)
    with pytest.raises(ScopeError):
        events.items_between(u["manager"], "all", *DEC)
    with pytest.raises(ScopeError):
        events.items_between(u["hr"], "everything", *DEC)


def test_mine_holds_my_interviews_as_employee_interviewer_or_participant(company):
    mine = make_interview(company, "employee", start=utc(2026, 12, 3, 9))
    peer = make_interview(company, "peer", start=utc(2026, 12, 4, 9))
    u = company.users
    assert uids(u["employee"], "mine") == [f"interview-{mine.id}"]
    # The manager interviews both; the peer's is not the employee's business.
    assert uids(u["manager"], "mine") == [f"interview-{mine.id}", f"interview-{peer.id}"]
    peer.second_participant_id = company.employees["hr"].id
    db.session.commit()
    assert uids(u["hr"], "mine") == [f"interview-{peer.id}"]


def test_item_fields(company):
    interview = make_interview(company, start=utc(2026, 12, 3, 9), minutes=90)
    [item] = events.items_between(company.users["employee"], "mine", *DEC)
    assert item.kind == "interview"
    assert item.title == "Annual evaluation: Élodie Salariée"
    assert (item.start, item.end) == (utc(2026, 12, 3, 9), utc(2026, 12, 3, 10, 30))
    assert item.day == date(2026, 12, 3)
    assert item.location == "Salle A"
    assert item.employee_name == "Élodie Salariée"
    assert item.interviewer_name == "Marc Manager"
    assert item.interview_type == "Annual evaluation"
    assert item.status == "scheduled"
    assert item.sequence == interview.sequence == 1
    assert item.last_modified == interview.updated_at
    assert item.last_modified.utcoffset().total_seconds() == 0


def test_team_is_everyone_below_and_hides_corrective_from_the_chain(company):
    annual = make_interview(company, "employee", start=utc(2026, 12, 3, 9))
    corrective = make_interview(company, "employee", "corrective", start=utc(2026, 12, 5, 9))
    own = make_interview(company, "manager", start=utc(2026, 12, 7, 9))
    u = company.users
    # The manager conducts the corrective interview: a party, so they see it.
    assert uids(u["manager"], "team") == [f"interview-{annual.id}", f"interview-{corrective.id}"]
    # The N+2 sees the team's annual interview and the manager's own, not the corrective.
    assert uids(u["skip"], "team") == [f"interview-{annual.id}", f"interview-{own.id}"]
    assert f"interview-{corrective.id}" in uids(u["hr"], "all")
    assert f"interview-{corrective.id}" in uids(u["employee"], "mine")


def test_cancelled_and_declined_are_left_out(company):
    cancelled = make_interview(company, "employee", start=utc(2026, 12, 3, 9))
    declined = make_interview(company, "peer", start=utc(2026, 12, 3, 11))
    hr = company.users["hr"]
    services.cancel(hr, cancelled, "Absent")
    services.decline(hr, declined, date(2026, 11, 20))
    db.session.commit()
    assert uids(hr, "all") == []


def test_window_is_local_days_both_ends_included(company):
    # 23:30 in Paris on 31 December is 22:30 UTC; 00:30 on 1 December is 23:30 UTC the day before.
    late = make_interview(company, "employee", start=utc(2026, 12, 31, 22, 30), minutes=30)
    early = make_interview(company, "peer", start=utc(2026, 11, 30, 23, 30), minutes=30)
    outside = make_interview(company, "peer", start=utc(2026, 12, 31, 23, 30), minutes=30)
    items = events.items_between(company.users["hr"], "all", *DEC)
    assert [i.uid for i in items] == [f"interview-{early.id}", f"interview-{late.id}"]
    assert [i.day for i in items] == [date(2026, 12, 1), date(2026, 12, 31)]
    assert outside.id not in {i.interview_id for i in items}


def test_due_dates_of_interviews_to_schedule(company):
    due = make_interview(company, "employee", due=date(2026, 12, 15))
    make_interview(company, "peer", due=date(2026, 12, 16), start=utc(2026, 12, 10, 9))
    items = events.items_between(company.users["employee"], "mine", *DEC)
    assert [(i.uid, i.kind, i.day, i.start) for i in items] == [
        (f"deadline-due-{due.id}", "deadline", date(2026, 12, 15), None)
    ]
    assert items[0].title == "To hold by this date: Annual evaluation, Élodie Salariée"
    assert uids(company.users["employee"], "mine", include_due_dates=False) == []


def test_campaign_deadlines_concern_the_people_in_it(company):
    hr = company.users["hr"]
    version = version_for(hr)
    campaign = make_campaign(
        hr,
        version,
        opens_on=date(2026, 11, 2),
        preparation_deadline=date(2026, 12, 1),
        interview_deadline=date(2026, 12, 18),
        signature_deadline=date(2027, 1, 15),
    )
    campaign_services.launch(hr, campaign)
    db.session.commit()
    ids = [
        f"deadline-campaign-preparation-{campaign.id}",
        f"deadline-campaign-interview-{campaign.id}",
    ]
    all_items = events.items_between(hr, "all", *DEC, include_due_dates=False)
    assert [i.uid for i in all_items] == ids
    assert all_items[0].title == "Preparation deadline: Entretiens annuels"
    assert all_items[0].sequence >= 2  # created, launched: grows with every change
    assert all_items[0].last_modified.utcoffset().total_seconds() == 0
    # Everyone in the company is in the campaign: the employee sees its deadlines too.
    assert uids(company.users["employee"], "mine", include_due_dates=False) == ids
    # Filtered on another type, the campaign is not there.
    career = CalendarFilters(interview_type_id=interview_type("career").id)
    assert uids(hr, "all", filters=career) == []


def test_draft_campaigns_have_no_deadlines(company):
    hr = company.users["hr"]
    make_campaign(hr, version_for(hr), opens_on=date(2026, 11, 2), interview_deadline=DEC[0])
    assert uids(hr, "all") == []


def test_filters(company):
    e = company.employees
    sub = Department(code="SUB", name="Atelier", kind=DepartmentKind.TEAM)
    sub.parent = company.department
    e["peer"].department = sub
    db.session.commit()
    annual = make_interview(company, "employee", start=utc(2026, 12, 3, 9))
    career = make_interview(company, "peer", "career", start=utc(2026, 12, 4, 9))
    hr_interview = make_interview(company, "hr", start=utc(2026, 12, 5, 9))
    todo = make_interview(company, "outsider", due=date(2026, 12, 20))
    hr = company.users["hr"]

    def only(**kw):
        return {
            i.interview_id for i in events.items_between(hr, "all", *DEC, CalendarFilters(**kw))
        }

    everything = {annual.id, career.id, hr_interview.id, todo.id}
    assert only() == everything
    # Production includes its sub-department Atelier.
    assert only(department_id=company.department.id) == {annual.id, career.id}
    assert only(department_id=sub.id) == {career.id}
    assert only(interview_type_id=interview_type("career").id) == {career.id}
    assert only(manager_id=e["skip"].id) == {annual.id, career.id}
    assert only(manager_id=e["hr"].id) == {todo.id}
    assert only(status="to_schedule") == {todo.id}
    assert only(status="scheduled") == {annual.id, career.id, hr_interview.id}


def test_day_counts_match_items(company):
    make_interview(company, "employee", start=utc(2026, 12, 3, 9))
    make_interview(company, "peer", start=utc(2026, 12, 3, 14))
    make_interview(company, "hr", due=date(2026, 12, 3))
    make_interview(company, "outsider", due=date(2026, 12, 20))
    counts = events.day_counts(company.users["hr"], "all", *DEC)
    assert {d: (c.interviews, c.deadlines) for d, c in counts.items()} == {
        date(2026, 12, 3): (2, 1),
        date(2026, 12, 20): (0, 1),
    }
    assert (
        events.day_counts(company.users["employee"], "mine", *DEC)[date(2026, 12, 3)].interviews
        == 1
    )


@pytest.mark.parametrize("scope,role", [("all", "hr"), ("team", "manager"), ("mine", "employee")])
def test_query_count_does_not_grow_with_data(company, scope, role):
    user = company.users[role]
    hr = company.users["hr"]
    campaign = make_campaign(
        hr, version_for(hr), opens_on=date(2026, 11, 2), interview_deadline=date(2026, 12, 18)
    )
    campaign_services.launch(hr, campaign)
    db.session.commit()
    make_interview(company, "employee", start=utc(2026, 12, 3, 9))

    def measure():
        db.session.expire_all()
        assert user.is_hr in (True, False) and user.active  # reload the user first
        with count_queries() as items_q:
            found = events.items_between(user, scope, *DEC)
        with count_queries() as counts_q:
            events.day_counts(user, scope, *DEC)
        return len(items_q), len(counts_q), len(found)

    small = measure()
    for day in range(4, 20):
        make_interview(company, "peer", start=utc(2026, 12, day, 9))
        make_interview(company, "employee", "career", due=date(2026, 12, day))
    large = measure()
    assert large[:2] == small[:2]
    assert large[2] > small[2]


@pytest.mark.parametrize("role", ["employee", "peer", "manager", "skip", "hr", "admin", "outsider"])
def test_every_item_passes_the_view_rule(company, role):
    """What a scope returns is exactly what `interview.view` allows among its interviews."""
    from hr.interviews.models import Interview
    from hr.security import can

    if role == "peer":
        from tests.factories import UserFactory

        company.users["peer"] = UserFactory(
            email=company.employees["peer"].email, employee=company.employees["peer"]
        )
    make_interview(company, "employee", start=utc(2026, 12, 3, 9))
    make_interview(company, "employee", "corrective", start=utc(2026, 12, 4, 9))
    make_interview(company, "peer", "corrective", start=utc(2026, 12, 5, 9), interviewer="skip")
    make_interview(company, "manager", start=utc(2026, 12, 6, 9))
    make_interview(company, "outsider", "corrective", start=utc(2026, 12, 7, 9))
    user = company.users[role]
    for scope in events.allowed_scopes(user):
        for item in events.items_between(user, scope, *DEC):
            assert can(user, "interview.view", db.session.get(Interview, item.interview_id))
    seen = {
        item.interview_id
        for scope in events.allowed_scopes(user)
        for item in events.items_between(user, scope, *DEC)
    }
    everything = db.session.scalars(sa.select(Interview)).all()
    assert seen == {i.id for i in everything if can(user, "interview.view", i)}


@pytest.mark.parametrize("role", ["employee", "manager", "skip", "hr", "admin", "outsider"])
def test_manageable_clause_is_the_manage_rule(company, role):
    from hr.interviews.models import Interview
    from hr.security import can

    make_interview(company, "employee")
    make_interview(company, "employee", "corrective")
    make_interview(company, "peer", "corrective", interviewer="skip")
    make_interview(company, "manager")
    make_interview(company, "outsider", "corrective")
    user = company.users[role]
    found = set(db.session.scalars(sa.select(Interview.id).where(events.manageable_clause(user))))
    everything = db.session.scalars(sa.select(Interview)).all()
    assert found == {i.id for i in everything if can(user, "interview.manage", i)}
