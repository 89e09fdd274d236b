"""What a calendar shows: scheduled interviews and deadlines for a user and a scope.

Used by the calendar pages (year, month, agenda) and by the iCal feeds, so that both
always show the same things with the same identities.

Scopes
    "mine"  interviews where the user's employee record is the employee, the
            interviewer or the second participant;
    "team"  interviews of everyone below the user in the hierarchy (managers);
    "all"   everything (HR).
Every scope is cut down to what `interview.view` allows, in SQL (the same rule as
`hr.interviews.loading.visible_interviews`): corrective interviews never reach someone
who is not a party or HR. A test compares both for every role.

Items
    interviews  scheduled (`scheduled_start` inside the window), not cancelled or
                declined; UID "interview-<id>".
    deadlines   all-day items: the preparation, interview and signature deadlines of
                launched campaigns that hold at least one interview of the scope
                (UID "deadline-campaign-<preparation|interview|signature>-<campaign id>"),
                and the due date of each interview still to schedule
                (UID "deadline-due-<interview id>").
    legal       the open obligations of the compliance engine due in the window
                (`hr.calendars.legal`), UID "deadline-legal-<kind>-<employee>-<due day>".

Windows are local days of the company's time zone, both ends included. Each function
sends a fixed number of queries whatever the size of the company.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from hr.calendars import deadlines
from hr.calendars.interview_items import (
    TypeLabels,
    as_utc,
    due_item,
    interview_item,
    interview_rows,
)
from hr.calendars.items import CalendarItem
from hr.core.settings import get_setting
from hr.db import db
from hr.grids.models import InterviewType
from hr.interviews.loading import visible_interviews
from hr.interviews.models import Interview, Status
from hr.people import org
from hr.people.models import Employee
from hr.security import is_manager

HIDDEN_STATUSES = (Status.CANCELLED, Status.DECLINED)


class ScopeError(ValueError):
    """A scope the user may not use (or that does not exist)."""


@dataclass(frozen=True)
class CalendarFilters:
    """Narrow a scope. Departments include their sub-departments; a manager means
    everyone below them (direct and indirect); status is an interview `Status` value."""

    department_id: int | None = None
    interview_type_id: int | None = None
    manager_id: int | None = None
    status: str | None = None

    @property
    def narrows_people(self) -> bool:
        return bool(self.department_id or self.manager_id or self.status)


@dataclass
class DayCount:
    interviews: int = 0
    deadlines: int = 0


def allowed_scopes(user) -> tuple[str, ...]:
    """The scopes `user` may ask for, narrowest first."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ()
    scopes = ["mine"]
    if is_manager(user):
        scopes.append("team")
    if user.is_hr:
        scopes.append("all")
    return tuple(scopes)


def default_scope(user) -> str:
    """The widest scope: what HR, a manager and an employee expect to see first."""
    return allowed_scopes(user)[-1]


def local_zone() -> ZoneInfo:
    return ZoneInfo(get_setting("timezone"))


def utc_bounds(start: date, end: date, zone: ZoneInfo | None = None) -> tuple[datetime, datetime]:
    """[first instant of `start`, first instant after `end`) in UTC, for local days."""
    zone = zone or local_zone()
    low = datetime.combine(start, time(0), zone).astimezone(UTC)
    high = datetime.combine(end + timedelta(days=1), time(0), zone).astimezone(UTC)
    return low, high


# --- the WHERE clauses ---------------------------------------------------------------


def interview_clause(user, scope: str, filters: CalendarFilters | None = None):
    """WHERE clause: the interviews of `scope` that `user` may see, narrowed by filters."""
    if scope not in allowed_scopes(user):
        raise ScopeError(scope)
    me = user.employee_id
    if scope == "mine":
        clauses = [
            sa.or_(
                Interview.employee_id == me,
                Interview.interviewer_id == me,
                Interview.second_participant_id == me,
            )
            if me is not None
            else sa.false()
        ]
    elif scope == "team":
        clauses = [Interview.employee_id.in_(org.reports_below(me, "calendar_team"))]
        if not user.is_hr:
            # As `interview.view`: corrective interviews only for their parties.
            clauses.append(
                sa.or_(
                    Interview.interview_type_id.not_in(
                        sa.select(InterviewType.id).where(InterviewType.code == "corrective")
                    ),
                    Interview.interviewer_id == me,
                    Interview.second_participant_id == me,
                )
            )
    else:
        clauses = [visible_interviews(user)]
    filters = filters or CalendarFilters()
    if filters.interview_type_id:
        clauses.append(Interview.interview_type_id == filters.interview_type_id)
    if filters.status:
        clauses.append(Interview.status == Status(filters.status))
    if filters.department_id:
        clauses.append(
            Interview.employee_id.in_(
                sa.select(Employee.id).where(
                    Employee.department_id.in_(org.department_subtree(filters.department_id))
                )
            )
        )
    if filters.manager_id:
        clauses.append(
            Interview.employee_id.in_(
                org.reports_below(filters.manager_id, "calendar_manager_team")
            )
        )
    return sa.and_(*clauses)


def manageable_clause(user):
    """WHERE clause: the interviews `user` may schedule — `interview.manage` in SQL (HR,
    the interviewer, managers above the employee except on corrective interviews)."""
    if user.is_hr:
        return sa.true()
    me = user.employee_id
    if me is None:
        return sa.false()
    return sa.or_(
        Interview.interviewer_id == me,
        sa.and_(
            Interview.interview_type_id.not_in(
                sa.select(InterviewType.id).where(InterviewType.code == "corrective")
            ),
            Interview.employee_id.in_(org.reports_below(me, "calendar_managed")),
        ),
    )


def _scheduled_clause(low: datetime, high: datetime):
    return sa.and_(
        Interview.scheduled_start.is_not(None),
        Interview.scheduled_start >= low,
        Interview.scheduled_start < high,
        Interview.status.not_in(HIDDEN_STATUSES),
    )


def _due_clause(start: date, end: date):
    return sa.and_(
        Interview.status == Status.TO_SCHEDULE,
        Interview.due_date.is_not(None),
        Interview.due_date >= start,
        Interview.due_date <= end,
    )


# --- items -----------------------------------------------------------------------------


def items_between(
    user,
    scope: str,
    start: date,
    end: date,
    filters: CalendarFilters | None = None,
    *,
    include_due_dates: bool = True,
    due_limit: int | None = None,
) -> list[CalendarItem]:
    """Interviews and deadlines from `start` to `end` (local days, both included),
    sorted by day then time (all-day items first). Four queries at most. `due_limit`
    caps the due-date items (the earliest first); `due_counts` gives their number."""
    zone = local_zone()
    low, high = utc_bounds(start, end, zone)
    where = interview_clause(user, scope, filters)
    labels = TypeLabels()
    items = [
        interview_item(row, zone, labels)
        for row in interview_rows(where, _scheduled_clause(low, high))
    ]
    if include_due_dates:
        due = interview_rows(where, _due_clause(start, end), limit=due_limit)
        items += [due_item(row, labels) for row in due]
    items += deadlines.campaign_items(_campaigns(user, scope, start, end, filters), start, end)
    items += legal_deadlines(user, scope, start, end, filters)
    return sorted(items, key=_order)


_NO_TIME = datetime.min.replace(tzinfo=UTC)


def _order(item: CalendarItem):
    """By day; all-day items first; then by time, title and UID (a stable order)."""
    return (item.day, item.start is not None, item.start or _NO_TIME, item.title, item.uid)


def legal_deadlines(
    user, scope: str, start: date, end: date, filters: CalendarFilters | None = None
) -> list[CalendarItem]:
    """Legal due dates (career interviews, the 8-year review, workload, end of probation
    or contract…) of the scope's people, from the compliance engine: all-day items with
    `deadline_kind` "legal-<kind>" and UID "deadline-legal-<kind>-<employee>-<due day>"."""
    from hr.calendars.legal import legal_items

    if scope not in allowed_scopes(user):
        raise ScopeError(scope)
    return legal_items(user, scope, start, end, filters or CalendarFilters())


# --- counts for the year view ----------------------------------------------------------


def day_counts(
    user, scope: str, start: date, end: date, filters: CalendarFilters | None = None
) -> dict[date, DayCount]:
    """Per local day: how many interviews and deadlines. Counts are made in SQL (or from
    one column), so a year of a large company costs three queries, not thousands."""
    zone = local_zone()
    low, high = utc_bounds(start, end, zone)
    where = interview_clause(user, scope, filters)
    interviews = Counter(
        as_utc(s).astimezone(zone).date()
        for s in db.session.scalars(
            sa.select(Interview.scheduled_start).where(where, _scheduled_clause(low, high))
        )
    )
    due = Counter(_due_counts(where, start, end))
    for row in _campaigns(user, scope, start, end, filters):
        for _kind, day in deadlines.deadline_dates(row.campaign, start, end):
            due[day] += 1
    for item in legal_deadlines(user, scope, start, end, filters):
        due[item.day] += 1
    counts: dict[date, DayCount] = {}
    for day, n in interviews.items():
        counts.setdefault(day, DayCount()).interviews = n
    for day, n in due.items():
        counts.setdefault(day, DayCount()).deadlines = n
    return counts


def due_counts(
    user, scope: str, start: date, end: date, filters: CalendarFilters | None = None
) -> dict[date, int]:
    """Per day, how many interviews still to schedule are due: pages show this number
    where thousands of single items would not help (one query)."""
    return _due_counts(interview_clause(user, scope, filters), start, end)


def _due_counts(where, start: date, end: date) -> dict[date, int]:
    rows = db.session.execute(
        sa.select(Interview.due_date, sa.func.count())
        .where(where, _due_clause(start, end))
        .group_by(Interview.due_date)
    )
    return {_as_date(day): n for day, n in rows}


def _campaigns(user, scope: str, start: date, end: date, filters) -> list:
    """Launched campaigns with a deadline in the window that concern the scope: all of
    them for "all" without filters on people, else those holding one of its interviews."""
    filters = filters or CalendarFilters()
    where = interview_clause(user, scope, filters)  # also checks the scope
    concerned = where if scope != "all" or filters.narrows_people else None
    return deadlines.campaigns_between(start, end, concerned, filters.interview_type_id)


def _as_date(value) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value
