"""Legal due dates in the calendar: the open obligations of the compliance engine
(career interviews, the 8-year review, workload, end of probation or contract…) as
all-day deadlines.

The engine computes obligations from the data rather than storing them, so the items
are read from its evaluation, shared with the compliance dashboard and kept per process
until the next audited change (`hr.compliance.loading.evaluate_cached`). Obligations are
not interviews: a filter on the kind or status of interview leaves them out.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import sqlalchemy as sa

from hr.calendars.items import CalendarItem
from hr.compliance.loading import evaluate_cached
from hr.compliance.texts import KIND_LABELS
from hr.db import db
from hr.people import org
from hr.people.models import Employee


def _population(user, scope: str):
    """(cache key, WHERE on Employee) of the people whose obligations a scope shows —
    the same keys as the compliance dashboard, so both share one evaluation."""
    if scope == "all":
        return "all", sa.true()
    if user.employee_id is None:
        return None, None
    if scope == "team":
        return ("team", user.employee_id), Employee.id.in_(org.reports_below(user.employee_id))
    return ("mine", user.employee_id), Employee.id == user.employee_id


def _narrowed(filters) -> set[int] | None:
    """Ids of the people the department and manager filters keep (None: no filter)."""
    if not (filters.department_id or filters.manager_id):
        return None
    query = sa.select(Employee.id)
    if filters.department_id:
        query = query.where(
            Employee.department_id.in_(org.department_subtree(filters.department_id))
        )
    if filters.manager_id:
        query = query.where(Employee.id.in_(org.reports_below(filters.manager_id)))
    return set(db.session.scalars(query))


def legal_items(user, scope: str, start: date, end: date, filters) -> list[CalendarItem]:
    """Open legal obligations due from `start` to `end` for the people of `scope`."""
    if filters.interview_type_id or filters.status:
        return []
    key, where = _population(user, scope)
    if key is None:
        return []
    evaluation = evaluate_cached(date.today(), key, where)
    keep = _narrowed(filters)
    labels = {kind: str(label) for kind, label in KIND_LABELS.items()}  # translated once
    items = []
    for ob in evaluation.open_due_between(start, end):
        if keep is not None and ob.employee_id not in keep:
            continue
        person = evaluation.people.get(ob.employee_id)
        name = person.name if person else ""
        label = labels.get(ob.kind, ob.kind)
        # Computed, not stored: the day the obligation opens stands for its last change,
        # so that the same data always gives the same feed.
        opened = min(ob.window_start or ob.due_date, ob.due_date)
        items.append(
            CalendarItem(
                uid=f"deadline-legal-{ob.kind}-{ob.employee_id}-{ob.due_date:%Y%m%d}",
                kind="deadline",
                title=f"{label} · {name}" if name else label,
                start=None,
                end=None,
                day=ob.due_date,
                location=None,
                video_link=None,
                interview_id=ob.open_interview,
                employee_name=name or None,
                interviewer_name=None,
                interview_type=label,
                status=None,
                sequence=0,
                last_modified=datetime.combine(opened, time(0), UTC),
                deadline_kind=f"legal-{ob.kind}",
                employee_id=ob.employee_id,
            )
        )
    return items
