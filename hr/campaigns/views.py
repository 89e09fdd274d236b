"""Campaign pages (HR only): list, create and edit with a live population preview,
launch, follow-up while running (add, remove, assign, new grid version, close),
progress with drill-down by department and interviewer."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from flask import abort, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required
from sqlalchemy.orm import joinedload

from hr.campaigns import bp, population, progress, services
from hr.campaigns.forms import CampaignForm, CloseForm, InterviewerForm, PersonForm, VersionForm
from hr.campaigns.models import Campaign, CampaignStatus
from hr.campaigns.population import Criteria
from hr.db import db
from hr.grids.models import GridVersion, InterviewType
from hr.htmx import render
from hr.interviews.models import NOT_STARTED, STATUS_LABELS, Interview, Status
from hr.interviews.services import InterviewError
from hr.links import links
from hr.people.forms import EmptyForm
from hr.people.models import CONTRACT_LABELS, Department, Employee, Site
from hr.security import require

CONTEXT = dict(
    campaign_status_labels=services.STATUS_LABELS,
    status_labels=STATUS_LABELS,
    contract_labels=CONTRACT_LABELS,
    not_started=NOT_STARTED,
)


def _campaign_or_404(campaign_id: int) -> Campaign:
    campaign = db.session.scalar(
        sa.select(Campaign)
        .where(Campaign.id == campaign_id)
        .options(
            joinedload(Campaign.interview_type),
            joinedload(Campaign.grid_version).joinedload(GridVersion.grid),
        )
    )
    if campaign is None:
        abort(404)
    return campaign


def _show_url(campaign: Campaign) -> str:
    return url_for("campaigns.show", campaign_id=campaign.id)


def _refused(error: Exception, campaign: Campaign):
    """A refused change: nothing is kept, the message is shown on the campaign page."""
    db.session.rollback()
    flash(str(error), "error")
    return redirect(_show_url(campaign), 303)


def _checked(form) -> bool:
    """A small form of the campaign page: the CSRF token must hold; field errors are
    flashed (the page is shown again by the redirect)."""
    if form.validate():
        return True
    if "csrf_token" in form.errors:
        abort(400)
    for errors in form.errors.values():
        for message in errors:
            flash(message, "error")
    return False


@bp.get("/")
@login_required
def index():
    """All campaigns, the latest first, with their interview counts."""
    require(current_user, "campaigns.manage")
    campaigns = db.session.scalars(
        sa.select(Campaign)
        .options(
            joinedload(Campaign.interview_type),
            joinedload(Campaign.grid_version).joinedload(GridVersion.grid),
        )
        .order_by(Campaign.opens_on.desc(), Campaign.id.desc())
    ).all()
    return render(
        "campaigns/index.html",
        campaigns=campaigns,
        counts=progress.counts_by_campaign(),
        empty_counts=progress.Counts(),
        **CONTEXT,
    )


# --- create and edit (drafts) ----------------------------------------------------------


def _form(campaign: Campaign | None) -> CampaignForm:
    """The campaign form: posted values, values in the query string (the preview
    without JavaScript, and htmx refreshes), or the campaign's own values."""
    if request.method == "POST":
        form = CampaignForm()
    elif request.args:
        form = CampaignForm(formdata=request.args)
    else:
        form = CampaignForm(
            formdata=None, data=CampaignForm.initial(campaign) if campaign else None
        )
    return form.prepare(
        db.session.scalars(sa.select(InterviewType).order_by(InterviewType.position)).all(),
        services.published_versions(),
        db.session.scalars(sa.select(Department).order_by(Department.name)).all(),
        db.session.scalars(sa.select(Site).order_by(Site.name)).all(),
    )


def _values(form: CampaignForm) -> services.CampaignValues:
    return services.CampaignValues(
        name=form.name.data,
        interview_type=db.session.get(InterviewType, form.interview_type.data),
        grid_version=db.session.get(GridVersion, form.grid_version.data),
        criteria=form.criteria(),
        opens_on=form.opens_on.data,
        interview_deadline=form.interview_deadline.data,
        preparation_deadline=form.preparation_deadline.data,
        signature_deadline=form.signature_deadline.data,
        instructions_managers=form.instructions_managers.data,
        instructions_employees=form.instructions_employees.data,
    )


def _form_page(form: CampaignForm, campaign: Campaign | None):
    """The form with the population preview; an htmx request gets the preview alone."""
    criteria = form.criteria()
    return render(
        "campaigns/form.html",
        "campaigns/_preview.html",
        form=form,
        campaign=campaign,
        preview=population.preview(criteria, form.unknown_managers),
        preview_url=request.path,
        **CONTEXT,
    )


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    """A new campaign (a draft until launched)."""
    require(current_user, "campaigns.manage")
    form = _form(None)
    if request.method == "POST" and form.validate():
        try:
            campaign = services.create_campaign(current_user, _values(form))
        except services.CampaignError as error:
            db.session.rollback()
            form.form_errors.append(str(error))
        else:
            db.session.commit()
            flash(
                _("Campaign created as a draft: check the population, then launch it."), "success"
            )
            return redirect(_show_url(campaign), 303)
    return _form_page(form, None)


@bp.route("/<int:campaign_id>/edit", methods=["GET", "POST"])
@login_required
def edit(campaign_id: int):
    require(current_user, "campaigns.manage")
    campaign = _campaign_or_404(campaign_id)
    if campaign.status != CampaignStatus.DRAFT:
        flash(_("A launched campaign can no longer be edited."), "error")
        return redirect(_show_url(campaign), 303)
    form = _form(campaign)
    if request.method == "POST" and form.validate():
        try:
            services.update_campaign(current_user, campaign, _values(form))
        except services.CampaignError as error:
            db.session.rollback()
            form.form_errors.append(str(error))
        else:
            db.session.commit()
            flash(_("Campaign saved."), "success")
            return redirect(_show_url(campaign), 303)
    return _form_page(form, campaign)


# --- the campaign page -----------------------------------------------------------------


@bp.get("/<int:campaign_id>")
@login_required
def show(campaign_id: int):
    """A draft: its settings and population, ready to launch. Running: the actions
    (add, remove, assign interviewers, newer grid version, close) and the summary."""
    require(current_user, "campaigns.manage")
    campaign = _campaign_or_404(campaign_id)
    criteria = Criteria.from_json(campaign.population)
    context = dict(campaign=campaign, criteria=criteria, action_form=EmptyForm(), **CONTEXT)
    if campaign.status == CampaignStatus.DRAFT:
        context["preview"] = population.preview(criteria)
        context["labels"] = context["preview"].labels
    else:
        today = date.today()
        overall = progress.campaign_counts(campaign, today)
        no_interviewer = progress.InterviewFilter(interviewer_id=0, open_only=True)
        context.update(
            overall=overall,
            without_interviewer=progress.interview_list(
                campaign, no_interviewer, today, limit=population.SIDE_LIST_ROWS
            ),
            add_form=PersonForm(prefix="add", formdata=None),
            remove_form=PersonForm(prefix="remove", formdata=None),
            interviewer_form=InterviewerForm(formdata=None),
            version_form=_version_form(campaign, submitted=False),
            close_form=CloseForm(formdata=None),
        )
        context["labels"] = population.labels(criteria)
    return render("campaigns/show.html", **context)


@bp.post("/<int:campaign_id>/launch")
@login_required
def launch(campaign_id: int):
    require(current_user, "campaigns.manage")
    campaign = _campaign_or_404(campaign_id)
    if not EmptyForm().validate():
        abort(400)
    try:
        result = services.launch(current_user, campaign)
    except services.CampaignError as error:
        return _refused(error, campaign)
    db.session.commit()
    flash(
        ngettext(
            "Campaign launched: %(num)d interview created.",
            "Campaign launched: %(num)d interviews created.",
            result.interviews,
        ),
        "success",
    )
    if result.without_interviewer:
        flash(
            ngettext(
                "%(num)d person has no manager: assign an interviewer below.",
                "%(num)d people have no manager: assign their interviewers below.",
                result.without_interviewer,
            ),
            "error",
        )
    return redirect(_show_url(campaign), 303)


def _employee_by_number(number: str) -> Employee | None:
    return db.session.scalar(
        sa.select(Employee).where(Employee.employee_number == (number or "").strip())
    )


@bp.post("/<int:campaign_id>/people")
@login_required
def add_person(campaign_id: int):
    """Add someone to a running campaign, by employee number."""
    require(current_user, "campaigns.manage")
    campaign = _campaign_or_404(campaign_id)
    form = PersonForm(prefix="add")
    if not _checked(form):
        return redirect(_show_url(campaign), 303)
    employee = _employee_by_number(form.employee_number.data)
    if employee is None:
        flash(_("No employee has this number."), "error")
        return redirect(_show_url(campaign), 303)
    try:
        services.add_person(current_user, campaign, employee)
    except services.CampaignError as error:
        return _refused(error, campaign)
    db.session.commit()
    flash(_("%(name)s added to the campaign.", name=employee.full_name), "success")
    return redirect(_show_url(campaign), 303)


@bp.post("/<int:campaign_id>/people/remove")
@login_required
def remove_person(campaign_id: int):
    """Remove someone: their interview is cancelled, its trace stays."""
    require(current_user, "campaigns.manage")
    campaign = _campaign_or_404(campaign_id)
    form = PersonForm(prefix="remove")
    if not _checked(form):
        return redirect(_safe_next() or _show_url(campaign), 303)
    employee = _employee_by_number(form.employee_number.data)
    interview = None
    if employee is not None:
        interview = db.session.scalar(
            sa.select(Interview)
            .where(
                Interview.campaign_id == campaign.id,
                Interview.employee_id == employee.id,
                Interview.status != Status.CANCELLED,
            )
            .order_by(Interview.id.desc())
            .limit(1)
        )
    if interview is None:
        flash(_("This person has no interview in this campaign."), "error")
        return redirect(_show_url(campaign), 303)
    try:
        services.remove_person(current_user, campaign, interview)
    except (services.CampaignError, InterviewError) as error:
        return _refused(error, campaign)
    db.session.commit()
    flash(
        _(
            "%(name)s removed from the campaign: the interview is cancelled.",
            name=employee.full_name,
        ),
        "success",
    )
    return redirect(_safe_next() or _show_url(campaign), 303)


def _safe_next() -> str | None:
    """A return address on this site only (the interview list the action came from)."""
    target = request.form.get("next") or ""
    return target if target.startswith("/") and not target.startswith("//") else None


@bp.post("/<int:campaign_id>/interviews/<int:interview_id>/interviewer")
@login_required
def assign_interviewer(campaign_id: int, interview_id: int):
    require(current_user, "campaigns.manage")
    campaign = _campaign_or_404(campaign_id)
    interview = db.session.scalar(
        sa.select(Interview).where(
            Interview.id == interview_id, Interview.campaign_id == campaign.id
        )
    )
    if interview is None:
        abort(404)
    form = InterviewerForm()
    if not _checked(form):
        return redirect(_safe_next() or _show_url(campaign), 303)
    interviewer = _employee_by_number(form.interviewer_number.data)
    if interviewer is None:
        flash(_("No employee has this number."), "error")
        return redirect(_safe_next() or _show_url(campaign), 303)
    try:
        services.assign_interviewer(current_user, campaign, interview, interviewer)
    except services.CampaignError as error:
        return _refused(error, campaign)
    db.session.commit()
    flash(_("Interviewer assigned: %(name)s.", name=interviewer.full_name), "success")
    return redirect(_safe_next() or _show_url(campaign), 303)


def _version_form(campaign: Campaign, submitted: bool) -> VersionForm:
    """The newer published versions of the campaign's grid to choose from."""
    form = VersionForm() if submitted else VersionForm(formdata=None)
    newer = services.newer_versions(campaign) if campaign.status == CampaignStatus.LAUNCHED else []
    form.grid_version.choices = [(v.id, _("version %(n)d", n=v.number)) for v in newer]
    return form


@bp.post("/<int:campaign_id>/grid-version")
@login_required
def move_version(campaign_id: int):
    """Move the interviews not started yet to a newer version of the grid."""
    require(current_user, "campaigns.manage")
    campaign = _campaign_or_404(campaign_id)
    form = _version_form(campaign, submitted=True)
    if not _checked(form):
        return redirect(_show_url(campaign), 303)
    version = db.session.get(GridVersion, form.grid_version.data)
    try:
        result = services.move_to_version(current_user, campaign, version)
    except services.CampaignError as error:
        return _refused(error, campaign)
    db.session.commit()
    flash(
        ngettext(
            "%(num)d interview now uses version %(v)d.",
            "%(num)d interviews now use version %(v)d.",
            result.moved,
            v=version.number,
        ),
        "success",
    )
    if result.kept_with_answers:
        flash(
            ngettext(
                "%(num)d interview keeps its version: answers were already written in it.",
                "%(num)d interviews keep their version: answers were already written in them.",
                result.kept_with_answers,
            ),
            "info",
        )
    return redirect(_show_url(campaign), 303)


@bp.post("/<int:campaign_id>/close")
@login_required
def close(campaign_id: int):
    require(current_user, "campaigns.manage")
    campaign = _campaign_or_404(campaign_id)
    form = CloseForm()
    if not _checked(form):
        return redirect(_show_url(campaign), 303)
    try:
        services.close(current_user, campaign, form.reason.data, force=form.force.data)
    except services.CampaignError as error:
        return _refused(error, campaign)
    db.session.commit()
    flash(_("Campaign closed."), "success")
    return redirect(_show_url(campaign), 303)


# --- progress --------------------------------------------------------------------------


@bp.get("/<int:campaign_id>/progress", endpoint="progress")
@login_required
def progress_page(campaign_id: int):
    """Counts per status, department and interviewer; the late interviews to chase.
    The department and interviewer tables show the groups most behind first, a bounded
    number of them unless `?all=1` asks for every one."""
    require(current_user, "campaigns.manage")
    campaign = _campaign_or_404(campaign_id)
    show_all = request.args.get("all") == "1"
    return render(
        "campaigns/progress.html",
        campaign=campaign,
        progress=progress.progress(campaign, limit=None if show_all else progress.GROUPS_LISTED),
        show_all=show_all,
        interview_url=links(url_for, "interviews.show", "interview_id"),
        **CONTEXT,
    )


@bp.get("/<int:campaign_id>/interviews")
@login_required
def interviews(campaign_id: int):
    """The interviews behind a figure (a department, an interviewer, the late ones):
    the page, or the list alone for the progress page's drill-down."""
    require(current_user, "campaigns.manage")
    campaign = _campaign_or_404(campaign_id)
    filters = progress.InterviewFilter.from_args(request.args)
    today = date.today()
    page_size = current_app.config["PAGE_SIZE"]
    total = progress.interview_count(campaign, filters, today)
    pages = max(1, -(-total // page_size))
    page = min(max(request.args.get("page", 1, type=int), 1), pages)
    rows = progress.interview_list(
        campaign, filters, today, limit=page_size, offset=(page - 1) * page_size
    )
    return render(
        "campaigns/interviews.html",
        "campaigns/_interviews.html",
        campaign=campaign,
        filters=filters,
        heading=_heading(filters),
        rows=rows,
        total=total,
        page=page,
        pages=pages,
        action_form=EmptyForm(),
        **CONTEXT,
    )


def _heading(filters: progress.InterviewFilter) -> str:
    parts = []
    if filters.department_id is not None:
        department = (
            db.session.get(Department, filters.department_id) if filters.department_id else None
        )
        parts.append(department.name if department else _("No department"))
    if filters.interviewer_id is not None:
        person = (
            db.session.get(Employee, filters.interviewer_id) if filters.interviewer_id else None
        )
        parts.append(
            _("interviews of %(name)s", name=person.full_name) if person else _("no interviewer")
        )
    if filters.status is not None:
        parts.append(str(STATUS_LABELS[filters.status]))
    if filters.late:
        parts.append(_("late"))
    return " · ".join(parts) or _("All interviews")
