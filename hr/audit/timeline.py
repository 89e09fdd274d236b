"""Histories read from the audit log: one interview's, one person's.

Each is one page of events (newest first, `before` an event id for older ones) in a
fixed number of queries, filtered for the reader:
- reads of confidential records and exports are for HR only;
- a preparation stays private until the meeting (`interviews.services.can_see`): an
  answer of the other party, or the manager side's objectives and decisions, are told
  without their content;
- personal and contract fields of the employee record follow `person.view_private`
  and `person.view_contract`; account events are for HR, administrators and the
  person.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from hr.audit.models import AuditEvent
from hr.audit.sentences import Told, tell
from hr.auth.models import User
from hr.db import db
from hr.grids.models import GridQuestion
from hr.interviews import services as interview_services
from hr.interviews.loading import visible_interviews
from hr.interviews.models import FollowUpAction, Interview, Objective, Party, TrainingRequest
from hr.people.models import Department, Employee
from hr.security import can

PAGE_SIZE = 50
HR_ONLY_ACTIONS = frozenset({"read", "export"})
NOT_IN_HISTORIES = frozenset({"login", "login_failed"})
BLOCK_TYPES = ("objective", "training_request", "follow_up_action")
MANAGER_SIDE_TYPES = frozenset({"objective", "follow_up_action"})
PRIVATE_FIELDS = frozenset({"birth_date"})
CONTRACT_FIELDS = frozenset(
    {
        "hire_date",
        "contract_type",
        "contract_end_date",
        "probation_end_date",
        "forfait_jours",
        "work_time_percent",
    }
)
EMPLOYEE_FIELDS = (
    "interviewer_id",
    "second_participant_id",
    "owner_id",
    "manager_id",
    "employee_id",
)


@dataclass
class Page:
    items: list[Told]
    older: int | None  # the `before` cursor of the next page, None on the last one


def _ids(select) -> sa.Select:
    """A subquery of ids as strings, to match `AuditEvent.entity_id`."""
    column = select.selected_columns[0]
    return select.with_only_columns(sa.cast(column, sa.String(64)))


def _about(entity_type: str, ids) -> sa.ColumnElement[bool]:
    return sa.and_(AuditEvent.entity_type == entity_type, AuditEvent.entity_id.in_(_ids(ids)))


def _by_snapshot(entity_types, key: str, values) -> sa.ColumnElement[bool]:
    """Created or deleted records whose row may be gone: their events keep the record
    they belonged to (`key`, e.g. the interview) in the snapshot they hold."""
    return sa.and_(
        AuditEvent.entity_type.in_(entity_types),
        AuditEvent.action.in_(("create", "delete")),
        sa.or_(
            AuditEvent.changes[("after", key)].as_integer().in_(values),
            AuditEvent.changes[("before", key)].as_integer().in_(values),
        ),
    )


def _page(where, before: int | None) -> tuple[list[AuditEvent], int | None]:
    query = sa.select(AuditEvent).where(where)
    if before:
        query = query.where(AuditEvent.id < before)
    events = db.session.scalars(query.order_by(AuditEvent.id.desc()).limit(PAGE_SIZE + 1)).all()
    older = events[PAGE_SIZE - 1].id if len(events) > PAGE_SIZE else None
    return events[:PAGE_SIZE], older


# --- reading one interview's history -------------------------------------------------


def interview_history(viewer, interview: Interview, before: int | None = None) -> Page:
    iid = interview.id
    where = sa.or_(
        sa.and_(AuditEvent.entity_type == "interview", AuditEvent.entity_id == str(iid)),
        _about("objective", sa.select(Objective.id).where(Objective.interview_id == iid)),
        sa.and_(
            _about("objective", sa.select(Objective.id).where(Objective.reviewed_in_id == iid)),
            AuditEvent.action.in_(("review", "apply_review")),
        ),
        _about(
            "training_request",
            sa.select(TrainingRequest.id).where(TrainingRequest.interview_id == iid),
        ),
        _about(
            "follow_up_action",
            sa.select(FollowUpAction.id).where(FollowUpAction.interview_id == iid),
        ),
        _by_snapshot(BLOCK_TYPES, "interview_id", [iid]),
    )
    events, older = _page(where, before)
    owners = {("interview", str(iid)): interview}
    for event in events:
        owners.setdefault((event.entity_type, event.entity_id), interview)
    return Page(_tell_all(viewer, events, owners, employee=interview.employee), older)


# --- reading one person's history ----------------------------------------------------


def person_history(viewer, employee: Employee, before: int | None = None) -> Page:
    """Everything that happened to the employee's records that `viewer` may see."""
    interviews = db.session.scalars(
        sa.select(Interview)
        .where(Interview.employee_id == employee.id, visible_interviews(viewer))
        .options(joinedload(Interview.grid_version), joinedload(Interview.interview_type))
    ).all()
    by_id = {i.id: i for i in interviews}
    ids = list(by_id) or [0]
    objective_ids = sa.select(Objective.id).where(Objective.interview_id.in_(ids))
    training_ids = sa.select(TrainingRequest.id).where(
        TrainingRequest.employee_id == employee.id,
        sa.or_(TrainingRequest.interview_id.is_(None), TrainingRequest.interview_id.in_(ids)),
    )
    action_ids = sa.select(FollowUpAction.id).where(FollowUpAction.interview_id.in_(ids))
    clauses = [
        sa.and_(AuditEvent.entity_type == "employee", AuditEvent.entity_id == str(employee.id)),
        _about("interview", sa.select(Interview.id).where(Interview.id.in_(ids))),
        _about("objective", objective_ids),
        _about("training_request", training_ids),
        _about("follow_up_action", action_ids),
        _by_snapshot(BLOCK_TYPES, "interview_id", ids),
    ]
    if viewer.is_hr or viewer.is_admin or viewer.employee_id == employee.id:
        clauses.append(
            sa.and_(
                _about("user", sa.select(User.id).where(User.employee_id == employee.id)),
                AuditEvent.action.not_in(NOT_IN_HISTORIES),
            )
        )
    clauses += _compliance_clauses(viewer, employee)
    events, older = _page(sa.or_(*clauses), before)
    owners = {("interview", str(i)): interview for i, interview in by_id.items()}
    for model, entity_type in (
        (Objective, "objective"),
        (TrainingRequest, "training_request"),
        (FollowUpAction, "follow_up_action"),
    ):
        wanted = [e.entity_id for e in events if e.entity_type == entity_type]
        if wanted:
            rows = db.session.execute(
                sa.select(model.id, model.interview_id).where(
                    model.id.in_([int(w) for w in wanted if w.isdigit()])
                )
            ).all()
            owners.update({(entity_type, str(r[0])): by_id.get(r[1]) for r in rows})
    for event in events:
        key = (event.entity_type, event.entity_id)
        if event.entity_type in BLOCK_TYPES and key not in owners:  # a row deleted since
            snapshot = event.changes.get("after") or event.changes.get("before") or {}
            owners[key] = by_id.get(snapshot.get("interview_id"))
    return Page(_tell_all(viewer, events, owners, employee=employee), older)


def _compliance_clauses(viewer, employee: Employee) -> list:
    """Absences, mandates, training records, progressions and penalty payments: for
    those who see the person's compliance panel (HR, the person, their managers)."""
    if not can(viewer, "compliance.person", employee):
        return []
    from hr.compliance import models

    clauses = []
    for entity_type, model in (
        ("absence", models.Absence),
        ("mandate", models.Mandate),
        ("training_record", models.TrainingRecord),
        ("progression", models.Progression),
        ("penalty", models.PenaltyPayment),
    ):
        clauses.append(
            _about(entity_type, sa.select(model.id).where(model.employee_id == employee.id))
        )
        clauses.append(_by_snapshot([entity_type], "employee_id", [employee.id]))
    return clauses


# --- telling events to one reader ----------------------------------------------------


def _hidden(viewer, event, interview, employee) -> tuple[frozenset, bool]:
    """(fields to mask, whether the whole event is private) for this reader."""
    if event.entity_type == "employee" and employee is not None:
        hidden = set()
        if not can(viewer, "person.view_private", employee):
            hidden |= PRIVATE_FIELDS
        if not can(viewer, "person.view_contract", employee):
            hidden |= CONTRACT_FIELDS
        return frozenset(hidden), False
    if interview is None:
        return frozenset(), False
    if event.entity_type in MANAGER_SIDE_TYPES and not interview_services.can_see(
        viewer, interview, Party.MANAGER
    ):
        return frozenset(), True
    if event.entity_type == "interview" and event.action == "answer":
        keys = set((event.changes or {}).get("before", {})) | set(
            (event.changes or {}).get("after", {})
        )
        hidden = {k for k in keys if not _may_see_answer(viewer, interview, k)}
        return frozenset(hidden), bool(keys) and hidden == keys
    return frozenset(), False


def _may_see_answer(viewer, interview, key: str) -> bool:
    party = key.rpartition(".")[2]
    try:
        return interview_services.can_see(viewer, interview, Party(party))
    except ValueError:
        return False


def _tell_all(viewer, events, owners: dict, employee=None) -> list[Told]:
    """Drop what the reader may never see, then tell the rest with names resolved in
    three queries (people, questions, departments). The queries that chose `events`
    already kept to records the reader may see; `owners` gives each its interview."""
    kept = [e for e in events if viewer.is_hr or e.action not in HR_ONLY_ACTIONS]
    names, questions = _names(kept), _questions(kept)
    told = []
    for event in kept:
        interview = owners.get((event.entity_type, event.entity_id))
        hidden, private = _hidden(viewer, event, interview, employee)
        told.append(tell(event, names["users"], questions, hidden, private))
        _resolve(told[-1], event, names)
    return told


def _names(events) -> dict:
    user_ids = {e.actor_id for e in events} | {e.on_behalf_of_id for e in events}
    user_ids.discard(None)
    users = {}
    if user_ids:
        rows = db.session.execute(
            sa.select(User.id, User.email, Employee.first_name, Employee.last_name)
            .outerjoin(Employee, User.employee_id == Employee.id)
            .where(User.id.in_(user_ids))
        ).all()
        users = {r.id: f"{r.first_name} {r.last_name}" if r.first_name else r.email for r in rows}
    employee_ids, department_ids = set(), set()
    for e in events:
        for side in (e.changes or {}).values():
            for key in EMPLOYEE_FIELDS:
                if isinstance(side.get(key), int):
                    employee_ids.add(side[key])
            if isinstance(side.get("department_id"), int):
                department_ids.add(side["department_id"])
    people = {}
    if employee_ids or department_ids:
        people = {
            ("e", r[0]): f"{r[1]} {r[2]}"
            for r in db.session.execute(
                sa.select(Employee.id, Employee.first_name, Employee.last_name).where(
                    Employee.id.in_(employee_ids)
                )
            )
        } | {
            ("d", r[0]): r[1]
            for r in db.session.execute(
                sa.select(Department.id, Department.name).where(Department.id.in_(department_ids))
            )
        }
    return {"users": users, "people": people}


def _questions(events) -> dict:
    ids = set()
    for e in events:
        if e.action == "answer":
            for side in (e.changes or {}).values():
                for key in side:
                    qid = key[1:].partition(".")[0]
                    if qid.isdigit():
                        ids.add(int(qid))
    if not ids:
        return {}
    return dict(
        db.session.execute(
            sa.select(GridQuestion.id, GridQuestion.label).where(GridQuestion.id.in_(ids))
        ).all()
    )


def _resolve(told: Told, event, names: dict) -> None:
    """Ids of people and departments in the changes, shown as their names."""
    people = names["people"]
    before = (event.changes or {}).get("before", {})
    after = (event.changes or {}).get("after", {})
    keys = sorted(set(before) | set(after))
    for key, change in zip(keys, told.changes, strict=False):
        if change.before == "•••":
            continue
        kind = "e" if key in EMPLOYEE_FIELDS else "d" if key == "department_id" else None
        if kind:
            change.before = people.get((kind, before.get(key)), change.before)
            change.after = people.get((kind, after.get(key)), change.after)


def tell_unfiltered(viewer, events) -> list[Told]:
    """The audit search (HR and administrators): events as recorded, except what is
    written in interviews that the reader could not read there — a preparation not
    shared yet, and for an administrator every interview's content (masked '•••')."""
    ids = {
        int(e.entity_id) for e in events if e.entity_type == "interview" and e.entity_id.isdigit()
    }
    interviews = {}
    if ids:
        interviews = {
            i.id: i
            for i in db.session.scalars(
                sa.select(Interview)
                .where(Interview.id.in_(ids))
                .options(
                    joinedload(Interview.grid_version),
                    joinedload(Interview.interview_type),
                    joinedload(Interview.employee),
                )
            )
        }
    names, questions = _names(events), _questions(events)
    told = []
    for event in events:
        hidden, private = frozenset(), False
        if event.entity_type in BLOCK_TYPES and not viewer.is_hr:
            private = True
        elif event.entity_type == "interview":
            interview = interviews.get(int(event.entity_id))
            if interview is None or not can(viewer, "interview.view", interview):
                changes = event.changes or {}
                hidden = frozenset(changes.get("before", {})) | frozenset(changes.get("after", {}))
            else:
                hidden, private = _hidden(viewer, event, interview, None)
        told.append(tell(event, names["users"], questions, hidden, private))
        _resolve(told[-1], event, names)
    return told
