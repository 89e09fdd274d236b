"""Accounts. Roles: every account is an employee-level user; `manager` is derived
from having reports; `hr` and `admin` are flags set by an administrator."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hr.db import UTCDateTime, db, utcnow
from hr.people.models import Employee


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    employee_id: Mapped[int | None] = mapped_column(sa.ForeignKey("employees.id"), unique=True)
    is_hr: Mapped[bool] = mapped_column(default=False)
    is_admin: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    must_change_password: Mapped[bool] = mapped_column(default=False)
    locale: Mapped[str | None] = mapped_column(sa.String(5))
    # Bumped on password change/reset/deactivation: old sessions stop working.
    session_version: Mapped[int] = mapped_column(default=1)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    employee: Mapped[Employee | None] = relationship(lazy="joined")

    @property
    def is_active(self) -> bool:  # Flask-Login
        return self.active

    def get_id(self) -> str:  # Flask-Login: the cookie carries the session version too
        return f"{self.id}:{self.session_version}"

    @property
    def display_name(self) -> str:
        return self.employee.full_name if self.employee else self.email

    def snapshot(self) -> dict:
        return {
            "email": self.email,
            "employee_id": self.employee_id,
            "is_hr": self.is_hr,
            "is_admin": self.is_admin,
            "active": self.active,
            "locale": self.locale,
        }
