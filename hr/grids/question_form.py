"""Between a question form and a question's stored values (its `options` dict)."""

from __future__ import annotations

import sqlalchemy as sa

from hr.db import db
from hr.grids.forms import QuestionForm
from hr.grids.models import QuestionKind, RatingScale, Skill


def prepare_question_form(form: QuestionForm) -> QuestionForm:
    """Fill the scale and skill choices (from the referentials)."""
    scales = db.session.scalars(sa.select(RatingScale).order_by(RatingScale.name)).all()
    form.scale.choices = [(0, "—")] + [(s.id, s.name) for s in scales]
    skills = db.session.scalars(
        sa.select(Skill).where(Skill.archived.is_(False)).order_by(Skill.family, Skill.name)
    ).all()
    form.skills.choices = [(s.id, f"{s.family} — {s.name}" if s.family else s.name) for s in skills]
    return form


def scoped_ids(form, scope: str):
    """Give the form's fields ids of their own (names are unchanged), for templates.

    The editor shows several forms of one class at once (a question form per section,
    the question being edited, the new and the edited section): without this their
    inputs share ids and each label points at the first form's input."""
    for field in form:
        field.id = f"{scope}-{field.name}"
        field.label.field_id = field.id
    return form


def question_values(form: QuestionForm) -> dict:
    """The service's values dict from a validated form; options fit the kind."""
    kind = QuestionKind(form.kind.data)
    options: dict = {}
    if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE):
        options["choices"] = form.choice_list()
    if kind in (QuestionKind.RATING, QuestionKind.SKILLS_MATRIX):
        scale = db.session.get(RatingScale, form.scale.data)
        if scale is not None:
            options["scale"] = scale.as_option() | {"id": scale.id}
    if kind == QuestionKind.SKILLS_MATRIX:
        skills = db.session.scalars(sa.select(Skill).where(Skill.id.in_(form.skills.data))).all()
        options["skills"] = [
            {"id": s.id, "name": s.name} for s in sorted(skills, key=lambda s: s.name)
        ]
    if kind == QuestionKind.NUMBER:
        options.update(
            {
                k: v
                for k, v in (
                    ("min", form.number_min.data),
                    ("max", form.number_max.data),
                    ("unit", (form.unit.data or "").strip() or None),
                )
                if v is not None
            }
        )
    weight = form.weight.data if kind in (QuestionKind.RATING, QuestionKind.SKILLS_MATRIX) else None
    return {
        "kind": kind.value,
        "label": form.label.data,
        "help_text": form.help_text.data,
        "answered_by": form.answered_by.data,
        "required": form.required.data,
        "weight": weight,
        "options": options,
    }


def form_for_question(question) -> QuestionForm:
    """A form pre-filled from an existing question (or library item)."""
    options = question.options or {}
    form = QuestionForm(
        formdata=None,
        data={
            "kind": QuestionKind(question.kind).value,
            "label": question.label,
            "help_text": question.help_text,
            "answered_by": question.answered_by.value
            if hasattr(question.answered_by, "value")
            else question.answered_by,
            "required": question.required,
            "weight": question.weight,
            "choices": "\n".join(options.get("choices", [])),
            "scale": (options.get("scale") or {}).get("id", 0),
            "skills": [s.get("id") for s in options.get("skills", []) if s.get("id")],
            "number_min": options.get("min"),
            "number_max": options.get("max"),
            "unit": options.get("unit"),
        },
    )
    return prepare_question_form(form)
