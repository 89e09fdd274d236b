"""The follow-up lists: training requests (consolidated by HR), open follow-up
actions, and an employee's objectives over time — each in a fixed number of queries.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import contains_eager, joinedload

from hr import security
from hr.db import db
from hr.grids.models import InterviewType
from hr.interviews import services
from hr.interviews.blocks import (
    PRIORITY_LABELS,
    TRAINING_REASON_LABELS,
    TRAINING_STATUS_LABELS,
    interview_date,
)
from hr.interviews.models import (
    NOT_STARTED,
    ActionStatus,
    FollowUpAction,
    Interview,
    Objective,
    Party,
    Status,
    TrainingRequest,
    TrainingStatus,
)
from hr.people import org
from hr.people.models import Employee, normalize

NOT_HELD = (Status.CANCELLED, Status.DECLINED)
# Actions written before the meeting are the manager side's preparation, not decisions.
NOT_DECIDED = (*NOT_HELD, *NOT_STARTED)


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _paged(query, count_query, page: int, page_size: int | None):
    """(rows, total, page, pages); all rows when `page_size` is None."""
    if page_size is None:
        rows = db.session.execute(query).unique().all()
        return rows, len(rows), 1, 1
    total = db.session.scalar(count_query)
    pages = max((total + page_size - 1) // page_size, 1)
    page = min(max(page, 1), pages)
    rows = db.session.execute(query.limit(page_size).offset((page - 1) * page_size)).unique().all()
    return rows, total, page, pages


def _own_or_reports(user):
    """HR sees every request; others their own and their reports' (not the admin)."""
    if user.is_hr:
        return sa.true()
    if user.employee_id is None:
        return sa.false()
    return sa.or_(
        Employee.id == user.employee_id, Employee.id.in_(org.reports_below(user.employee_id))
    )


def _not_confidential_for(user):
    """Corrective interviews stay between the employee, the interviewer(s) and HR."""
    if user.is_hr:
        return sa.true()
    me = user.employee_id
    return sa.or_(
        Interview.id.is_(None),
        InterviewType.code != "corrective",
        Interview.employee_id == me,
        Interview.interviewer_id == me,
        Interview.second_participant_id == me,
    )


# --- training requests ---------------------------------------------------------------


@dataclass
class TrainingFilters:
    status: str | None = None
    department_id: int | None = None
    priority: int | None = None
    mandatory: bool | None = None
    q: str = ""
    page: int = 1

    @classmethod
    def from_args(cls, args) -> TrainingFilters:
        status = args.get("status") or None
        priority = args.get("priority", type=int)
        mandatory = {"1": True, "0": False}.get(args.get("mandatory") or "")
        return cls(
            status=status if status in {s.value for s in TrainingStatus} else None,
            department_id=args.get("department", type=int),
            priority=priority if priority in PRIORITY_LABELS else None,
            mandatory=mandatory,
            q=(args.get("q") or "").strip()[:100],
            page=max(args.get("page", 1, type=int) or 1, 1),
        )

    def as_args(self) -> dict:
        """The filters as query-string arguments (pager, CSV link)."""
        return {
            "status": self.status,
            "department": self.department_id,
            "priority": self.priority,
            "mandatory": None if self.mandatory is None else ("1" if self.mandatory else "0"),
            "q": self.q or None,
        }


def training_requests(user, filters: TrainingFilters, page_size: int | None):
    """Rows of (request, interview type or None) that `user` may see: everything for HR,
    their own and their reports' requests for others. Two queries (one for CSV)."""
    where = [_own_or_reports(user), _not_confidential_for(user)]
    if filters.status:
        where.append(TrainingRequest.status == TrainingStatus(filters.status))
    if filters.department_id:
        where.append(Employee.department_id.in_(org.department_subtree(filters.department_id)))
    if filters.priority:
        where.append(TrainingRequest.priority == filters.priority)
    if filters.mandatory is not None:
        where.append(TrainingRequest.mandatory.is_(filters.mandatory))
    for word in normalize(filters.q).split():
        pattern = f"%{_escape_like(word)}%"
        where.append(
            sa.or_(
                Employee.search_key.like(pattern, escape="\\"),
                sa.func.lower(TrainingRequest.subject).like(pattern, escape="\\"),
            )
        )

    query = _training_select(sa.select(TrainingRequest, InterviewType)).where(*where)
    query = query.order_by(
        TrainingRequest.priority, TrainingRequest.created_at.desc(), TrainingRequest.id.desc()
    )
    count = _training_joins(sa.select(sa.func.count(TrainingRequest.id))).where(*where)
    return _paged(query, count, filters.page, page_size)


def _training_joins(select):
    return (
        select.join(Employee, TrainingRequest.employee_id == Employee.id)
        .outerjoin(Interview, TrainingRequest.interview_id == Interview.id)
        .outerjoin(InterviewType, Interview.interview_type_id == InterviewType.id)
    )


def _training_select(select):
    return _training_joins(select).options(
        contains_eager(TrainingRequest.employee).joinedload(Employee.department)
    )


def training_row(request_id: int):
    """One row of the list, (request, interview type or None), after a change."""
    return db.session.execute(
        _training_select(sa.select(TrainingRequest, InterviewType)).where(
            TrainingRequest.id == request_id
        )
    ).one()


def _cell(value) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def training_csv(rows) -> str:
    """The rows as CSV for a French spreadsheet: `;`-separated, with a BOM."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            _("Employee number"),
            _("Last name"),
            _("First name"),
            _("Department"),
            _("Training"),
            _("Purpose"),
            _("Priority"),
            _("Mandatory"),
            _("Wished period"),
            _("Status"),
            _("Note"),
            _("Done on"),
            _("Requested on"),
            _("Interview"),
        ]
    )
    for request, itype in rows:
        e = request.employee
        writer.writerow(
            _cell(v)
            for v in (
                e.employee_number,
                e.last_name,
                e.first_name,
                e.department.name if e.department else "",
                request.subject,
                TRAINING_REASON_LABELS[request.reason],
                PRIORITY_LABELS.get(request.priority, request.priority),
                _("yes") if request.mandatory else _("no"),
                request.wished_period,
                TRAINING_STATUS_LABELS[request.status],
                request.status_note,
                request.done_on.isoformat() if request.done_on else "",
                request.created_at.date().isoformat(),
                itype.label if itype else "",
            )
        )
    return out.getvalue()


# --- follow-up actions ---------------------------------------------------------------


@dataclass
class ActionFilters:
    owner_id: int | None = None
    overdue: bool = False
    page: int = 1

    @classmethod
    def from_args(cls, args) -> ActionFilters:
        return cls(
            owner_id=args.get("owner", type=int),
            overdue=args.get("overdue") == "1",
            page=max(args.get("page", 1, type=int) or 1, 1),
        )

    def as_args(self) -> dict:
        return {"owner": self.owner_id, "overdue": "1" if self.overdue else None}


def open_actions(user, filters: ActionFilters, page_size: int, today: date | None = None):
    """Open actions decided in interviews that took place: the user's own; for HR
    everyone's (or one owner's). Two queries."""
    today = today or date.today()
    where = [FollowUpAction.status == ActionStatus.OPEN, Interview.status.not_in(NOT_DECIDED)]
    if user.is_hr:
        if filters.owner_id:
            where.append(FollowUpAction.owner_id == filters.owner_id)
    else:
        where.append(FollowUpAction.owner_id == user.employee_id)
        if user.employee_id is None:
            where.append(sa.false())
    if filters.overdue:
        where.append(FollowUpAction.due_date < today)
    query = (
        sa.select(FollowUpAction)
        .join(Interview, FollowUpAction.interview_id == Interview.id)
        .where(*where)
        .options(
            joinedload(FollowUpAction.owner),
            contains_eager(FollowUpAction.interview).joinedload(Interview.employee),
            contains_eager(FollowUpAction.interview).joinedload(Interview.interview_type),
        )
        .order_by(FollowUpAction.due_date.is_(None), FollowUpAction.due_date, FollowUpAction.id)
    )
    count = (
        sa.select(sa.func.count(FollowUpAction.id))
        .join(Interview, FollowUpAction.interview_id == Interview.id)
        .where(*where)
    )
    rows, total, page, pages = _paged(query, count, filters.page, page_size)
    return [r[0] for r in rows], total, page, pages


def action_owners() -> list[Employee]:
    """Everyone who owns an open action (HR's owner filter)."""
    return db.session.scalars(
        sa.select(Employee)
        .where(
            Employee.id.in_(
                sa.select(FollowUpAction.owner_id).where(FollowUpAction.status == ActionStatus.OPEN)
            )
        )
        .order_by(Employee.last_name, Employee.first_name)
    ).all()


# --- objectives over time ------------------------------------------------------------


def may_see_objectives(user, employee: Employee) -> bool:
    """The employee, their managers (direct or above) and HR."""
    if user.is_hr or (user.employee_id is not None and user.employee_id == employee.id):
        return True
    return security.manages(user, employee)


def objectives_history(user, employee: Employee) -> list[tuple[Interview, list[Objective]]]:
    """The employee's objectives grouped by the interview that set them, latest first,
    leaving out interviews that did not take place, those `user` may not see, and the
    manager's preparation before the meeting."""
    rows = db.session.execute(
        sa.select(Objective, Interview)
        .join(Interview, Objective.interview_id == Interview.id)
        .where(Objective.employee_id == employee.id, Interview.status.not_in(NOT_HELD))
        .options(joinedload(Interview.interview_type))
        .order_by(Objective.id)
    ).all()
    groups: dict[int, tuple[Interview, list[Objective]]] = {}
    for objective, interview in rows:
        if interview.id not in groups:
            if not security.can(user, "interview.view", interview) or not services.can_see(
                user, interview, Party.MANAGER
            ):
                continue
            groups[interview.id] = (interview, [])
        groups[interview.id][1].append(objective)
    return sorted(groups.values(), key=lambda g: interview_date(g[0]), reverse=True)
