"""Request-wide wiring: login loading, security headers, template helpers."""

from __future__ import annotations

import functools

import sqlalchemy as sa
from flask import Flask, redirect, request, url_for
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from hr import i18n, security
from hr.core.settings import all_settings
from hr.db import db, utcnow
from hr.extensions import login_manager

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'self'; object-src 'none'"
)


@functools.cache
def _user_statement() -> sa.Select:
    """The signed-in user (employee joined) and whether they manage anyone, in the one
    query every page starts with; built once (statement and cache key are reused)."""
    from hr.auth.models import User
    from hr.people.org import manages_someone

    is_manager = manages_someone(User.employee_id).label("is_manager")
    return sa.select(User, is_manager).where(
        User.id == sa.bindparam("uid"), User.session_version == sa.bindparam("version")
    )


@login_manager.user_loader
def load_user(user_id: str):
    try:
        uid, version = (int(part) for part in user_id.split(":", 1))
    except ValueError:
        return None
    row = db.session.execute(_user_statement(), {"uid": uid, "version": version}).first()
    if row is None or not row[0].active:
        return None
    security.remember_is_manager(row[0], bool(row[1]))
    return row[0]


def _unauthorized():
    """Anonymous access: htmx gets 401 + HX-Redirect, a browser a redirect to login."""
    login = url_for("auth.login", next=request.full_path.rstrip("?"))
    if request.htmx:
        return "", 401, {"HX-Redirect": login}
    return redirect(login)


def _security_headers(response):
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if request.endpoint != "static":
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def init_app(app: Flask) -> None:
    login_manager.login_view = "auth.login"
    login_manager.session_protection = "strong"
    login_manager.login_message = _l("Please log in to open this page.")
    login_manager.login_message_category = "info"
    login_manager.unauthorized_handler(_unauthorized)
    app.after_request(_security_headers)
    i18n.register_filters(app)
    i18n.install_template_gettext(app)

    @app.context_processor
    def _helpers():
        return {
            "can": lambda action, obj=None: security.can(current_user, action, obj),
            "user_roles": lambda: security.roles(current_user),
            "settings": all_settings,
            "get_locale": get_locale,
            "now": utcnow,
        }
