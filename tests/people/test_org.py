"""Hierarchy queries: built once per process, each call with its own manager or
department (a statement shared between calls must never keep the first one's value)."""

import sqlalchemy as sa

from hr.people import org
from hr.people.models import Department, Employee
from tests.factories import DepartmentFactory


def ids(db, select) -> set[int]:
    return set(db.session.scalars(select))


def test_reports_below_each_manager_in_turn(db, company):
    e = company.employees
    assert ids(db, org.reports_below(e["manager"].id)) == {e["employee"].id, e["peer"].id}
    assert ids(db, org.reports_below(e["hr"].id)) == {e["outsider"].id}
    assert ids(db, org.reports_below(e["skip"].id)) == {
        e["manager"].id,
        e["employee"].id,
        e["peer"].id,
    }
    assert ids(db, org.reports_below(e["employee"].id)) == set()
    # No manager means nobody (not the people at the top of the company).
    assert ids(db, org.reports_below(None)) == set()


def test_two_named_reports_below_in_one_statement(db, company):
    # The calendar's team scope and its manager filter: two trees, each with its manager.
    e = company.employees
    both = sa.select(Employee.id).where(
        Employee.id.in_(org.reports_below(e["skip"].id, "scope")),
        Employee.id.in_(org.reports_below(e["manager"].id, "filter")),
    )
    assert ids(db, both) == {e["employee"].id, e["peer"].id}


def test_department_subtree_each_department_in_turn(db, company):
    production = company.department
    team = DepartmentFactory(name="Atelier", code="ATL", parent=production)
    other = db.session.scalar(sa.select(Department).where(Department.code == "RH"))
    assert ids(db, org.department_subtree(production.id)) == {production.id, team.id}
    assert ids(db, org.department_subtree(other.id)) == {other.id}
    assert ids(db, org.department_subtree(team.id)) == {team.id}
