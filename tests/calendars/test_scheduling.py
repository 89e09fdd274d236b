"""Warnings before scheduling a slot: overlaps, working hours and days, public holidays
(the pure function), and the inputs gathered from the database."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from flask_babel import force_locale

from hr.calendars import scheduling
from hr.calendars.holidays import public_holidays
from hr.calendars.scheduling import Busy, Person, SlotWarning, WorkingTime, slot_warnings
from hr.extensions import db
from hr.interviews import services
from tests.calendars import make_interview, utc

PARIS = ZoneInfo("Europe/Paris")
OFFICE = WorkingTime(time(9), time(18), frozenset({1, 2, 3, 4, 5}))
ANNA, BEN = Person(1, "Anna Martin", "employee"), Person(2, "Ben Roux", "interviewer")


@pytest.fixture(autouse=True)
def english(app):
    with force_locale("en"):
        yield


def paris(*args) -> datetime:
    return datetime(*args, tzinfo=PARIS)


def codes(start, end, holidays=None, busy=(), working=OFFICE, now=None) -> list[str]:
    found = slot_warnings(
        start,
        end,
        zone=PARIS,
        working=working,
        holidays=public_holidays(date(2026, 1, 1), date(2027, 12, 31))
        if holidays is None
        else holidays,
        people=[ANNA, BEN],
        busy=list(busy),
        now=now,
    )
    assert all(isinstance(w, SlotWarning) and w.message for w in found)
    return [w.code for w in found]


def test_an_ordinary_slot_has_no_warning():
    # Thursday 3 December 2026, 10:00–11:00 in Paris.
    assert codes(paris(2026, 12, 3, 10), paris(2026, 12, 3, 11)) == []
    # Exactly the working day's bounds are fine.
    assert codes(paris(2026, 12, 3, 9), paris(2026, 12, 3, 18)) == []


@pytest.mark.parametrize(
    "start,end",
    [
        (paris(2026, 12, 3, 8, 30), paris(2026, 12, 3, 9, 30)),  # starts too early
        (paris(2026, 12, 3, 17, 30), paris(2026, 12, 3, 18, 30)),  # ends too late
        (paris(2026, 12, 3, 19), paris(2026, 12, 3, 20)),
    ],
)
def test_outside_working_hours(start, end):
    assert codes(start, end) == ["outside_hours"]


def test_working_hours_are_local_time_across_dst():
    # Tuesday 30 March 2027 (DST began on the 28th): 09:00 Paris is 07:00 UTC.
    start = datetime(2027, 3, 30, 7, tzinfo=UTC)
    assert codes(start, datetime(2027, 3, 30, 8, tzinfo=UTC)) == []
    # 07:00 UTC in winter is 08:00 in Paris: too early.
    assert codes(datetime(2027, 3, 26, 7, tzinfo=UTC), datetime(2027, 3, 26, 8, tzinfo=UTC)) == [
        "outside_hours"
    ]


@pytest.mark.parametrize(
    "day,name",
    [
        (date(2026, 7, 14), "National Day"),
        (date(2026, 5, 1), "Labor Day"),
        (date(2026, 11, 11), "Armistice Day"),
        (date(2027, 5, 6), "Ascension Day"),
    ],
)
def test_public_holidays(day, name):
    start = datetime.combine(day, time(10), PARIS)
    found = slot_warnings(
        start,
        start.replace(hour=11),
        zone=PARIS,
        working=OFFICE,
        holidays=public_holidays(day, day),
        people=[],
        busy=[],
    )
    assert [w.code for w in found] == ["holiday"]
    assert name in found[0].message


def test_weekend_and_non_working_days():
    # Saturday 5 December 2026.
    assert codes(paris(2026, 12, 5, 10), paris(2026, 12, 5, 11)) == ["non_working_day"]
    # A company open Monday to Saturday: Saturday is fine, Wednesday off is not.
    shop = WorkingTime(time(9), time(18), frozenset({1, 2, 4, 5, 6}))
    assert codes(paris(2026, 12, 5, 10), paris(2026, 12, 5, 11), working=shop) == []
    found = slot_warnings(
        paris(2026, 12, 2, 10),
        paris(2026, 12, 2, 11),
        zone=PARIS,
        working=shop,
        holidays={},
        people=[],
        busy=[],
    )
    assert [(w.code, w.message) for w in found] == [
        ("non_working_day", "Wednesday, December 2, 2026 is not a working day.")
    ]


def test_overlaps_name_the_person_and_the_time_only():
    busy = [
        Busy(10, frozenset({2, 99}), paris(2026, 12, 3, 10, 30), paris(2026, 12, 3, 11, 30)),
        Busy(11, frozenset({1}), paris(2026, 12, 3, 11), paris(2026, 12, 3, 12)),  # touches: fine
        Busy(12, frozenset({99}), paris(2026, 12, 3, 10), paris(2026, 12, 3, 11)),  # not ours
    ]
    found = slot_warnings(
        paris(2026, 12, 3, 10),
        paris(2026, 12, 3, 11),
        zone=PARIS,
        working=OFFICE,
        holidays={},
        people=[ANNA, BEN],
        busy=busy,
    )
    assert [(w.code, w.message.replace("\u202f", " ")) for w in found] == [
        ("overlap", "Ben Roux already has an interview from 10:30 AM to 11:30 AM.")
    ]


def test_everything_at_once_and_in_the_past():
    busy = [Busy(10, frozenset({1}), paris(2026, 7, 14, 7), paris(2026, 7, 14, 9))]
    assert codes(
        paris(2026, 7, 14, 8),
        paris(2026, 7, 14, 9),
        busy=busy,
        now=paris(2026, 8, 1, 0),
    ) == ["past", "holiday", "outside_hours", "overlap"]


def test_fingerprint_changes_with_the_warnings():
    a = [SlotWarning("holiday", "x")]
    assert scheduling.fingerprint(a) == scheduling.fingerprint(list(a))
    assert scheduling.fingerprint(a) != scheduling.fingerprint([SlotWarning("holiday", "y")])
    assert scheduling.fingerprint(a) != scheduling.fingerprint([])


def test_alsace_moselle_holidays_follow_the_setting(company):
    from hr.core.settings import update_settings

    assert date(2026, 12, 26) not in public_holidays(date(2026, 12, 1), date(2026, 12, 31))
    update_settings(None, {"holiday_subdivision": "57"})
    assert date(2026, 12, 26) in public_holidays(date(2026, 12, 1), date(2026, 12, 31))


def test_gather_finds_the_interviewers_other_interview(company):
    # The manager already interviews the peer on Thursday 3 December 2026, 10:00–11:00 Paris.
    make_interview(company, "peer", start=utc(2026, 12, 3, 9))
    mine = make_interview(company, "employee")
    found = scheduling.gather(mine, utc(2026, 12, 3, 9, 30), utc(2026, 12, 3, 10, 30))
    assert [w.code for w in found] == ["overlap"]
    assert "Marc Manager" in found[0].message
    # Rescheduling an interview never clashes with itself.
    services.schedule(company.users["hr"], mine, utc(2026, 12, 4, 9), utc(2026, 12, 4, 10))
    db.session.commit()
    assert scheduling.gather(mine, utc(2026, 12, 4, 9), utc(2026, 12, 4, 10)) == []


def test_day_slots_mark_who_is_busy(company):
    make_interview(company, "peer", start=utc(2026, 12, 3, 9))  # 10:00–11:00 Paris
    mine = make_interview(company, "employee")
    slots = dict(scheduling.day_slots(mine, date(2026, 12, 3)))
    assert slots[time(9)] == []
    assert slots[time(10)] == slots[time(10, 30)] == ["Marc Manager"]
    assert slots[time(11)] == []
    assert min(slots) == time(9) and max(slots) == time(17, 30)
