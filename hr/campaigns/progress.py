"""How a campaign is going, in a fixed number of GROUP BY queries whatever its size:
counts per status overall, per department and per interviewer; completion rate; the
late interviews to chase; the interview lists behind each figure (the drill-down)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from hr.campaigns.models import Campaign
from hr.db import db
from hr.interviews.models import ENDED, LOCKED, Interview, Status
from hr.people.models import Department, Employee

LATE_LISTED = 100  # late interviews listed on the progress page; the rest via the list
GROUPS_LISTED = 50  # departments and interviewers listed, most late first; all on demand

# The order statuses are shown in, from the start of the life cycle to its ends.
STATUS_ORDER = [
    Status.TO_SCHEDULE,
    Status.SCHEDULED,
    Status.IN_PREPARATION,
    Status.HELD,
    Status.AWAITING_SIGNATURE,
    Status.AWAITING_VALIDATION,
    Status.SIGNED,
    Status.CLOSED,
    Status.DECLINED,
    Status.CANCELLED,
]


def late_clause(today: date) -> sa.ColumnElement[bool]:
    """Due date passed and not ended."""
    return sa.and_(Interview.due_date < today, Interview.status.not_in(ENDED))


@dataclass
class Counts:
    """Interviews per status for one group (or the whole campaign)."""

    key: int | None = None
    label: str | None = None
    by_status: dict[Status, int] = field(default_factory=dict)
    late: int = 0

    def add(self, status, count: int, late: int) -> None:
        if type(status) is not Status:  # rows already give Status members
            status = Status(status)
        self.by_status[status] = self.by_status.get(status, 0) + count
        self.late += late or 0

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def done(self) -> int:
        return sum(self.by_status.get(s, 0) for s in LOCKED)

    @property
    def counted(self) -> int:
        """The interviews the completion rate is about: all but the cancelled ones."""
        return self.total - self.by_status.get(Status.CANCELLED, 0)

    @property
    def rate(self) -> float | None:
        """Completion: signed or closed, out of the interviews not cancelled."""
        return self.done / self.counted if self.counted else None

    @property
    def open(self) -> int:
        return sum(n for s, n in self.by_status.items() if s not in ENDED)


def _counts_query(campaign_id: int, today: date, *group):
    late = sa.func.sum(sa.case((late_clause(today), 1), else_=0))
    return (
        sa.select(*group, Interview.status, sa.func.count(Interview.id), late)
        .select_from(Interview)
        .where(Interview.campaign_id == campaign_id)
        .group_by(*group, Interview.status)
    )


def _group_rows(campaign_id: int, today: date):
    """(department, interviewer, status, interviews, late ones): one GROUP BY over the
    campaign, from which the overall, per-department and per-interviewer counts are
    all summed (one pass instead of one pivoting query per table)."""
    return db.session.execute(
        sa.select(
            Employee.department_id,
            Interview.interviewer_id,
            Interview.status,
            sa.func.count(),
            sa.func.count().filter(late_clause(today)),
        )
        .select_from(Interview)
        .join(Employee, Employee.id == Interview.employee_id)
        .where(Interview.campaign_id == campaign_id)
        .group_by(Employee.department_id, Interview.interviewer_id, Interview.status)
    ).all()


def _counts(groups: dict, key) -> Counts:
    counts = groups.get(key)
    if counts is None:
        counts = groups[key] = Counts(key=key)
    return counts


def _most_behind(groups: dict, labels: dict, limit: int | None) -> list[Counts]:
    """The groups with the most late, then open, interviews first (then by name), so
    that a bounded table shows the ones to chase."""
    for counts in groups.values():
        counts.label = labels.get(counts.key)
    ranked = sorted(
        groups.values(),
        key=lambda c: (-c.late, -c.open, c.label is None, c.label or "", c.key or 0),
    )
    return ranked if limit is None else ranked[:limit]


def _department_names() -> dict[int, str]:
    return dict(db.session.execute(sa.select(Department.id, Department.name)).all())


def _interviewer_names(interviewers: dict) -> dict[int, str]:
    """The campaign's interviewers (the groups' keys), "Last First"."""
    ids = [key for key in interviewers if key is not None]
    return dict(
        db.session.execute(
            sa.select(Employee.id, Employee.last_name + " " + Employee.first_name).where(
                Employee.id.in_(ids)
            )
        ).all()
    )


@dataclass
class Progress:
    overall: Counts
    departments: list[Counts]  # the GROUPS_LISTED most late first (all with limit=None)
    interviewers: list[Counts]
    late: list  # the first LATE_LISTED late interviews, oldest due date first
    today: date
    department_count: int = 0  # groups in all, listed or not
    interviewer_count: int = 0

    @property
    def statuses(self) -> list[Status]:
        """The statuses that occur, in life-cycle order (the table's columns)."""
        seen = set(self.overall.by_status)
        return [s for s in STATUS_ORDER if s in seen]


def progress(
    campaign: Campaign, today: date | None = None, limit: int | None = GROUPS_LISTED
) -> Progress:
    """Four queries: the counts (one GROUP BY), the names of the departments and of the
    campaign's interviewers, the late interviews. The department and interviewer tables hold
    `limit` rows at most (None: all)."""
    today = today or date.today()
    overall = Counts()
    departments: dict = {}
    interviewers: dict = {}
    for department_id, interviewer_id, status, count, late in _group_rows(campaign.id, today):
        overall.add(status, count, late)
        _counts(departments, department_id).add(status, count, late)
        _counts(interviewers, interviewer_id).add(status, count, late)
    late = interview_list(campaign, InterviewFilter(late=True), today, limit=LATE_LISTED)
    return Progress(
        overall,
        _most_behind(departments, _department_names(), limit),
        _most_behind(interviewers, _interviewer_names(interviewers), limit),
        late,
        today,
        len(departments),
        len(interviewers),
    )


# --- the interview lists (drill-down) --------------------------------------------------


@dataclass
class InterviewFilter:
    department_id: int | None = None  # 0: people without a department
    interviewer_id: int | None = None  # 0: interviews without an interviewer
    status: Status | None = None
    late: bool = False
    open_only: bool = False  # not ended yet

    @classmethod
    def from_args(cls, args) -> InterviewFilter:
        def number(name):
            value = args.get(name, "")
            return int(value) if value.isdigit() and len(value) <= 9 else None

        status = args.get("status") or None
        return cls(
            department_id=number("department"),
            interviewer_id=number("interviewer"),
            status=Status(status) if status in {s.value for s in Status} else None,
            late=args.get("late") == "1",
            open_only=args.get("open") == "1",
        )

    def as_args(self) -> dict:
        return {
            k: v
            for k, v in {
                "department": self.department_id,
                "interviewer": self.interviewer_id,
                "status": self.status.value if self.status else None,
                "late": "1" if self.late else None,
                "open": "1" if self.open_only else None,
            }.items()
            if v is not None
        }


def _filtered(query, campaign: Campaign, filters: InterviewFilter, today: date):
    query = query.where(Interview.campaign_id == campaign.id)
    if filters.department_id is not None:
        query = query.where(
            Employee.department_id.is_(None)
            if filters.department_id == 0
            else Employee.department_id == filters.department_id
        )
    if filters.interviewer_id is not None:
        query = query.where(
            Interview.interviewer_id.is_(None)
            if filters.interviewer_id == 0
            else Interview.interviewer_id == filters.interviewer_id
        )
    if filters.status is not None:
        query = query.where(Interview.status == filters.status)
    if filters.late:
        query = query.where(late_clause(today))
    if filters.open_only:
        query = query.where(Interview.status.not_in(ENDED))
    return query


def interview_count(campaign: Campaign, filters: InterviewFilter, today: date) -> int:
    query = (
        sa.select(sa.func.count(Interview.id))
        .select_from(Interview)
        .join(Employee, Employee.id == Interview.employee_id)
    )
    return db.session.scalar(_filtered(query, campaign, filters, today))


# Built once (an alias of a mapped class costs about a millisecond to set up).
_INTERVIEWER = aliased(Employee, name="interviewer")
_INTERVIEWER_NAME = (_INTERVIEWER.first_name + " " + _INTERVIEWER.last_name).label(
    "interviewer_name"
)


def interview_list(
    campaign: Campaign, filters: InterviewFilter, today: date, limit: int, offset: int = 0
) -> list:
    """One query: the interviews with their employee, department and interviewer."""
    interviewer = _INTERVIEWER
    query = (
        sa.select(
            Interview.id,
            Interview.status,
            Interview.due_date,
            Interview.scheduled_start,
            Interview.interviewer_id,
            Interview.employee_id,
            Employee.employee_number,
            Employee.first_name,
            Employee.last_name,
            Department.name.label("department_name"),
            _INTERVIEWER_NAME,
            late_clause(today).label("late"),
        )
        .join(Employee, Employee.id == Interview.employee_id)
        .outerjoin(Department, Department.id == Employee.department_id)
        .outerjoin(interviewer, interviewer.id == Interview.interviewer_id)
    )
    order = (
        [Interview.due_date, Employee.last_name, Employee.first_name, Interview.id]
        if filters.late
        else [Employee.last_name, Employee.first_name, Interview.id]
    )
    query = _filtered(query, campaign, filters, today).order_by(*order)
    return db.session.execute(query.limit(limit).offset(offset)).all()


# --- the campaign list -----------------------------------------------------------------


def campaign_counts(campaign: Campaign, today: date | None = None) -> Counts:
    """The campaign's interviews per status, and the late ones (one GROUP BY)."""
    overall = Counts()
    for status, count, late in db.session.execute(
        _counts_query(campaign.id, today or date.today())
    ):
        overall.add(status, count, late)
    return overall


def counts_by_campaign(today: date | None = None) -> dict[int, Counts]:
    """Per campaign: interviews per status and late ones, in one GROUP BY."""
    today = today or date.today()
    late = sa.func.sum(sa.case((late_clause(today), 1), else_=0))
    result: dict[int, Counts] = {}
    for campaign_id, status, count, n_late in db.session.execute(
        sa.select(Interview.campaign_id, Interview.status, sa.func.count(Interview.id), late)
        .where(Interview.campaign_id.is_not(None))
        .group_by(Interview.campaign_id, Interview.status)
    ):
        result.setdefault(campaign_id, Counts(key=campaign_id)).add(status, count, n_late)
    return result
