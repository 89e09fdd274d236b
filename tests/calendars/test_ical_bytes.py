"""ICAL.md serialization rules on the bytes of a real feed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from hr.calendars import ical
from hr.calendars.feed_content import build_feed
from tests.calendars.feed_helpers import Scheduler, dst_mondays

VTIMEZONE = (
    b"BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\nX-LIC-LOCATION:Europe/Paris\r\n"
    b"BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n"
    b"DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
    b"BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n"
    b"DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n"
    b"END:VTIMEZONE\r\n"
)


def unfolded(body: bytes) -> list[str]:
    return body.decode().replace("\r\n ", "").split("\r\n")


def test_fold_cuts_at_75_octets_without_splitting_characters():
    line = "SUMMARY:" + "é" * 100
    folded = ical.fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode()) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line
    for part in parts:
        part.encode().decode()  # each physical line is valid UTF-8 on its own


def test_text_is_escaped_and_lone_carriage_returns_dropped():
    assert ical.escape_text("a,b;c\\d\r\ne\rf\ng") == "a\\,b\\;c\\\\d\\nef\\ng"


def test_no_floating_times():
    with pytest.raises(ValueError):
        ical._utc(datetime(2027, 1, 1, 10))


@pytest.fixture
def feed_bytes(app, company):
    def _build(user_role="employee", scope="mine"):
        return build_feed(company.users[user_role], scope)

    return _build


def test_empty_feed_keeps_the_timezone_and_calendar_properties(feed_bytes):
    body = feed_bytes()
    assert body.startswith(b"BEGIN:VCALENDAR\r\n")
    assert body.endswith(b"END:VCALENDAR\r\n")
    assert VTIMEZONE in body
    lines = unfolded(body)
    assert "VERSION:2.0" in lines
    assert ical.PRODID in lines[2]
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H" in lines
    assert "X-PUBLISHED-TTL:PT1H" in lines
    assert "X-WR-TIMEZONE:Europe/Paris" in lines
    assert any(line.startswith("X-WR-CALNAME:") for line in lines)
    assert any(line.startswith("NAME:") for line in lines)
    assert not any(line.startswith("METHOD") for line in lines)
    assert "BEGIN:VEVENT" not in lines


def test_byte_rules_and_determinism(company, feed_bytes):
    s = Scheduler(company)
    spring = dst_mondays()[-1]
    s.scheduled(spring, location="Salle « Rhône », bâtiment B; 2e étage " + "x" * 80)
    first, second = feed_bytes(), feed_bytes()
    assert first == second
    assert not first.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in first.replace(b"\r\n", b"")
    assert b"\r" not in first.replace(b"\r\n", b"")
    for line in first.split(b"\r\n"):
        assert len(line) <= 75
    assert VTIMEZONE in first
    assert first.count(b"BEGIN:VTIMEZONE") == 1


def test_interview_event_properties(company, feed_bytes):
    s = Scheduler(company)
    day = date.today() + timedelta(days=20)
    interview = s.scheduled(day, hour=14)
    lines = unfolded(feed_bytes())
    host = ical.uid_host()
    assert f"UID:interview-{interview.id}@{host}" in lines
    assert f"SEQUENCE:{interview.sequence}" in lines
    stamp = interview.updated_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    assert f"DTSTAMP:{stamp}" in lines and f"LAST-MODIFIED:{stamp}" in lines
    assert f"DTSTART;TZID=Europe/Paris:{day:%Y%m%d}T140000" in lines
    assert f"DTEND;TZID=Europe/Paris:{day:%Y%m%d}T150000" in lines
    assert "LOCATION:Salle 2" in lines
    assert any(line.startswith("URL;VALUE=URI:http") for line in lines)
    assert not any("TZID=UTC" in line for line in lines)
    assert not any("TZID" in line and line.endswith("Z") for line in lines)


def test_deadlines_are_all_day_and_transparent(company, feed_bytes):
    s = Scheduler(company)
    due = date.today() + timedelta(days=30)
    interview = s.interview(due=due)
    lines = unfolded(feed_bytes())
    start = lines.index(f"UID:deadline-due-{interview.id}@{ical.uid_host()}")
    event = lines[start : lines.index("END:VEVENT", start)]
    assert f"DTSTART;VALUE=DATE:{due:%Y%m%d}" in event
    assert f"DTEND;VALUE=DATE:{due + timedelta(days=1):%Y%m%d}" in event
    assert "TRANSP:TRANSPARENT" in event


def test_cancelled_interviews_are_left_out(company, feed_bytes):
    s = Scheduler(company)
    kept = s.scheduled(date.today() + timedelta(days=10))
    gone = s.scheduled(date.today() + timedelta(days=11))
    s.cancel(gone)
    body = feed_bytes().decode()
    assert f"interview-{kept.id}@" in body
    assert f"interview-{gone.id}@" not in body
    assert "CANCELLED" not in body


def test_window_is_minus_90_days_to_plus_12_months(company, feed_bytes):
    s = Scheduler(company)
    today = date.today()
    inside = [s.scheduled(today - timedelta(days=89)), s.scheduled(today + timedelta(days=364))]
    outside = [s.scheduled(today - timedelta(days=92)), s.scheduled(today + timedelta(days=367))]
    body = feed_bytes().decode()
    for interview in inside:
        assert f"interview-{interview.id}@" in body
    for interview in outside:
        assert f"interview-{interview.id}@" not in body


def test_only_minimal_personal_content(company, feed_bytes):
    s = Scheduler(company)
    interview = s.scheduled(date.today() + timedelta(days=5))
    interview.cancel_reason = "secret reason"
    body = feed_bytes().decode()
    assert "secret" not in body
    assert "Salariée" in body  # the person's name
    assert "1980" not in body  # no birth date or other personal details


def test_a_feed_too_large_for_google_keeps_the_nearest_events(app, company, feed_bytes):
    s = Scheduler(company)
    today = date.today()
    near = s.scheduled(today + timedelta(days=1))
    past = s.scheduled(today - timedelta(days=30))
    far = s.scheduled(today + timedelta(days=200))
    full = feed_bytes()
    app.config["FEED_MAX_BYTES"] = len(full) - 1
    try:
        capped = feed_bytes()
    finally:
        del app.config["FEED_MAX_BYTES"]
    assert len(capped) < len(full)
    text = capped.decode()
    assert f"interview-{near.id}@" in text and f"interview-{past.id}@" in text
    assert f"interview-{far.id}@" not in text
    assert VTIMEZONE in capped and capped.endswith(b"END:VCALENDAR\r\n")
