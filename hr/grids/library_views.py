"""The question library, rating scales and the skills referential (HR)."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, redirect, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hr.db import db
from hr.grids import bp, referentials, services
from hr.grids.forms import LibraryForm, ScaleForm, SkillForm
from hr.grids.loading import section_or_404
from hr.grids.models import (
    ANSWERED_BY_LABELS,
    QUESTION_KIND_LABELS,
    InterviewType,
    LibraryQuestion,
    RatingScale,
    Skill,
)
from hr.grids.question_form import form_for_question, prepare_question_form, question_values
from hr.htmx import render
from hr.people.forms import EmptyForm
from hr.security import require


def _type_choices():
    types = db.session.scalars(sa.select(InterviewType).order_by(InterviewType.position)).all()
    return [(t.code, t.label) for t in types]


@bp.get("/library")
@login_required
def library():
    """Search the library; from the editor (`section=`), each result can be inserted."""
    require(current_user, "grids.view")
    q = (request.args.get("q") or "").strip()[:100]
    type_code = request.args.get("type") or None
    section = None
    if request.args.get("section", type=int):
        require(current_user, "grids.manage")
        section = section_or_404(request.args.get("section", type=int))
        type_code = type_code or section.version.grid.interview_type.code
    language = request.args.get("lang") or str(get_locale().language)
    if language not in ("fr", "en", "all"):
        language = "fr"
    items = services.search_library(q, type_code, None if language == "all" else language)
    return render(
        "grids/library.html",
        "grids/_library_results.html",
        items=items,
        q=q,
        type_code=type_code,
        types=_type_choices(),
        section=section,
        language=language,
        kind_labels=QUESTION_KIND_LABELS,
        answered_by_labels=ANSWERED_BY_LABELS,
        action_form=EmptyForm(),
    )


@bp.route("/library/new", methods=["GET", "POST"])
@bp.route("/library/<int:item_id>", methods=["GET", "POST"])
@login_required
def library_item(item_id: int | None = None):
    require(current_user, "grids.manage")
    item = db.session.get(LibraryQuestion, item_id) if item_id else None
    if item_id and item is None:
        abort(404)
    if request.method == "GET" and item is not None:
        base = form_for_question(item)
        form = prepare_question_form(
            LibraryForm(
                formdata=None,
                data={
                    **base.data,
                    "tags": ", ".join(item.tags or []),
                    "interview_types": item.interview_types or [],
                },
            )
        )
    else:
        form = prepare_question_form(LibraryForm())
    form.interview_types.choices = _type_choices()
    if request.method == "POST" and form.validate():
        tags = [t.strip() for t in (form.tags.data or "").split(",") if t.strip()]
        services.save_library_question(
            current_user, item, question_values(form), tags, form.interview_types.data or []
        )
        db.session.commit()
        flash(_("Library question saved."), "success")
        return redirect(url_for("grids.library"), 303)
    return render("grids/library_item.html", form=form, item=item, action_form=EmptyForm())


@bp.post("/library/<int:item_id>/delete")
@login_required
def library_delete(item_id: int):
    require(current_user, "grids.manage")
    if not EmptyForm().validate():
        abort(400)
    item = db.get_or_404(LibraryQuestion, item_id)
    services.delete_library_question(current_user, item)
    db.session.commit()
    flash(_("Library question deleted. Grids that used it keep their copy."), "success")
    return redirect(url_for("grids.library"), 303)


@bp.route("/scales", methods=["GET", "POST"])
@bp.route("/scales/<int:scale_id>", methods=["GET", "POST"])
@login_required
def scales(scale_id: int | None = None):
    """Rating scales. Questions copy a scale's levels: editing it never changes a grid."""
    require(current_user, "grids.manage")
    scale = db.get_or_404(RatingScale, scale_id) if scale_id else None
    if request.method == "GET" and scale is not None:
        form = ScaleForm(
            formdata=None,
            data={
                "name": scale.name,
                "not_assessed": scale.not_assessed,
                "levels": "\n".join(f"{lvl['value']} = {lvl['label']}" for lvl in scale.levels),
            },
        )
    else:
        form = ScaleForm()
    if request.method == "POST" and form.validate():
        levels = referentials.parse_levels(form.levels.data)
        if levels is None:
            form.levels.errors.append(
                _(
                    "Write at least two lines like “1 = Insufficient”, "
                    "with distinct whole-number values."
                )
            )
        else:
            referentials.save_scale(
                current_user, scale, form.name.data, levels, form.not_assessed.data
            )
            db.session.commit()
            flash(_("Scale saved."), "success")
            return redirect(url_for("grids.scales"), 303)
    all_scales = db.session.scalars(sa.select(RatingScale).order_by(RatingScale.name)).all()
    return render("grids/scales.html", form=form, scale=scale, scales=all_scales)


@bp.route("/skills", methods=["GET", "POST"])
@bp.route("/skills/<int:skill_id>", methods=["GET", "POST"])
@login_required
def skills(skill_id: int | None = None):
    """The skills referential used by skills matrices."""
    require(current_user, "grids.manage")
    skill = db.get_or_404(Skill, skill_id) if skill_id else None
    form = SkillForm(obj=skill) if request.method == "GET" else SkillForm()
    if request.method == "POST" and request.form.get("archive") in ("0", "1") and skill:
        if not EmptyForm().validate():
            abort(400)
        referentials.set_skill_archived(current_user, skill, request.form["archive"] == "1")
        db.session.commit()
        return redirect(url_for("grids.skills"), 303)
    if request.method == "POST" and form.validate():
        try:
            referentials.save_skill(
                current_user, skill, form.name.data, form.family.data, form.description.data
            )
        except services.GridError as error:
            form.name.errors.append(str(error))
        else:
            db.session.commit()
            flash(_("Skill saved."), "success")
            return redirect(url_for("grids.skills"), 303)
    all_skills = db.session.scalars(sa.select(Skill).order_by(Skill.family, Skill.name)).all()
    return render(
        "grids/skills.html", form=form, skill=skill, skills=all_skills, action_form=EmptyForm()
    )
