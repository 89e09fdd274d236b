"""Scheduling an interview from the calendar: what to warn about before saving.

`slot_warnings` is pure (no database, no clock): it compares a slot with the working
hours and days, the public holidays and the interviews the people already have. The
view gathers those inputs with `gather()` (two queries) and saves through
`hr.interviews.services.schedule`, which checks permission, bumps SEQUENCE and audits.
A warning never blocks: the person scheduling confirms with "Schedule anyway", and the
confirmation holds only for the warnings that were shown (`fingerprint`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask_babel import format_date, format_time
from flask_babel import gettext as _

from hr.calendars import events
from hr.calendars.holidays import public_holidays
from hr.core.settings import get_setting
from hr.db import db
from hr.interviews.models import Interview, Status

DEFAULT_DURATION = timedelta(hours=1)


@dataclass(frozen=True)
class WorkingTime:
    start: time
    end: time
    days: frozenset[int]  # ISO weekdays: 1 Monday … 7 Sunday

    @classmethod
    def from_settings(cls) -> WorkingTime:
        return cls(
            start=parse_hhmm(get_setting("work_day_start"), time(9)),
            end=parse_hhmm(get_setting("work_day_end"), time(18)),
            days=frozenset(int(d) for d in get_setting("working_days") or ()),
        )


@dataclass(frozen=True)
class Busy:
    """An interview someone already has (only times: never its content)."""

    interview_id: int
    person_ids: frozenset[int]
    start: datetime  # UTC
    end: datetime  # UTC


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    role: str  # "employee" | "interviewer" | "participant"


@dataclass(frozen=True)
class SlotWarning:
    code: str  # "overlap" | "outside_hours" | "non_working_day" | "holiday" | "past"
    message: str


def parse_hhmm(value, default: time) -> time:
    try:
        return time.fromisoformat(str(value))
    except ValueError:
        return default


def slot_warnings(
    start: datetime,
    end: datetime,
    *,
    zone: ZoneInfo,
    working: WorkingTime,
    holidays: dict[date, str],
    people: list[Person],
    busy: list[Busy],
    now: datetime | None = None,
) -> list[SlotWarning]:
    """Everything worth a second look about the slot [start, end) (aware datetimes)."""
    day = start.astimezone(zone).date()
    warnings: list[SlotWarning] = []
    if now is not None and start < now:
        warnings.append(SlotWarning("past", _("This slot is in the past.")))
    if day in holidays:
        warnings.append(
            SlotWarning(
                "holiday",
                _(
                    "%(date)s is a public holiday (%(name)s).",
                    date=_day(day),
                    name=holidays[day],
                ),
            )
        )
    if day.isoweekday() not in working.days:
        weekend = day.isoweekday() in (6, 7)
        warnings.append(
            SlotWarning(
                "non_working_day",
                _("%(date)s is a weekend day.", date=_day(day))
                if weekend
                else _("%(date)s is not a working day.", date=_day(day)),
            )
        )
    day_start = datetime.combine(day, working.start, zone)
    day_end = datetime.combine(day, working.end, zone)
    if start < day_start or end > day_end:
        warnings.append(
            SlotWarning(
                "outside_hours",
                _(
                    "The slot is outside working hours (%(start)s–%(end)s).",
                    start=_hm(working.start),
                    end=_hm(working.end),
                ),
            )
        )
    for person in people:
        for other in busy:
            if person.id in other.person_ids and other.start < end and start < other.end:
                warnings.append(
                    SlotWarning(
                        "overlap",
                        _(
                            "%(name)s already has an interview from %(start)s to %(end)s.",
                            name=person.name,
                            start=format_time(other.start.astimezone(zone), "short"),
                            end=format_time(other.end.astimezone(zone), "short"),
                        ),
                    )
                )
    return warnings


def _day(day: date) -> str:
    return format_date(day, "full")


def _hm(value: time) -> str:
    return value.strftime("%H:%M")


def fingerprint(warnings: list[SlotWarning]) -> str:
    """Short hash of the warnings shown: a confirmation is valid only for these."""
    text = "\n".join(f"{w.code}:{w.message}" for w in warnings)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def people_of(interview) -> list[Person]:
    people = [Person(interview.employee_id, interview.employee.full_name, "employee")]
    if interview.interviewer is not None:
        people.append(
            Person(interview.interviewer_id, interview.interviewer.full_name, "interviewer")
        )
    if interview.second_participant is not None:
        people.append(
            Person(
                interview.second_participant_id,
                interview.second_participant.full_name,
                "participant",
            )
        )
    return people


def _busy_rows(employee_ids, low: datetime, high: datetime, exclude_id: int | None = None):
    """(interview id, employee id, interviewer id, second participant id, start, end) of
    the live interviews involving any of `employee_ids` that touch [low, high): what
    scheduling compares a new slot with. One query; no permission filter (only the
    existence of a clash is shown, never the other interview's content)."""
    ids = [i for i in employee_ids if i is not None]
    if not ids:
        return []
    query = sa.select(
        Interview.id,
        Interview.employee_id,
        Interview.interviewer_id,
        Interview.second_participant_id,
        Interview.scheduled_start,
        Interview.scheduled_end,
    ).where(
        Interview.scheduled_start.is_not(None),
        Interview.scheduled_start < high,
        sa.func.coalesce(Interview.scheduled_end, Interview.scheduled_start) > low,
        Interview.status.in_((Status.SCHEDULED, Status.IN_PREPARATION, Status.HELD)),
        sa.or_(
            Interview.employee_id.in_(ids),
            Interview.interviewer_id.in_(ids),
            Interview.second_participant_id.in_(ids),
        ),
    )
    if exclude_id is not None:
        query = query.where(Interview.id != exclude_id)
    return [tuple(row) for row in db.session.execute(query)]


def busy_for(people: list[Person], low: datetime, high: datetime, exclude_id=None) -> list[Busy]:
    """The live interviews of these people touching [low, high), in one query."""
    rows = _busy_rows([p.id for p in people], low, high, exclude_id=exclude_id)
    return [
        Busy(
            interview_id=row[0],
            person_ids=frozenset(i for i in row[1:4] if i is not None),
            start=row[4],
            end=row[5] or row[4] + DEFAULT_DURATION,
        )
        for row in rows
    ]


def gather(interview, start: datetime, end: datetime) -> list[SlotWarning]:
    """The warnings for scheduling `interview` at [start, end), from the database."""
    zone = events.local_zone()
    people = people_of(interview)
    day = start.astimezone(zone).date()
    return slot_warnings(
        start,
        end,
        zone=zone,
        working=WorkingTime.from_settings(),
        holidays=public_holidays(day, end.astimezone(zone).date()),
        people=people,
        busy=busy_for(people, start, end, exclude_id=interview.id),
        now=datetime.now(UTC),
    )


def day_slots(interview, day: date, step: timedelta = timedelta(minutes=30)):
    """The day's slots within working hours, each marked free or with who is busy:
    what the day view offers to pick from. One query."""
    zone = events.local_zone()
    working = WorkingTime.from_settings()
    people = people_of(interview)
    low, high = events.utc_bounds(day, day, zone)
    busy = busy_for(people, low, high, exclude_id=interview.id)
    names = {p.id: p.name for p in people}
    slots = []
    cursor = datetime.combine(day, working.start, zone)
    last = datetime.combine(day, working.end, zone)
    while cursor + step <= last:
        start, end = cursor.astimezone(UTC), (cursor + step).astimezone(UTC)
        taken = sorted(
            {
                names[i]
                for b in busy
                if b.start < end and start < b.end
                for i in b.person_ids
                if i in names
            }
        )
        slots.append((cursor.time(), taken))
        cursor += step
    return slots
