"""Calendar query strings (scope and filters) and the scheduling form.

Filters live in the query string so that every view can be bookmarked. A value that
does not parse or is not offered to this user is dropped with a message saying so:
the page still answers (never a 500, never someone else's data).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import aliased
from wtforms import DateField, HiddenField, TimeField
from wtforms.validators import InputRequired

from hr.calendars import events
from hr.calendars.events import CalendarFilters
from hr.db import db
from hr.grids.models import InterviewType
from hr.interviews.forms import ScheduleForm
from hr.interviews.models import STATUS_LABELS, Status
from hr.people import org
from hr.people.models import Department, Employee

SCOPE_LABELS = {
    "mine": _l("My interviews"),
    "team": _l("My team"),
    "all": _l("Whole company"),
}


@dataclass
class FilterOptions:
    """What the filter form offers this user (and what the query string may hold)."""

    scopes: tuple[str, ...]
    types: list[InterviewType]
    departments: list[tuple[int, str, int]] = field(default_factory=list)  # id, name, depth
    managers: list[tuple[int, str]] = field(default_factory=list)
    statuses: dict = field(default_factory=lambda: STATUS_LABELS)

    @property
    def people_filters(self) -> bool:
        """Department and manager filters make sense beyond one's own interviews."""
        return len(self.scopes) > 1


@dataclass
class CalendarQuery:
    scope: str
    filters: CalendarFilters
    args: dict[str, str]  # the accepted values, to carry across links
    errors: list[str]
    options: FilterOptions


# Aliases are set up once per process (the first use of one costs most of a millisecond).
_MANAGER = aliased(Employee, name="managers")
_CHILD_DEPARTMENT = aliased(Department, name="child_department")


def filter_options(user) -> FilterOptions:
    """Three queries at most: types, departments (as a tree; HR all of them, others
    those of the people they see), visible managers."""
    scopes = events.allowed_scopes(user)
    types = list(db.session.scalars(sa.select(InterviewType).order_by(InterviewType.position)))
    options = FilterOptions(scopes=scopes, types=types)
    if not options.people_filters:
        return options
    departments = sa.select(Department.id, Department.name, Department.parent_id)
    if not (user.is_hr or user.is_admin):  # not every team of the company
        departments = departments.where(Department.id.in_(_departments_of_people_seen(user)))
    rows = db.session.execute(departments.order_by(Department.name)).all()
    options.departments = _tree(rows)
    manager = _MANAGER
    has_reports = org.manages_someone(manager.id)
    options.managers = [
        (i, f"{last} {first}")
        for i, first, last in db.session.execute(
            sa.select(manager.id, manager.first_name, manager.last_name)
            .where(has_reports, manager.left_on.is_(None), _visible(user, manager))
            .order_by(manager.last_name, manager.first_name, manager.id)
        )
    ]
    return options


def _departments_of_people_seen(user) -> sa.Select:
    """Ids of the departments of the people `user` sees and of the departments above
    them (so that the tree reads as in the company, and a parent filters its teams)."""
    held = sa.select(Employee.department_id).where(_visible(user, Employee))
    tree = sa.select(Department.id.label("id")).where(Department.id.in_(held))
    tree = tree.cte("calendar_departments", recursive=True)
    child = _CHILD_DEPARTMENT
    tree = tree.union(
        sa.select(child.parent_id)
        .join(tree, child.id == tree.c.id)
        .where(child.parent_id.is_not(None))
    )
    return sa.select(tree.c.id)


def _visible(user, alias):
    """`hr.security.visible_employees`, for an aliased Employee."""
    if user.is_hr or user.is_admin:
        return sa.true()
    clauses = [alias.id == user.employee_id]
    if user.employee_id is not None:
        clauses.append(alias.id.in_(org.reports_below(user.employee_id)))
    return sa.or_(*clauses)


def _tree(rows) -> list[tuple[int, str, int]]:
    """Departments in tree order (parents before children, by name) with their depth."""
    children: dict[int | None, list] = {}
    ids = {r[0] for r in rows}
    for dept_id, name, parent_id in rows:
        children.setdefault(parent_id if parent_id in ids else None, []).append((dept_id, name))
    ordered: list[tuple[int, str, int]] = []
    seen: set[int] = set()

    def walk(parent, depth):
        for dept_id, name in children.get(parent, []):
            if dept_id in seen:  # a cycle in bad data never loops
                continue
            seen.add(dept_id)
            ordered.append((dept_id, name, depth))
            walk(dept_id, depth + 1)

    walk(None, 0)
    return ordered


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return -1  # present but not a number: reported as invalid


def parse_query(args, user) -> CalendarQuery:
    """Scope and filters from the query string, checked against what the user is offered."""
    options = filter_options(user)
    errors: list[str] = []
    accepted: dict[str, str] = {}
    scope = args.get("scope") or events.default_scope(user)
    if scope not in options.scopes:
        errors.append(_("This calendar is not available to you: showing your default one."))
        scope = events.default_scope(user)
    elif args.get("scope"):
        accepted["scope"] = scope

    type_id = _int(args.get("type"))
    if type_id is not None and type_id not in {t.id for t in options.types}:
        errors.append(_("Unknown kind of interview: the filter was ignored."))
        type_id = None
    department_id = _int(args.get("department"))
    if department_id is not None and department_id not in {d[0] for d in options.departments}:
        errors.append(_("Unknown department: the filter was ignored."))
        department_id = None
    manager_id = _int(args.get("manager"))
    if manager_id is not None and manager_id not in {m[0] for m in options.managers}:
        errors.append(_("Unknown manager: the filter was ignored."))
        manager_id = None
    status = args.get("status") or None
    if status is not None and status not in {s.value for s in Status}:
        errors.append(_("Unknown status: the filter was ignored."))
        status = None

    for key, value in (
        ("type", type_id),
        ("department", department_id),
        ("manager", manager_id),
        ("status", status),
    ):
        if value is not None:
            accepted[key] = str(value)
    filters = CalendarFilters(
        department_id=department_id,
        interview_type_id=type_id,
        manager_id=manager_id,
        status=status,
    )
    return CalendarQuery(scope, filters, accepted, errors, options)


class SlotForm(ScheduleForm):
    """The interview form's date, times and place, plus the confirmation that the
    warnings shown were read (their fingerprint, see `scheduling.fingerprint`).
    `InputRequired` keeps "not a valid date" (DataRequired would replace it with
    "required" when a date was typed but is wrong)."""

    day = DateField(_l("Date"), validators=[InputRequired()])
    start = TimeField(_l("From"), validators=[InputRequired()])
    end = TimeField(_l("To"), validators=[InputRequired()])
    confirmed = HiddenField()
