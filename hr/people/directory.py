"""The people directory query: search, filters, paging, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from hr import security
from hr.db import db
from hr.people import org
from hr.people.models import ContractType, Department, DepartmentKind, Employee, normalize


@dataclass
class DirectoryFilters:
    q: str = ""
    department_id: int | None = None
    site_id: int | None = None
    manager_id: int | None = None
    contract: str | None = None
    include_left: bool = False
    page: int = 1

    @classmethod
    def from_args(cls, args) -> DirectoryFilters:
        contract = args.get("contract") or None
        if contract not in {c.value for c in ContractType}:
            contract = None
        return cls(
            q=(args.get("q") or "").strip()[:100],
            department_id=args.get("department", type=int),
            site_id=args.get("site", type=int),
            manager_id=args.get("manager", type=int),
            contract=contract,
            include_left=args.get("left") == "1",
            page=max(args.get("page", 1, type=int) or 1, 1),
        )


def search_clause(q: str, person=Employee):
    """Every word of `q` in the name or number of `person` (Employee or an alias)."""
    words = normalize(q).split()
    escaped = (w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in words)
    return sa.and_(*(person.search_key.like(f"%{w}%", escape="\\") for w in escaped))


def search(user, filters: DirectoryFilters, page_size: int):
    """One page of the people `user` may see, with the total: two queries."""
    where = [security.visible_employees(user)]
    if filters.q:
        where.append(search_clause(filters.q))
    if filters.department_id:
        where.append(Employee.department_id.in_(org.department_subtree(filters.department_id)))
    if filters.site_id:
        where.append(Employee.site_id == filters.site_id)
    if filters.manager_id:
        where.append(Employee.manager_id == filters.manager_id)
    if filters.contract:
        where.append(Employee.contract_type == ContractType(filters.contract))
    if not filters.include_left:
        where.append(Employee.left_on.is_(None))
    total = db.session.scalar(sa.select(sa.func.count(Employee.id)).where(*where))
    pages = max((total + page_size - 1) // page_size, 1)
    page = min(filters.page, pages)
    rows = db.session.scalars(
        sa.select(Employee)
        .where(*where)
        .options(
            joinedload(Employee.department), joinedload(Employee.site), joinedload(Employee.manager)
        )
        .order_by(Employee.last_name, Employee.first_name, Employee.id)
        .limit(page_size)
        .offset((page - 1) * page_size)
    ).all()
    return rows, total, page, pages


def department_choices(selected_id: int | None) -> list[tuple[int, str]]:
    """(id, name) of the departments offered by the directory's filter: directions and
    departments, whose filter includes their teams, without the teams themselves —
    hundreds in a large company — except the one chosen. Plain rows, not objects."""
    return db.session.execute(
        sa.select(Department.id, Department.name)
        .where(sa.or_(Department.kind != DepartmentKind.TEAM, Department.id == selected_id))
        .order_by(Department.name)
    ).all()
