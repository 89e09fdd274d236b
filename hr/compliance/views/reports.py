"""HR's reports: penalty exposure (with the payment reference to record), the CSE
figures of a year (CSV/XLSX), and the 8-year review pre-filled for one employee."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, make_response, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hr.compliance import bp, cse, penalty, review, services, texts
from hr.compliance.forms import PaymentForm
from hr.compliance.loading import evaluate_cached
from hr.compliance.models import PROGRESSION_LABELS
from hr.compliance.views.person import employee_or_404, person_evaluation
from hr.db import db
from hr.htmx import render
from hr.security import can, require


@bp.get("/penalties")
@login_required
def penalties():
    """Employees for whom both conditions of the corrective top-up hold."""
    require(current_user, "compliance.manage")
    result = evaluate_cached(date.today(), "all")
    return render(
        "compliance/penalties.html",
        items=penalty.exposures(result),
        people=result.people,
        params=result.params,
        form=PaymentForm(formdata=None, data={"paid_on": date.today()}),
        texts=texts,
    )


@bp.post("/penalties/<int:employee_id>/<review_due>")
@login_required
def record_payment(employee_id: int, review_due: str):
    require(current_user, "compliance.manage")
    try:
        due = date.fromisoformat(review_due)
    except ValueError:
        abort(404)
    employee = employee_or_404(employee_id)
    result = person_evaluation(employee)
    item = next((e for e in penalty.exposures(result) if e.review_due == due), None)
    if item is None:
        abort(404)
    form = PaymentForm()
    if not form.validate_on_submit():
        flash(_("Give the payment date and reference."), "error")
        return redirect(url_for("compliance.penalties"), 303)
    try:
        penalty.record_payment(current_user, item, form.paid_on.data, form.payment_reference.data)
    except penalty.PenaltyError as error:
        flash(str(error), "error")
        return redirect(url_for("compliance.penalties"), 303)
    db.session.commit()
    flash(_("Payment recorded for %(name)s.", name=employee.full_name), "success")
    return redirect(url_for("compliance.penalties"), 303)


@bp.get("/cse", endpoint="cse")
@login_required
def cse_figures():
    """The year's figures for the CSE; ?format=csv|xlsx downloads them."""
    require(current_user, "compliance.manage")
    try:
        year = int(request.args.get("year", date.today().year))
    except ValueError:
        year = date.today().year
    year = min(max(year, 2000), date.today().year + 1)
    figures = cse.figures(year)
    fmt = request.args.get("format")
    if fmt in ("csv", "xlsx"):
        body = cse.as_csv(figures) if fmt == "csv" else cse.as_xlsx(figures)
        response = make_response(body)
        response.mimetype = (
            "text/csv"
            if fmt == "csv"
            else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response.headers["Content-Disposition"] = (
            f'attachment; filename="parcours-cse-{year}.{fmt}"'
        )
        return response
    return render("compliance/cse.html", figures=figures, year=year, this_year=date.today().year)


def _review_of(employee):
    result = person_evaluation(employee)
    reviews = [o for o in result.obligations if o.kind == "career_review" and o.is_open]
    if not reviews:
        return result, None
    return result, reviews[0]


@bp.route("/people/<int:employee_id>/review", methods=["GET", "POST"])
@login_required
def review_page(employee_id: int):
    """The 8-year review pre-filled: interviews held in the period, trainings (the
    non-mandatory ones marked), certifications, progression; POST creates the
    `career_review` interview with that content."""
    employee = employee_or_404(employee_id)
    result, due = _review_of(employee)
    if due is None:
        abort(404)
    content = review.content(employee, due, result.of(employee.id))
    if request.method == "POST":
        if not can(current_user, "interview.create_for", employee):
            abort(403)
        try:
            interview = review.create_review(current_user, employee, due, content)
        except services.ComplianceError as error:
            flash(str(error), "error")
            return redirect(url_for("compliance.review_page", employee_id=employee.id), 303)
        db.session.commit()
        flash(_("The 8-year review interview is created, pre-filled."), "success")
        return redirect(url_for("interviews.show", interview_id=interview.id), 303)
    return render(
        "compliance/review.html",
        employee=employee,
        review=due,
        content=content,
        texts=texts,
        progression_labels=PROGRESSION_LABELS,
        may_create=can(current_user, "interview.create_for", employee),
    )
