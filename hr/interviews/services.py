"""Interview state changes: each checks permission and the life cycle, and writes its
audit event in the same transaction."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import gettext as _

from hr import audit
from hr.db import db, utcnow
from hr.grids.models import AnsweredBy, GridVersion, InterviewType, QuestionKind, VersionStatus
from hr.interviews import lifecycle
from hr.interviews.models import (
    Addendum,
    Answer,
    FollowUpAction,
    Interview,
    Objective,
    Party,
    Signature,
    SignatureRole,
    Status,
    TrainingRequest,
)
from hr.people.models import Employee
from hr.security import can


class InterviewError(ValueError):
    """A refused change, with a message for the user."""


class AnswerConflict(InterviewError):
    """Someone saved this answer since you loaded it: both values are offered."""

    def __init__(self, answer: Answer, mine):
        super().__init__(_("Someone else changed this answer while you were typing."))
        self.answer, self.mine = answer, mine


def _require(actor, action: str, obj) -> None:
    if actor is not None and not can(actor, action, obj):
        raise PermissionError(action)


def _transition(
    actor,
    interview: Interview,
    action: str,
    reason: str | None = None,
    to: Status | None = None,
    **changes,
) -> None:
    if not lifecycle.allowed(action, interview.status):
        raise InterviewError(
            _(
                "This is not possible while the interview is “%(status)s”.",
                status=str(status_label(interview.status)),
            )
        )
    before = interview.snapshot()
    for key, value in changes.items():
        setattr(interview, key, value)
    new_status = to or lifecycle.target(action, interview.status)
    if (
        new_status != interview.status
        or {"scheduled_start", "scheduled_end", "location", "video_link"} & changes.keys()
    ):
        interview.sequence += 1
    interview.status = new_status
    db.session.flush()
    audit.record(
        actor,
        action,
        "interview",
        interview.id,
        before=before,
        after=interview.snapshot(),
        reason=reason,
        on_behalf_of=None if action == "force_close" else acting_for(actor, interview),
    )


def acting_for(actor, interview: Interview):
    """The interviewer's account when someone else acts on the manager's side (HR, or a
    manager above standing in): audit events record on whose behalf."""
    if (
        actor is None
        or interview.interviewer_id is None
        or actor.employee_id in (interview.interviewer_id, interview.employee_id)
    ):
        return None
    from hr.auth.models import User

    return db.session.scalar(sa.select(User).where(User.employee_id == interview.interviewer_id))


def _place(interview: Interview) -> tuple:
    """When and where: a change of these sends an updated invitation."""
    return (
        interview.scheduled_start,
        interview.scheduled_end,
        interview.location,
        interview.video_link,
    )


def _invite(actor, interview: Interview, change: str, before: tuple | None = None) -> None:
    """E-mail invitations (iMIP) in this transaction's outbox; sent after the commit."""
    from hr.mail.invitations import queue_interview_mails

    if change == "rescheduled" and before == _place(interview):
        return
    queue_interview_mails(actor, interview, change)


def status_label(status) -> str:
    from hr.interviews.models import STATUS_LABELS

    return STATUS_LABELS[Status(status)]


# --- creation ----------------------------------------------------------------------


def published_version_for(interview_type: InterviewType) -> GridVersion | None:
    """The latest published version of the type's first active grid."""
    from hr.grids.models import Grid

    return db.session.scalar(
        sa.select(GridVersion)
        .join(Grid)
        .where(
            Grid.interview_type_id == interview_type.id,
            Grid.archived_at.is_(None),
            GridVersion.status == VersionStatus.PUBLISHED,
        )
        .order_by(Grid.id, GridVersion.number.desc())
        .limit(1)
    )


def create_interview(
    actor,
    employee: Employee,
    interview_type: InterviewType,
    grid_version: GridVersion | None = None,
    interviewer: Employee | None = None,
    due_date: date | None = None,
    second_participant: Employee | None = None,
    campaign_id: int | None = None,
    offered_on: date | None = None,
) -> Interview:
    """One interview of any type for someone the actor may act for."""
    _require(actor, "interview.create_for", employee)
    grid_version = grid_version or published_version_for(interview_type)
    if grid_version is None or grid_version.status != VersionStatus.PUBLISHED:
        raise InterviewError(_("No published grid for this kind of interview: publish one first."))
    if grid_version.grid.interview_type_id != interview_type.id:
        raise InterviewError(_("This grid is for another kind of interview."))
    interviewer = interviewer or employee.manager
    if interviewer is not None and interviewer.id == employee.id:
        raise InterviewError(_("An employee cannot interview themselves."))
    interview = Interview(
        interview_type_id=interview_type.id,
        employee_id=employee.id,
        interviewer_id=interviewer.id if interviewer else None,
        second_participant_id=second_participant.id if second_participant else None,
        grid_version_id=grid_version.id,
        due_date=due_date,
        campaign_id=campaign_id,
        offered_on=offered_on,
        created_by_id=getattr(actor, "id", None),
    )
    db.session.add(interview)
    db.session.flush()
    audit.record(
        actor,
        "create",
        "interview",
        interview.id,
        after=interview.snapshot()
        | {"employee_id": employee.id, "interview_type": interview_type.code},
    )
    return interview


# --- life cycle --------------------------------------------------------------------


def schedule(
    actor,
    interview: Interview,
    start: datetime,
    end: datetime,
    location: str | None = None,
    video_link: str | None = None,
) -> None:
    _require(actor, "interview.manage", interview)
    if end <= start:
        raise InterviewError(_("The interview must end after it starts."))
    to = Status.SCHEDULED if interview.status == Status.TO_SCHEDULE else None
    first = interview.scheduled_start is None
    before = _place(interview)
    _transition(
        actor,
        interview,
        "schedule",
        to=to,
        scheduled_start=start,
        scheduled_end=end,
        location=(location or "").strip() or None,
        video_link=(video_link or "").strip() or None,
    )
    _invite(actor, interview, "scheduled" if first else "rescheduled", before)


def open_preparation(actor, interview: Interview) -> None:
    _require(actor, "interview.manage", interview)
    _transition(actor, interview, "open_preparation")


def start(actor, interview: Interview) -> None:
    """The meeting starts: preparations become visible to both parties."""
    _require(actor, "interview.manage", interview)
    _transition(actor, interview, "start", held_at=utcnow())


def cancel(actor, interview: Interview, reason: str) -> None:
    _require(actor, "interview.manage", interview)
    if not (reason or "").strip():
        raise InterviewError(_("Give the reason for cancelling."))
    _transition(actor, interview, "cancel", reason=reason.strip(), cancel_reason=reason.strip())
    _invite(actor, interview, "cancelled")


def decline(actor, interview: Interview, declined_on: date, comment: str | None = None) -> None:
    """The employee declined an offered interview: the offer and its date are kept."""
    _require(actor, "interview.manage", interview)
    _transition(
        actor,
        interview,
        "decline",
        reason=comment,
        declined_on=declined_on,
        offered_on=interview.offered_on or interview.created_at.date(),
    )
    _invite(actor, interview, "cancelled")  # a meeting already in calendars goes away


# --- answers -----------------------------------------------------------------------


def parties_for(question_answered_by) -> list[Party]:
    return {
        AnsweredBy.EMPLOYEE: [Party.EMPLOYEE],
        AnsweredBy.MANAGER: [Party.MANAGER],
        AnsweredBy.BOTH: [Party.EMPLOYEE, Party.MANAGER],
        AnsweredBy.TOGETHER: [Party.SHARED],
    }[AnsweredBy(question_answered_by)]


def role_of(user, interview: Interview) -> Party | None:
    """The party a user writes as: the employee, or the manager side (interviewer,
    second participant, or a manager above standing in)."""
    if user.employee_id is not None and user.employee_id == interview.employee_id:
        return Party.EMPLOYEE
    if can(user, "interview.manage", interview) or (
        user.employee_id is not None and user.employee_id == interview.second_participant_id
    ):
        return Party.MANAGER
    return None


def can_write(user, interview: Interview, party: Party) -> bool:
    """Whether `user` may change `party`'s answers now."""
    mine = role_of(user, interview)
    if mine is None:
        return False
    status = Status(interview.status)
    if party == Party.SHARED:
        return status == Status.HELD
    if party != mine:
        return False
    return status in (Status.SCHEDULED, Status.IN_PREPARATION, Status.HELD) or (
        status == Status.TO_SCHEDULE and party == Party.MANAGER
    )


def can_see(user, interview: Interview, party: Party) -> bool:
    """Preparations stay private until the meeting starts, unless the grid shares them."""
    mine = role_of(user, interview)
    if party == Party.SHARED or party == mine:
        return True
    if Status(interview.status) not in (
        Status.TO_SCHEDULE,
        Status.SCHEDULED,
        Status.IN_PREPARATION,
    ):
        return True
    return bool(interview.grid_version.share_preparation)


def save_answer(
    actor, interview: Interview, question, party: Party, value, expected_version: int | None
) -> Answer:
    """Save one answer. `expected_version` is the version the user started from (0 for
    a new answer); if someone saved in between, AnswerConflict carries both values."""
    party = Party(party)
    if question.section.version_id != interview.grid_version_id:
        raise InterviewError(_("This question is not part of this interview."))
    if party not in parties_for(question.answered_by):
        raise InterviewError(_("This question is not answered by this party."))
    if not can_write(actor, interview, party):
        raise PermissionError("answer")
    answer = db.session.scalar(
        sa.select(Answer)
        .where(
            Answer.interview_id == interview.id,
            Answer.question_id == question.id,
            Answer.party == party,
        )
        .with_for_update()
    )
    if answer is None:
        if expected_version not in (None, 0):
            raise InterviewError(_("This answer no longer exists; reload the page."))
        answer = Answer(
            interview_id=interview.id,
            question_id=question.id,
            party=party,
            value=value,
            version=1,
            updated_by_id=actor.id,
        )
        db.session.add(answer)
        db.session.flush()
        audit.record(
            actor,
            "answer",
            "interview",
            interview.id,
            after={f"q{question.id}.{party.value}": value},
            on_behalf_of=None if party == Party.EMPLOYEE else acting_for(actor, interview),
        )
        return answer
    if expected_version is not None and answer.version != expected_version:
        if answer.value == value:
            return answer
        raise AnswerConflict(answer, value)
    if answer.value == value:
        return answer
    before = answer.value
    answer.value, answer.updated_by_id = value, actor.id
    answer.version += 1
    db.session.flush()
    audit.record(
        actor,
        "answer",
        "interview",
        interview.id,
        before={f"q{question.id}.{party.value}": before},
        after={f"q{question.id}.{party.value}": value},
        on_behalf_of=None if party == Party.EMPLOYEE else acting_for(actor, interview),
    )
    return answer


def _empty(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


def missing_required(interview: Interview) -> list:
    """Required questions without an answer from each party that must give one."""
    answers = {(a.question_id, Party(a.party)): a.value for a in interview.answers}
    missing = []
    for section in interview.grid_version.sections:
        for q in section.questions:
            if not q.required or QuestionKind(q.kind) in BLOCK_KINDS:
                continue
            if any(_empty(answers.get((q.id, p))) for p in parties_for(q.answered_by)):
                missing.append(q)
    return missing


# Structured blocks are stored in their own tables, not as answers.
BLOCK_KINDS = {
    QuestionKind.OBJECTIVES_REVIEW,
    QuestionKind.NEW_OBJECTIVES,
    QuestionKind.TRAINING_REQUESTS,
    QuestionKind.DECISIONS,
}


def request_signatures(actor, interview: Interview) -> None:
    _require(actor, "interview.manage", interview)
    if not lifecycle.allowed("request_signatures", interview.status):
        raise InterviewError(
            _(
                "This is not possible while the interview is “%(status)s”.",
                status=str(status_label(interview.status)),
            )
        )
    missing = missing_required(interview)
    if missing:
        raise InterviewError(
            _(
                "Required answers are missing: %(questions)s",
                questions="; ".join(q.label for q in missing[:5]),
            )
        )
    _transition(actor, interview, "request_signatures")


def reopen(actor, interview: Interview, reason: str) -> None:
    """Back to editing before every signature is in: signatures given so far lapse."""
    _require(actor, "interview.manage", interview)
    if not (reason or "").strip():
        raise InterviewError(_("Give the reason for reopening."))
    _transition(actor, interview, "reopen", reason=reason.strip())
    for signature in list(interview.signatures):
        if signature.addendum_id is None:
            db.session.delete(signature)
    db.session.flush()


# --- signatures --------------------------------------------------------------------


def content_of(interview: Interview) -> dict:
    """Everything the report shows, as plain data: what a signature covers."""
    answers = sorted(
        ([a.question_id, Party(a.party).value, a.value] for a in interview.answers),
        key=lambda r: (r[0], r[1]),
    )
    objectives = db.session.scalars(
        sa.select(Objective)
        .where(
            sa.or_(Objective.interview_id == interview.id, Objective.reviewed_in_id == interview.id)
        )
        .order_by(Objective.id)
    ).all()
    trainings = db.session.scalars(
        sa.select(TrainingRequest)
        .where(TrainingRequest.interview_id == interview.id)
        .order_by(TrainingRequest.id)
    ).all()
    actions = db.session.scalars(
        sa.select(FollowUpAction)
        .where(FollowUpAction.interview_id == interview.id)
        .order_by(FollowUpAction.id)
    ).all()
    return {
        "interview": interview.id,
        "employee": interview.employee_id,
        "interviewer": interview.interviewer_id,
        "grid_version": interview.grid_version_id,
        "answers": answers,
        "objectives": [
            [o.id, o.title, o.description, o.indicator, str(o.target_date), o.weight]
            for o in objectives
            if o.interview_id == interview.id
        ],
        "reviews": [
            [o.id, str(o.review_status), o.review_comment]
            for o in objectives
            if o.reviewed_in_id == interview.id
        ],
        "trainings": [
            [t.id, t.subject, str(t.reason), t.priority, t.wished_period, t.mandatory]
            for t in trainings
        ],
        "actions": [[a.id, a.what, a.owner_id, str(a.due_date)] for a in actions],
    }


def content_hash(interview: Interview, extra: dict | None = None) -> str:
    payload = json.dumps(
        content_of(interview) | (extra or {}), sort_keys=True, ensure_ascii=False, default=str
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def _signature(actor, interview, role, **fields) -> Signature:
    signer = actor.employee.full_name if actor.employee else actor.email
    signature = Signature(
        role=role,
        user_id=actor.id,
        signer_name=signer,
        content_hash=content_hash(interview),
        **fields,
    )
    interview.signatures.append(signature)
    db.session.flush()
    return signature


def _signed(interview, role) -> Signature | None:
    return next((s for s in interview.signatures if s.role == role and s.addendum_id is None), None)


def sign_as_interviewer(actor, interview: Interview) -> Signature:
    if actor.employee_id is None or actor.employee_id != interview.interviewer_id:
        raise PermissionError("sign_interviewer")
    if not lifecycle.allowed("sign_interviewer", interview.status):
        raise InterviewError(_("The interview is not awaiting signatures."))
    if _signed(interview, SignatureRole.INTERVIEWER):
        raise InterviewError(_("You have already signed."))
    signature = _signature(actor, interview, SignatureRole.INTERVIEWER)
    audit.record(
        actor,
        "sign_interviewer",
        "interview",
        interview.id,
        after={"content_hash": signature.content_hash},
    )
    return signature


def sign_as_employee(
    actor,
    interview: Interview,
    comment: str | None = None,
    disagreement: bool = False,
    refuse: bool = False,
) -> Signature:
    """The employee signs ("I have read it"), with an optional comment or disagreement,
    or refuses to sign — never a fault: the refusal is recorded and the interview locked."""
    if actor.employee_id is None or actor.employee_id != interview.employee_id:
        raise PermissionError("sign_employee")
    if not lifecycle.allowed("sign_employee", interview.status):
        raise InterviewError(_("The interview is not awaiting signatures."))
    if not _signed(interview, SignatureRole.INTERVIEWER):
        raise InterviewError(_("The interviewer signs first."))
    comment = (comment or "").strip() or None
    signature = _signature(
        actor,
        interview,
        SignatureRole.EMPLOYEE,
        comment=comment,
        disagreement=disagreement or refuse,
        refused=refuse,
    )
    before = interview.snapshot()
    if refuse:
        interview.status, interview.close_reason = Status.CLOSED, _("The employee refused to sign.")
        _lock(interview)
    elif interview.interview_type.extra_validation:
        interview.status = Status.AWAITING_VALIDATION
    else:
        interview.status = Status.SIGNED
        _lock(interview)
    interview.sequence += 1
    db.session.flush()
    audit.record(
        actor,
        "refuse_signature" if refuse else "sign_employee",
        "interview",
        interview.id,
        before=before,
        after=interview.snapshot(),
        reason=comment,
    )
    return signature


def can_validate(user, interview: Interview) -> bool:
    kind = interview.interview_type.extra_validation
    if kind == "hr":
        return user.is_hr
    if kind == "n2":
        manager = interview.interviewer.manager if interview.interviewer else None
        return user.is_hr or (manager is not None and user.employee_id == manager.id)
    return False


def validate(actor, interview: Interview) -> Signature:
    if not can_validate(actor, interview):
        raise PermissionError("validate")
    if not lifecycle.allowed("validate", interview.status):
        raise InterviewError(_("The interview is not awaiting validation."))
    signature = _signature(actor, interview, SignatureRole.VALIDATOR)
    before = interview.snapshot()
    interview.status = Status.SIGNED
    _lock(interview)
    db.session.flush()
    audit.record(
        actor, "validate", "interview", interview.id, before=before, after=interview.snapshot()
    )
    return signature


def _lock(interview: Interview) -> None:
    """Locked: the report is final and the employee's copy is available in Parcours."""
    interview.locked_at = utcnow()
    if interview.copy_available_on is None:
        interview.copy_available_on = date.today()
    _apply_objective_reviews(interview)


def _apply_objective_reviews(interview: Interview) -> None:
    """Hook replaced by the objectives module: reviews take effect when locked."""
    from hr.interviews import blocks

    blocks.apply_reviews(interview)


def signature_deadline(interview: Interview) -> date | None:
    """The campaign's signature deadline, when the interview belongs to one."""
    if interview.campaign_id is None:
        return None
    from hr.campaigns.models import Campaign

    return db.session.get(Campaign, interview.campaign_id).signature_deadline


def force_close(actor, interview: Interview, reason: str, copy_available_on: date) -> None:
    """HR closes an interview whose signature deadline has passed, recording that the
    copy was made available to the employee."""
    if not getattr(actor, "is_hr", False):
        raise PermissionError("force_close")
    if not (reason or "").strip():
        raise InterviewError(_("Give the reason for closing."))
    deadline = signature_deadline(interview)
    if deadline is not None and date.today() <= deadline:
        raise InterviewError(
            _(
                "The signature deadline (%(date)s) has not passed yet.",
                date=deadline.strftime("%d/%m/%Y"),
            )
        )
    _transition(
        actor,
        interview,
        "force_close",
        reason=reason.strip(),
        close_reason=reason.strip(),
        copy_available_on=copy_available_on,
    )
    _lock(interview)


def add_addendum(actor, interview: Interview, text: str) -> Addendum:
    """A correction after locking: new text, signed by its author; never an edit."""
    _require(actor, "interview.view", interview)
    if role_of(actor, interview) is None and not actor.is_hr:
        raise PermissionError("addendum")
    if not lifecycle.allowed("addendum", interview.status):
        raise InterviewError(_("Addenda are for locked interviews; edit the answers instead."))
    if not (text or "").strip():
        raise InterviewError(_("Write the addendum."))
    addendum = Addendum(author_id=actor.id, text=text.strip())
    interview.addenda.append(addendum)
    db.session.flush()
    digest = hashlib.sha256(f"{content_hash(interview)}:{addendum.text}".encode()).hexdigest()
    interview.signatures.append(
        Signature(
            addendum_id=addendum.id,
            role=SignatureRole.EMPLOYEE
            if actor.employee_id == interview.employee_id
            else SignatureRole.INTERVIEWER,
            user_id=actor.id,
            signer_name=actor.employee.full_name if actor.employee else actor.email,
            content_hash=digest,
        )
    )
    db.session.flush()
    audit.record(actor, "addendum", "interview", interview.id, after={"text": addendum.text})
    return addendum
