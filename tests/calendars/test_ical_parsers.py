"""The feed in four real parsers: icalendar, vobject, recurring-ical-events and
Mozilla's ical.js (Thunderbird's parser, run with Node with only the file's own time
zones). 10:00 in Paris on the Monday after each DST change lands on the right instant."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
import vobject

from hr.calendars.feed_content import build_feed
from hr.mail.invitations import Change
from tests.calendars.feed_helpers import Scheduler, dst_mondays

HARNESS = Path(__file__).resolve().parent.parent / "js"


def expected_utc(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 10, tzinfo=ZoneInfo("Europe/Paris")).astimezone(
        UTC
    )


@pytest.fixture
def dst_feed(company):
    s = Scheduler(company)
    days = dst_mondays()
    interviews = {s.scheduled(day, hour=10).id: day for day in days}
    due = s.interview(due=date.today() + timedelta(days=40))
    body = build_feed(company.users["employee"], "mine")
    return body, interviews, due


def test_dst_dates_cover_both_changes():
    paris = ZoneInfo("Europe/Paris")
    offsets = set()
    for monday in dst_mondays():
        before = datetime(monday.year, monday.month, monday.day, tzinfo=paris) - timedelta(days=1)
        after = datetime(monday.year, monday.month, monday.day, tzinfo=paris)
        assert before.utcoffset() != after.utcoffset()
        offsets.add(after.utcoffset())
    assert offsets == {timedelta(hours=1), timedelta(hours=2)}


def test_icalendar_parses_without_errors(dst_feed):
    body, interviews, due = dst_feed
    calendar = icalendar.Calendar.from_ical(body)
    for component in calendar.walk():
        assert not component.errors, component.errors
    starts = {
        int(str(e["UID"]).split("-")[1].split("@")[0]): e.decoded("DTSTART")
        for e in calendar.walk("VEVENT")
        if str(e["UID"]).startswith("interview-")
    }
    for interview_id, day in interviews.items():
        assert starts[interview_id].astimezone(UTC) == expected_utc(day)
    refresh = calendar["REFRESH-INTERVAL"]
    assert refresh.params["VALUE"] == "DURATION"
    assert calendar.decoded("REFRESH-INTERVAL") == timedelta(hours=1)
    ttl = calendar["X-PUBLISHED-TTL"]  # an X- property: text for icalendar, a DURATION
    assert icalendar.vDuration.from_ical(str(ttl)) == timedelta(hours=1)


def test_vobject_parses(dst_feed):
    body, interviews, due = dst_feed
    calendar = vobject.readOne(body.decode())
    starts = {e.uid.value: e.dtstart.value for e in calendar.vevent_list if e.uid.value[0] == "i"}
    for interview_id, day in interviews.items():
        (start,) = [v for k, v in starts.items() if k.startswith(f"interview-{interview_id}@")]
        assert start.astimezone(UTC) == expected_utc(day)
    deadline = next(e for e in calendar.vevent_list if e.uid.value.startswith("deadline-due"))
    assert deadline.dtstart.value == due.due_date
    assert deadline.dtend.value == due.due_date + timedelta(days=1)


def test_recurring_ical_events_expands_the_window(dst_feed):
    body, interviews, due = dst_feed
    calendar = icalendar.Calendar.from_ical(body)
    for interview_id, day in interviews.items():
        found = recurring_ical_events.of(calendar).at(day)
        (event,) = [e for e in found if str(e["UID"]).startswith(f"interview-{interview_id}@")]
        assert event["DTSTART"].dt.astimezone(UTC) == expected_utc(day)


def run_ical_js(body: bytes) -> dict:
    node = shutil.which("node")
    if node is None or not (HARNESS / "node_modules" / "ical.js").exists():
        message = "Node or tests/js/node_modules missing: run `make test` (npm ci)."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    # TZ far from Paris: a missing or misread VTIMEZONE would shift the instants.
    result = subprocess.run(
        [node, str(HARNESS / "parse_ics.mjs")],
        input=body,
        capture_output=True,
        cwd=HARNESS,
        env={"PATH": os.environ.get("PATH", ""), "TZ": "America/Los_Angeles"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def test_ical_js_reads_the_instants_with_only_the_files_timezone(dst_feed):
    body, interviews, due = dst_feed
    parsed = run_ical_js(body)
    assert parsed["timezones"] == 1
    assert parsed["method"] is None
    by_uid = {e["uid"].split("@")[0]: e for e in parsed["events"]}
    for interview_id, day in interviews.items():
        event = by_uid[f"interview-{interview_id}"]
        assert event["tzid"] == "Europe/Paris"
        assert event["start"] == expected_utc(day).isoformat().replace("+00:00", ".000Z")
        assert event["end"] == (expected_utc(day) + timedelta(hours=1)).isoformat().replace(
            "+00:00", ".000Z"
        )
    deadline = by_uid[f"deadline-due-{due.id}"]
    assert deadline["allDay"] is True
    assert deadline["start"] == due.due_date.isoformat()


def test_ical_js_reads_an_invitation(company):
    from hr.calendars.ical import interview_event, invitation_calendar

    s = Scheduler(company)
    day = dst_mondays()[-1]
    interview = s.scheduled(day)
    for change in (Change.SCHEDULED, Change.CANCELLED):
        body = invitation_calendar(interview_event(interview, cancelled=change == "cancelled"))
        parsed = run_ical_js(body)
        assert parsed["method"] == ("CANCEL" if change == "cancelled" else "REQUEST")
        (event,) = parsed["events"]
        assert event["start"] == expected_utc(day).isoformat().replace("+00:00", ".000Z")
