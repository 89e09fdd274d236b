"""The calendar item: one interview or one all-day deadline, as the calendar pages and
the iCal feeds show it (see `hr.calendars.events` for what each field holds)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(slots=True)  # not frozen: a feed builds thousands, and frozen costs 4× per item
class CalendarItem:
    uid: str  # stable forever; the feed appends "@<host>"
    kind: str  # "interview" | "deadline"
    title: str  # short, translated for the current locale
    start: datetime | None  # UTC-aware (interviews)
    end: datetime | None
    day: date | None  # all-day items (deadlines); for interviews, the local day
    location: str | None
    video_link: str | None
    interview_id: int | None
    employee_name: str | None
    interviewer_name: str | None
    interview_type: str | None  # translated name
    status: str | None  # interview Status value
    sequence: int
    last_modified: datetime  # UTC, the object's last change (never "now")
    deadline_kind: str | None = None  # "campaign-preparation"… "due", "legal-…"
    campaign_id: int | None = None
    employee_id: int | None = None
    interviewer_id: int | None = None
