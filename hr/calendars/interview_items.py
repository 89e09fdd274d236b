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

    def pattern(self, key: str) -> str:
        """A title pattern translated once (then filled with `%`)."""
        if key not in self:
            if key == "interview":
                self[key] = _("%(type)s: %(employee)s")
            else:
                self[key] = _("To hold by this date: %(type)s, %(employee)s")
        return self[key]


def _item(row, labels: TypeLabels, title: str, **where) -> CalendarItem:
    """The item of one `interview_rows` row (unpacked once: a feed holds thousands);
    `title` is the key of its title pattern, `where` the fields that differ between an
    interview and a due date."""
    (
        interview_id,
        status,
        _start,
        _end,
        _due,
        _location,
        _video,
        sequence,
        updated_at,
        employee_id,
        interviewer_id,
        campaign_id,
        type_id,
        type_code,
        type_name,
        type_builtin,
        employee_first,
        employee_last,
        interviewer_first,
        interviewer_last,
    ) = row
    label = labels.get(type_id)
    if label is None:
        kind = InterviewType(code=type_code, name=type_name, builtin=type_builtin)
        label = labels[type_id] = kind.label
    employee = f"{employee_first} {employee_last}"
    return CalendarItem(
        title=labels.pattern(title) % {"type": label, "employee": employee},
        interview_id=interview_id,
        employee_name=employee,
        interviewer_name=f"{interviewer_first} {interviewer_last}" if interviewer_id else None,
        interview_type=label,
        status=Status(status).value,
        sequence=sequence,
        last_modified=as_utc(updated_at),
        employee_id=employee_id,
        interviewer_id=interviewer_id,
        campaign_id=campaign_id,
        **where,
    )


def interview_item(row, zone: ZoneInfo, labels: TypeLabels) -> CalendarItem:
    start = row.scheduled_start  # UTCDateTime: aware UTC
    return _item(
        row,
        labels,
        "interview",
        uid=f"interview-{row.id}",
        kind="interview",
        start=start,
        end=row.scheduled_end,
        day=start.astimezone(zone).date(),
        location=row.location,
        video_link=row.video_link,
    )


def due_item(row, labels: TypeLabels) -> CalendarItem:
    return _item(
        row,
        labels,
        "due",
        uid=f"deadline-due-{row.id}",
        kind="deadline",
        start=None,
        end=None,
        day=row.due_date,
        location=None,
        video_link=None,
        deadline_kind="due",
    )
