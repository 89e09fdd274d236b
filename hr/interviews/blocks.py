"""The structured blocks of an interview: the review of earlier objectives, new
objectives, training requests, decisions and follow-up actions.

They live in their own tables, not as answers. Each change checks permission and the
interview's state, and writes its audit event in the same transaction. A review of an
earlier objective waits for the interview to be locked before it changes the
objective's status (`apply_reviews`, called by `services._lock`).
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from flask import has_request_context
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import aliased, joinedload

from hr import audit
from hr.db import db, utcnow
from hr.grids.models import QuestionKind
from hr.interviews import services
from hr.interviews.models import (
    LOCKED,
    ActionStatus,
    FollowUpAction,
    Interview,
    Objective,
    ObjectiveStatus,
    Party,
    Status,
    TrainingReason,
    TrainingRequest,
    TrainingStatus,
)
from hr.interviews.services import InterviewError
from hr.people.models import Employee
from hr.security import can

# While the interview is in one of these, its blocks may change (by whom: `_parties`).
EDITABLE = {Status.TO_SCHEDULE, Status.SCHEDULED, Status.IN_PREPARATION, Status.HELD}
MANAGER_SIDE = (Party.MANAGER, Party.SHARED)
EITHER_SIDE = (Party.EMPLOYEE, Party.MANAGER, Party.SHARED)

REVIEW_STATUSES = (
    ObjectiveStatus.ACHIEVED,
    ObjectiveStatus.PARTIALLY,
    ObjectiveStatus.NOT_ACHIEVED,
    ObjectiveStatus.DROPPED,
)
TRAINING_REASON_LABELS = {
    TrainingReason.ADAPT: _l("Adapt to the job"),
    TrainingReason.DEVELOP: _l("Develop skills"),
    TrainingReason.PERSONAL: _l("Personal project"),
}
TRAINING_STATUS_LABELS = {
    TrainingStatus.REQUESTED: _l("Requested"),
    TrainingStatus.APPROVED: _l("Approved"),
    TrainingStatus.REFUSED: _l("Refused"),
    TrainingStatus.PLANNED: _l("Planned"),
    TrainingStatus.DONE: _l("Completed"),
}
PRIORITY_LABELS = {1: _l("High"), 2: _l("Medium"), 3: _l("Low")}
# Where HR may take a training request from each status.
TRAINING_MOVES = {
    TrainingStatus.REQUESTED: {TrainingStatus.APPROVED, TrainingStatus.REFUSED},
    TrainingStatus.APPROVED: {TrainingStatus.PLANNED, TrainingStatus.DONE, TrainingStatus.REFUSED},
    TrainingStatus.PLANNED: {TrainingStatus.DONE, TrainingStatus.APPROVED},
    TrainingStatus.REFUSED: set(),
    TrainingStatus.DONE: set(),
}


# --- who may change what, when -------------------------------------------------------


def _parties(kind) -> tuple[Party, ...]:
    """Training requests come from either side; objectives and decisions from the
    manager side, or from both together during the meeting."""
    return EITHER_SIDE if QuestionKind(kind) == QuestionKind.TRAINING_REQUESTS else MANAGER_SIDE


def block_editable(user, interview: Interview, kind) -> bool:
    """Whether `user` may change the block of this kind now (templates and views)."""
    if Status(interview.status) not in EDITABLE:
        return False
    return any(services.can_write(user, interview, p) for p in _parties(kind))


def require_editable(actor, interview: Interview, kind) -> None:
    """PermissionError for someone outside the interview, InterviewError when its state
    forbids changes (awaiting signature, locked, cancelled)."""
    if actor is not None and (
        not can(actor, "interview.view", interview) or services.role_of(actor, interview) is None
    ):
        raise PermissionError("interview.blocks")
    if Status(interview.status) not in EDITABLE:
        raise InterviewError(
            _(
                "This can no longer be changed: the interview is “%(status)s”.",
                status=str(services.status_label(interview.status)),
            )
        )
    if actor is not None and not block_editable(actor, interview, kind):
        raise PermissionError("interview.blocks")


def _text(value, limit: int, message: str | None = None) -> str | None:
    value = (value or "").strip() or None
    if value is None and message:
        raise InterviewError(message)
    if value is not None and len(value) > limit:
        raise InterviewError(_("Keep it under %(limit)d characters.", limit=limit))
    return value


def _future(day: date | None, message: str) -> date | None:
    if day is not None and day < date.today():
        raise InterviewError(message)
    return day


def _current_actor():
    """The logged-in user, for changes made on someone's behalf by a hook."""
    if not has_request_context():
        return None
    from flask_login import current_user

    return current_user._get_current_object() if current_user.is_authenticated else None


# --- reading -------------------------------------------------------------------------


def interview_date(interview: Interview):
    """The date an interview is known by: held, else scheduled, else created."""
    return interview.held_at or interview.scheduled_start or interview.created_at


def _previous_clause(interview: Interview, origin):
    """Objectives to review: the employee's, set in an earlier locked interview of the
    same type and still open; once this interview is locked, those it reviewed."""
    if interview.locked:
        return sa.and_(
            Objective.reviewed_in_id == interview.id, Objective.interview_id != interview.id
        )
    return sa.and_(
        Objective.employee_id == interview.employee_id,
        Objective.interview_id != interview.id,
        Objective.status == ObjectiveStatus.OPEN,
        origin.interview_type_id == interview.interview_type_id,
        origin.status.in_(LOCKED),
    )


# The interview each objective was set in (an alias is set up once per process: its
# first use costs most of a millisecond).
_ORIGIN = aliased(Interview, name="origin")


def load_for(interview: Interview, viewer=None) -> dict:
    """Everything the four blocks show, in three queries (plus the participants).

    With a `viewer`, the manager side's preparation (objectives, decisions, reviews
    written before the meeting) is left out for whoever may not see it yet
    (`services.can_see`): `manager_side_hidden` then says so."""
    origin = _ORIGIN
    rows = db.session.execute(
        sa.select(Objective, origin)
        .join(origin, Objective.interview_id == origin.id)
        .where(sa.or_(Objective.interview_id == interview.id, _previous_clause(interview, origin)))
        .order_by(origin.locked_at, origin.id, Objective.id)
    ).all()
    previous = [o for o, _i in rows if o.interview_id != interview.id]
    objectives = [o for o, _i in rows if o.interview_id == interview.id]
    trainings = db.session.scalars(
        sa.select(TrainingRequest)
        .where(TrainingRequest.interview_id == interview.id)
        .order_by(TrainingRequest.priority, TrainingRequest.id)
    ).all()
    actions = db.session.scalars(
        sa.select(FollowUpAction)
        .where(FollowUpAction.interview_id == interview.id)
        .options(joinedload(FollowUpAction.owner))
        .order_by(FollowUpAction.due_date.is_(None), FollowUpAction.due_date, FollowUpAction.id)
    ).all()
    hidden = viewer is not None and not services.can_see(viewer, interview, Party.MANAGER)
    if hidden:
        objectives, actions = [], []
    return {
        "manager_side_hidden": hidden,
        "previous_objectives": previous,
        "objectives": objectives,
        "trainings": trainings,
        "actions": actions,
        # When each objective under review was set: {interview id: datetime}.
        "origins": {i.id: interview_date(i) for _o, i in rows},
        "owners": owner_choices(interview),
    }


def owner_choices(interview: Interview) -> list[Employee]:
    """Who may own a follow-up action: the participants and the employee's manager."""
    people = [
        interview.employee,
        interview.interviewer,
        interview.second_participant,
        interview.employee.manager,
    ]
    seen, result = set(), []
    for person in people:
        if person is not None and person.id not in seen:
            seen.add(person.id)
            result.append(person)
    return result


# --- objectives ----------------------------------------------------------------------


def _objective_snapshot(o: Objective) -> dict:
    return {
        "employee_id": o.employee_id,
        "interview_id": o.interview_id,
        "title": o.title,
        "description": o.description,
        "indicator": o.indicator,
        "target_date": o.target_date,
        "weight": o.weight,
        "status": ObjectiveStatus(o.status).value if o.status else None,
    }


def _review_snapshot(o: Objective) -> dict:
    return {
        "review_status": ObjectiveStatus(o.review_status).value if o.review_status else None,
        "review_comment": o.review_comment,
        "reviewed_in_id": o.reviewed_in_id,
    }


def _reviewable(interview: Interview, objective: Objective) -> bool:
    if (
        objective.employee_id != interview.employee_id
        or objective.interview_id == interview.id
        or objective.status != ObjectiveStatus.OPEN
    ):
        return False
    origin = db.session.get(Interview, objective.interview_id)
    return (
        origin is not None
        and origin.interview_type_id == interview.interview_type_id
        and Status(origin.status) in LOCKED
    )


def review_objective(
    actor, interview: Interview, objective: Objective, status, comment: str | None
) -> None:
    """Record how far an earlier objective was achieved; an empty status withdraws the
    review. It becomes the objective's status when this interview is locked."""
    require_editable(actor, interview, QuestionKind.OBJECTIVES_REVIEW)
    if not _reviewable(interview, objective):
        raise InterviewError(_("This objective is not one to review in this interview."))
    if status in (None, ""):
        new_status = None
    elif status in {s.value for s in REVIEW_STATUSES}:
        new_status = ObjectiveStatus(status)
    else:
        raise InterviewError(_("Choose how far the objective was achieved."))
    comment = _text(comment, 4000)
    before = _review_snapshot(objective)
    objective.review_status = new_status
    objective.review_comment = comment if new_status else None
    objective.reviewed_in_id = interview.id if new_status else None
    after = _review_snapshot(objective)
    if after == before:
        return
    db.session.flush()
    audit.record(
        actor,
        "review",
        "objective",
        objective.id,
        before=before,
        after=after,
        on_behalf_of=services.acting_for(actor, interview),
    )


def apply_reviews(interview: Interview, actor=None) -> None:
    """The interview is being locked: the reviews made in it become the status of the
    objectives they reviewed."""
    actor = actor or _current_actor()
    reviewed = db.session.scalars(
        sa.select(Objective)
        .where(Objective.reviewed_in_id == interview.id, Objective.review_status.is_not(None))
        .order_by(Objective.id)
    ).all()
    for objective in reviewed:
        if objective.status == objective.review_status:
            continue
        before = {"status": ObjectiveStatus(objective.status).value}
        objective.status = objective.review_status
        audit.record(
            actor,
            "apply_review",
            "objective",
            objective.id,
            before=before,
            after={"status": ObjectiveStatus(objective.status).value},
            reason=f"interview {interview.id} locked",
        )
    db.session.flush()


def add_objective(
    actor,
    interview: Interview,
    title: str,
    description: str | None = None,
    indicator: str | None = None,
    target_date: date | None = None,
    weight: int | None = None,
) -> Objective:
    """A new objective for the employee, set in this interview."""
    require_editable(actor, interview, QuestionKind.NEW_OBJECTIVES)
    title = _text(title, 300, _("Give the objective a title."))
    description = _text(description, 4000)
    indicator = _text(indicator, 300)
    _future(target_date, _("The target date is already past."))
    if weight is not None:
        if not 0 <= weight <= 100:
            raise InterviewError(_("The weight is a percentage, from 0 to 100."))
        total = weight + (
            db.session.scalar(
                sa.select(sa.func.coalesce(sa.func.sum(Objective.weight), 0)).where(
                    Objective.interview_id == interview.id
                )
            )
            or 0
        )
        if total > 100:
            raise InterviewError(
                _("The objectives' weights would total %(total)d %%, more than 100.", total=total)
            )
    objective = Objective(
        employee_id=interview.employee_id,
        interview_id=interview.id,
        title=title,
        description=description,
        indicator=indicator,
        target_date=target_date,
        weight=weight,
        status=ObjectiveStatus.OPEN,
    )
    db.session.add(objective)
    db.session.flush()
    audit.record(
        actor,
        "create",
        "objective",
        objective.id,
        after=_objective_snapshot(objective),
        on_behalf_of=services.acting_for(actor, interview),
    )
    return objective


def delete_objective(actor, interview: Interview, objective: Objective) -> None:
    require_editable(actor, interview, QuestionKind.NEW_OBJECTIVES)
    if objective.interview_id != interview.id:
        raise InterviewError(_("This objective was not set in this interview."))
    before = _objective_snapshot(objective)
    db.session.delete(objective)
    db.session.flush()
    audit.record(
        actor,
        "delete",
        "objective",
        objective.id,
        before=before,
        on_behalf_of=services.acting_for(actor, interview),
    )


# --- training requests ---------------------------------------------------------------


def _training_snapshot(t: TrainingRequest) -> dict:
    return {
        "employee_id": t.employee_id,
        "interview_id": t.interview_id,
        "subject": t.subject,
        "reason": TrainingReason(t.reason).value if t.reason else None,
        "priority": t.priority,
        "wished_period": t.wished_period,
        "mandatory": t.mandatory,
        "status": TrainingStatus(t.status).value if t.status else None,
        "status_note": t.status_note,
        "done_on": t.done_on,
    }


def add_training_request(
    actor,
    interview: Interview,
    subject: str,
    reason,
    priority: int = 2,
    wished_period: str | None = None,
    mandatory: bool = False,
) -> TrainingRequest:
    """A training need expressed by the employee or the manager side."""
    require_editable(actor, interview, QuestionKind.TRAINING_REQUESTS)
    subject = _text(subject, 300, _("Say which training is wished."))
    if reason not in {r.value for r in TrainingReason}:
        raise InterviewError(_("Choose the purpose of the training."))
    if priority not in PRIORITY_LABELS:
        raise InterviewError(_("Choose a priority."))
    request = TrainingRequest(
        employee_id=interview.employee_id,
        interview_id=interview.id,
        subject=subject,
        reason=TrainingReason(reason),
        priority=priority,
        wished_period=_text(wished_period, 100),
        mandatory=bool(mandatory),
        status=TrainingStatus.REQUESTED,
    )
    db.session.add(request)
    db.session.flush()
    audit.record(
        actor,
        "create",
        "training_request",
        request.id,
        after=_training_snapshot(request),
        on_behalf_of=services.acting_for(actor, interview),
    )
    return request


def delete_training_request(actor, interview: Interview, request: TrainingRequest) -> None:
    require_editable(actor, interview, QuestionKind.TRAINING_REQUESTS)
    if request.interview_id != interview.id:
        raise InterviewError(_("This training request was not made in this interview."))
    if request.status != TrainingStatus.REQUESTED:
        raise InterviewError(_("HR has already handled this request: it stays on record."))
    before = _training_snapshot(request)
    db.session.delete(request)
    db.session.flush()
    audit.record(
        actor,
        "delete",
        "training_request",
        request.id,
        before=before,
        on_behalf_of=services.acting_for(actor, interview),
    )


def set_training_status(
    actor, request: TrainingRequest, status, note: str | None, done_on: date | None = None
) -> None:
    """HR moves a request on: requested → approved or refused → planned → done."""
    if not can(actor, "trainings.manage"):
        raise PermissionError("trainings.manage")
    if status not in {s.value for s in TrainingStatus}:
        raise InterviewError(_("Choose a status."))
    current, new = TrainingStatus(request.status), TrainingStatus(status)
    if new == current:
        raise InterviewError(
            _("The request is already “%(status)s”.", status=str(TRAINING_STATUS_LABELS[new]))
        )
    if new not in TRAINING_MOVES[current]:
        raise InterviewError(
            _(
                "A request that is “%(current)s” cannot become “%(new)s”.",
                current=str(TRAINING_STATUS_LABELS[current]),
                new=str(TRAINING_STATUS_LABELS[new]),
            )
        )
    note = _text(note, 2000)
    if new == TrainingStatus.REFUSED and note is None:
        raise InterviewError(_("Say why the request is refused: the employee will read it."))
    if new == TrainingStatus.DONE:
        if done_on is None:
            raise InterviewError(_("Give the date the training was completed."))
        if done_on > date.today():
            raise InterviewError(_("The completion date cannot be in the future."))
    before = _training_snapshot(request)
    request.status = new
    if note is not None:
        request.status_note = note
    request.done_on = done_on if new == TrainingStatus.DONE else None
    db.session.flush()
    audit.record(
        actor,
        "set_status",
        "training_request",
        request.id,
        before=before,
        after=_training_snapshot(request),
        reason=note,
    )


# --- decisions and follow-up actions -------------------------------------------------


def _action_snapshot(a: FollowUpAction) -> dict:
    return {
        "interview_id": a.interview_id,
        "what": a.what,
        "owner_id": a.owner_id,
        "due_date": a.due_date,
        "status": ActionStatus(a.status).value if a.status else None,
        "done_at": a.done_at,
        "done_by_id": a.done_by_id,
    }


def add_action(
    actor, interview: Interview, what: str, owner: Employee | None, due_date: date | None
) -> FollowUpAction:
    """A decision, or an action someone will carry out by a date."""
    require_editable(actor, interview, QuestionKind.DECISIONS)
    what = _text(what, 2000, _("Describe the decision or the action."))
    if owner is not None and owner.has_left:
        raise InterviewError(_("%(name)s has left the company.", name=owner.full_name))
    _future(due_date, _("The due date is already past."))
    action = FollowUpAction(
        interview_id=interview.id,
        what=what,
        owner_id=owner.id if owner else None,
        due_date=due_date,
        status=ActionStatus.OPEN,
    )
    db.session.add(action)
    db.session.flush()
    audit.record(
        actor,
        "create",
        "follow_up_action",
        action.id,
        after=_action_snapshot(action),
        on_behalf_of=services.acting_for(actor, interview),
    )
    return action


def delete_action(actor, interview: Interview, action: FollowUpAction) -> None:
    require_editable(actor, interview, QuestionKind.DECISIONS)
    if action.interview_id != interview.id:
        raise InterviewError(_("This action was not decided in this interview."))
    if action.status == ActionStatus.DONE:
        raise InterviewError(_("This action is done: it stays on record."))
    before = _action_snapshot(action)
    db.session.delete(action)
    db.session.flush()
    audit.record(
        actor,
        "delete",
        "follow_up_action",
        action.id,
        before=before,
        on_behalf_of=services.acting_for(actor, interview),
    )


def can_complete(user, action: FollowUpAction) -> bool:
    """Its owner, the interviewer, or HR."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.active:
        return False
    if user.is_hr:
        return True
    return user.employee_id is not None and user.employee_id in (
        action.owner_id,
        action.interview.interviewer_id,
    )


def complete_action(actor, action: FollowUpAction) -> None:
    if not can_complete(actor, action):
        raise PermissionError("action.complete")
    if action.status == ActionStatus.DONE:
        raise InterviewError(_("This action is already done."))
    if Status(action.interview.status) in (Status.CANCELLED, Status.DECLINED):
        raise InterviewError(_("This action belongs to an interview that did not take place."))
    before = _action_snapshot(action)
    action.status = ActionStatus.DONE
    action.done_at = utcnow()
    action.done_by_id = actor.id
    db.session.flush()
    audit.record(
        actor,
        "complete",
        "follow_up_action",
        action.id,
        before=before,
        after=_action_snapshot(action),
    )
