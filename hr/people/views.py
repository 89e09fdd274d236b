"""People directory, employee page, departments and org chart."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, current_app, request
from flask_login import current_user, login_required
from sqlalchemy.orm import joinedload

from hr.db import db
from hr.htmx import render
from hr.people import bp, directory, org
from hr.people.models import CONTRACT_LABELS, Department, Employee, Site
from hr.security import can, require


def _departments() -> list[Department]:
    return db.session.scalars(sa.select(Department).order_by(Department.name)).all()


def _sites() -> list[Site]:
    return db.session.scalars(sa.select(Site).order_by(Site.name)).all()


@bp.get("/people")
@login_required
def index():
    """Directory with search as you type: the htmx request gets the results alone."""
    require(current_user, "people.directory")
    filters = directory.DirectoryFilters.from_args(request.args)
    rows, total, page, pages = directory.search(
        current_user, filters, current_app.config["PAGE_SIZE"]
    )
    manager = db.session.get(Employee, filters.manager_id) if filters.manager_id else None
    context = dict(
        rows=rows,
        total=total,
        page=page,
        pages=pages,
        filters=filters,
        manager=manager,
        contract_labels=CONTRACT_LABELS,
    )
    if not request.htmx or request.htmx.boosted:
        context.update(
            departments=directory.department_choices(filters.department_id), sites=_sites()
        )
    return render("people/index.html", "people/_results.html", **context)


def _employee_or_404(employee_id: int) -> Employee:
    employee = db.session.scalar(
        sa.select(Employee)
        .where(Employee.id == employee_id)
        .options(
            joinedload(Employee.department), joinedload(Employee.site), joinedload(Employee.manager)
        )
    )
    if employee is None or not can(current_user, "person.view", employee):
        abort(404)  # the same answer whether it does not exist or is not yours to see
    return employee


@bp.get("/people/<int:employee_id>")
@login_required
def show(employee_id: int):
    """An employee's page: identity, contract, manager chain and team."""
    employee = _employee_or_404(employee_id)
    team = db.session.scalars(
        sa.select(Employee)
        .where(Employee.manager_id == employee.id, Employee.left_on.is_(None))
        .order_by(Employee.last_name, Employee.first_name)
    ).all()
    return render(
        "people/show.html",
        employee=employee,
        chain=org.manager_chain(employee),
        team=team,
        contract_labels=CONTRACT_LABELS,
    )


@bp.get("/departments")
@login_required
def departments():
    """The organisation as a tree of directions, departments and teams, with headcounts."""
    counts = dict(
        db.session.execute(
            sa.select(Employee.department_id, sa.func.count(Employee.id))
            .where(Employee.left_on.is_(None))
            .group_by(Employee.department_id)
        ).all()
    )
    children: dict[int | None, list[Department]] = {}
    for dept in _departments():
        children.setdefault(dept.parent_id, []).append(dept)
    totals: dict[int, int] = {}

    def total(dept: Department) -> int:  # headcount of the unit and everything below it
        totals[dept.id] = counts.get(dept.id, 0) + sum(total(c) for c in children.get(dept.id, []))
        return totals[dept.id]

    for root in children.get(None, []):
        total(root)
    return render("people/departments.html", children=children, totals=totals)


@bp.get("/departments/<int:department_id>")
@login_required
def org_chart(department_id: int):
    """Org chart of a department and its sub-departments: who reports to whom."""
    require(current_user, "org.view")
    department = db.get_or_404(Department, department_id)
    subtree_ids = org.department_subtree(department_id)
    departments = {
        d.id: d
        for d in db.session.scalars(sa.select(Department).where(Department.id.in_(subtree_ids)))
    }
    members = db.session.scalars(
        sa.select(Employee)
        .where(Employee.department_id.in_(subtree_ids), Employee.left_on.is_(None))
        .order_by(Employee.last_name, Employee.first_name)
    ).all()
    ids = {e.id for e in members}
    reports: dict[int | None, list[Employee]] = {}
    # Grouped by unit, then by name: teams come out in their own order.
    members = sorted(members, key=lambda e: (departments[e.department_id].name, e.last_name))
    for emp in members:
        # Someone whose manager sits outside the department is a root of this chart.
        reports.setdefault(emp.manager_id if emp.manager_id in ids else None, []).append(emp)
    breadcrumbs, parent = [], department.parent
    while parent is not None and len(breadcrumbs) < 10:
        breadcrumbs.insert(0, parent)
        parent = parent.parent
    return render(
        "people/org_chart.html",
        department=department,
        departments=departments,
        reports=reports,
        headcount=len(members),
        breadcrumbs=breadcrumbs,
    )
