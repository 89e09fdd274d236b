"""Who a campaign is for: the population criteria, resolved in SQL.

Criteria of different kinds combine with AND, values of one kind with OR; no criterion
at all means everyone. Departments include their sub-departments and managers their
whole team below them (recursive CTEs). People who left (`left_on` set) are never in.

Each person in comes with the reason (the selected department or manager that matched),
and the people without a manager still in the company are counted and listed apart:
their interview has no interviewer until HR assigns one — never a silent skip.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from hr.db import db
from hr.people.models import ContractType, Department, Employee, Site

PREVIEW_ROWS = 200  # people listed in a preview; the counts are always complete
SIDE_LIST_ROWS = 500  # people listed without a manager or without a hire date


@dataclass(frozen=True)
class Criteria:
    department_ids: tuple[int, ...] = ()
    site_ids: tuple[int, ...] = ()
    contract_types: tuple[str, ...] = ()
    hired_before: date | None = None
    manager_ids: tuple[int, ...] = ()

    @classmethod
    def from_json(cls, data: dict | None) -> Criteria:
        data = data or {}
        hired = data.get("hired_before")
        return cls(
            department_ids=tuple(int(i) for i in data.get("department_ids") or ()),
            site_ids=tuple(int(i) for i in data.get("site_ids") or ()),
            contract_types=tuple(str(c) for c in data.get("contract_types") or ()),
            hired_before=date.fromisoformat(hired) if hired else None,
            manager_ids=tuple(int(i) for i in data.get("manager_ids") or ()),
        )

    def to_json(self) -> dict:
        return {
            "department_ids": sorted(set(self.department_ids)),
            "site_ids": sorted(set(self.site_ids)),
            "contract_types": sorted(set(self.contract_types)),
            "hired_before": self.hired_before.isoformat() if self.hired_before else None,
            "manager_ids": sorted(set(self.manager_ids)),
        }

    @property
    def everyone(self) -> bool:
        return not (
            self.department_ids
            or self.site_ids
            or self.contract_types
            or self.hired_before
            or self.manager_ids
        )


def _department_match(ids) -> sa.Subquery:
    """(department id, the selected department it falls under) for every department
    in the selected subtrees; one row per department."""
    tree = (
        sa.select(Department.id.label("id"), Department.id.label("root_id"))
        .where(Department.id.in_(ids))
        .cte("campaign_departments", recursive=True)
    )
    child = aliased(Department)
    tree = tree.union(sa.select(child.id, tree.c.root_id).join(tree, child.parent_id == tree.c.id))
    return (
        sa.select(tree.c.id, sa.func.min(tree.c.root_id).label("root_id"))
        .group_by(tree.c.id)
        .subquery("department_match")
    )


def _team_match(manager_ids) -> sa.Subquery:
    """(employee id, the selected manager above them) for everyone below the selected
    managers, directly or not; one row per employee. UNION stops on cycles."""
    tree = (
        sa.select(Employee.id.label("id"), Employee.manager_id.label("root_id"))
        .where(Employee.manager_id.in_(manager_ids))
        .cte("campaign_teams", recursive=True)
    )
    child = aliased(Employee)
    tree = tree.union(sa.select(child.id, tree.c.root_id).join(tree, child.manager_id == tree.c.id))
    return (
        sa.select(tree.c.id, sa.func.min(tree.c.root_id).label("root_id"))
        .group_by(tree.c.id)
        .subquery("team_match")
    )


@dataclass
class _Query:
    """The population as a FROM clause plus the columns that explain it."""

    select: sa.Select
    manager: type[Employee]
    department_root: sa.ColumnElement | None
    team_root: sa.ColumnElement | None

    @property
    def has_interviewer(self) -> sa.ColumnElement[bool]:
        return sa.and_(self.manager.id.is_not(None), self.manager.left_on.is_(None))


def _population(criteria: Criteria, columns, missing_hire_date: bool = False) -> _Query:
    """SELECT `columns` FROM the population. With `missing_hire_date`, the people who
    match every criterion but "hired before" because their hire date is unknown."""
    manager = aliased(Employee, name="manager")
    query = (
        sa.select(*columns(manager))
        .select_from(Employee)
        .outerjoin(manager, manager.id == Employee.manager_id)
        .where(Employee.left_on.is_(None))
    )
    department_root = team_root = None
    if criteria.department_ids:
        match = _department_match(criteria.department_ids)
        query = query.join(match, match.c.id == Employee.department_id)
        department_root = match.c.root_id
    if criteria.manager_ids:
        team = _team_match(criteria.manager_ids)
        query = query.join(team, team.c.id == Employee.id)
        team_root = team.c.root_id
    if criteria.site_ids:
        query = query.where(Employee.site_id.in_(criteria.site_ids))
    if criteria.contract_types:
        query = query.where(
            Employee.contract_type.in_([ContractType(c) for c in criteria.contract_types])
        )
    if criteria.hired_before:
        if missing_hire_date:
            query = query.where(Employee.hire_date.is_(None))
        else:
            query = query.where(Employee.hire_date < criteria.hired_before)
    return _Query(query, manager, department_root, team_root)


# --- what launching needs --------------------------------------------------------------


def interview_rows(criteria: Criteria) -> list[tuple[int, int | None]]:
    """(employee id, interviewer id or None) for everyone in, in one query: the
    interviewer is the manager, unless there is none or they left."""
    query = _population(
        criteria, lambda manager: [Employee.id, manager.id, manager.left_on]
    ).select.order_by(Employee.id)
    return [
        (emp_id, mgr_id if mgr_id is not None and mgr_left is None else None)
        for emp_id, mgr_id, mgr_left in db.session.execute(query)
    ]


# --- the preview -----------------------------------------------------------------------


@dataclass
class Preview:
    criteria: Criteria
    total: int = 0
    without_manager_count: int = 0
    rows: list = field(default_factory=list)  # the first PREVIEW_ROWS people in, by name
    without_manager: list = field(default_factory=list)
    missing_hire_date: list = field(default_factory=list)
    unknown_managers: list[str] = field(default_factory=list)
    labels: dict = field(default_factory=dict)  # names of the selected departments, managers

    @property
    def with_manager_count(self) -> int:
        return self.total - self.without_manager_count

    @property
    def truncated(self) -> bool:
        return self.total > len(self.rows)


def _person_columns(manager):
    department = aliased(Department, name="own_department")
    site = aliased(Site, name="own_site")
    return (
        department,
        site,
        [
            Employee.id.label("id"),
            Employee.employee_number,
            Employee.first_name,
            Employee.last_name,
            Employee.contract_type,
            Employee.hire_date,
            Employee.department_id,
            department.name.label("department_name"),
            site.name.label("site_name"),
            manager.id.label("manager_id"),
            (manager.first_name + " " + manager.last_name).label("manager_name"),
            manager.left_on.label("manager_left_on"),
        ],
    )


def _people(criteria: Criteria, limit: int, *, without_manager=None, missing_hire_date=False):
    holder: dict = {}

    def columns(manager):
        department, site, cols = _person_columns(manager)
        holder.update(department=department, site=site)
        return cols

    q = _population(criteria, columns, missing_hire_date=missing_hire_date)
    select = q.select.add_columns(
        (q.department_root if q.department_root is not None else sa.null()).label(
            "department_root_id"
        ),
        (q.team_root if q.team_root is not None else sa.null()).label("team_root_id"),
    )
    select = select.outerjoin(
        holder["department"], holder["department"].id == Employee.department_id
    ).outerjoin(holder["site"], holder["site"].id == Employee.site_id)
    if without_manager is True:
        select = select.where(sa.not_(q.has_interviewer))
    elif without_manager is False:
        select = select.where(q.has_interviewer)
    select = select.order_by(Employee.last_name, Employee.first_name, Employee.id).limit(limit)
    return db.session.execute(select).all()


def _counts(criteria: Criteria) -> tuple[int, int]:
    q = _population(criteria, lambda manager: [sa.func.count(Employee.id)])
    select = q.select.add_columns(
        sa.func.coalesce(sa.func.sum(sa.case((q.has_interviewer, 0), else_=1)), 0)
    )
    total, without = db.session.execute(select).one()
    return int(total), int(without)


def labels(criteria: Criteria) -> dict:
    """Names of the selected departments, sites and managers, for the reasons shown."""
    labels: dict = {"departments": {}, "sites": {}, "managers": {}}
    if criteria.site_ids:
        labels["sites"] = dict(
            db.session.execute(
                sa.select(Site.id, Site.name).where(Site.id.in_(criteria.site_ids))
            ).all()
        )
    if criteria.department_ids:
        labels["departments"] = dict(
            db.session.execute(
                sa.select(Department.id, Department.name).where(
                    Department.id.in_(criteria.department_ids)
                )
            ).all()
        )
    if criteria.manager_ids:
        labels["managers"] = {
            i: f"{first} {last}"
            for i, first, last in db.session.execute(
                sa.select(Employee.id, Employee.first_name, Employee.last_name).where(
                    Employee.id.in_(criteria.manager_ids)
                )
            )
        }
    return labels


def preview(criteria: Criteria, unknown_managers: list[str] | None = None) -> Preview:
    """Counts, the first people in with their reasons, and the people to look at:
    without a manager (listed in full up to SIDE_LIST_ROWS), and, with a "hired before"
    criterion, those left out because their hire date is unknown. At most six queries,
    whatever the size of the company."""
    result = Preview(criteria=criteria, unknown_managers=list(unknown_managers or []))
    result.total, result.without_manager_count = _counts(criteria)
    if result.total:
        result.rows = _people(criteria, PREVIEW_ROWS, without_manager=False)
    if result.without_manager_count:
        result.without_manager = _people(criteria, SIDE_LIST_ROWS, without_manager=True)
    if criteria.hired_before:
        result.missing_hire_date = _people(criteria, SIDE_LIST_ROWS, missing_hire_date=True)
    result.labels = labels(criteria)
    return result


def resolve_employee_numbers(numbers: list[str]) -> tuple[dict[str, int], list[str]]:
    """Employee numbers → ids (case as stored), and the numbers that match nobody."""
    wanted = [n for n in dict.fromkeys(n.strip() for n in numbers) if n]
    if not wanted:
        return {}, []
    found = dict(
        db.session.execute(
            sa.select(Employee.employee_number, Employee.id).where(
                Employee.employee_number.in_(wanted)
            )
        ).all()
    )
    return found, [n for n in wanted if n not in found]


def employee_numbers(ids) -> list[str]:
    if not ids:
        return []
    return list(
        db.session.scalars(
            sa.select(Employee.employee_number)
            .where(Employee.id.in_(ids))
            .order_by(Employee.employee_number)
        )
    )


def split_numbers(text: str | None) -> list[str]:
    """Employee numbers typed one per line, or separated by commas, semicolons or spaces."""
    for sep in ",;\t\r\n":
        text = (text or "").replace(sep, " ")
    return [n for n in text.split(" ") if n]
