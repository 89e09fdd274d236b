"""Compliance state changes — each checks permission and writes its audit event in the
same transaction: the inputs HR enters (absences, mandates, trainings, progression,
the hire information and mid-career visit dates) and the interviews created for
obligations (with the published grid of the right type) or added to a campaign."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _

from hr import audit
from hr.campaigns import services as campaign_services
from hr.campaigns.models import Campaign, CampaignStatus
from hr.compliance.engine import TYPE_OF_KIND, Obligation
from hr.compliance.models import Absence, TrainingRecord
from hr.db import db
from hr.grids.models import Grid, GridVersion, InterviewType, VersionStatus
from hr.interviews import services as interview_services
from hr.people.models import Employee
from hr.security import can


class ComplianceError(ValueError):
    """A refused change, with a message for the user."""


def _require(actor, action: str = "compliance.manage", obj=None) -> None:
    if actor is not None and not can(actor, action, obj):
        raise PermissionError(action)


# --- inputs ------------------------------------------------------------------------------


def add_record(actor, record) -> None:
    """Store an absence, mandate, training or progression record (already validated by
    its form), audited."""
    _require(actor)
    ends = getattr(record, "end_date", None)
    if ends is not None and ends < record.start_date:
        raise ComplianceError(_("The end date is before the start date."))
    if isinstance(record, Absence):
        record.created_by_id = getattr(actor, "id", None)
    db.session.add(record)
    db.session.flush()
    audit.record(actor, "create", record.__tablename__[:-1], record.id, after=record.snapshot())


def update_absence_end(actor, absence: Absence, end: date | None) -> None:
    _require(actor)
    if end is not None and end < absence.start_date:
        raise ComplianceError(_("The end date is before the start date."))
    before = absence.snapshot()
    absence.end_date = end
    db.session.flush()
    audit.record(actor, "update", "absence", absence.id, before=before, after=absence.snapshot())


def delete_record(actor, record) -> None:
    """Remove a record entered by mistake; the audit event keeps what it held."""
    _require(actor)
    before = record.snapshot()
    db.session.delete(record)
    db.session.flush()
    audit.record(actor, "delete", record.__tablename__[:-1], record.id, before=before)


def set_dates(actor, employee: Employee, info_given_on, visit_on) -> bool:
    """The day the hire information was given (L6315-1 I) and the day of the
    mid-career occupational-health visit — its date only, never its content."""
    _require(actor)
    today = date.today()
    if (info_given_on and info_given_on > today) or (visit_on and visit_on > today):
        raise ComplianceError(_("These dates cannot be in the future."))
    before = {
        "career_info_given_on": employee.career_info_given_on,
        "mid_career_visit_on": employee.mid_career_visit_on,
    }
    after = {"career_info_given_on": info_given_on, "mid_career_visit_on": visit_on}
    if before == after:
        return False
    employee.career_info_given_on, employee.mid_career_visit_on = info_given_on, visit_on
    db.session.flush()
    audit.record(actor, "update", "employee", employee.id, before=before, after=after)
    return True


def record_from_training_request(actor, request) -> TrainingRecord:
    """A done training request becomes a training record (once)."""
    _require(actor)
    existing = db.session.scalar(
        sa.select(TrainingRecord).where(TrainingRecord.training_request_id == request.id)
    )
    if existing is not None:
        return existing
    record = TrainingRecord(
        employee_id=request.employee_id,
        title=request.subject[:300],
        start_date=request.done_on or date.today(),
        end_date=request.done_on,
        mandatory=request.mandatory,
        training_request_id=request.id,
    )
    add_record(actor, record)
    return record


# --- interviews for obligations -------------------------------------------------------------

# Shipped grids made for a kind (their codes start so: "career-mid-fr", …).
GRID_PREFIX = {"career_mid": "career-mid-", "career_pre60": "career-pre60-"}
SPECIAL_PREFIXES = tuple(GRID_PREFIX.values())


def grid_versions() -> dict[str, GridVersion]:
    """kind → the latest published version of the grid to use, in one query: the
    mid-career and before-60 career grids for those kinds, the plain career grid for
    the other career kinds, the type's first active grid otherwise."""
    rows = db.session.execute(
        sa.select(InterviewType.code, Grid.code, GridVersion)
        .join(Grid, Grid.id == GridVersion.grid_id)
        .join(InterviewType, InterviewType.id == Grid.interview_type_id)
        .where(
            InterviewType.code.in_(set(TYPE_OF_KIND.values())),
            Grid.archived_at.is_(None),
            GridVersion.status == VersionStatus.PUBLISHED,
        )
        .order_by(Grid.id, GridVersion.number.desc())
    ).all()
    chosen: dict[str, GridVersion] = {}
    for kind, type_code in TYPE_OF_KIND.items():
        of_type = [(code or "", v) for t, code, v in rows if t == type_code]
        prefix = GRID_PREFIX.get(kind)
        if prefix:
            preferred = [v for code, v in of_type if code.startswith(prefix)]
        else:
            preferred = [v for code, v in of_type if not code.startswith(SPECIAL_PREFIXES)]
        pick = (preferred or [v for _c, v in of_type] or [None])[0]
        if pick is not None:
            chosen[kind] = pick
    return chosen


@dataclass
class CreateResult:
    created: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _creatable(ob: Obligation | None, employee: Employee | None) -> str | None:
    if ob is None or employee is None:
        return _("This obligation is no longer open.")
    if ob.kind == "hire_information":
        return _("The information at hire is recorded on the employee's page, not held.")
    if not ob.is_open:
        return _("This obligation is no longer open.")
    if ob.open_interview is not None:
        return _("%(name)s already has an interview in progress for this.", name=employee)
    return None


def create_interviews(actor, obligations: list[Obligation]) -> CreateResult:
    """One interview per open obligation, with the right grid, the manager as
    interviewer and the obligation's due date; refused ones are listed, not fatal."""
    result = CreateResult()
    versions = grid_versions()
    employees = {
        e.id: e
        for e in db.session.scalars(
            sa.select(Employee).where(Employee.id.in_({o.employee_id for o in obligations}))
        )
    }
    done: set[tuple[int, str]] = set()
    for ob in obligations:
        employee = employees.get(ob.employee_id)
        problem = _creatable(ob, employee)
        type_code = TYPE_OF_KIND.get(ob.kind)
        if problem is None and not can(actor, "interview.create_for", employee):
            problem = _("You may not create interviews for %(name)s.", name=employee)
        if problem is None and (ob.employee_id, type_code) in done:
            problem = _("%(name)s already has an interview in progress for this.", name=employee)
        if problem is None and ob.kind not in versions:
            problem = _("No published grid for this kind of interview: publish one first.")
        if problem is not None:
            result.problems.append(problem)
            continue
        version = versions[ob.kind]
        try:
            interview = interview_services.create_interview(
                actor,
                employee,
                version.grid.interview_type,
                version,
                due_date=ob.due_date,
                offered_on=date.today() if ob.kind == "career_return" else None,
            )
        except interview_services.InterviewError as error:
            result.problems.append(f"{employee}: {error}")
            continue
        done.add((ob.employee_id, type_code))
        result.created.append(interview.id)
    return result


def running_campaigns() -> list[Campaign]:
    return db.session.scalars(
        sa.select(Campaign)
        .where(Campaign.status == CampaignStatus.LAUNCHED)
        .order_by(Campaign.opens_on.desc(), Campaign.id.desc())
    ).all()


def add_to_campaign(actor, campaign: Campaign, obligations: list[Obligation]) -> CreateResult:
    """Add the people of these obligations to a running campaign of the right type."""
    if actor is not None and not can(actor, "campaigns.manage"):
        raise PermissionError("campaigns.manage")
    result = CreateResult()
    type_code = campaign.interview_type.code
    seen: set[int] = set()
    for ob in obligations:
        employee = db.session.get(Employee, ob.employee_id)
        problem = _creatable(ob, employee)
        if problem is None and TYPE_OF_KIND.get(ob.kind) != type_code:
            problem = _("%(name)s: this campaign is for another kind of interview.", name=employee)
        if problem is None and ob.employee_id in seen:
            continue
        if problem is not None:
            result.problems.append(problem)
            continue
        try:
            interview = campaign_services.add_person(actor, campaign, employee)
        except campaign_services.CampaignError as error:
            result.problems.append(str(error))
            continue
        seen.add(ob.employee_id)
        result.created.append(interview.id)
    return result
