"""One employee's legal interviews — past and coming, and why — with the inputs HR
enters for them (absences, mandates, trainings, progression, dates), and the panel on
the employee's page."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hr.compliance import bp, services, texts
from hr.compliance.forms import (
    AbsenceEndForm,
    AbsenceForm,
    DatesForm,
    MandateForm,
    ProgressionForm,
    TrainingForm,
)
from hr.compliance.loading import evaluate
from hr.compliance.models import (
    LEAVE_LABELS,
    PROGRESSION_LABELS,
    Absence,
    LeaveType,
    Mandate,
    Progression,
    ProgressionKind,
    TrainingRecord,
)
from hr.db import db
from hr.htmx import render
from hr.interviews.models import TrainingRequest, TrainingStatus
from hr.people.models import Employee
from hr.security import can, require


def employee_or_404(employee_id: int) -> Employee:
    employee = db.session.get(Employee, employee_id)
    if employee is None or not can(current_user, "compliance.person", employee):
        abort(404)  # the same answer whether it does not exist or is not yours to see
    return employee


def person_evaluation(employee: Employee):
    return evaluate(date.today(), Employee.id == employee.id)


bp.add_app_template_global(texts, "compliance_texts")


@bp.app_template_global("compliance_panel")
def compliance_panel(employee: Employee):
    """For the employee's page: their evaluation when the viewer may see it, else None."""
    if employee is None or not can(current_user, "compliance.person", employee):
        return None
    result = person_evaluation(employee)
    result.obligations.sort(key=lambda o: (o.is_open, o.due_date))
    return result


def _records(employee: Employee) -> dict:
    def of(model, order):
        return db.session.scalars(
            sa.select(model).where(model.employee_id == employee.id).order_by(order.desc())
        ).all()

    recorded = sa.select(TrainingRecord.training_request_id).where(
        TrainingRecord.training_request_id.isnot(None)
    )
    done = db.session.scalars(
        sa.select(TrainingRequest)
        .where(
            TrainingRequest.employee_id == employee.id,
            TrainingRequest.status == TrainingStatus.DONE,
            TrainingRequest.id.not_in(recorded),
        )
        .order_by(TrainingRequest.done_on)
    ).all()
    return {
        "done_requests": done,
        "absences": of(Absence, Absence.start_date),
        "mandates": of(Mandate, Mandate.start_date),
        "trainings": of(TrainingRecord, TrainingRecord.start_date),
        "progressions": of(Progression, Progression.on),
    }


def _page(employee: Employee, status: int = 200, **forms):
    result = person_evaluation(employee)
    manage = can(current_user, "compliance.manage")
    context = dict(
        employee=employee,
        result=result,
        past=sorted((o for o in result.obligations if not o.is_open), key=lambda o: o.due_date),
        coming=sorted((o for o in result.obligations if o.is_open), key=lambda o: o.due_date),
        texts=texts,
        manage=manage,
        leave_labels=LEAVE_LABELS,
        progression_labels=PROGRESSION_LABELS,
        may_create=can(current_user, "interview.create_for", employee) and not employee.left_on,
    )
    if manage:
        context |= _records(employee)
        context |= {
            "absence_form": forms.get("absence_form") or AbsenceForm(formdata=None),
            "mandate_form": forms.get("mandate_form") or MandateForm(formdata=None),
            "training_form": forms.get("training_form") or TrainingForm(formdata=None),
            "progression_form": forms.get("progression_form") or ProgressionForm(formdata=None),
            "dates_form": forms.get("dates_form")
            or DatesForm(
                formdata=None,
                data={
                    "career_info_given_on": employee.career_info_given_on,
                    "mid_career_visit_on": employee.mid_career_visit_on,
                },
            ),
        }
    return render("compliance/person.html", status=status, **context)


@bp.get("/people/<int:employee_id>")
@login_required
def person(employee_id: int):
    return _page(employee_or_404(employee_id))


def _back(employee: Employee):
    return redirect(url_for("compliance.person", employee_id=employee.id), 303)


def _saved(employee: Employee, message: str):
    db.session.commit()
    flash(message, "success")
    return _back(employee)


@bp.post("/people/<int:employee_id>/absences")
@login_required
def add_absence(employee_id: int):
    employee = employee_or_404(employee_id)
    require(current_user, "compliance.manage")
    form = AbsenceForm()
    if not form.validate_on_submit():
        return _page(employee, absence_form=form)
    services.add_record(
        current_user,
        Absence(
            employee_id=employee.id,
            leave_type=LeaveType(form.leave_type.data),
            start_date=form.start_date.data,
            end_date=form.end_date.data,
        ),
    )
    return _saved(employee, _("Absence recorded."))


def _record_or_404(model, record_id: int, employee: Employee):
    record = db.session.get(model, record_id)
    if record is None or record.employee_id != employee.id:
        abort(404)
    return record


@bp.post("/people/<int:employee_id>/absences/<int:absence_id>/end")
@login_required
def end_absence(employee_id: int, absence_id: int):
    employee = employee_or_404(employee_id)
    require(current_user, "compliance.manage")
    absence = _record_or_404(Absence, absence_id, employee)
    form = AbsenceEndForm()
    if not form.validate_on_submit():
        flash(_("Give the last day of the absence."), "error")
        return _back(employee)
    try:
        services.update_absence_end(current_user, absence, form.end_date.data)
    except services.ComplianceError as error:
        flash(str(error), "error")
        return _back(employee)
    return _saved(employee, _("Absence updated."))


RECORDS = {
    "absences": Absence,
    "mandates": Mandate,
    "trainings": TrainingRecord,
    "progressions": Progression,
}


@bp.post(
    "/people/<int:employee_id>/<any(absences, mandates, trainings, progressions):what>/<int:record_id>/delete"
)
@login_required
def delete_record(employee_id: int, what: str, record_id: int):
    employee = employee_or_404(employee_id)
    require(current_user, "compliance.manage")
    services.delete_record(current_user, _record_or_404(RECORDS[what], record_id, employee))
    return _saved(employee, _("Removed."))


@bp.post("/people/<int:employee_id>/training-requests/<int:request_id>/record")
@login_required
def record_training_request(employee_id: int, request_id: int):
    """A training request marked done becomes a training record (once)."""
    employee = employee_or_404(employee_id)
    require(current_user, "compliance.manage")
    request_ = db.session.get(TrainingRequest, request_id)
    if request_ is None or request_.employee_id != employee.id:
        abort(404)
    if request_.status != TrainingStatus.DONE:
        flash(_("Only a training marked as done can be recorded."), "error")
        return _back(employee)
    services.record_from_training_request(current_user, request_)
    return _saved(employee, _("Training recorded."))


@bp.post("/people/<int:employee_id>/mandates")
@login_required
def add_mandate(employee_id: int):
    employee = employee_or_404(employee_id)
    require(current_user, "compliance.manage")
    form = MandateForm()
    if not form.validate_on_submit():
        return _page(employee, mandate_form=form)
    services.add_record(
        current_user,
        Mandate(
            employee_id=employee.id,
            label=(form.label.data or "").strip() or None,
            start_date=form.start_date.data,
            end_date=form.end_date.data,
            delegation_share=form.delegation_share.data or 0,
        ),
    )
    return _saved(employee, _("Mandate recorded."))


@bp.post("/people/<int:employee_id>/trainings")
@login_required
def add_training(employee_id: int):
    employee = employee_or_404(employee_id)
    require(current_user, "compliance.manage")
    form = TrainingForm()
    if not form.validate_on_submit():
        return _page(employee, training_form=form)
    services.add_record(
        current_user,
        TrainingRecord(
            employee_id=employee.id,
            title=form.title.data.strip(),
            start_date=form.start_date.data,
            end_date=form.end_date.data,
            hours=form.hours.data,
            mandatory=form.mandatory.data,
            certification=form.certification.data,
            certification_name=(form.certification_name.data or "").strip() or None,
        ),
    )
    return _saved(employee, _("Training recorded."))


@bp.post("/people/<int:employee_id>/progressions")
@login_required
def add_progression(employee_id: int):
    employee = employee_or_404(employee_id)
    require(current_user, "compliance.manage")
    form = ProgressionForm()
    if not form.validate_on_submit():
        return _page(employee, progression_form=form)
    services.add_record(
        current_user,
        Progression(
            employee_id=employee.id,
            on=form.on.data,
            kind=ProgressionKind(form.kind.data),
            note=(form.note.data or "").strip() or None,
        ),
    )
    return _saved(employee, _("Progression recorded."))


@bp.post("/people/<int:employee_id>/dates")
@login_required
def set_dates(employee_id: int):
    employee = employee_or_404(employee_id)
    require(current_user, "compliance.manage")
    form = DatesForm()
    if not form.validate_on_submit():
        return _page(employee, dates_form=form)
    try:
        changed = services.set_dates(
            current_user, employee, form.career_info_given_on.data, form.mid_career_visit_on.data
        )
    except services.ComplianceError as error:
        form.mid_career_visit_on.errors = [str(error)]
        return _page(employee, dates_form=form)
    return _saved(employee, _("Dates saved.") if changed else _("Nothing to change."))


@bp.post("/people/<int:employee_id>/interviews")
@login_required
def create_for_person(employee_id: int):
    """Create the interview of one of this person's obligations (its key)."""
    from hr.compliance.views.dashboard import parse_keys, selected_obligations

    employee = employee_or_404(employee_id)
    keys = [k for k in parse_keys(request.form.getlist("key")) if k[0] == employee.id]
    obligations, _gone = selected_obligations_for(employee, keys, selected_obligations)
    result = services.create_interviews(current_user, obligations)
    db.session.commit()
    if result.created:
        flash(_("Interview created."), "success")
        return redirect(url_for("interviews.show", interview_id=result.created[0]), 303)
    for problem in result.problems or [_("This obligation is no longer open.")]:
        flash(problem, "error")
    return _back(employee)


def selected_obligations_for(employee, keys, select):
    """HR and the employee's managers act here (the dashboard's scope)."""
    if not can(current_user, "interview.create_for", employee):
        abort(403)
    return select(current_user, keys)
