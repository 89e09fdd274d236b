"""Operator commands: seed-demo and create-admin."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from hr.auth.models import User
from hr.demo.seed import DEMO_ACCOUNTS, seed_demo
from hr.people.models import ContractType, Department, Employee


def test_demo_company_is_realistic(app, db):
    today = date(2026, 11, 26)
    result = seed_demo(employees=80, seed=7, today=today)
    db.session.flush()
    people = db.session.scalars(sa.select(Employee)).all()
    assert result.employees == len(people) == 80
    contracts = {e.contract_type for e in people}
    assert {ContractType.CDI, ContractType.CDD, ContractType.APPRENTICESHIP} <= contracts
    assert any(e.forfait_jours for e in people)
    assert any(e.probation_end_date and e.probation_end_date > today for e in people)
    ages = [(today - e.birth_date).days // 365 for e in people]
    assert any(44 <= a <= 46 for a in ages) and any(57 <= a <= 60 for a in ages)
    roots = [e for e in people if e.manager_id is None]
    assert len(roots) == 1  # one CEO, everybody else has a manager
    kinds = {d.kind for d in db.session.scalars(sa.select(Department))}
    assert len(kinds) == 3  # directions, departments and teams
    users = {u.email: u for u in db.session.scalars(sa.select(User))}
    assert set(DEMO_ACCOUNTS.values()) <= set(users)
    assert users[DEMO_ACCOUNTS["hr"]].is_hr and users[DEMO_ACCOUNTS["admin"]].is_admin
    manager = users[DEMO_ACCOUNTS["manager"]].employee
    employee = users[DEMO_ACCOUNTS["employee"]].employee
    assert employee.manager_id == manager.id


@pytest.mark.parametrize("employees", [80, 600])
def test_demo_manager_leads_a_team_and_the_demo_employee_manages_no_one(app, db, employees):
    # From a few hundred people up, "pôles" sit between the production head and the
    # teams: the demo manager is still a team lead, the demo employee a plain employee.
    seed_demo(employees=employees, seed=2026, history=False)
    db.session.flush()
    accounts = {
        role: db.session.scalar(sa.select(User).where(User.email == email))
        for role, email in DEMO_ACCOUNTS.items()
    }
    manager, employee = accounts["manager"].employee, accounts["employee"].employee
    reports = db.session.scalars(sa.select(Employee).where(Employee.manager_id == manager.id)).all()
    assert employee in reports
    assert not db.session.scalar(
        sa.select(sa.func.count()).where(Employee.manager_id.in_([r.id for r in reports]))
    )
    assert manager.manager_id is not None


def test_seed_is_deterministic(app, db):
    seed_demo(employees=60, seed=3, today=date(2026, 1, 1))
    first = [
        (e.employee_number, e.last_name, e.hire_date)
        for e in db.session.scalars(sa.select(Employee).order_by(Employee.employee_number))
    ]
    db.session.rollback()
    seed_demo(employees=60, seed=3, today=date(2026, 1, 1))
    second = [
        (e.employee_number, e.last_name, e.hire_date)
        for e in db.session.scalars(sa.select(Employee).order_by(Employee.employee_number))
    ]
    assert first == second


def test_seed_demo_command_refuses_a_non_empty_database_unless_if_empty(app, db, company):
    runner = app.test_cli_runner()
    refused = runner.invoke(args=["hr", "seed-demo"])
    assert refused.exit_code != 0 and "not empty" in refused.output
    skipped = runner.invoke(args=["hr", "seed-demo", "--if-empty"])
    assert skipped.exit_code == 0 and "not loaded" in skipped.output
    assert "Demo logins" not in skipped.output  # this company has no demo accounts


def test_seed_demo_command_prints_the_logins(app, db):
    result = app.test_cli_runner().invoke(args=["hr", "seed-demo", "--employees", "40"])
    assert result.exit_code == 0, result.output
    assert "rh@demo.parcours.test" in result.output and "password: demo" in result.output
    again = app.test_cli_runner().invoke(args=["hr", "seed-demo", "--if-empty"])
    assert "not loaded" in again.output and "rh@demo.parcours.test" in again.output


def test_large_company_for_benchmarks(app, db):
    result = seed_demo(employees=2000, seed=1, history=False)
    db.session.flush()
    assert result.employees == 2000
    # Teams keep a manageable size at scale.
    biggest = db.session.execute(
        sa.select(sa.func.count(Employee.id))
        .group_by(Employee.manager_id)
        .order_by(sa.func.count(Employee.id).desc())
        .limit(1)
    ).scalar()
    assert biggest <= 40


def test_create_admin_command(app, db):
    runner = app.test_cli_runner()
    short = runner.invoke(args=["hr", "create-admin", "boss@example.test", "--password", "short"])
    assert short.exit_code != 0
    ok = runner.invoke(
        args=["hr", "create-admin", "Boss@Example.test", "--password", "long-enough-1"]
    )
    assert ok.exit_code == 0, ok.output
    user = db.session.scalar(sa.select(User).where(User.email == "boss@example.test"))
    assert user.is_admin
    again = runner.invoke(
        args=["hr", "create-admin", "boss@example.test", "--password", "long-enough-1"]
    )
    assert again.exit_code != 0
