"""A person's data as one JSON document (RGPD right of access and portability).

HR may download anyone's; an employee their own. The document holds what Parcours
keeps about the person: the employee record, the account (never its password hash),
the interviews with their answers, signatures and addenda, objectives, training
requests and follow-up actions. For the person themselves, the same rules as on
screen apply: only the interviews they may see, and the other party's preparation
once it is shared. Every download is recorded in the audit log as an export.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from hr import audit
from hr.auth.models import User
from hr.db import db, utcnow
from hr.grids.models import GridSection, GridVersion
from hr.interviews import services as interview_services
from hr.interviews.loading import visible_interviews
from hr.interviews.models import FollowUpAction, Interview, Objective, Party, TrainingRequest
from hr.people.models import Employee


def may_export(user, employee: Employee) -> bool:
    return bool(user.is_hr or (user.employee_id is not None and user.employee_id == employee.id))


def _plain(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "value"):  # enums
        return value.value
    return value


def _row(obj, fields) -> dict:
    return {f: _plain(getattr(obj, f)) for f in fields}


def _interview(viewer, interview: Interview) -> dict:
    labels = {q.id: q.label for s in interview.grid_version.sections for q in s.questions}
    return {
        "id": interview.id,
        "type": interview.interview_type.label,
        "status": interview.status.value,
        "interviewer": interview.interviewer.full_name if interview.interviewer else None,
        **_row(
            interview,
            ("due_date", "scheduled_start", "scheduled_end", "location", "held_at", "locked_at"),
        ),
        "answers": [
            {
                "question": labels.get(a.question_id, a.question_id),
                "party": a.party.value,
                "value": a.value,
                "updated_at": a.updated_at.isoformat(),
            }
            for a in sorted(interview.answers, key=lambda a: (a.question_id, a.party.value))
            if interview_services.can_see(viewer, interview, Party(a.party))
        ],
        "signatures": [
            _row(s, ("role", "signer_name", "signed_at", "content_hash", "comment", "refused"))
            for s in interview.signatures
        ],
        "addenda": [_row(a, ("text", "created_at")) for a in interview.addenda],
    }


def person_data(viewer, employee: Employee) -> dict:
    """Everything about `employee` that `viewer` may see, as JSON-ready data."""
    interviews = db.session.scalars(
        sa.select(Interview)
        .where(Interview.employee_id == employee.id, visible_interviews(viewer))
        .options(
            joinedload(Interview.interview_type),
            joinedload(Interview.interviewer),
            selectinload(Interview.answers),
            selectinload(Interview.signatures),
            selectinload(Interview.addenda),
            joinedload(Interview.grid_version)
            .selectinload(GridVersion.sections)
            .selectinload(GridSection.questions),
        )
        .order_by(Interview.id)
    ).all()
    shared = {i.id for i in interviews if interview_services.can_see(viewer, i, Party.MANAGER)}
    account = db.session.scalar(sa.select(User).where(User.employee_id == employee.id))
    objectives = db.session.scalars(
        sa.select(Objective)
        .where(Objective.employee_id == employee.id, Objective.interview_id.in_(shared or [0]))
        .order_by(Objective.id)
    ).all()
    trainings = db.session.scalars(
        sa.select(TrainingRequest)
        .where(TrainingRequest.employee_id == employee.id)
        .where(
            sa.or_(
                TrainingRequest.interview_id.is_(None),
                TrainingRequest.interview_id.in_([i.id for i in interviews] or [0]),
            )
        )
        .order_by(TrainingRequest.id)
    ).all()
    actions = db.session.scalars(
        sa.select(FollowUpAction)
        .where(FollowUpAction.interview_id.in_(shared or [0]))
        .order_by(FollowUpAction.id)
    ).all()
    return {
        "exported_at": utcnow().isoformat(),
        "employee": {k: _plain(v) for k, v in employee.snapshot().items()}
        | {
            "department": employee.department.name if employee.department else None,
            "site": employee.site.name if employee.site else None,
            "manager": employee.manager.full_name if employee.manager else None,
        },
        "account": None
        if account is None
        else _row(
            account,
            ("email", "is_hr", "is_admin", "active", "locale", "created_at", "last_login_at"),
        ),
        "interviews": [_interview(viewer, i) for i in interviews],
        "objectives": [
            _row(
                o,
                (
                    "interview_id",
                    "title",
                    "description",
                    "indicator",
                    "target_date",
                    "weight",
                    "status",
                    "review_comment",
                ),
            )
            for o in objectives
        ],
        "training_requests": [
            _row(
                t,
                (
                    "interview_id",
                    "subject",
                    "reason",
                    "priority",
                    "wished_period",
                    "mandatory",
                    "status",
                    "status_note",
                    "done_on",
                ),
            )
            for t in trainings
        ],
        "follow_up_actions": [
            _row(a, ("interview_id", "what", "due_date", "status", "done_at")) for a in actions
        ],
    }


def export_person(viewer, employee: Employee) -> dict:
    """The document, with its download recorded (in the caller's transaction)."""
    if not may_export(viewer, employee):
        raise PermissionError("person.export")
    data = person_data(viewer, employee)
    audit.record(
        viewer,
        "export",
        "employee",
        employee.id,
        after={"format": "json", "interviews": len(data["interviews"])},
    )
    return data
