"""HR import screens: upload → map columns and preview (htmx) → apply."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hr.db import db
from hr.htmx import render
from hr.people import bp, import_batches
from hr.people.forms import ImportApplyForm, ImportUploadForm
from hr.people.import_fields import FIELDS
from hr.people.import_files import ImportFileError, read_table
from hr.people.imports import ImportRefused, apply_import, plan_import
from hr.people.models import ImportBatch
from hr.security import require


def _my_batch_or_404(batch_id: int, lock: bool = False) -> ImportBatch:
    """The current user's batch: another user's is as absent as a missing one."""
    batch = db.session.get(ImportBatch, batch_id, with_for_update=lock)
    if batch is None or batch.uploaded_by_id != current_user.id:
        abort(404)
    return batch


def _read(batch: ImportBatch):
    return read_table(batch.filename, batch.content, current_app.config["IMPORT_MAX_ROWS"])


@bp.route("/people/import", methods=["GET", "POST"])
@login_required
def import_upload():
    """Step 1: upload the export. Unreadable files are refused here, with the reason."""
    require(current_user, "people.import")
    form = ImportUploadForm()
    if form.validate_on_submit():
        content = form.file.data.read()
        filename = form.file.data.filename or "import.csv"
        if len(content) > current_app.config["IMPORT_MAX_BYTES"]:
            form.file.errors.append(
                _(
                    "The file is larger than %(mb).1f MB.",
                    mb=current_app.config["IMPORT_MAX_BYTES"] / 1e6,
                )
            )
        else:
            try:
                table = read_table(filename, content, current_app.config["IMPORT_MAX_ROWS"])
            except ImportFileError as error:
                form.file.errors.append(str(error))
            else:
                batch = import_batches.store_upload(
                    current_user, filename, content, table, form.mode.data
                )
                db.session.commit()
                return redirect(url_for("people.import_map", batch_id=batch.id), 303)
    return render("people/import_upload.html", form=form)


def _mapping_from_form(headers: list[str]) -> dict[str, str]:
    mapping = {}
    for f in FIELDS:
        header = request.form.get(f"map-{f.name}", "")
        if header in headers:
            mapping[f.name] = header
    return mapping


@bp.route("/people/import/<int:batch_id>", methods=["GET", "POST"])
@login_required
def import_map(batch_id: int):
    """Step 2: map the columns; the preview refreshes on every change (htmx)."""
    require(current_user, "people.import")
    batch = _my_batch_or_404(batch_id)
    if batch.status == "applied":  # back button, or a second tab
        return redirect(url_for("people.import_report", batch_id=batch.id), 303)
    try:
        table = _read(batch)
    except ImportFileError as error:  # the limits changed since the upload
        flash(str(error), "error")
        return redirect(url_for("people.import_upload"), 303)
    full = batch.mapping.get("mode") == "full"
    form = ImportApplyForm()
    if request.method == "POST":
        if not form.validate():
            abort(400)
        import_batches.save_mapping(current_user, batch, _mapping_from_form(table.headers))
        db.session.commit()
    mapping = batch.mapping["fields"]
    plan = plan_import(table, mapping, full_export=full)
    context = dict(
        batch=batch, table=table, mapping=mapping, fields=FIELDS, plan=plan, full=full, form=form
    )
    return render("people/import_map.html", "people/_import_preview.html", **context)


@bp.post("/people/import/<int:batch_id>/apply")
@login_required
def import_apply(batch_id: int):
    """Step 3: apply all or nothing, in one transaction."""
    require(current_user, "people.import")
    batch = _my_batch_or_404(batch_id, lock=True)  # lock: a double submit applies once
    if batch.status == "applied":
        return redirect(url_for("people.import_report", batch_id=batch.id), 303)
    form = ImportApplyForm()
    if not form.validate():
        abort(400)
    full = batch.mapping.get("mode") == "full"
    try:
        table = _read(batch)
    except ImportFileError as error:
        flash(str(error), "error")
        return redirect(url_for("people.import_upload"), 303)
    # The confirmation is asked (and required) only when someone would be marked as left.
    if (
        full
        and not form.confirm_full.data
        and plan_import(table, batch.mapping["fields"], full_export=True).leaving
    ):
        flash(_("Tick the confirmation to mark missing employees as having left."), "error")
        return redirect(url_for("people.import_map", batch_id=batch.id), 303)
    try:
        plan = apply_import(
            current_user,
            table,
            batch.mapping["fields"],
            full_export=full,
            source=f"import #{batch.id}",
        )
    except ImportRefused as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(url_for("people.import_map", batch_id=batch.id), 303)
    import_batches.mark_applied(current_user, batch, plan.summary())
    db.session.commit()
    flash(
        _(
            "Import done: %(created)d created, %(updated)d updated, %(unchanged)d unchanged, "
            "%(left)d marked as left.",
            **{k: plan.summary()[k] for k in ("created", "updated", "unchanged", "left")},
        ),
        "success",
    )
    return redirect(url_for("people.import_report", batch_id=batch.id), 303)


@bp.get("/people/import/<int:batch_id>/report")
@login_required
def import_report(batch_id: int):
    require(current_user, "people.import")
    batch = _my_batch_or_404(batch_id)
    if batch.status != "applied":
        return redirect(url_for("people.import_map", batch_id=batch.id), 303)
    return render("people/import_report.html", batch=batch)
