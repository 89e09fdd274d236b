"""The grid editor's actions on sections and questions.

Each action is a real form POST: without JavaScript it redirects back to the
version page; with htmx it answers the updated fragment (a section, or the list of
sections) and validation errors are shown in place.
"""

from __future__ import annotations

from flask import abort, flash, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hr.db import db
from hr.grids import bp, services
from hr.grids.forms import QuestionForm, SectionForm
from hr.grids.loading import question_or_404, section_or_404
from hr.grids.models import ANSWERED_BY_LABELS, QUESTION_KIND_LABELS, LibraryQuestion
from hr.grids.question_form import (
    form_for_question,
    prepare_question_form,
    question_values,
    scoped_ids,
)
from hr.htmx import render, respond, wants_fragment
from hr.people.forms import EmptyForm
from hr.security import require

bp.add_app_template_filter(scoped_ids, "scoped_ids")


def _page_url(version, anchor: str = "") -> str:
    url = url_for("grids.version", grid_id=version.grid_id, number=version.number)
    return f"{url}#{anchor}" if anchor else url


def _context(version, **extra) -> dict:
    return dict(
        version=version,
        grid=version.grid,
        editable=version.is_draft,
        kind_labels=QUESTION_KIND_LABELS,
        answered_by_labels=ANSWERED_BY_LABELS,
        action_form=EmptyForm(),
        section_form=SectionForm(formdata=None),
        question_form=prepare_question_form(QuestionForm(formdata=None)),
        **extra,
    )


def _swapped_at(response, target: str):
    """htmx: put the fragment at `target`, whichever element the request aimed at (a
    question's edit form aims at the question, but a saved question answers its section)."""
    if wants_fragment():
        response.headers["HX-Retarget"] = target
        response.headers["HX-Reswap"] = "outerHTML"
    return response


def _section_done(section, anchor=None):
    response = respond(
        "grids/_section.html",
        _page_url(section.version, anchor or f"section-{section.id}"),
        section=section,
        **_context(section.version),
    )
    return _swapped_at(response, f"#section-{section.id}")


def _sections_done(version, anchor=""):
    return respond("grids/_sections.html", _page_url(version, anchor), **_context(version))


def _refused(version, error):
    flash(str(error), "error")
    response = respond("grids/_sections.html", _page_url(version), **_context(version))
    return _swapped_at(response, "#sections")


def _authorised_post():
    require(current_user, "grids.manage")
    if not EmptyForm().validate():
        abort(400)


# --- sections ----------------------------------------------------------------------


@bp.post("/<int:grid_id>/v/<int:number>/sections")
@login_required
def add_section(grid_id: int, number: int):
    from hr.grids.loading import version_or_404

    require(current_user, "grids.manage")
    version = version_or_404(grid_id, number)
    form = SectionForm()
    if not form.validate():
        flash(_("Give the section a title."), "error")
        return _sections_done(version)
    try:
        section = services.add_section(
            current_user, version, form.title.data, form.intro.data, form.scored.data
        )
    except services.GridError as error:
        return _refused(version, error)
    db.session.commit()
    return _sections_done(version, f"section-{section.id}")


@bp.route("/sections/<int:section_id>/edit", methods=["GET", "POST"])
@login_required
def edit_section(section_id: int):
    require(current_user, "grids.manage")
    section = section_or_404(section_id)
    form = SectionForm(obj=section) if request.method == "GET" else SectionForm()
    if request.method == "POST" and form.validate():
        try:
            services.update_section(
                current_user, section, form.title.data, form.intro.data, form.scored.data
            )
        except services.GridError as error:
            return _refused(section.version, error)
        db.session.commit()
        return _section_done(section)
    return render(
        "grids/section_edit.html",
        "grids/_section_form.html",
        section=section,
        form=form,
        **_context(section.version),
    )


@bp.post("/sections/<int:section_id>/move")
@login_required
def move_section(section_id: int):
    _authorised_post()
    section = section_or_404(section_id)
    try:
        services.move_section(current_user, section, -1 if request.form.get("d") == "up" else 1)
    except services.GridError as error:
        return _refused(section.version, error)
    db.session.commit()
    db.session.refresh(section.version)
    return _sections_done(section.version, f"section-{section.id}")


@bp.post("/sections/<int:section_id>/delete")
@login_required
def delete_section(section_id: int):
    _authorised_post()
    section = section_or_404(section_id)
    version = section.version
    try:
        services.delete_section(current_user, section)
    except services.GridError as error:
        return _refused(version, error)
    db.session.commit()
    flash(_("Section deleted."), "success")
    return _sections_done(version)


# --- questions ---------------------------------------------------------------------


@bp.post("/sections/<int:section_id>/questions")
@login_required
def add_question(section_id: int):
    require(current_user, "grids.manage")
    section = section_or_404(section_id)
    form = prepare_question_form(QuestionForm())
    if not form.validate():
        # Shown in place: the section with its "add a question" form and the errors.
        return render(
            "grids/section_edit.html",
            "grids/_section.html",
            section=section,
            new_question_form=form,
            **_context(section.version),
        )
    try:
        question = services.add_question(current_user, section, question_values(form))
    except services.GridError as error:
        return _refused(section.version, error)
    db.session.commit()
    return _section_done(section, f"question-{question.id}")


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
@login_required
def edit_question(question_id: int):
    require(current_user, "grids.manage")
    question = question_or_404(question_id)
    section = question.section
    if request.method == "GET":
        form = form_for_question(question)
    else:
        form = prepare_question_form(QuestionForm())
        if form.validate():
            try:
                services.update_question(current_user, question, question_values(form))
            except services.GridError as error:
                return _refused(section.version, error)
            db.session.commit()
            return _section_done(section, f"question-{question.id}")
    return render(
        "grids/question_edit.html",
        "grids/_question_form.html",
        question=question,
        section=section,
        form=form,
        **_context(section.version),
    )


@bp.post("/questions/<int:question_id>/move")
@login_required
def move_question(question_id: int):
    _authorised_post()
    question = question_or_404(question_id)
    section = question.section
    try:
        services.move_question(current_user, question, -1 if request.form.get("d") == "up" else 1)
    except services.GridError as error:
        return _refused(section.version, error)
    db.session.commit()
    db.session.refresh(section)
    return _section_done(section, f"question-{question.id}")


@bp.post("/questions/<int:question_id>/delete")
@login_required
def delete_question(question_id: int):
    _authorised_post()
    question = question_or_404(question_id)
    section = question.section
    try:
        services.delete_question(current_user, question)
    except services.GridError as error:
        return _refused(section.version, error)
    db.session.commit()
    flash(_("Question deleted."), "success")
    return _section_done(section)


@bp.post("/sections/<int:section_id>/order")
@login_required
def reorder(section_id: int):
    """Drag and drop: `order` lists the section's question ids in their new order."""
    _authorised_post()
    section = section_or_404(section_id)
    try:
        ids = [int(i) for i in request.form.getlist("order")]
        services.reorder_questions(current_user, section, ids)
    except ValueError as error:  # GridError is a ValueError; so is a bad id
        db.session.rollback()
        flash(str(error) if isinstance(error, services.GridError) else _("Invalid order."), "error")
        return _section_done(section)
    db.session.commit()
    db.session.refresh(section)
    return _section_done(section)


@bp.post("/sections/<int:section_id>/library")
@login_required
def insert_from_library(section_id: int):
    _authorised_post()
    section = section_or_404(section_id)
    item = db.session.get(LibraryQuestion, request.form.get("item", type=int) or 0)
    if item is None:
        abort(404)
    try:
        question = services.insert_from_library(current_user, section, item)
    except services.GridError as error:
        return _refused(section.version, error)
    db.session.commit()
    flash(_("“%(q)s” added from the library.", q=item.label), "success")
    return _section_done(section, f"question-{question.id}")
