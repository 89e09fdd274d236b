"""Preparing and conducting: the whole grid on one screen, answers saved as you type.

Each answer carries the version it was loaded at. With htmx each field saves on its
own (debounced) and answers a small "saved" status plus the new version; without
JavaScript the whole form is saved at once. A save based on an outdated version is
refused and both values are shown, so that nobody's work is lost.
"""

from __future__ import annotations

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hr.db import db
from hr.grids.models import ANSWERED_BY_LABELS, QUESTION_KIND_LABELS
from hr.htmx import render
from hr.interviews import answers as answer_forms
from hr.interviews import bp, services
from hr.interviews.loading import interview_or_404
from hr.interviews.models import STATUS_LABELS, Party
from hr.interviews.services import BLOCK_KINDS


def _context(interview, conflicts=None, errors=None, mine=None) -> dict:
    from hr.interviews import blocks

    by_key = {(a.question_id, a.party): a for a in interview.answers}
    return dict(
        interview=interview,
        by_key=by_key,
        role=services.role_of(current_user, interview),
        can_write=lambda party: services.can_write(current_user, interview, party),
        can_see=lambda party: services.can_see(current_user, interview, party),
        parties_for=services.parties_for,
        field_name=answer_forms.field_name,
        version_name=answer_forms.version_name,
        display=answer_forms.display,
        block_kinds={k.value for k in BLOCK_KINDS},
        blocks=blocks.load_for(interview, current_user),
        conflicts=conflicts or {},
        errors=errors or {},
        mine=mine or {},
        kind_labels=QUESTION_KIND_LABELS,
        answered_by_labels=ANSWERED_BY_LABELS,
        status_labels=STATUS_LABELS,
        missing=services.missing_required(interview),
    )


def _question(interview, question_id: int):
    for section in interview.grid_version.sections:
        for q in section.questions:
            if q.id == question_id:
                return q
    abort(404)


@bp.route("/<int:interview_id>/conduct", methods=["GET", "POST"])
@login_required
def conduct(interview_id: int):
    """The grid with my answers to fill and the other side's when I may see them."""
    interview = interview_or_404(interview_id, read="conduct" if request.method == "GET" else None)
    if services.role_of(current_user, interview) is None:
        abort(403)
    if request.method == "GET":
        return render("interviews/conduct.html", **_context(interview))
    conflicts, errors, mine, saved = {}, {}, {}, 0
    for section in interview.grid_version.sections:
        for q in section.questions:
            if q.kind in {k.value for k in BLOCK_KINDS}:
                continue
            for party in services.parties_for(q.answered_by):
                if not services.can_write(current_user, interview, party):
                    continue
                key = (q.id, party)
                try:
                    value = answer_forms.parse(q, request.form, party)
                except answer_forms.AnswerInputError as error:
                    errors[key] = str(error)
                    continue
                expected = request.form.get(answer_forms.version_name(q.id, party), type=int)
                current = next(
                    (a for a in interview.answers if a.question_id == q.id and a.party == party),
                    None,
                )
                if current is None and value is None:
                    continue
                try:
                    with db.session.begin_nested():
                        services.save_answer(current_user, interview, q, party, value, expected)
                    saved += 1
                except services.AnswerConflict as conflict:
                    conflicts[key], mine[key] = conflict.answer, conflict.mine
    db.session.commit()
    db.session.expire(interview, ["answers"])
    if conflicts or errors:
        flash(_("Some answers were not saved: see below."), "error")
        return render("interviews/conduct.html", **_context(interview, conflicts, errors, mine))
    flash(_("Answers saved."), "success")
    return redirect(url_for("interviews.conduct", interview_id=interview.id), 303)


@bp.post("/<int:interview_id>/answers/<int:question_id>/<party>")
@login_required
def save_one(interview_id: int, question_id: int, party: str):
    """Autosave of one answer (htmx): the "saved" status and the new version, or, on a
    conflict, the whole answer with both values to choose from."""
    interview = interview_or_404(interview_id)
    if party not in {p.value for p in Party}:
        abort(404)
    party = Party(party)
    question = _question(interview, question_id)
    key = (question.id, party)
    try:
        value = answer_forms.parse(question, request.form, party)
        expected = request.form.get(answer_forms.version_name(question.id, party), type=int)
        answer = services.save_answer(current_user, interview, question, party, value, expected)
    except answer_forms.AnswerInputError as error:
        return render_template(
            "interviews/_answer_status.html",
            question=question,
            party=party,
            error=str(error),
            answer=None,
        )
    except services.AnswerConflict as conflict:
        db.session.rollback()
        context = _context(
            interview_or_404(interview_id),
            conflicts={key: conflict.answer},
            mine={key: conflict.mine},
        )
        response = make_response(
            render_template("interviews/_answer.html", question=question, party=party, **context)
        )
        response.headers["HX-Retarget"] = f"#answer-{question.id}-{party.value}"
        response.headers["HX-Reswap"] = "outerHTML"
        return response
    except services.InterviewError as error:
        db.session.rollback()
        return render_template(
            "interviews/_answer_status.html",
            question=question,
            party=party,
            error=str(error),
            answer=None,
        )
    except PermissionError:
        db.session.rollback()
        abort(403)
    db.session.commit()
    if not request.htmx:
        return redirect(
            url_for("interviews.conduct", interview_id=interview.id)
            + f"#answer-{question.id}-{party.value}",
            303,
        )
    return render_template(
        "interviews/_answer_status.html", question=question, party=party, answer=answer, error=None
    )
