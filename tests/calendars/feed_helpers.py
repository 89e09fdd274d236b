"""Interviews scheduled through the services, feeds and DST dates, for feed tests."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hr.calendars import feeds
from hr.extensions import db
from hr.interviews import services
from tests.grids.helpers import interview_type
from tests.interviews.helpers import published_grid

PARIS = ZoneInfo("Europe/Paris")


def paris(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), PARIS)


def last_sunday(year: int, month: int) -> date:
    day = date(year, month + 1, 1) - timedelta(days=1)
    return day - timedelta(days=(day.weekday() + 1) % 7)


def dst_mondays(today: date | None = None) -> list[date]:
    """The Mondays right after the spring and autumn changes inside the feed window
    (today −90 days … +365 days): today, 2026-10-26 and 2027-03-29."""
    today = today or date.today()
    low, high = today - timedelta(days=89), today + timedelta(days=364)
    result = []
    for year in (today.year - 1, today.year, today.year + 1):
        for month in (3, 10):
            monday = last_sunday(year, month) + timedelta(days=1)
            if low <= monday <= high:
                result.append(monday)
    return sorted(result)


class Scheduler:
    """Creates and schedules interviews as HR, reusing one published grid."""

    def __init__(self, company):
        self.company = company
        self.hr = company.users["hr"]
        self.version = published_grid(self.hr)

    def interview(self, who="employee", interviewer=None, due=None):
        interview = services.create_interview(
            self.hr,
            self.company.employees[who],
            interview_type("annual"),
            self.version,
            interviewer=self.company.employees[interviewer] if interviewer else None,
            due_date=due,
        )
        db.session.commit()
        return interview

    def scheduled(self, day: date, hour: int = 10, who="employee", location="Salle 2", **kw):
        interview = self.interview(who, **kw)
        self.schedule(interview, day, hour, location=location)
        return interview

    def schedule(self, interview, day: date, hour: int = 10, location="Salle 2", link=None):
        services.schedule(
            self.hr,
            interview,
            paris(day, hour),
            paris(day, hour + 1),
            location=location,
            video_link=link,
        )
        db.session.commit()

    def cancel(self, interview, reason="Absent"):
        services.cancel(self.hr, interview, reason)
        db.session.commit()


def new_feed(user, scope="mine") -> str:
    """A feed for `user`; returns its path /ical/<token>.ics."""
    _feed, token = feeds.create_feed(user, user, scope)
    db.session.commit()
    return f"/ical/{token}.ics"
