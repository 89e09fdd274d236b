"""Interviews as calendar items, built from plain rows.

A month of a large company holds thousands of interviews: they are read as columns
(no ORM objects) and their titles translated once per call, not once per row. Used by
`hr.calendars.events`, which decides which interviews (scopes, filters, windows).
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import aliased

from hr.calendars.items import CalendarItem
from hr.db import db
from hr.grids.models import InterviewType
from hr.interviews.models import Interview, Status
from hr.people.models import Employee


def as_utc(value) -> datetime:
    """Aware UTC, also for what SQLite returns from aggregates (naive or text)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


_employee = aliased(Employee, name="calendar_employee")
_interviewer = aliased(Employee, name="calendar_interviewer")


def interview_rows(*where, limit: int | None = None):
    """The columns items need, as rows (no ORM objects: a month of a large company
    holds thousands of interviews)."""
    query = (
        sa.select(
            Interview.id,
            Interview.status,
            Interview.scheduled_start,
            Interview.scheduled_end,
            Interview.due_date,
            Interview.location,
            Interview.video_link,
            Interview.sequence,
            Interview.updated_at,
            Interview.employee_id,
            Interview.interviewer_id,
            Interview.campaign_id,
            Interview.interview_type_id,
            InterviewType.code.label("type_code"),
            InterviewType.name.label("type_name"),
            InterviewType.builtin.label("type_builtin"),
            _employee.first_name.label("employee_first"),
            _employee.last_name.label("employee_last"),
            _interviewer.first_name.label("interviewer_first"),
            _interviewer.last_name.label("interviewer_last"),
        )
        .join(InterviewType, InterviewType.id == Interview.interview_type_id)
        .join(_employee, _employee.id == Interview.employee_id)
        .outerjoin(_interviewer, _interviewer.id == Interview.interviewer_id)
        .where(*where)
        .order_by(Interview.scheduled_start, Interview.due_date, Interview.id)
    )
    if limit is not None:
        query = query.limit(limit)
    return db.session.execute(query).all()


class TypeLabels(dict):
    """Type id → translated label, translated once per call rather than once per row."""

    def get_label(self, row) -> str:
        if row.interview_type_id not in self:
            kind = InterviewType(code=row.type_code, name=row.type_name, builtin=row.type_builtin)
            self[row.interview_type_id] = kind.label
        return self[row.interview_type_id]

    def pattern(self, key: str) -> str:
        """A title pattern translated once (then filled with `%`)."""
        if key not in self:
            if key == "interview":
                self[key] = _("%(type)s: %(employee)s")
            else:
                self[key] = _("To hold by this date: %(type)s, %(employee)s")
        return self[key]


def _common(row, labels: TypeLabels) -> dict:
    interviewer = f"{row.interviewer_first} {row.interviewer_last}" if row.interviewer_id else None
    return dict(
        interview_id=row.id,
        employee_name=f"{row.employee_first} {row.employee_last}",
        interviewer_name=interviewer,
        interview_type=labels.get_label(row),
        status=Status(row.status).value,
        sequence=row.sequence,
        last_modified=as_utc(row.updated_at),
        employee_id=row.employee_id,
        interviewer_id=row.interviewer_id,
        campaign_id=row.campaign_id,
    )


def interview_item(row, zone: ZoneInfo, labels: TypeLabels) -> CalendarItem:
    common = _common(row, labels)
    values = {"type": common["interview_type"], "employee": common["employee_name"]}
    start = as_utc(row.scheduled_start)
    return CalendarItem(
        uid=f"interview-{row.id}",
        kind="interview",
        title=labels.pattern("interview") % values,
        start=start,
        end=as_utc(row.scheduled_end) if row.scheduled_end else None,
        day=start.astimezone(zone).date(),
        location=row.location,
        video_link=row.video_link,
        **common,
    )


def due_item(row, labels: TypeLabels) -> CalendarItem:
    common = _common(row, labels)
    values = {"type": common["interview_type"], "employee": common["employee_name"]}
    return CalendarItem(
        uid=f"deadline-due-{row.id}",
        kind="deadline",
        title=labels.pattern("due") % values,
        start=None,
        end=None,
        day=row.due_date,
        location=None,
        video_link=None,
        deadline_kind="due",
        **common,
    )
