"""Decisions register pages: the list with its filters and exports, and "mark done"."""

from __future__ import annotations

from datetime import date

from flask import (
    Response,
    abort,
    current_app,
    flash,
    request,
    stream_with_context,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hr import audit
from hr.db import db
from hr.decisions import bp, services
from hr.htmx import render, respond, wants_fragment
from hr.interviews import blocks
from hr.interviews.services import InterviewError
from hr.links import links


def _row_context(back: str) -> dict:
    """What `decisions/_row.html` needs besides the action: the links of every row
    built once (`hr.links`), and where "mark as done" comes back to."""
    return dict(
        today=date.today(),
        status_of=services.status_of,
        status_labels=services.STATUS_LABELS,
        interview_url=links(url_for, "interviews.show", "interview_id"),
        complete_url=links(url_for, "decisions.complete", "action_id"),
        back=back,
    )


def _context(filters: services.DecisionFilters) -> dict:
    rows = _row_context(request.full_path.rstrip("?"))
    actions, total, page, pages = services.register(
        current_user, filters, current_app.config["PAGE_SIZE"], rows["today"]
    )
    return dict(actions=actions, total=total, page=page, pages=pages, filters=filters, **rows)


@bp.get("/")
@login_required
def index():
    """Every decision and follow-up action the user may see; `format=csv|xlsx` exports
    all the rows the filters select (not only the page)."""
    filters = services.DecisionFilters.from_args(request.args)
    export = request.args.get("format")
    if export in ("csv", "xlsx"):
        return _export(filters, export)
    context = _context(filters)
    if not wants_fragment():
        context |= services.filter_choices(current_user, filters)
    return render("decisions/index.html", "decisions/_results.html", **context)


def _export(filters: services.DecisionFilters, kind: str):
    """The download of people's data is recorded (who, when, which filters)."""
    audit.record(
        current_user,
        "export",
        "follow_up_action",
        "register",
        after={"format": kind} | {k: v for k, v in filters.as_args().items() if v is not None},
    )
    db.session.commit()
    stamp = date.today().isoformat()
    rows = services.all_rows(current_user, filters)
    if kind == "csv":
        response = Response(
            stream_with_context(services.csv_lines(rows)), mimetype="text/csv; charset=utf-8"
        )
    else:
        response = Response(
            services.xlsx_bytes(rows),
            mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response.headers["Content-Disposition"] = f'attachment; filename="decisions-{stamp}.{kind}"'
    return response


def _local_next() -> str:
    """Back to the register with its filters (local paths only)."""
    default = url_for("decisions.index")
    wanted = request.form.get("next") or ""
    if wanted.startswith(default) and "//" not in wanted and "\\" not in wanted:
        return wanted
    return default


@bp.post("/<int:action_id>/done")
@login_required
def complete(action_id: int):
    """The owner (or the interviewer, or HR) marks an action done; audited by the
    service. htmx gets the updated row, a plain form a 303 back to the list."""
    action = services.one(current_user, action_id)
    if action is None:
        abort(404)
    if not blocks.can_complete(current_user, action):
        abort(403)
    try:
        blocks.complete_action(current_user, action)
    except InterviewError as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_("Action marked as done."), "success")
    back = _local_next()
    return respond(
        "decisions/_row.html",
        back,
        action=services.one(current_user, action_id) or action,
        **_row_context(back),
    )
