"""Every access question has its answer here: `can(user, action, obj)`.

Relations: an employee sees their own records; a manager sees the records of everyone
below them; HR sees everyone's; an administrator manages accounts and settings.
Answers that need a query are cached for the current request.
(`hr.people.org` is imported inside functions: the people blueprint imports this module.)
"""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort

from hr.people.models import Employee
from hr.request_cache import request_cache

ROLE_EMPLOYEE, ROLE_MANAGER, ROLE_HR, ROLE_ADMIN = "employee", "manager", "hr", "admin"


def _cache() -> dict:
    return request_cache().setdefault("security", {})


def is_manager(user) -> bool:
    """Derived role: the user's employee record has reports still in the company."""
    if user is None or not user.is_authenticated or user.employee_id is None:
        return False
    from hr.people import org

    cache = _cache()
    if "is_manager" not in cache:
        cache["is_manager"] = org.has_reports(user.employee_id)
    return cache["is_manager"]


def remember_is_manager(user, answer: bool) -> None:
    """Set by the user loader, which reads the answer with the user (no query more)."""
    if user.employee_id is not None:
        _cache()["is_manager"] = answer


def roles(user) -> set[str]:
    if user is None or not user.is_authenticated:
        return set()
    result = {ROLE_EMPLOYEE}
    if is_manager(user):
        result.add(ROLE_MANAGER)
    if user.is_hr:
        result.add(ROLE_HR)
    if user.is_admin:
        result.add(ROLE_ADMIN)
    return result


def manages(user, employee: Employee) -> bool:
    """True when `employee` is below the user in the hierarchy."""
    if user.employee_id is None or employee.id == user.employee_id:
        return False
    if employee.manager_id == user.employee_id:
        return True
    if not is_manager(user):
        return False
    return employee.id in _reports_below(user)


def _reports_below(user) -> frozenset[int]:
    """Everyone below the user, read once per request (one recursive query), so that a
    page checking many people (a team, an org chart) costs one query, not one each."""
    from hr.db import db
    from hr.people import org

    cache = _cache()
    if "reports_below" not in cache:
        cache["reports_below"] = frozenset(db.session.scalars(org.reports_below(user.employee_id)))
    return cache["reports_below"]


def _is_self(user, employee) -> bool:
    return employee is not None and user.employee_id == employee.id


def _view_person(user, employee) -> bool:
    return user.is_hr or user.is_admin or _is_self(user, employee) or manages(user, employee)


def _view_person_private(user, employee) -> bool:
    """Birth date and other personal details: the person and HR only."""
    return user.is_hr or _is_self(user, employee)


def _view_person_contract(user, employee) -> bool:
    """Contract, hire and probation dates: what a manager needs to plan interviews."""
    return user.is_hr or _is_self(user, employee) or manages(user, employee)


def _interview_party(user, interview) -> bool:
    eid = user.employee_id
    return eid is not None and eid in (
        interview.employee_id,
        interview.interviewer_id,
        interview.second_participant_id,
    )


def _view_interview(user, interview) -> bool:
    """Corrective interviews: the employee, the interviewer(s) and HR only — not the
    rest of the manager chain."""
    if user.is_hr or _interview_party(user, interview):
        return True
    return not interview.confidential and manages(user, interview.employee)


def _manage_interview(user, interview) -> bool:
    """Schedule, cancel, conduct: HR, the interviewer, and managers above the employee
    (who may stand in for an absent interviewer), except on corrective interviews."""
    if user.is_hr or (user.employee_id and user.employee_id == interview.interviewer_id):
        return True
    return not interview.confidential and manages(user, interview.employee)


RULES = {
    "people.directory": lambda u, o: u.is_hr or u.is_admin or is_manager(u),
    "people.import": lambda u, o: u.is_hr,
    "person.view": _view_person,
    "person.view_contract": _view_person_contract,
    "person.view_private": _view_person_private,
    "person.edit": lambda u, o: u.is_hr,
    "org.view": lambda u, o: True,
    "interview.create_for": lambda u, o: u.is_hr or manages(u, o),
    "interview.view": _view_interview,
    "interview.manage": _manage_interview,
    "campaigns.manage": lambda u, o: u.is_hr,
    "trainings.manage": lambda u, o: u.is_hr,
    "grids.manage": lambda u, o: u.is_hr,
    "grids.view": lambda u, o: u.is_hr or is_manager(u),
    "accounts.manage": lambda u, o: u.is_admin,
    "settings.manage": lambda u, o: u.is_admin,
    # Legal compliance: HR and managers (their team) see the dashboard; the panel on a
    # person's page follows the contract details; inputs, imports, penalties: HR.
    "compliance.view": lambda u, o: u.is_hr or is_manager(u),
    "compliance.person": _view_person_contract,
    "compliance.manage": lambda u, o: u.is_hr,
    "mail.outbox": lambda u, o: u.is_hr,
    # The whole audit log (search, CSV export): HR and administrators.
    "audit.search": lambda u, o: u.is_hr or u.is_admin,
}


def can(user, action: str, obj=None) -> bool:
    """May `user` do `action` (on `obj`)? Unknown actions are refused."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.active:
        return False
    rule = RULES.get(action)
    if rule is None:
        raise KeyError(f"unknown permission action: {action}")
    return bool(rule(user, obj))


def require(user, action: str, obj=None) -> None:
    """Abort with 403 unless allowed."""
    if not can(user, action, obj):
        abort(403)


def visible_employees(user) -> sa.ColumnElement[bool]:
    """WHERE clause restricting an Employee query to the people `user` may view."""
    from hr.people import org

    if user.is_hr or user.is_admin:
        return sa.true()
    clauses = []
    if user.employee_id is not None:
        clauses.append(Employee.id == user.employee_id)
        if is_manager(user):
            clauses.append(Employee.id.in_(org.reports_below(user.employee_id)))
    return sa.or_(*clauses) if clauses else sa.false()
