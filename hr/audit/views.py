"""Audit pages: interview and person histories, the audit search and its export, and
the download of a person's data."""

from __future__ import annotations

import json
from datetime import date

from flask import Response, abort, request, stream_with_context
from flask_login import current_user, login_required

from hr import audit
from hr.audit import bp, export, search, timeline
from hr.audit.sentences import ENTITY_LABELS
from hr.db import db
from hr.htmx import render, wants_fragment
from hr.interviews.loading import interview_or_404
from hr.people.models import Employee
from hr.security import can, require


def _history(page_template: str, page: timeline.Page, link: tuple[str, dict], **context):
    """The full page; for htmx the timeline alone, or only the next events (`more`).
    `link` is the (endpoint, arguments) of this history, for its "older" link."""
    context |= {"page": page, "link_endpoint": link[0], "link_args": link[1]}
    if wants_fragment() and request.args.get("more"):
        return render("audit/_events.html", "audit/_events.html", **context)
    return render(page_template, "audit/_timeline.html", **context)


@bp.get("/interviews/<int:interview_id>")
@login_required
def interview_history(interview_id: int):
    """What happened to one interview, newest first. Loaded by htmx into the interview
    page; a page of its own without JavaScript. Reading the history of a confidential
    interview is recorded like any other read of it."""
    interview = interview_or_404(interview_id, read="history")
    page = timeline.interview_history(
        current_user, interview, before=request.args.get("before", type=int)
    )
    link = ("audit.interview_history", {"interview_id": interview.id})
    return _history("audit/interview.html", page, link, interview=interview)


def _person_or_404(employee_id: int) -> Employee:
    employee = db.session.get(Employee, employee_id)
    if employee is None or not can(current_user, "person.view", employee):
        abort(404)
    return employee


@bp.get("/people/<int:employee_id>")
@login_required
def person_history(employee_id: int):
    """Everything that happened to one person's records that the reader may see."""
    employee = _person_or_404(employee_id)
    page = timeline.person_history(
        current_user, employee, before=request.args.get("before", type=int)
    )
    return _history(
        "audit/person.html",
        page,
        ("audit.person_history", {"employee_id": employee.id}),
        employee=employee,
        may_export=export.may_export(current_user, employee),
    )


@bp.get("/people/<int:employee_id>/data.json")
@login_required
def person_data(employee_id: int):
    """Download a person's data (HR, or the person themselves); recorded."""
    employee = _person_or_404(employee_id)
    if not export.may_export(current_user, employee):
        abort(403)
    data = export.export_person(current_user, employee)
    db.session.commit()
    body = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    response = Response(body, mimetype="application/json")
    name = f"parcours-{employee.employee_number}-{date.today().isoformat()}.json"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/")
@login_required
def index():
    """Search the whole log (HR and administrators); `format=csv` streams every
    matching event, and that export is itself recorded."""
    require(current_user, "audit.search")
    filters = search.SearchFilters.from_args(request.args)
    if request.args.get("format") == "csv":
        audit.record(current_user, "export", "audit", "search", after=filters.as_args())
        db.session.commit()
        response = Response(
            stream_with_context(search.csv_lines(filters)), mimetype="text/csv; charset=utf-8"
        )
        stamp = date.today().isoformat()
        response.headers["Content-Disposition"] = f'attachment; filename="audit-{stamp}.csv"'
        return response
    events, older = search.search(filters)
    return render(
        "audit/search.html",
        "audit/_search_results.html",
        filters=filters,
        items=timeline.tell_unfiltered(current_user, events),
        older=older,
        entity_labels=ENTITY_LABELS,
        actions=search.ACTIONS,
    )
