"""Grid pages: list, version page (editor for drafts), preview, publish, print."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy.orm import selectinload

from hr.db import db
from hr.grids import bp, services
from hr.grids.checks import estimated_minutes, publish_problems
from hr.grids.forms import GridForm, InterviewTypeForm, QuestionForm, RenameForm, SectionForm
from hr.grids.loading import grid_or_404, version_or_404
from hr.grids.models import (
    ANSWERED_BY_LABELS,
    QUESTION_KIND_LABELS,
    AnsweredBy,
    Grid,
    InterviewType,
)
from hr.grids.question_form import prepare_question_form
from hr.htmx import render
from hr.people.forms import EmptyForm
from hr.security import can, require


def _types() -> list[InterviewType]:
    return db.session.scalars(sa.select(InterviewType).order_by(InterviewType.position)).all()


def _version_url(version) -> str:
    return url_for("grids.version", grid_id=version.grid_id, number=version.number)


@bp.route("/", methods=["GET", "POST"])
@login_required
def index():
    """All grids by interview type, with their latest version; HR creates new ones here."""
    require(current_user, "grids.view")
    form = GridForm()
    types = _types()
    form.interview_type.choices = [(t.id, t.label) for t in types]
    if request.method == "POST":
        require(current_user, "grids.manage")
        if form.validate():
            grid = services.create_grid(
                current_user,
                db.session.get(InterviewType, form.interview_type.data),
                form.name.data,
                form.description.data,
            )
            db.session.commit()
            flash(_("Grid created: add its sections and questions."), "success")
            return redirect(_version_url(grid.versions[0]), 303)
    show_archived = request.args.get("archived") == "1"
    query = sa.select(Grid).options(selectinload(Grid.versions)).order_by(Grid.name)
    if not show_archived:
        query = query.where(Grid.archived_at.is_(None))
    grids = db.session.scalars(query).all()
    by_type = {t.id: [] for t in types}
    for grid in grids:
        by_type.setdefault(grid.interview_type_id, []).append(grid)
    return render(
        "grids/index.html",
        form=form,
        types=types,
        by_type=by_type,
        type_form=InterviewTypeForm(formdata=None),
        action_form=EmptyForm(),
        show_archived=show_archived,
        latest=services.latest_version,
        published=services.published_version,
    )


@bp.post("/types")
@login_required
def add_type():
    """A company-specific interview type (one-to-one, hiring interview…)."""
    require(current_user, "grids.manage")
    form = InterviewTypeForm()
    if not form.validate():
        flash(_("Give the new interview type a name (150 characters at most)."), "error")
        return redirect(url_for("grids.index"), 303)
    try:
        interview_type = services.create_interview_type(current_user, form.type_name.data)
    except services.GridError as error:
        flash(str(error), "error")
        return redirect(url_for("grids.index"), 303)
    db.session.commit()
    flash(
        _("Interview type “%(name)s” added: create its grid below.", name=interview_type.name),
        "success",
    )
    return redirect(url_for("grids.index"), 303)


@bp.post("/types/<int:type_id>/validation")
@login_required
def set_validation(type_id: int):
    """Extra validation after both signatures, per interview type."""
    require(current_user, "grids.manage")
    if not EmptyForm().validate():
        abort(400)
    interview_type = db.get_or_404(InterviewType, type_id)
    try:
        services.set_extra_validation(
            current_user, interview_type, request.form.get("validation", "")
        )
    except services.GridError as error:
        flash(str(error), "error")
        return redirect(url_for("grids.index"), 303)
    db.session.commit()
    flash(_("Validation setting saved for “%(type)s”.", type=interview_type.label), "success")
    return redirect(url_for("grids.index"), 303)


@bp.get("/<int:grid_id>")
@login_required
def show(grid_id: int):
    require(current_user, "grids.view")
    grid = grid_or_404(grid_id)
    return redirect(_version_url(services.latest_version(grid)))


@bp.get("/<int:grid_id>/v/<int:number>")
@login_required
def version(grid_id: int, number: int):
    """A version: the editor when it is a draft and you design grids, else read-only."""
    require(current_user, "grids.view")
    version = version_or_404(grid_id, number)
    editable = version.is_draft and can(current_user, "grids.manage")
    question_form = prepare_question_form(QuestionForm(formdata=None))
    return render(
        "grids/version.html",
        version=version,
        grid=version.grid,
        editable=editable,
        minutes=estimated_minutes(version),
        problems=publish_problems(version),
        section_form=SectionForm(formdata=None),
        question_form=question_form,
        rename_form=RenameForm(formdata=None, obj=version.grid),
        action_form=EmptyForm(),
        kind_labels=QUESTION_KIND_LABELS,
        answered_by_labels=ANSWERED_BY_LABELS,
    )


@bp.get("/<int:grid_id>/v/<int:number>/preview")
@login_required
def preview(grid_id: int, number: int):
    """The grid as the employee (preparation) or the manager will see it."""
    require(current_user, "grids.view")
    version = version_or_404(grid_id, number)
    audience = request.args.get("as", "employee")
    if audience not in ("employee", "manager"):
        abort(404)
    visible = {
        "employee": {AnsweredBy.EMPLOYEE, AnsweredBy.BOTH, AnsweredBy.TOGETHER},
        "manager": set(AnsweredBy),
    }[audience]
    return render(
        "grids/preview.html",
        version=version,
        grid=version.grid,
        audience=audience,
        visible=visible,
        answered_by_labels=ANSWERED_BY_LABELS,
    )


@bp.get("/<int:grid_id>/v/<int:number>/print")
@login_required
def print_guide(grid_id: int, number: int):
    """The blank interview guide, laid out for A4 paper."""
    require(current_user, "grids.view")
    version = version_or_404(grid_id, number)
    return render(
        "grids/print.html",
        version=version,
        grid=version.grid,
        answered_by_labels=ANSWERED_BY_LABELS,
        minutes=estimated_minutes(version),
    )


def _manage_version(grid_id: int, number: int):
    require(current_user, "grids.manage")
    if not EmptyForm().validate():
        abort(400)
    return version_or_404(grid_id, number)


@bp.route("/<int:grid_id>/v/<int:number>/publish", methods=["GET", "POST"])
@login_required
def publish(grid_id: int, number: int):
    """The checks, then publication: blocking problems first, warnings with reasons."""
    require(current_user, "grids.manage")
    version = version_or_404(grid_id, number)
    form = EmptyForm()
    if request.method == "POST" and form.validate():
        try:
            services.publish(current_user, version)
        except services.GridError as error:
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(
                _("Version %(n)d published. It will not change any more.", n=version.number),
                "success",
            )
            return redirect(_version_url(version), 303)
    problems = publish_problems(version)
    return render(
        "grids/publish.html",
        version=version,
        grid=version.grid,
        problems=problems,
        blocking=[p for p in problems if p.blocking],
        warnings=[p for p in problems if not p.blocking],
        form=form,
        minutes=estimated_minutes(version),
    )


@bp.post("/<int:grid_id>/draft")
@login_required
def new_draft(grid_id: int):
    require(current_user, "grids.manage")
    if not EmptyForm().validate():
        abort(400)
    draft = services.new_draft(current_user, grid_or_404(grid_id))
    db.session.commit()
    return redirect(_version_url(draft), 303)


@bp.post("/<int:grid_id>/v/<int:number>/discard")
@login_required
def discard(grid_id: int, number: int):
    version = _manage_version(grid_id, number)
    try:
        services.discard_draft(current_user, version)
    except services.GridError as error:
        flash(str(error), "error")
        return redirect(_version_url(version), 303)
    db.session.commit()
    flash(_("Draft discarded."), "success")
    return redirect(url_for("grids.show", grid_id=grid_id), 303)


@bp.post("/<int:grid_id>/v/<int:number>/share")
@login_required
def share(grid_id: int, number: int):
    version = _manage_version(grid_id, number)
    try:
        services.set_share_preparation(current_user, version, request.form.get("share") == "1")
    except services.GridError as error:
        flash(str(error), "error")
    else:
        db.session.commit()
    return redirect(_version_url(version), 303)


@bp.post("/<int:grid_id>/rename")
@login_required
def rename(grid_id: int):
    require(current_user, "grids.manage")
    grid = grid_or_404(grid_id)
    form = RenameForm()
    if form.validate():
        services.rename_grid(current_user, grid, form.name.data, form.description.data)
        db.session.commit()
        flash(_("Grid renamed."), "success")
    else:
        flash(_("Give the grid a name (150 characters at most)."), "error")
    return redirect(url_for("grids.show", grid_id=grid.id), 303)


@bp.post("/<int:grid_id>/duplicate")
@login_required
def duplicate(grid_id: int):
    require(current_user, "grids.manage")
    if not EmptyForm().validate():
        abort(400)
    grid = grid_or_404(grid_id)
    copy = services.duplicate_grid(current_user, grid, _("Copy of %(name)s", name=grid.name)[:150])
    db.session.commit()
    flash(_("Grid duplicated: this is the copy, as a draft."), "success")
    return redirect(_version_url(copy.versions[0]), 303)


@bp.post("/<int:grid_id>/archive")
@login_required
def archive(grid_id: int):
    require(current_user, "grids.manage")
    if not EmptyForm().validate():
        abort(400)
    grid = grid_or_404(grid_id)
    archived = grid.archived_at is None
    services.set_archived(current_user, grid, archived)
    db.session.commit()
    flash(_("Grid archived.") if archived else _("Grid restored."), "success")
    return redirect(url_for("grids.index"), 303)
