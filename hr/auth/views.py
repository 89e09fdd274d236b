"""Log in, log out, change password."""

from __future__ import annotations

from flask import current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from hr.auth import bp, services
from hr.auth.forms import ChangePasswordForm, LoginForm
from hr.auth.passwords import MIN_LENGTH
from hr.db import db
from hr.extensions import limiter
from hr.htmx import render


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("core.home")


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"], error_message="Too many login attempts.")
def login():
    """Log in by e-mail and password; the same message whatever was wrong."""
    if current_user.is_authenticated:
        return redirect(url_for("core.home"))
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        db.session.commit()
        if user is not None:
            login_user(user)
            if user.must_change_password:
                flash(_("Please choose your own password."), "info")
                return redirect(url_for("auth.password"), 303)
            return redirect(_safe_next(form.next.data), 303)
        flash(_("Wrong e-mail or password."), "error")
    return render("auth/login.html", form=form)


@bp.post("/logout")
@login_required
def logout():
    logout_user()
    flash(_("You are logged out."), "info")
    return redirect(url_for("auth.login"), 303)


@bp.route("/password", methods=["GET", "POST"])
@login_required
def password():
    """Change my password; other sessions of mine stop working."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            services.change_password(current_user, form.current.data, form.new.data)
        except services.AccountError as error:
            form.current.errors.append(str(error))
        else:
            db.session.commit()
            login_user(current_user._get_current_object())
            flash(_("Your password has been changed."), "success")
            return redirect(url_for("core.home"), 303)
    return render("auth/password.html", form=form, min_length=MIN_LENGTH)
