"""Account state changes. Each one writes its audit event in the same transaction."""

from __future__ import annotations

import sqlalchemy as sa

from hr import audit
from hr.auth.models import User
from hr.auth.passwords import check_password, hash_password
from hr.db import db, utcnow


class AccountError(ValueError):
    """A refused account change, with a message for the user."""


def authenticate(email: str, password: str) -> User | None:
    """The active user with these credentials, or None (same cost either way)."""
    user = db.session.scalar(sa.select(User).where(User.email == email.strip().lower()))
    ok = check_password(user.password_hash if user else None, password)
    if user is None or not ok or not user.active:
        audit.record(
            None,
            "login_failed",
            "user",
            user.id if user else "-",
            after={"email": email.strip().lower()[:254]},
        )
        return None
    user.last_login_at = utcnow()
    audit.record(user, "login", "user", user.id)
    return user


def change_password(user: User, current: str, new: str) -> None:
    from flask_babel import gettext as _

    if not check_password(user.password_hash, current):
        raise AccountError(_("The current password is wrong."))
    user.password_hash = hash_password(new)
    user.must_change_password = False
    user.session_version += 1
    audit.record(user, "password_changed", "user", user.id)


def set_locale(user: User, locale: str) -> None:
    before = user.snapshot()
    user.locale = locale
    audit.record(user, "update", "user", user.id, before=before, after=user.snapshot())
