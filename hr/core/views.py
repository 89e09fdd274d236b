"""Home, health check and language switch."""

from __future__ import annotations

import sqlalchemy as sa
from flask import current_app, jsonify, redirect, request, session, url_for
from flask_login import current_user, login_required

from hr.auth import services as auth_services
from hr.core import bp
from hr.db import db
from hr.extensions import csrf, limiter
from hr.htmx import render
from hr.people.models import Employee
from hr.security import is_manager


@bp.get("/healthz")
@limiter.exempt
@csrf.exempt
def healthz():
    """Liveness with a real database round trip: 200 when it answers, 503 otherwise."""
    try:
        db.session.execute(sa.text("SELECT 1")).scalar_one()
    except Exception:  # any database failure means "not healthy"
        db.session.rollback()
        current_app.logger.exception("health check failed")
        return jsonify(status="error"), 503
    return jsonify(status="ok")


@bp.get("/")
@login_required
def home():
    """What I have to do, by role: my interviews; my team's; the company's for HR."""
    from datetime import date

    from hr.core import dashboards
    from hr.interviews.models import STATUS_LABELS

    today = date.today()
    me = current_user.employee_id
    context = {"today": today, "status_labels": STATUS_LABELS, "team": []}
    if me is not None:
        context["mine"] = dashboards.employee_board(me)
        context["actions"] = dashboards.actions_owned(me)
    if is_manager(current_user):
        context["team"] = db.session.scalars(
            sa.select(Employee)
            .where(Employee.manager_id == me, Employee.left_on.is_(None))
            .order_by(Employee.last_name, Employee.first_name)
        ).all()
        context["board"] = dashboards.manager_board(me, today)
    if current_user.is_hr:
        context["hr"] = dashboards.hr_board(today)
    return render("core/home.html", **context)


@bp.post("/language")
def set_language():
    """Switch the interface language; saved on the account when logged in."""
    locale = request.form.get("locale", "")
    if locale in current_app.config["LANGUAGES"]:
        session["locale"] = locale
        if current_user.is_authenticated:
            auth_services.set_locale(current_user, locale)
            db.session.commit()
    target = request.form.get("next") or url_for("core.home")
    if not target.startswith("/") or target.startswith("//"):
        target = url_for("core.home")
    return redirect(target, 303)
