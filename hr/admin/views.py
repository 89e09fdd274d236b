"""Administration pages: accounts (list, create, roles, reset, deactivate), settings."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy.orm import joinedload

from hr.admin import bp, services
from hr.admin.forms import AccountForm, CreateAccountForm, SettingsForm
from hr.auth.models import User
from hr.auth.services import AccountError
from hr.core.settings import all_settings, update_settings
from hr.db import db
from hr.htmx import render
from hr.people.forms import EmptyForm
from hr.people.models import Employee, normalize
from hr.security import require


@bp.before_request
@login_required
def _admins_only():
    require(current_user, "accounts.manage")


@bp.route("/accounts", methods=["GET", "POST"])
def accounts():
    """Accounts, searchable and paged; the form on top opens one for an employee."""
    form = CreateAccountForm()
    if form.validate_on_submit():
        employee = db.session.scalar(
            sa.select(Employee).where(Employee.employee_number == form.employee_number.data.strip())
        )
        if employee is None:
            form.employee_number.errors.append(_("No employee has this number."))
        else:
            try:
                user, password = services.create_account(
                    current_user, employee, form.is_hr.data, form.is_admin.data
                )
            except AccountError as error:
                form.employee_number.errors.append(str(error))
            else:
                db.session.commit()
                flash(
                    _(
                        "Account created for %(name)s. One-time password: %(pw)s",
                        name=employee.full_name,
                        pw=password,
                    ),
                    "success",
                )
                return redirect(url_for("admin.accounts"), 303)
    q = normalize(request.args.get("q", "").strip())[:100]
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    query = sa.select(User).outerjoin(User.employee)
    if q:
        query = query.where(
            sa.or_(
                User.email.contains(q, autoescape=True),
                Employee.search_key.contains(q, autoescape=True),
            )
        )
    pagination = db.paginate(
        query.options(joinedload(User.employee)).order_by(User.email),
        page=page,
        per_page=current_app.config["PAGE_SIZE"],
        error_out=False,
    )
    return render(
        "admin/accounts.html", form=form, pagination=pagination, q=q, action_form=EmptyForm()
    )


def _user_or_404(user_id: int) -> User:
    return db.get_or_404(User, user_id)


@bp.route("/accounts/<int:user_id>", methods=["GET", "POST"])
def account(user_id: int):
    user = _user_or_404(user_id)
    form = AccountForm(obj=user)
    if form.validate_on_submit():
        try:
            changed = services.update_account(
                current_user,
                user,
                is_hr=form.is_hr.data,
                is_admin=form.is_admin.data,
                active=form.active.data,
            )
        except AccountError as error:
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(_("Account saved.") if changed else _("Nothing to change."), "success")
            return redirect(url_for("admin.account", user_id=user.id), 303)
    return render("admin/account.html", user=user, form=form, action_form=EmptyForm())


@bp.post("/accounts/<int:user_id>/reset-password")
def reset_password(user_id: int):
    user = _user_or_404(user_id)
    if not EmptyForm().validate():
        abort(400)
    password = services.reset_password(current_user, user)
    db.session.commit()
    flash(
        _("New one-time password for %(email)s: %(pw)s", email=user.email, pw=password), "success"
    )
    return redirect(url_for("admin.account", user_id=user.id), 303)


@bp.route("/settings", methods=["GET", "POST"])
def settings():
    require(current_user, "settings.manage")
    form = SettingsForm(data=all_settings())
    if form.validate_on_submit():
        changed = update_settings(current_user, form.values())
        db.session.commit()
        flash(_("Settings saved.") if changed else _("Nothing to change."), "success")
        return redirect(url_for("admin.settings"), 303)
    return render("admin/settings.html", form=form)
