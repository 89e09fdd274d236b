"""Absences import from the HR system's export: upload, every row checked, then all or
nothing (or a check only)."""

from __future__ import annotations

from flask import current_app, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hr.compliance import bp
from hr.compliance.forms import AbsenceImportForm
from hr.compliance.imports import COLUMNS, apply_absences, plan_absences
from hr.db import db
from hr.htmx import render
from hr.people.import_files import ImportFileError, read_table
from hr.security import require


@bp.route("/absences/import", methods=["GET", "POST"])
@login_required
def import_absences():
    require(current_user, "compliance.manage")
    form = AbsenceImportForm()
    plan = None
    if form.validate_on_submit():
        content = form.file.data.read()
        filename = form.file.data.filename or "absences.csv"
        limit = current_app.config["IMPORT_MAX_BYTES"]
        if len(content) > limit:
            form.file.errors.append(_("The file is larger than %(mb).1f MB.", mb=limit / 1e6))
        else:
            try:
                table = read_table(filename, content, current_app.config["IMPORT_MAX_ROWS"])
            except ImportFileError as error:
                form.file.errors.append(str(error))
            else:
                plan = plan_absences(table)
                if plan.ok and not form.dry_run.data:
                    plan = apply_absences(current_user, table, source=f"web {filename[:40]}")
                    db.session.commit()
                    flash(
                        _(
                            "Absences imported: %(created)d created, %(updated)d completed, "
                            "%(unchanged)d unchanged.",
                            created=plan.created,
                            updated=plan.updated,
                            unchanged=plan.unchanged,
                        ),
                        "success",
                    )
                    return redirect(url_for("compliance.import_absences"), 303)
    return render("compliance/import.html", form=form, plan=plan, columns=COLUMNS)
