"""Invitations by e-mail, received by a real SMTP server on loopback and parsed with
the standard library: MIME structure, iMIP content, language, updates and cancels."""

from __future__ import annotations

from datetime import date, timedelta

import icalendar
import sqlalchemy as sa
from babel.dates import format_date

from hr.calendars.ical import uid_host
from hr.extensions import db
from hr.mail.models import MailStatus, OutboxMessage
from tests.calendars.feed_helpers import Scheduler, new_feed
from tests.mail.helpers import cancel_via_page, parts, schedule_via_page

DAY = date.today() + timedelta(days=14)


def calendar_part(message):
    (part,) = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    return part


def test_scheduling_sends_an_invitation_to_employee_and_interviewer(
    client, login_as, company, smtp
):
    interview = Scheduler(company).interview()
    login_as("hr")
    schedule_via_page(client, interview, DAY)
    employee, manager = company.employees["employee"], company.employees["manager"]
    assert sorted(r for e in smtp.envelopes for r in e.rcpt_tos) == sorted(
        [employee.email, manager.email]
    )
    (message,) = smtp.to(employee.email)
    assert parts(message) == [
        "multipart/mixed",
        "multipart/alternative",
        "text/plain",
        "text/html",
        "text/calendar",
        "application/ics",
    ]
    attachment = message.get_payload()[1]
    assert attachment.get_content_disposition() == "attachment"
    assert attachment.get_filename() == "invite.ics"
    part = calendar_part(message)
    assert part.get_param("method") == "REQUEST"
    assert part.get_content_charset().lower() == "utf-8"
    ics = part.get_content().encode() if isinstance(part.get_content(), str) else part.get_content()
    assert attachment.get_content() == ics
    calendar = icalendar.Calendar.from_ical(ics)
    assert calendar["METHOD"] == "REQUEST"
    assert "X-WR-CALNAME" not in calendar
    (event,) = calendar.walk("VEVENT")
    db.session.refresh(interview)
    assert str(event["UID"]) == f"interview-{interview.id}@{uid_host()}"
    assert int(event["SEQUENCE"]) == interview.sequence
    organizer = str(event["ORGANIZER"])
    assert organizer == "mailto:rh-parcours@example.test"
    assert message["From"].addresses[0].domain == organizer.split("@")[1]
    attendees = event.get("ATTENDEE")
    assert {str(a).removeprefix("mailto:") for a in attendees} == {employee.email, manager.email}
    for attendee in attendees:
        assert attendee.params["ROLE"] == "REQ-PARTICIPANT"
        assert attendee.params["PARTSTAT"] == "NEEDS-ACTION"
        assert attendee.params["RSVP"] == "TRUE"
        assert attendee.params["CN"]
    text = message.get_body(("plain",)).get_content()
    assert f"/interviews/{interview.id}" in text
    html = message.get_body(("html",)).get_content()
    assert 'href="http' in html and f"/interviews/{interview.id}" in html


def test_same_uid_as_the_feed(client, login_as, company, smtp):
    interview = Scheduler(company).interview()
    login_as("hr")
    schedule_via_page(client, interview, DAY)
    (message,) = smtp.to(company.employees["employee"].email)
    uid = icalendar.Calendar.from_ical(calendar_part(message).get_content()).walk("VEVENT")[0][
        "UID"
    ]
    feed = client.get(new_feed(company.users["employee"])).data.decode()
    assert f"UID:{uid}\r\n" in feed


def test_body_in_the_recipients_language(client, login_as, company, smtp):
    company.users["employee"].locale = "fr"
    company.users["manager"].locale = "en"
    db.session.commit()
    interview = Scheduler(company).interview()
    login_as("hr")
    schedule_via_page(client, interview, DAY)
    (french,) = smtp.to(company.employees["employee"].email)
    (english,) = smtp.to(company.employees["manager"].email)
    day = interview.scheduled_start
    assert format_date(day.date(), "full", locale="fr") in french.get_body(("plain",)).get_content()
    assert (
        format_date(day.date(), "full", locale="en") in english.get_body(("plain",)).get_content()
    )
    assert 'lang="fr"' in french.get_body(("html",)).get_content()


def test_reschedule_and_cancel_raise_the_sequence_and_keep_the_uid(client, login_as, company, smtp):
    interview = Scheduler(company).interview()
    login_as("hr")
    email = company.employees["employee"].email
    schedule_via_page(client, interview, DAY)
    schedule_via_page(client, interview, DAY + timedelta(days=1), start="14:00", end="15:00")
    schedule_via_page(client, interview, DAY + timedelta(days=1), start="14:00", end="15:00")
    cancel_via_page(client, interview)
    messages = smtp.to(email)
    assert len(messages) == 3  # the unchanged re-submission sends nothing
    events, methods = [], []
    for message in messages:
        part = calendar_part(message)
        methods.append(part.get_param("method"))
        calendar = icalendar.Calendar.from_ical(part.get_content())
        assert calendar["METHOD"] == part.get_param("method")
        events.append(calendar.walk("VEVENT")[0])
    assert methods == ["REQUEST", "REQUEST", "CANCEL"]
    assert len({str(e["UID"]) for e in events}) == 1
    sequences = [int(e["SEQUENCE"]) for e in events]
    assert sequences == sorted(sequences) and len(set(sequences)) == 3
    assert str(events[-1]["STATUS"]) == "CANCELLED"
    assert str(events[0]["STATUS"]) == "CONFIRMED"
    assert messages[1]["Subject"].startswith("Updated") or "Updated" in messages[1]["Subject"]
    db.session.refresh(interview)
    assert sequences[-1] == interview.sequence


def test_past_meetings_send_nothing(client, login_as, company, smtp):
    interview = Scheduler(company).interview()
    login_as("hr")
    schedule_via_page(client, interview, date.today() - timedelta(days=3))
    assert smtp.envelopes == []


def test_people_without_an_address_are_recorded_as_skipped(client, login_as, company, smtp):
    company.employees["peer"].email = None
    db.session.commit()
    interview = Scheduler(company).interview(who="peer")
    login_as("hr")
    schedule_via_page(client, interview, DAY)
    rows = db.session.scalars(
        sa.select(OutboxMessage).where(OutboxMessage.interview_id == interview.id)
    ).all()
    assert {r.status for r in rows} == {MailStatus.SKIPPED, MailStatus.SENT}
    assert [r.recipient_email for r in rows if r.status == MailStatus.SENT] == [
        company.employees["manager"].email
    ]
    page = client.get("/mail/").get_data(as_text=True)
    assert "Collègue" in page


def test_a_declined_meeting_is_cancelled_in_calendars(app, company, smtp):
    from hr.interviews import services
    from hr.mail import outbox

    s = Scheduler(company)
    interview = s.interview()
    s.schedule(interview, DAY)
    outbox.deliver()
    services.decline(company.users["hr"], interview, date.today(), "Pas disponible")
    db.session.commit()
    outbox.deliver()
    request, cancel = smtp.to(company.employees["employee"].email)
    assert calendar_part(request).get_param("method") == "REQUEST"
    assert calendar_part(cancel).get_param("method") == "CANCEL"


def test_no_cancellation_for_an_invitation_never_sent(app, company, smtp_down):
    s = Scheduler(company)
    interview = s.interview()
    s.schedule(interview, DAY)  # not delivered: the SMTP server is down
    s.cancel(interview)
    rows = db.session.scalars(
        sa.select(OutboxMessage).where(OutboxMessage.interview_id == interview.id)
    ).all()
    assert {r.status for r in rows} == {MailStatus.SUPERSEDED}


def test_a_new_interviewer_is_invited_and_the_previous_one_gets_a_cancel(app, company, smtp):
    from hr.campaigns import services as campaign_services
    from hr.campaigns.models import CampaignStatus
    from hr.mail import outbox
    from tests.campaigns import make_campaign

    s = Scheduler(company)
    interview = s.interview(interviewer="manager")
    campaign = make_campaign(s.hr, s.version)
    campaign.status = CampaignStatus.LAUNCHED  # a running campaign holding the interview
    interview.campaign_id = campaign.id
    db.session.commit()
    s.schedule(interview, DAY)
    outbox.deliver()
    manager, peer = company.employees["manager"], company.employees["peer"]

    campaign_services.assign_interviewer(s.hr, campaign, interview, peer)
    db.session.commit()
    outbox.deliver()

    (invited,) = smtp.to(peer.email)
    event = icalendar.Calendar.from_ical(calendar_part(invited).get_content()).walk("VEVENT")[0]
    assert calendar_part(invited).get_param("method") == "REQUEST"
    attendees = {str(a).removeprefix("mailto:") for a in event.get("ATTENDEE")}
    assert peer.email in attendees and manager.email not in attendees
    first, cancel = smtp.to(manager.email)
    assert calendar_part(cancel).get_param("method") == "CANCEL"
    cancelled = icalendar.Calendar.from_ical(calendar_part(cancel).get_content()).walk("VEVENT")[0]
    assert str(cancelled["UID"]) == str(event["UID"])
    assert int(cancelled["SEQUENCE"]) == int(event["SEQUENCE"]) == interview.sequence
    assert {str(a).removeprefix("mailto:") for a in [cancelled["ATTENDEE"]]} == {manager.email}
    updated = smtp.to(company.employees["employee"].email)
    assert [calendar_part(m).get_param("method") for m in updated] == ["REQUEST", "REQUEST"]
