"""Between the conduct form and stored answers: field names, parsing, display."""

from __future__ import annotations

from datetime import date

from flask_babel import gettext as _

from hr.grids.models import QuestionKind
from hr.interviews.models import Party


class AnswerInputError(ValueError):
    """A value the question cannot take; the message says why."""


def field_name(question_id: int, party) -> str:
    return f"a-{question_id}-{Party(party).value}"


def version_name(question_id: int, party) -> str:
    return f"v-{question_id}-{Party(party).value}"


def parse(question, form, party) -> object:
    """The value a form gives for one question and party (None when left empty)."""
    name = field_name(question.id, party)
    kind = QuestionKind(question.kind)
    options = question.options or {}
    if kind == QuestionKind.MULTIPLE_CHOICE:
        values = [v for v in form.getlist(name) if v in options.get("choices", [])]
        return values or None
    if kind == QuestionKind.SKILLS_MATRIX:
        levels = {str(lvl["value"]): lvl["value"] for lvl in options["scale"]["levels"]}
        result = {}
        for skill in options.get("skills", []):
            raw = form.get(f"{name}-{skill['name']}", "")
            if raw in levels:
                result[skill["name"]] = levels[raw]
            elif raw == "na":
                result[skill["name"]] = "na"
        return result or None
    raw = (form.get(name) or "").strip()
    if raw == "":
        return None
    if kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT, QuestionKind.FINAL_COMMENT):
        limit = 500 if kind == QuestionKind.SHORT_TEXT else 20_000
        if len(raw) > limit:
            raise AnswerInputError(_("Too long (%(n)d characters at most).", n=limit))
        return raw
    if kind == QuestionKind.RATING:
        if raw == "na" and options["scale"].get("not_assessed"):
            return "na"
        for lvl in options["scale"]["levels"]:
            if raw == str(lvl["value"]):
                return lvl["value"]
        raise AnswerInputError(_("Choose one of the levels of the scale."))
    if kind == QuestionKind.SINGLE_CHOICE:
        if raw not in options.get("choices", []):
            raise AnswerInputError(_("Choose one of the proposed answers."))
        return raw
    if kind == QuestionKind.YES_NO:
        if raw not in ("yes", "no"):
            raise AnswerInputError(_("Answer yes or no."))
        return raw == "yes"
    if kind == QuestionKind.DATE:
        try:
            return date.fromisoformat(raw).isoformat()
        except ValueError:
            raise AnswerInputError(_("“%(value)s” is not a valid date.", value=raw)) from None
    if kind == QuestionKind.NUMBER:
        try:
            number = float(raw.replace(",", "."))
        except ValueError:
            raise AnswerInputError(_("“%(value)s” is not a number.", value=raw)) from None
        if "min" in options and number < options["min"]:
            raise AnswerInputError(_("At least %(n)s.", n=options["min"]))
        if "max" in options and number > options["max"]:
            raise AnswerInputError(_("At most %(n)s.", n=options["max"]))
        return int(number) if number.is_integer() else number
    return raw


def display(question, value) -> str:
    """A stored value as text for reading and printing."""
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    kind = QuestionKind(question.kind)
    options = question.options or {}
    if value == "na":
        return _("Not assessed")
    if kind == QuestionKind.RATING:
        labels = {lvl["value"]: lvl["label"] for lvl in options["scale"]["levels"]}
        return str(labels.get(value, value))
    if kind == QuestionKind.YES_NO:
        return _("Yes") if value else _("No")
    if kind == QuestionKind.MULTIPLE_CHOICE:
        return ", ".join(value)
    if kind == QuestionKind.SKILLS_MATRIX:
        labels = {lvl["value"]: lvl["label"] for lvl in options["scale"]["levels"]}
        return "; ".join(f"{k}: {labels.get(v, _('Not assessed'))}" for k, v in value.items())
    return str(value)
