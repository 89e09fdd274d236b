"""Calendar pages: year, month, day and agenda, each a bookmarkable URL whose query
string holds the scope and filters. htmx navigation swaps only `#calendar` (the same
URL answers the fragment); without JavaScript every link and the filter form work as
plain GETs. Each page sends a fixed number of queries, whatever the company's size."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from functools import partial

import sqlalchemy as sa
from flask import abort, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy.orm import joinedload

from hr.calendars import bp, events, periods, scheduling, year_grid
from hr.calendars.forms import SCOPE_LABELS, CalendarQuery, parse_query
from hr.calendars.holidays import public_holidays
from hr.db import db
from hr.htmx import render
from hr.interviews.models import Interview, Status
from hr.links import links
from hr.security import can

MAX_PER_DAY = 6  # items shown in a month cell before "more"
DAY_DUE_LIMIT = 100  # interviews to schedule listed on a day page
TO_SCHEDULE_LIMIT = 8
AGENDA_DAYS = (7, 14, 31, 92)
AGENDA_PER_DAY = 25  # interviews listed per day in the agenda; the day page has them all
KEPT_ARGS = ("scope", "department", "manager", "type", "status", "interview")
SCHEDULABLE = (Status.TO_SCHEDULE, Status.SCHEDULED, Status.IN_PREPARATION)


def _render(view: str, query: CalendarQuery, picked=None, **context):
    picking, picking_error = picked or _picking(request.args.get("interview"))
    if picking_error:
        query.errors.append(picking_error)
    carry = dict(query.args)
    if picking is not None:
        carry["interview"] = str(picking.id)
    return render(
        "calendars/page.html",
        "calendars/_calendar.html",
        view=view,
        q=query,
        carry=carry,
        day_url=links(url_for, ".day", "ymd", "day", **carry),  # a year: 365 links
        scope_labels=SCOPE_LABELS,
        picking=picking,
        today=date.today(),
        **context,
    )


def _picking(raw: str | None) -> tuple[Interview | None, str | None]:
    """The interview being scheduled (`?interview=<id>`) when the user may schedule it."""
    if not raw:
        return None, None
    interview = None
    if raw.isdigit() and len(raw) < 12:
        interview = db.session.scalar(
            sa.select(Interview)
            .where(Interview.id == int(raw))
            .options(
                joinedload(Interview.employee),
                joinedload(Interview.interviewer),
                joinedload(Interview.second_participant),
                joinedload(Interview.interview_type),
            )
        )
    if interview is None or not can(current_user, "interview.view", interview):
        return None, _("Unknown interview: nothing to schedule.")
    if not can(current_user, "interview.manage", interview):
        return None, _("You may not schedule this interview.")
    if interview.status not in SCHEDULABLE:
        return None, _("This interview can no longer be scheduled.")
    return interview, None


def _to_schedule(query: CalendarQuery) -> list[Interview]:
    """The first interviews still to schedule in this scope that the user may schedule,
    soonest due first (one query)."""
    return list(
        db.session.scalars(
            sa.select(Interview)
            .where(
                events.interview_clause(current_user, query.scope, query.filters),
                events.manageable_clause(current_user),
                Interview.status == Status.TO_SCHEDULE,
            )
            .options(joinedload(Interview.employee), joinedload(Interview.interview_type))
            .order_by(Interview.due_date.is_(None), Interview.due_date, Interview.id)
            .limit(TO_SCHEDULE_LIMIT)
        )
    )


@bp.get("/")
@login_required
def index():
    """This month, keeping the filters."""
    kept = {k: v for k, v in request.args.items() if k in KEPT_ARGS}
    return redirect(url_for(".month", ym=periods.month_key(date.today()), **kept))


@bp.get("/year/<int:year>")
@login_required
def year(year: int):
    """Twelve months at a glance: per day, interviews and deadlines as counts."""
    if not periods.valid_year(year):
        abort(404)
    query = parse_query(request.args, current_user)
    start, end = date(year, 1, 1), date(year, 12, 31)
    counts = events.day_counts(current_user, query.scope, start, end, query.filters)
    holidays = public_holidays(start, end)
    return _render(
        "year",
        query,
        ref=date.today() if year == date.today().year else start,
        year=year,
        # The twelve months' cells, given the page's day links (`_render` makes them).
        grid=partial(year_grid.months, year, counts, holidays, date.today()),
        prev=year - 1 if periods.valid_year(year - 1) else None,
        next=year + 1 if periods.valid_year(year + 1) else None,
        weekdays=periods.week_days(),
        totals=(
            sum(c.interviews for c in counts.values()),
            sum(c.deadlines for c in counts.values()),
        ),
    )


def _by_day(items) -> dict[date, list]:
    grouped: dict[date, list] = defaultdict(list)
    for item in items:
        grouped[item.day].append(item)
    return grouped


@bp.get("/month/<ym>")
@login_required
def month(ym: str):
    """One month: each day's interviews (time, kind, person) and deadlines."""
    first = periods.parse_month(ym)
    if first is None:
        abort(404)
    query = parse_query(request.args, current_user)
    end = periods.month_end(first)
    items = events.items_between(
        current_user, query.scope, first, end, query.filters, include_due_dates=False
    )
    prev, next_ = periods.add_months(first, -1), periods.add_months(first, 1)
    return _render(
        "month",
        query,
        ref=first,
        first=first,
        weeks=periods.weeks(first),
        weekdays=periods.week_days(),
        by_day=_by_day(items),
        due=events.due_counts(current_user, query.scope, first, end, query.filters),
        holidays=public_holidays(first, end),
        prev=periods.month_key(prev) if periods.in_range(prev) else None,
        next=periods.month_key(next_) if periods.in_range(next_) else None,
        to_schedule=_to_schedule(query),
        max_per_day=MAX_PER_DAY,
    )


@bp.get("/day/<ymd>")
@login_required
def day(ymd: str):
    """One day: everything on it; when picking a slot, the free and busy times."""
    the_day = periods.parse_day(ymd)
    if the_day is None:
        abort(404)
    query = parse_query(request.args, current_user)
    items = events.items_between(
        current_user, query.scope, the_day, the_day, query.filters, due_limit=DAY_DUE_LIMIT
    )
    due_total = events.due_counts(current_user, query.scope, the_day, the_day, query.filters)
    picked = _picking(request.args.get("interview"))
    picking = picked[0]
    prev, next_ = the_day - timedelta(days=1), the_day + timedelta(days=1)
    return _render(
        "day",
        query,
        picked,
        ref=the_day,
        day=the_day,
        items=items,
        due_more=due_total.get(the_day, 0) - sum(1 for i in items if i.deadline_kind == "due"),
        holiday=public_holidays(the_day, the_day).get(the_day),
        working_day=the_day.isoweekday() in scheduling.WorkingTime.from_settings().days,
        slots=scheduling.day_slots(picking, the_day) if picking is not None else [],
        prev=prev.isoformat() if periods.in_range(prev) else None,
        next=next_.isoformat() if periods.in_range(next_) else None,
    )


@bp.get("/agenda")
@login_required
def agenda():
    """A list of the coming days (or any period): what a week or a month holds."""
    query = parse_query(request.args, current_user)
    start = date.today()
    if request.args.get("start"):
        start = periods.parse_day(request.args["start"]) or start
        if periods.parse_day(request.args["start"]) is None:
            query.errors.append(_("Invalid start date: showing from today."))
    days = AGENDA_DAYS[2]
    if request.args.get("days"):
        raw = request.args["days"]
        if raw.isdigit() and int(raw) in AGENDA_DAYS:
            days = int(raw)
        else:
            query.errors.append(_("Invalid length: showing 31 days."))
    end = start + timedelta(days=days - 1)
    if not (periods.in_range(start) and periods.in_range(end)):
        start, end = date.today(), date.today() + timedelta(days=days - 1)
    items = events.items_between(
        current_user, query.scope, start, end, query.filters, include_due_dates=False
    )
    due = events.due_counts(current_user, query.scope, start, end, query.filters)
    holidays = public_holidays(start, end)
    shown = sorted(set(_by_day(items)) | set(due) | set(holidays))
    return _render(
        "agenda",
        query,
        ref=start,
        start=start,
        end=end,
        days=days,
        day_list=shown,
        by_day=_by_day(items),
        due=due,
        holidays=holidays,
        agenda_lengths=AGENDA_DAYS,
        per_day=AGENDA_PER_DAY,
        prev=_iso_in_range(start - timedelta(days=days)),
        next=_iso_in_range(start + timedelta(days=days)),
    )


def _iso_in_range(day: date) -> str | None:
    return day.isoformat() if periods.in_range(day) else None


from hr.calendars import schedule_views  # noqa: E402,F401  (routes on the same blueprint)
