"""Scheduling from the calendar: the form, the warnings and their confirmation, the
service doing the change (sequence, audit), and who may do it."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from hr.audit.models import AuditEvent
from hr.extensions import db
from hr.interviews.models import Interview, Status
from tests.calendars import EN, make_interview, utc


@pytest.fixture
def todo(company):
    return make_interview(company, "employee", due=date(2027, 3, 31))


def slot(day="2027-03-09", start="10:00", end="11:00", **extra):
    return {"day": day, "start": start, "end": end, "location": "Salle B"} | extra


def post(client, interview, data):
    return client.post(f"/calendar/schedule/{interview.id}", data=data, headers=EN)


def reload(interview) -> Interview:
    db.session.expire_all()
    return db.session.get(Interview, interview.id)


def schedule_events(interview) -> list[AuditEvent]:
    return list(
        db.session.scalars(
            sa.select(AuditEvent).where(
                AuditEvent.entity_type == "interview",
                AuditEvent.entity_id == str(interview.id),
                AuditEvent.action == "schedule",
            )
        )
    )


def test_form_is_prefilled_from_the_picked_slot(client, login_as, todo):
    login_as("manager")
    html = client.get(
        f"/calendar/schedule/{todo.id}?day=2027-03-09&start=14:30", headers=EN
    ).get_data(as_text=True)
    assert 'value="2027-03-09"' in html
    assert 'value="14:30"' in html and 'value="15:30"' in html
    assert "Annual evaluation — Élodie Salariée" in html


@pytest.mark.parametrize("query", ["day=2027-02-30&start=10:00", "day=x&start=25:99", "start=1"])
def test_bad_prefill_is_ignored(client, login_as, todo, query):
    login_as("manager")
    response = client.get(f"/calendar/schedule/{todo.id}?{query}", headers=EN)
    assert response.status_code == 200


def test_a_free_slot_is_scheduled_at_once(client, login_as, todo):
    login_as("manager")
    response = post(client, todo, slot())
    assert response.status_code == 303
    assert response.location.endswith("/calendar/day/2027-03-09")
    interview = reload(todo)
    assert interview.status == Status.SCHEDULED
    # 10:00 in Paris in March (winter time) is 09:00 UTC.
    assert interview.scheduled_start == utc(2027, 3, 9, 9)
    assert interview.scheduled_end == utc(2027, 3, 9, 10)
    assert interview.location == "Salle B"
    assert interview.sequence == 1
    assert len(schedule_events(todo)) == 1
    html = client.get(response.location, headers=EN).get_data(as_text=True)
    assert "Interview scheduled on Tuesday, March 9, 2027" in html


def test_a_conflict_asks_for_confirmation_and_changes_nothing(client, login_as, company, todo):
    make_interview(company, "peer", start=utc(2027, 3, 9, 9, 30))  # the manager, 10:30 Paris
    login_as("manager")
    response = post(client, todo, slot())
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Marc Manager already has an interview from 10:30" in html
    assert "Schedule anyway" in html
    assert reload(todo).status == Status.TO_SCHEDULE
    assert schedule_events(todo) == []
    # "Schedule anyway" carries the fingerprint of what was shown.
    fingerprint = html.split('name="confirmed" value="')[1].split('"')[0]
    response = post(client, todo, slot(confirmed=fingerprint))
    assert response.status_code == 303
    assert reload(todo).status == Status.SCHEDULED
    flashes = client.get(response.location, headers=EN).get_data(as_text=True)
    assert "Scheduled despite the warnings." in flashes


def test_a_stale_confirmation_shows_the_warnings_again(client, login_as, company, todo):
    login_as("manager")
    html = post(client, todo, slot(day="2027-07-14")).get_data(as_text=True)
    assert "is a public holiday (National Day)" in html
    fingerprint = html.split('name="confirmed" value="')[1].split('"')[0]
    # Confirmed for the holiday, but now on a Saturday at 8:00: new warnings.
    response = post(client, todo, slot(day="2027-07-17", start="08:00", confirmed=fingerprint))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "The warnings changed since you confirmed" in html
    assert "is a weekend day" in html and "outside working hours" in html
    assert reload(todo).status == Status.TO_SCHEDULE


@pytest.mark.parametrize(
    "data,message",
    [
        (slot(end="09:00"), "The interview must end after it starts."),
        (slot(day="2027-02-30"), "Not a valid date value."),
        (slot(start="nonsense"), "Not a valid time value."),
        (slot(video_link="not a link"), "Invalid URL."),
        (slot(day="9999-01-05"), "Choose a date between 1970 and 2100."),
    ],
)
def test_invalid_input_is_refused_with_a_message(client, login_as, todo, data, message):
    login_as("manager")
    response = post(client, todo, data)
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert reload(todo).status == Status.TO_SCHEDULE


def test_who_may_schedule(client, login_as, company, todo):
    login_as("employee")  # the employee sees it but does not schedule it
    assert client.get(f"/calendar/schedule/{todo.id}").status_code == 403
    assert post(client, todo, slot()).status_code == 403
    login_as("outsider")  # cannot even see it
    assert client.get(f"/calendar/schedule/{todo.id}").status_code == 404
    assert client.get("/calendar/schedule/999999").status_code == 404
    login_as("hr")
    assert post(client, todo, slot()).status_code == 303


def test_ended_interviews_cannot_be_rescheduled(client, login_as, company, todo):
    from hr.interviews import services

    services.cancel(company.users["hr"], todo, "Left the company")
    db.session.commit()
    login_as("manager")
    response = post(client, todo, slot())
    assert response.status_code == 303
    assert response.location.endswith(f"/interviews/{todo.id}")
    assert reload(todo).status == Status.CANCELLED


def test_picking_mode_on_the_month_and_day(client, login_as, company, todo):
    make_interview(company, "peer", start=utc(2027, 3, 9, 9))  # the manager, 10:00 Paris
    login_as("manager")
    html = client.get(f"/calendar/month/2027-03?interview={todo.id}", headers=EN).get_data(
        as_text=True
    )
    assert "Choose a day, then a time, for: Annual evaluation, Élodie Salariée." in html
    assert f'href="/calendar/day/2027-03-09?interview={todo.id}"' in html
    html = client.get(f"/calendar/day/2027-03-09?interview={todo.id}", headers=EN).get_data(
        as_text=True
    )
    assert f"/calendar/schedule/{todo.id}?day=2027-03-09&amp;start=10:00" in html
    assert "busy: Marc Manager" in html


@pytest.mark.parametrize(
    "value,message",
    [("abc", "Unknown interview"), ("999999", "Unknown interview")],
)
def test_picking_an_unknown_interview(client, login_as, todo, value, message):
    login_as("manager")
    html = client.get(f"/calendar/month/2027-03?interview={value}", headers=EN).get_data(
        as_text=True
    )
    assert message in html


def test_picking_needs_the_right_to_schedule(client, login_as, todo):
    login_as("employee")
    html = client.get(f"/calendar/month/2027-03?interview={todo.id}", headers=EN).get_data(
        as_text=True
    )
    assert "You may not schedule this interview." in html
    assert "Choose this day" not in html


def test_to_schedule_panel(client, login_as, todo):
    login_as("manager")
    html = client.get("/calendar/month/2027-03", headers=EN).get_data(as_text=True)
    assert "To schedule" in html
    assert f"interview={todo.id}" in html
    login_as("employee")
    html = client.get("/calendar/month/2027-03", headers=EN).get_data(as_text=True)
    assert f"interview={todo.id}" not in html
