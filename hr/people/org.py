"""Hierarchy queries in SQL (recursive CTEs): never one query per level in Python."""

from __future__ import annotations

from functools import cache

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from hr.db import db
from hr.people.models import Department, Employee


def reports_below(manager_id: int, name: str = "reports") -> sa.Select:
    """SELECT of the ids of everyone below `manager_id` (direct and indirect), as a CTE
    called `name` (two in one statement need two names: a scope and a filter).

    Building a recursive CTE costs about 1 ms (its alias's columns), and a manager's
    page asks for it several times: the statement is built once per process and name
    around a bound parameter, and each call binds its manager (a copy, microseconds)."""
    return _reports_below(name).params({f"{name}_manager_id": manager_id})


@cache
def _reports_below(name: str) -> sa.Select:
    employees = Employee.__table__
    tree = (
        sa.select(employees.c.id)
        .where(employees.c.manager_id == sa.bindparam(f"{name}_manager_id"))
        .cte(name, recursive=True)
    )
    child = employees.alias()
    tree = tree.union(sa.select(child.c.id).join(tree, child.c.manager_id == tree.c.id))
    return sa.select(tree.c.id)


_UP = aliased(Employee, name="up")  # set up once: an alias's first use costs ~0.5 ms


def manager_chain(employee: Employee) -> list[Employee]:
    """The managers above `employee`, nearest first, in one query."""
    if employee.manager_id is None:
        return []
    chain = (
        sa.select(
            Employee.id.label("id"),
            Employee.manager_id.label("manager_id"),
            sa.literal(1).label("depth"),
        )
        .where(Employee.id == employee.manager_id)
        .cte("chain", recursive=True)
    )
    up = _UP
    chain = chain.union_all(
        sa.select(up.id, up.manager_id, chain.c.depth + 1)
        .join(chain, up.id == chain.c.manager_id)
        .where(chain.c.depth < 50)  # a cycle can never loop forever
    )
    rows = db.session.execute(
        sa.select(Employee, chain.c.depth)
        .join(chain, Employee.id == chain.c.id)
        .order_by(chain.c.depth)
    ).all()
    seen, result = set(), []
    for emp, _depth in rows:
        if emp.id in seen:
            break
        seen.add(emp.id)
        result.append(emp)
    return result


def department_subtree(department_id: int) -> sa.Select:
    """SELECT of the ids of a department and all departments below it (built once, as
    `reports_below`)."""
    return _department_subtree().params(subtree_department_id=department_id)


@cache
def _department_subtree() -> sa.Select:
    tree = (
        sa.select(Department.id.label("id"))
        .where(Department.id == sa.bindparam("subtree_department_id"))
        .cte("dept_tree", recursive=True)
    )
    child = aliased(Department)
    tree = tree.union(sa.select(child.id).join(tree, child.parent_id == tree.c.id))
    return sa.select(tree.c.id)


_REPORT = aliased(Employee, name="report")


def manages_someone(employee_id) -> sa.Exists:
    """EXISTS: someone still in the company reports to `employee_id` (a value or a
    column to correlate with) — the derived manager role."""
    return sa.exists().where(_REPORT.manager_id == employee_id, _REPORT.left_on.is_(None))


def has_reports(employee_id: int) -> bool:
    return db.session.scalar(sa.select(manages_someone(employee_id)))
