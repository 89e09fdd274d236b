"""The decisions register: every decision and follow-up action taken in interviews
that took place, with its owner, due date and status, in a fixed number of queries.

Who sees what: HR everything; others the actions they own and those of the
interviews they may see (their own, and their team's except corrective ones).
Actions written before the meeting are the manager side's private preparation, not
decisions yet: they appear once the interview has started.
"""

from __future__ import annotations

import csv
import enum
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import aliased, contains_eager

from hr.db import db
from hr.grids.models import InterviewType
from hr.interviews.blocks import interview_date
from hr.interviews.loading import visible_interviews
from hr.interviews.models import (
    NOT_STARTED,
    REGISTER_ORDER,
    ActionStatus,
    FollowUpAction,
    Interview,
    Status,
)
from hr.people import directory, org
from hr.people.models import Department, Employee
from hr.security import can

NOT_DECIDED = (Status.CANCELLED, Status.DECLINED, *NOT_STARTED)


class DecisionStatus(enum.StrEnum):
    OPEN = "open"
    OVERDUE = "overdue"
    DONE = "done"


STATUS_LABELS = {
    DecisionStatus.OPEN: _l("Open"),
    DecisionStatus.OVERDUE: _l("Overdue"),
    DecisionStatus.DONE: _l("Done"),
}


def status_of(action: FollowUpAction, today: date) -> DecisionStatus:
    """Overdue is not stored: an open action whose due date has passed."""
    if action.status == ActionStatus.DONE:
        return DecisionStatus.DONE
    if action.due_date is not None and action.due_date < today:
        return DecisionStatus.OVERDUE
    return DecisionStatus.OPEN


@dataclass
class DecisionFilters:
    department_id: int | None = None
    type_id: int | None = None
    owner_id: int | None = None
    owner_name: str | None = None  # words of the owner's name (a search, not a list)
    status: str | None = None
    page: int = 1

    @classmethod
    def from_args(cls, args) -> DecisionFilters:
        """Unknown or malformed values are ignored (no filter), never an error."""
        status = args.get("status") or None
        return cls(
            department_id=args.get("department", type=int),
            type_id=args.get("type", type=int),
            owner_id=args.get("owner", type=int),
            owner_name=(args.get("owner_name") or "").strip()[:100] or None,
            status=status if status in {s.value for s in DecisionStatus} else None,
            page=max(args.get("page", 1, type=int) or 1, 1),
        )

    def as_args(self) -> dict:
        return {
            "department": self.department_id,
            "type": self.type_id,
            "owner": self.owner_id,
            "owner_name": self.owner_name,
            "status": self.status,
        }


Owner = aliased(Employee, name="owner")


def _visible(user):
    if user.is_hr:
        return sa.true()
    if user.employee_id is None:
        return sa.false()
    return sa.or_(FollowUpAction.owner_id == user.employee_id, visible_interviews(user))


def _where(user, filters: DecisionFilters, today: date) -> list:
    """On actions and their interview only (people as subqueries): counting and sorting
    then join no other table."""
    where = [Interview.status.not_in(NOT_DECIDED), _visible(user)]
    if filters.department_id:
        in_department = Employee.department_id.in_(org.department_subtree(filters.department_id))
        where.append(Interview.employee_id.in_(sa.select(Employee.id).where(in_department)))
    if filters.type_id:
        where.append(Interview.interview_type_id == filters.type_id)
    if filters.owner_id:
        where.append(FollowUpAction.owner_id == filters.owner_id)
    if filters.owner_name:
        named = directory.search_clause(filters.owner_name)
        where.append(FollowUpAction.owner_id.in_(sa.select(Employee.id).where(named)))
    if filters.status == DecisionStatus.DONE:
        where.append(FollowUpAction.status == ActionStatus.DONE)
    elif filters.status == DecisionStatus.OPEN:  # open, overdue included
        where.append(FollowUpAction.status == ActionStatus.OPEN)
    elif filters.status == DecisionStatus.OVERDUE:
        where += [FollowUpAction.status == ActionStatus.OPEN, FollowUpAction.due_date < today]
    return where


def _decided(select):
    return select.select_from(FollowUpAction).join(
        Interview, FollowUpAction.interview_id == Interview.id
    )


def _joined(select):
    return (
        _decided(select)
        .join(Employee, Interview.employee_id == Employee.id)
        .join(InterviewType, Interview.interview_type_id == InterviewType.id)
        .outerjoin(Department, Employee.department_id == Department.id)
        .outerjoin(Owner, FollowUpAction.owner_id == Owner.id)
    )


def _rows_query(where: list):
    return (
        _joined(sa.select(FollowUpAction))
        .where(*where)
        .options(
            contains_eager(FollowUpAction.interview).contains_eager(Interview.employee),
            contains_eager(FollowUpAction.interview, Interview.employee, Employee.department),
            contains_eager(FollowUpAction.interview).contains_eager(Interview.interview_type),
            contains_eager(FollowUpAction.owner.of_type(Owner)),
        )
        .order_by(*REGISTER_ORDER)
    )


def register(user, filters: DecisionFilters, page_size: int, today: date | None = None):
    """(actions, total, page, pages) for one page: three queries whatever the size —
    the page's ids are counted and sorted on actions and interviews alone (narrow
    rows, no people joined), then only those rows are loaded with their interview,
    people and type (sorting the wide rows of every action costs ten times more)."""
    where = _where(user, filters, today or date.today())
    total = db.session.scalar(_decided(sa.select(sa.func.count(FollowUpAction.id))).where(*where))
    pages = max((total + page_size - 1) // page_size, 1)
    page = min(filters.page, pages)
    ids = db.session.scalars(
        _decided(sa.select(FollowUpAction.id))
        .where(*where)
        .order_by(*REGISTER_ORDER)
        .limit(page_size)
        .offset((page - 1) * page_size)
    ).all()
    actions = db.session.scalars(_rows_query([FollowUpAction.id.in_(ids)])).all() if ids else []
    return actions, total, page, pages


def one(user, action_id: int) -> FollowUpAction | None:
    """One row of the register, if `user` may see it (after marking it done)."""
    where = [FollowUpAction.id == action_id, *_where(user, DecisionFilters(), date.today())]
    return db.session.scalar(_rows_query(where))


def all_rows(user, filters: DecisionFilters, today: date | None = None) -> Iterator:
    """Every matching action for an export, streamed in batches."""
    where = _where(user, filters, today or date.today())
    yield from db.session.scalars(_rows_query(where).execution_options(yield_per=500))


def filter_choices(user, filters: DecisionFilters) -> dict:
    """Directions and departments (as the people directory offers them) and interview
    types. Owners are searched by name: a list of every owner would be thousands of
    options in a large company; an owner chosen by id is named only to who may see them."""
    owner = db.session.get(Employee, filters.owner_id) if filters.owner_id else None
    return {
        "departments": directory.department_choices(filters.department_id),
        "types": db.session.scalars(sa.select(InterviewType).order_by(InterviewType.id)).all(),
        "owner": owner if owner is not None and can(user, "person.view", owner) else None,
    }


# --- exports -------------------------------------------------------------------------


def _header() -> list[str]:
    return [
        _("Decision or action"),
        _("Owner"),
        _("Due date"),
        _("Status"),
        _("Done on"),
        _("Employee"),
        _("Employee number"),
        _("Department"),
        _("Interview"),
        _("Interview date"),
    ]


def _values(action: FollowUpAction, today: date) -> list:
    interview = action.interview
    employee = interview.employee
    return [
        action.what,
        action.owner.full_name if action.owner else "",
        action.due_date,
        str(STATUS_LABELS[status_of(action, today)]),
        action.done_at.date() if action.done_at else None,
        employee.full_name,
        employee.employee_number,
        employee.department.name if employee.department else "",
        interview.interview_type.label,
        interview_date(interview).date(),
    ]


def _cell(value) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else value.isoformat() if isinstance(value, date) else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_lines(actions, today: date | None = None) -> Iterator[str]:
    """CSV for a French spreadsheet (`;`, BOM), one line at a time (streamed)."""
    today = today or date.today()
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")

    def line(values) -> str:
        out.seek(0)
        out.truncate()
        writer.writerow(values)
        return out.getvalue()

    yield "\ufeff" + line(_header())
    for action in actions:
        yield line(_cell(v) for v in _values(action, today))


def xlsx_bytes(actions, today: date | None = None) -> bytes:
    """The same rows as an Excel workbook (write-only mode: flat memory per row)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    today = today or date.today()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Decisions"))
    header = []
    for title in _header():
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for action in actions:
        # Text cells that look like formulas stay text (openpyxl would store a formula).
        sheet.append(
            [_cell(v) if isinstance(v, str) and v[:1] == "=" else v for v in _values(action, today)]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
