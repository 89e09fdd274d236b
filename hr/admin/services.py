"""Account administration. Every change is permission-checked and audited here."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _

from hr import audit
from hr.auth.models import User
from hr.auth.passwords import hash_password, temporary_password
from hr.auth.services import AccountError
from hr.db import db
from hr.people.models import Employee
from hr.security import can


def _check(actor) -> None:
    if not can(actor, "accounts.manage"):
        raise PermissionError("accounts.manage")


def create_account(actor, employee: Employee, is_hr=False, is_admin=False) -> tuple[User, str]:
    """Open an account for an employee; returns it with a one-time password."""
    _check(actor)
    if not employee.email:
        raise AccountError(_("This employee has no work e-mail address."))
    if employee.left_on is not None:
        raise AccountError(_("This employee has left the company."))
    exists = db.session.scalar(
        sa.select(User.id).where(
            sa.or_(User.employee_id == employee.id, User.email == employee.email)
        )
    )
    if exists:
        raise AccountError(_("An account already exists for this employee or e-mail."))
    password = temporary_password()
    user = User(
        email=employee.email,
        password_hash=hash_password(password),
        employee_id=employee.id,
        is_hr=is_hr,
        is_admin=is_admin,
        must_change_password=True,
    )
    db.session.add(user)
    db.session.flush()
    audit.record(actor, "create", "user", user.id, after=user.snapshot())
    return user, password


def create_admin(email: str, password: str) -> User:
    """First administrator of an installation (CLI): no actor yet."""
    email = email.strip().lower()
    if db.session.scalar(sa.select(User.id).where(User.email == email)):
        raise AccountError(_("An account already exists for this e-mail."))
    employee = db.session.scalar(sa.select(Employee).where(Employee.email == email))
    user = User(
        email=email,
        password_hash=hash_password(password),
        is_admin=True,
        employee_id=employee.id if employee else None,
    )
    db.session.add(user)
    db.session.flush()
    audit.record(None, "create", "user", user.id, after=user.snapshot())
    return user


def reset_password(actor, user: User) -> str:
    """A new one-time password; the user's sessions end and they must choose their own."""
    _check(actor)
    password = temporary_password()
    user.password_hash = hash_password(password)
    user.must_change_password = True
    user.session_version += 1
    audit.record(actor, "reset_password", "user", user.id)
    return password


def update_account(actor, user: User, *, is_hr: bool, is_admin: bool, active: bool) -> bool:
    """Set roles and activity; an administrator cannot lock themselves out."""
    _check(actor)
    if user.id == actor.id and (not is_admin or not active):
        raise AccountError(_("You cannot remove your own administrator access."))
    before = user.snapshot()
    user.is_hr, user.is_admin = is_hr, is_admin
    if user.active and not active:
        user.session_version += 1
    user.active = active
    after = user.snapshot()
    if before == after:
        return False
    audit.record(actor, "update", "user", user.id, before=before, after=after)
    return True
