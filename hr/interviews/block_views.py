"""Routes of the interview blocks and of the follow-up pages.

A block action is a real form POST: with htmx it answers the updated block
(`_block_<kind>.html`, swapped at `#block-<question id>`), without JavaScript it
redirects (303) to the interview's conduct page at that block. Invalid input comes
back in place: in the block for htmx, in a page holding the block otherwise.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import sqlalchemy as sa
from flask import abort, current_app, flash, g, make_response, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hr import audit
from hr.db import db
from hr.grids.models import GridQuestion, GridSection, QuestionKind
from hr.grids.question_form import scoped_ids
from hr.htmx import render, respond, wants_fragment
from hr.interviews import blocks, bp, followup
from hr.interviews.block_forms import (
    BLOCK_FORMS,
    ActionForm,
    ObjectiveForm,
    ReviewForm,
    TrainingForm,
    TrainingStatusForm,
)
from hr.interviews.models import (
    OBJECTIVE_STATUS_LABELS,
    FollowUpAction,
    Interview,
    Objective,
    TrainingRequest,
)
from hr.interviews.services import InterviewError
from hr.people.models import Department, Employee
from hr.security import can, require

FRAGMENTS = {
    QuestionKind.OBJECTIVES_REVIEW: "interviews/_block_objectives_review.html",
    QuestionKind.NEW_OBJECTIVES: "interviews/_block_new_objectives.html",
    QuestionKind.TRAINING_REQUESTS: "interviews/_block_training_requests.html",
    QuestionKind.DECISIONS: "interviews/_block_decisions.html",
}

LABELS = SimpleNamespace(
    objective=OBJECTIVE_STATUS_LABELS,
    review=[(s.value, OBJECTIVE_STATUS_LABELS[s]) for s in blocks.REVIEW_STATUSES],
    reason=blocks.TRAINING_REASON_LABELS,
    training=blocks.TRAINING_STATUS_LABELS,
    priority=blocks.PRIORITY_LABELS,
    moves=blocks.TRAINING_MOVES,
)
bp.add_app_template_global(LABELS, "block_labels")


@bp.app_template_global("block_form")
def block_form(name: str, question, owners=()):
    """The add form of a block: the one just refused (with its errors) or a fresh one."""
    failed = g.get("failed_block_form")
    if failed is not None and failed[0] == (name, question.id):
        return failed[1]
    form = BLOCK_FORMS[name](formdata=None)
    if name == "action":
        form.set_owners(owners)
    return scoped_ids(form, f"{name}-{question.id}")


@bp.app_template_global("block_can_complete")
def block_can_complete(action) -> bool:
    return blocks.can_complete(current_user, action)


# --- loading -------------------------------------------------------------------------


def _interview_or_404(interview_id: int | None) -> Interview:
    """The same answer whether it does not exist or is not yours to see."""
    interview = db.session.get(Interview, interview_id) if interview_id else None
    if interview is None or not can(current_user, "interview.view", interview):
        abort(404)
    return interview


def _get_or_404(model, ident: int):
    item = db.session.get(model, ident)
    if item is None:
        abort(404)
    return item


def _question_or_404(interview: Interview, kind: QuestionKind) -> GridQuestion:
    """The block's question in the interview's grid (the one the form names, else the
    first of its kind)."""
    questions = db.session.scalars(
        sa.select(GridQuestion)
        .join(GridSection, GridQuestion.section_id == GridSection.id)
        .where(GridSection.version_id == interview.grid_version_id, GridQuestion.kind == kind)
        .order_by(GridSection.position, GridQuestion.position)
    ).all()
    if not questions:
        abort(404)
    wanted = request.form.get("question", type=int)
    return next((q for q in questions if q.id == wanted), questions[0])


# --- answering -----------------------------------------------------------------------


def block_context(interview: Interview, question: GridQuestion) -> dict:
    """What a block template needs (the conduct page builds the same)."""
    return dict(
        interview=interview,
        question=question,
        editable=blocks.block_editable(current_user, interview, question.kind),
        blocks=blocks.load_for(interview, current_user),
    )


def _conduct_url(interview: Interview, question: GridQuestion) -> str:
    return url_for("interviews.conduct", interview_id=interview.id, _anchor=f"block-{question.id}")


def _done(interview: Interview, question: GridQuestion):
    fragment = FRAGMENTS[QuestionKind(question.kind)]
    return respond(
        fragment, _conduct_url(interview, question), **block_context(interview, question)
    )


def _in_place(interview: Interview, question: GridQuestion, name: str, form):
    """The block with the refused form, its errors and what was typed."""
    g.failed_block_form = ((name, question.id), scoped_ids(form, f"{name}-{question.id}"))
    fragment = FRAGMENTS[QuestionKind(question.kind)]
    return render(
        "interviews/block_page.html",
        fragment,
        block_template=fragment,
        back_url=_conduct_url(interview, question),
        **block_context(interview, question),
    )


def _guard(interview: Interview, question: GridQuestion):
    """403 for people who may not change this block; the block with the reason when
    the interview's state forbids it; None when the change may go ahead."""
    try:
        blocks.require_editable(current_user, interview, question.kind)
    except PermissionError:
        abort(403)
    except InterviewError as error:
        flash(str(error), "error")
        return _done(interview, question)
    return None


def _apply(interview, question, change, *args, success: str, form=None, form_name=None):
    try:
        change(current_user, *args)
    except PermissionError:
        db.session.rollback()
        abort(403)
    except InterviewError as error:
        db.session.rollback()
        flash(str(error), "error")
        if form is not None:
            return _in_place(interview, question, form_name, form)
        return _done(interview, question)
    db.session.commit()
    flash(success, "success")
    return _done(interview, question)


def _delete(model, item_id: int, kind: QuestionKind, change, success: str):
    """Delete one block row of an interview: load, authorise, apply."""
    item = _get_or_404(model, item_id)
    interview = _interview_or_404(item.interview_id)
    question = _question_or_404(interview, kind)
    if (refused := _guard(interview, question)) is not None:
        return refused
    return _apply(interview, question, change, interview, item, success=success)


# --- objectives ----------------------------------------------------------------------


@bp.post("/<int:interview_id>/objectives")
@login_required
def add_objective(interview_id: int):
    interview = _interview_or_404(interview_id)
    question = _question_or_404(interview, QuestionKind.NEW_OBJECTIVES)
    if (refused := _guard(interview, question)) is not None:
        return refused
    form = ObjectiveForm()
    if not form.validate():
        return _in_place(interview, question, "objective", form)
    return _apply(
        interview,
        question,
        blocks.add_objective,
        interview,
        form.title.data,
        form.description.data,
        form.indicator.data,
        form.target_date.data,
        form.weight.data,
        success=_("Objective added."),
        form=form,
        form_name="objective",
    )


@bp.post("/objectives/<int:objective_id>/delete")
@login_required
def delete_objective(objective_id: int):
    return _delete(
        Objective,
        objective_id,
        QuestionKind.NEW_OBJECTIVES,
        blocks.delete_objective,
        _("Objective deleted."),
    )


@bp.post("/objectives/<int:objective_id>/review")
@login_required
def review_objective(objective_id: int):
    """The review of an earlier objective, made in the interview the form names."""
    objective = _get_or_404(Objective, objective_id)
    interview = _interview_or_404(request.form.get("interview", type=int))
    if objective.employee_id != interview.employee_id:
        abort(404)
    question = _question_or_404(interview, QuestionKind.OBJECTIVES_REVIEW)
    if (refused := _guard(interview, question)) is not None:
        return refused
    form = ReviewForm()
    if not form.validate():
        flash(_("Choose how far the objective was achieved."), "error")
        return _done(interview, question)
    return _apply(
        interview,
        question,
        blocks.review_objective,
        interview,
        objective,
        form.status.data,
        form.comment.data,
        success=_("Review saved."),
    )


# --- training requests ---------------------------------------------------------------


@bp.post("/<int:interview_id>/trainings")
@login_required
def add_training_request(interview_id: int):
    interview = _interview_or_404(interview_id)
    question = _question_or_404(interview, QuestionKind.TRAINING_REQUESTS)
    if (refused := _guard(interview, question)) is not None:
        return refused
    form = TrainingForm()
    if not form.validate():
        return _in_place(interview, question, "training", form)
    return _apply(
        interview,
        question,
        blocks.add_training_request,
        interview,
        form.subject.data,
        form.reason.data,
        form.priority.data,
        form.wished_period.data,
        form.mandatory.data,
        success=_("Training request added."),
        form=form,
        form_name="training",
    )


@bp.post("/trainings/<int:request_id>/delete")
@login_required
def delete_training_request(request_id: int):
    return _delete(
        TrainingRequest,
        request_id,
        QuestionKind.TRAINING_REQUESTS,
        blocks.delete_training_request,
        _("Training request deleted."),
    )


# --- decisions and follow-up actions -------------------------------------------------


@bp.post("/<int:interview_id>/actions")
@login_required
def add_action(interview_id: int):
    interview = _interview_or_404(interview_id)
    question = _question_or_404(interview, QuestionKind.DECISIONS)
    if (refused := _guard(interview, question)) is not None:
        return refused
    form = ActionForm().set_owners(blocks.owner_choices(interview))
    if not form.validate():
        return _in_place(interview, question, "action", form)
    owner = db.session.get(Employee, form.owner.data) if form.owner.data else None
    return _apply(
        interview,
        question,
        blocks.add_action,
        interview,
        form.what.data,
        owner,
        form.due_date.data,
        success=_("Action added."),
        form=form,
        form_name="action",
    )


@bp.post("/actions/<int:action_id>/delete")
@login_required
def delete_action(action_id: int):
    return _delete(
        FollowUpAction,
        action_id,
        QuestionKind.DECISIONS,
        blocks.delete_action,
        _("Action deleted."),
    )


def _local_next(default_endpoint: str) -> str:
    """Back to the list the form was sent from, with its filters (local paths only)."""
    default = url_for(default_endpoint)
    wanted = request.form.get("next") or ""
    if wanted.startswith(default) and "//" not in wanted and "\\" not in wanted:
        return wanted
    return default


@bp.post("/actions/<int:action_id>/done")
@login_required
def complete_action(action_id: int):
    """Mark an action done: from the interview's block, or from a list of actions."""
    action = _get_or_404(FollowUpAction, action_id)
    interview = action.interview
    visible = can(current_user, "interview.view", interview)
    if not blocks.can_complete(current_user, action):
        abort(403 if visible else 404)
    try:
        blocks.complete_action(current_user, action)
    except InterviewError as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_("Action marked as done."), "success")
    if "question" in request.form and visible:
        return _done(interview, _question_or_404(interview, QuestionKind.DECISIONS))
    return respond(
        "interviews/_action_row.html",
        _local_next("interviews.my_actions"),
        action=action,
        today=date.today(),
        show_owner=current_user.is_hr,
    )


# --- follow-up pages -----------------------------------------------------------------


def _departments() -> list[Department]:
    return db.session.scalars(sa.select(Department).order_by(Department.name)).all()


@bp.get("/trainings")
@login_required
def trainings():
    """Training requests: all of them for HR (who moves them on), one's own and one's
    reports' for others; filters, paging, and the filtered list as CSV."""
    filters = followup.TrainingFilters.from_args(request.args)
    if request.args.get("format") == "csv":
        rows, _total, _page, _pages = followup.training_requests(current_user, filters, None)
        audit.record(
            current_user,
            "export",
            "training_request",
            "list",
            after={"format": "csv", "rows": len(rows)}
            | {k: v for k, v in filters.as_args().items() if v is not None},
        )
        db.session.commit()
        response = make_response(followup.training_csv(rows))
        response.mimetype = "text/csv"
        response.charset = "utf-8"
        response.headers["Content-Disposition"] = (
            f'attachment; filename="training-requests-{date.today().isoformat()}.csv"'
        )
        return response
    rows, total, page, pages = followup.training_requests(
        current_user, filters, current_app.config["PAGE_SIZE"]
    )
    context = dict(
        rows=rows,
        total=total,
        page=page,
        pages=pages,
        filters=filters,
        manage=can(current_user, "trainings.manage"),
        today=date.today(),
    )
    if not wants_fragment():
        context["departments"] = _departments()
    return render("interviews/trainings.html", "interviews/_trainings_results.html", **context)


@bp.post("/trainings/<int:request_id>/status")
@login_required
def set_training_status(request_id: int):
    """HR moves a request on; htmx gets the updated row."""
    require(current_user, "trainings.manage")
    training = _get_or_404(TrainingRequest, request_id)
    form = TrainingStatusForm()
    if not form.validate():
        field, errors = next(iter(form.errors.items()))
        flash(_("%(field)s: %(error)s", field=form[field].label.text, error=errors[0]), "error")
    else:
        try:
            blocks.set_training_status(
                current_user, training, form.status.data, form.note.data, form.done_on.data
            )
        except InterviewError as error:
            db.session.rollback()
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(_("Training request updated."), "success")
    return respond(
        "interviews/_training_row.html",
        _local_next("interviews.trainings"),
        row=followup.training_row(training.id),
        manage=True,
        today=date.today(),
    )


@bp.get("/actions")
@login_required
def my_actions():
    """The open follow-up actions I own; for HR everyone's, by owner, overdue first."""
    filters = followup.ActionFilters.from_args(request.args)
    actions, total, page, pages = followup.open_actions(
        current_user, filters, current_app.config["PAGE_SIZE"]
    )
    context = dict(
        actions=actions,
        total=total,
        page=page,
        pages=pages,
        filters=filters,
        today=date.today(),
        show_owner=current_user.is_hr,
    )
    if current_user.is_hr and not wants_fragment():
        context["owners"] = followup.action_owners()
    return render("interviews/actions.html", "interviews/_actions_results.html", **context)


@bp.get("/objectives/<int:employee_id>")
@login_required
def employee_objectives(employee_id: int):
    """An employee's objectives over time, by the interview that set them."""
    employee = db.session.get(Employee, employee_id)
    if employee is None or not followup.may_see_objectives(current_user, employee):
        abort(404)
    return render(
        "interviews/objectives.html",
        employee=employee,
        groups=followup.objectives_history(current_user, employee),
        interview_date=blocks.interview_date,
    )
