"""Interview pages: list, creation, the interview page and its life-cycle actions."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import abort, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy.orm import joinedload

from hr.core.settings import get_setting
from hr.db import db
from hr.grids.models import ANSWERED_BY_LABELS, InterviewType
from hr.htmx import render
from hr.interviews import bp, services
from hr.interviews.forms import (
    AddendumForm,
    DeclineForm,
    EmployeeSignForm,
    ForceCloseForm,
    NewInterviewForm,
    ReasonForm,
    ScheduleForm,
)
from hr.interviews.loading import interview_or_404, visible_interviews
from hr.interviews.models import STATUS_LABELS, Interview, SignatureRole, Status
from hr.people.forms import EmptyForm
from hr.people.models import Employee
from hr.security import can, require


def _url(interview) -> str:
    return url_for("interviews.show", interview_id=interview.id)


@bp.get("/")
@login_required
def index():
    """The interviews I may see: mine, those I conduct, my team's (all for HR)."""
    status = request.args.get("status") or None
    if status not in {s.value for s in Status}:
        status = None
    type_id = request.args.get("type", type=int)
    query = (
        sa.select(Interview)
        .where(visible_interviews(current_user))
        .options(
            joinedload(Interview.employee),
            joinedload(Interview.interviewer),
            joinedload(Interview.interview_type),
        )
        .order_by(Interview.due_date.is_(None), Interview.due_date, Interview.id)
    )
    if status:
        query = query.where(Interview.status == Status(status))
    if type_id:
        query = query.where(Interview.interview_type_id == type_id)
    if request.args.get("mine") == "1":
        query = query.where(
            sa.or_(
                Interview.employee_id == current_user.employee_id,
                Interview.interviewer_id == current_user.employee_id,
            )
        )
    pagination = db.paginate(
        query,
        page=max(request.args.get("page", 1, type=int) or 1, 1),
        per_page=current_app.config["PAGE_SIZE"],
        error_out=False,
    )
    types = db.session.scalars(sa.select(InterviewType).order_by(InterviewType.position)).all()
    return render(
        "interviews/index.html",
        "interviews/_list.html",
        pagination=pagination,
        status=status,
        type_id=type_id,
        types=types,
        status_labels=STATUS_LABELS,
        today=date.today(),
        mine=request.args.get("mine") == "1",
    )


def _employee_by_number(number: str | None) -> Employee | None:
    if not number:
        return None
    return db.session.scalar(sa.select(Employee).where(Employee.employee_number == number.strip()))


@bp.route("/new/<int:employee_id>", methods=["GET", "POST"])
@login_required
def new(employee_id: int):
    """Create one interview of any kind for someone I may act for."""
    employee = db.session.get(Employee, employee_id)
    if employee is None or not can(current_user, "person.view", employee):
        abort(404)
    require(current_user, "interview.create_for", employee)
    form = NewInterviewForm()
    types = db.session.scalars(sa.select(InterviewType).order_by(InterviewType.position)).all()
    form.interview_type.choices = [(t.id, t.label) for t in types]
    if form.validate_on_submit():
        interviewer = _employee_by_number(form.interviewer_number.data)
        second = _employee_by_number(form.second_number.data)
        if form.interviewer_number.data and interviewer is None:
            form.interviewer_number.errors.append(_("No employee has this number."))
        elif form.second_number.data and second is None:
            form.second_number.errors.append(_("No employee has this number."))
        elif interviewer is None and employee.manager is None:
            form.interviewer_number.errors.append(
                _("This employee has no manager: give the interviewer's employee number.")
            )
        else:
            try:
                interview = services.create_interview(
                    current_user,
                    employee,
                    db.session.get(InterviewType, form.interview_type.data),
                    interviewer=interviewer,
                    second_participant=second,
                    due_date=form.due_date.data,
                    offered_on=date.today(),
                )
            except services.InterviewError as error:
                form.interview_type.errors.append(str(error))
            else:
                db.session.commit()
                flash(
                    _("Interview created. Schedule it when you have agreed on a time."), "success"
                )
                return redirect(_url(interview), 303)
    return render("interviews/new.html", form=form, employee=employee)


def _forms(interview) -> dict:
    local = ZoneInfo(get_setting("timezone"))
    start = interview.scheduled_start.astimezone(local) if interview.scheduled_start else None
    end = interview.scheduled_end.astimezone(local) if interview.scheduled_end else None
    return dict(
        schedule_form=ScheduleForm(
            formdata=None,
            data={
                "day": start.date() if start else None,
                "start": start.time() if start else None,
                "end": end.time() if end else None,
                "location": interview.location,
                "video_link": interview.video_link,
            },
        ),
        reason_form=ReasonForm(formdata=None),
        decline_form=DeclineForm(formdata=None, data={"declined_on": date.today()}),
        sign_form=EmployeeSignForm(formdata=None),
        close_form=ForceCloseForm(formdata=None, data={"copy_available_on": date.today()}),
        addendum_form=AddendumForm(formdata=None),
        action_form=EmptyForm(),
    )


def _page(interview, status=200, **forms):
    context = _forms(interview) | forms
    signed = {s.role: s for s in interview.signatures if s.addendum_id is None}
    return render(
        "interviews/show.html",
        status=status,
        interview=interview,
        status_labels=STATUS_LABELS,
        role=services.role_of(current_user, interview),
        can_manage=can(current_user, "interview.manage", interview),
        interviewer_signed=signed.get(SignatureRole.INTERVIEWER),
        employee_signed=signed.get(SignatureRole.EMPLOYEE),
        validator_signed=signed.get(SignatureRole.VALIDATOR),
        can_validate=services.can_validate(current_user, interview),
        missing=services.missing_required(interview) if interview.status == Status.HELD else [],
        **context,
    )


@bp.get("/<int:interview_id>")
@login_required
def show(interview_id: int):
    """The interview: who, when, where, its state and the next actions."""
    return _page(interview_or_404(interview_id, read="show"))


def _act(interview, fn, *args, success: str, form=None, form_name=None):
    try:
        fn(current_user, interview, *args)
    except services.InterviewError as error:
        db.session.rollback()
        flash(str(error), "error")
        if form is not None:
            return _page(interview_or_404(interview.id), **{form_name: form})
        return redirect(_url(interview), 303)
    except PermissionError:
        db.session.rollback()
        abort(403)
    db.session.commit()
    flash(success, "success")
    return redirect(_url(interview), 303)


@bp.post("/<int:interview_id>/schedule")
@login_required
def schedule(interview_id: int):
    interview = interview_or_404(interview_id)
    form = ScheduleForm()
    if not form.validate():
        return _page(interview, schedule_form=form)
    local = ZoneInfo(get_setting("timezone"))
    start = datetime.combine(form.day.data, form.start.data, tzinfo=local)
    end = datetime.combine(form.day.data, form.end.data, tzinfo=local)
    return _act(
        interview,
        services.schedule,
        start,
        end,
        form.location.data,
        form.video_link.data,
        success=_("Interview scheduled."),
        form=form,
        form_name="schedule_form",
    )


def _simple(action: str, fn, success):
    def view(interview_id: int):
        interview = interview_or_404(interview_id)
        if not EmptyForm().validate():
            abort(400)
        return _act(interview, fn, success=success())

    view.__name__ = action
    bp.add_url_rule(
        f"/<int:interview_id>/{action.replace('_', '-')}",
        action,
        login_required(view),
        methods=["POST"],
    )


_simple("open_preparation", services.open_preparation, lambda: _("Preparation is open."))
_simple(
    "start",
    services.start,
    lambda: _("The meeting has started: both preparations are now visible."),
)
_simple(
    "request_signatures",
    services.request_signatures,
    lambda: _("The report is ready for signatures: the interviewer signs first."),
)
_simple("sign_interviewer", services.sign_as_interviewer, lambda: _("You have signed."))
_simple("validate", services.validate, lambda: _("Interview validated and locked."))


@bp.post("/<int:interview_id>/cancel")
@login_required
def cancel(interview_id: int):
    interview = interview_or_404(interview_id)
    form = ReasonForm()
    if not form.validate():
        flash(_("Give the reason for cancelling."), "error")
        return redirect(_url(interview), 303)
    return _act(interview, services.cancel, form.reason.data, success=_("Interview cancelled."))


@bp.post("/<int:interview_id>/reopen")
@login_required
def reopen(interview_id: int):
    interview = interview_or_404(interview_id)
    form = ReasonForm()
    if not form.validate():
        flash(_("Give the reason for reopening."), "error")
        return redirect(_url(interview), 303)
    return _act(
        interview,
        services.reopen,
        form.reason.data,
        success=_("Reopened for editing; signatures will be asked again."),
    )


@bp.post("/<int:interview_id>/decline")
@login_required
def decline(interview_id: int):
    interview = interview_or_404(interview_id)
    form = DeclineForm()
    if not form.validate():
        return _page(interview, decline_form=form)
    return _act(
        interview,
        services.decline,
        form.declined_on.data,
        form.comment.data,
        success=_("Recorded: the employee declined the interview offered."),
    )


@bp.post("/<int:interview_id>/sign")
@login_required
def sign_employee(interview_id: int):
    interview = interview_or_404(interview_id)
    form = EmployeeSignForm()
    if not form.validate():
        return _page(interview, sign_form=form)
    refuse = form.decision.data == "refuse"
    return _act(
        interview,
        services.sign_as_employee,
        form.comment.data,
        form.disagreement.data,
        refuse,
        success=_("Your refusal to sign is recorded, with your comment.")
        if refuse
        else _("You have signed. Your copy of the report is available."),
    )


@bp.post("/<int:interview_id>/force-close")
@login_required
def force_close(interview_id: int):
    interview = interview_or_404(interview_id)
    form = ForceCloseForm()
    if not form.validate():
        return _page(interview, close_form=form)
    return _act(
        interview,
        services.force_close,
        form.reason.data,
        form.copy_available_on.data,
        success=_("Interview closed and locked."),
    )


@bp.post("/<int:interview_id>/addendum")
@login_required
def addendum(interview_id: int):
    interview = interview_or_404(interview_id)
    form = AddendumForm()
    if not form.validate():
        return _page(interview, addendum_form=form)
    return _act(
        interview, services.add_addendum, form.text.data, success=_("Addendum added and signed.")
    )


@bp.get("/<int:interview_id>/report")
@login_required
def report(interview_id: int):
    """The report: both parties' answers, blocks, signatures with dates and hashes."""
    from hr.interviews import answers, blocks

    interview = interview_or_404(interview_id, read="report")
    return render(
        "interviews/report.html",
        interview=interview,
        display=answers.display,
        by_key={(a.question_id, a.party): a for a in interview.answers},
        parties_for=services.parties_for,
        blocks=blocks.load_for(interview, current_user),
        status_labels=STATUS_LABELS,
        answered_by_labels=ANSWERED_BY_LABELS,
        content_hash=services.content_hash(interview),
        can_see=services.can_see,
    )


@bp.get("/<int:interview_id>/guide")
@login_required
def guide(interview_id: int):
    """The interview guide to print, filled in with this interview's people and date."""
    from hr.grids.checks import estimated_minutes
    from hr.interviews import blocks

    interview = interview_or_404(interview_id, read="guide")
    version = interview.grid_version
    return render(
        "interviews/guide.html",
        interview=interview,
        version=version,
        grid=version.grid,
        answered_by_labels=ANSWERED_BY_LABELS,
        minutes=estimated_minutes(version),
        blocks=blocks.load_for(interview),
    )
