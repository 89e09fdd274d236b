"""Campaign state changes: each checks permission, refuses what the life cycle forbids
with a message for HR, and writes its audit events in the same transaction.

draft (editable) → launched (interviews created; people added or removed; interviews
not started moved to a newer grid version) → closed (with a reason when forced).
Launching and moving versions touch thousands of rows: they run as bulk statements,
a fixed number of them whatever the population's size.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy.orm import contains_eager

from hr import audit
from hr.audit.services import record_many
from hr.campaigns.models import Campaign, CampaignStatus
from hr.campaigns.population import Criteria, interview_rows
from hr.db import db, utcnow
from hr.grids.models import Grid, GridVersion, InterviewType, VersionStatus
from hr.interviews import services as interview_services
from hr.interviews.models import ENDED, NOT_STARTED, Answer, Interview, Status
from hr.people.models import Employee
from hr.security import can

STATUS_LABELS = {
    CampaignStatus.DRAFT: _l("Draft"),
    CampaignStatus.LAUNCHED: _l("Running"),
    CampaignStatus.CLOSED: _l("Closed"),
}


class CampaignError(ValueError):
    """A refused campaign change, with a message for the user."""


def _require(actor) -> None:
    if actor is not None and not can(actor, "campaigns.manage"):
        raise PermissionError("campaigns.manage")


def _running(campaign: Campaign) -> None:
    if campaign.status != CampaignStatus.LAUNCHED:
        raise CampaignError(_("This is only possible while the campaign is running."))


# --- choices ---------------------------------------------------------------------------


def published_versions(interview_type_id: int | None = None) -> list[GridVersion]:
    """Published versions of active grids (of one interview type), newest first."""
    query = (
        sa.select(GridVersion)
        .join(Grid)
        .where(GridVersion.status == VersionStatus.PUBLISHED, Grid.archived_at.is_(None))
        .options(contains_eager(GridVersion.grid))
        .order_by(Grid.name, GridVersion.number.desc())
    )
    if interview_type_id is not None:
        query = query.where(Grid.interview_type_id == interview_type_id)
    return list(db.session.scalars(query))


def newer_versions(campaign: Campaign) -> list[GridVersion]:
    """Published versions of the campaign's grid newer than the one it uses."""
    current = campaign.grid_version
    return list(
        db.session.scalars(
            sa.select(GridVersion)
            .where(
                GridVersion.grid_id == current.grid_id,
                GridVersion.number > current.number,
                GridVersion.status == VersionStatus.PUBLISHED,
            )
            .order_by(GridVersion.number.desc())
        )
    )


# --- draft -----------------------------------------------------------------------------


@dataclass
class CampaignValues:
    """What HR sets on a campaign (create, or edit while it is a draft)."""

    name: str
    interview_type: InterviewType
    grid_version: GridVersion
    criteria: Criteria
    opens_on: date
    interview_deadline: date
    preparation_deadline: date | None = None
    signature_deadline: date | None = None
    instructions_managers: str | None = None
    instructions_employees: str | None = None


def date_order_problems(
    opens_on: date, preparation: date | None, interview: date, signature: date | None
) -> dict[str, str]:
    """Field → message for the dates out of order: opening ≤ preparation deadline ≤
    interview deadline ≤ signature deadline, the interview deadline after the opening."""
    problems = {}
    if interview <= opens_on:
        problems["interview_deadline"] = _("The interview deadline must come after the opening.")
    if preparation is not None and not opens_on <= preparation <= interview:
        problems["preparation_deadline"] = _(
            "The preparation deadline must fall between the opening and the interview deadline."
        )
    if signature is not None and signature < interview:
        problems["signature_deadline"] = _(
            "The signature deadline cannot come before the interview deadline."
        )
    return problems


def _check_values(values: CampaignValues) -> None:
    if not (values.name or "").strip():
        raise CampaignError(_("Give the campaign a name."))
    version = values.grid_version
    if version.status != VersionStatus.PUBLISHED:
        raise CampaignError(_("Choose a published grid version."))
    if version.grid.interview_type_id != values.interview_type.id:
        raise CampaignError(_("This grid is for another kind of interview."))
    problems = date_order_problems(
        values.opens_on,
        values.preparation_deadline,
        values.interview_deadline,
        values.signature_deadline,
    )
    if problems:
        raise CampaignError(next(iter(problems.values())))


def _apply(campaign: Campaign, values: CampaignValues) -> None:
    campaign.name = values.name.strip()
    campaign.interview_type_id = values.interview_type.id
    campaign.grid_version_id = values.grid_version.id
    campaign.population = values.criteria.to_json()
    campaign.opens_on = values.opens_on
    campaign.preparation_deadline = values.preparation_deadline
    campaign.interview_deadline = values.interview_deadline
    campaign.signature_deadline = values.signature_deadline
    campaign.instructions_managers = (values.instructions_managers or "").strip() or None
    campaign.instructions_employees = (values.instructions_employees or "").strip() or None


def create_campaign(actor, values: CampaignValues) -> Campaign:
    _require(actor)
    _check_values(values)
    campaign = Campaign(status=CampaignStatus.DRAFT, created_by_id=getattr(actor, "id", None))
    _apply(campaign, values)
    db.session.add(campaign)
    db.session.flush()
    audit.record(actor, "create", "campaign", campaign.id, after=campaign.snapshot())
    return campaign


def update_campaign(actor, campaign: Campaign, values: CampaignValues) -> None:
    _require(actor)
    if campaign.status != CampaignStatus.DRAFT:
        raise CampaignError(_("A launched campaign can no longer be edited."))
    _check_values(values)
    before = campaign.snapshot()
    _apply(campaign, values)
    db.session.flush()
    db.session.expire(campaign, ["grid_version", "interview_type"])
    audit.record(actor, "update", "campaign", campaign.id, before=before, after=campaign.snapshot())


# --- launch ----------------------------------------------------------------------------


def _interview_row(campaign: Campaign, actor, employee_id: int, interviewer_id, now) -> dict:
    return {
        "interview_type_id": campaign.interview_type_id,
        "employee_id": employee_id,
        "interviewer_id": interviewer_id,
        "grid_version_id": campaign.grid_version_id,
        "campaign_id": campaign.id,
        "status": Status.TO_SCHEDULE,
        "due_date": campaign.interview_deadline,
        "offered_on": campaign.opens_on,
        "sequence": 0,
        "created_by_id": getattr(actor, "id", None),
        "created_at": now,
        "updated_at": now,
    }


def _created_events(campaign: Campaign, created, type_code: str, reason):
    """A "create" event per interview (`created`: (interview id, row) pairs)."""
    for interview_id, row in created:
        after = {
            "status": Status.TO_SCHEDULE.value,
            "employee_id": row["employee_id"],
            "interviewer_id": row["interviewer_id"],
            "due_date": row["due_date"],
            "offered_on": row["offered_on"],
            "grid_version_id": row["grid_version_id"],
            "campaign_id": campaign.id,
            "interview_type": type_code,
        }
        yield "create", "interview", interview_id, None, after, reason


def _insert_interviews(actor, campaign: Campaign, people, reason, launching: bool) -> list[int]:
    """One bulk INSERT for `people` [(employee id, interviewer id)], then one SELECT for
    their ids (cheaper than RETURNING thousands of rows), then their events. Launching,
    the campaign has no other interview; otherwise each person has no other one that is
    not cancelled (checked by the caller)."""
    now = utcnow()
    rows = [_interview_row(campaign, actor, emp, mgr, now) for emp, mgr in people]
    if not rows:
        return []
    # render_nulls: rows without an interviewer stay in the same executemany batch.
    db.session.execute(sa.insert(Interview).execution_options(render_nulls=True), rows)
    query = sa.select(Interview.employee_id, Interview.id).where(
        Interview.campaign_id == campaign.id, Interview.status != Status.CANCELLED
    )
    if not launching:
        query = query.where(Interview.employee_id.in_([row["employee_id"] for row in rows]))
    ids = dict(db.session.execute(query).all())
    record_many(
        actor,
        _created_events(
            campaign,
            ((ids[row["employee_id"]], row) for row in rows),
            campaign.interview_type.code,
            reason,
        ),
    )
    return [ids[row["employee_id"]] for row in rows]


@dataclass
class LaunchResult:
    interviews: int
    without_interviewer: int


def launch(actor, campaign: Campaign) -> LaunchResult:
    """Create every interview of the population at once: interviewer = the manager,
    due on the interview deadline, offered on the opening date. People without a manager
    get an interview without an interviewer, for HR to assign."""
    _require(actor)
    if campaign.status != CampaignStatus.DRAFT:
        raise CampaignError(_("This campaign has already been launched."))
    version = campaign.grid_version
    if version.status != VersionStatus.PUBLISHED:
        raise CampaignError(_("The campaign's grid version is not published: publish it first."))
    if version.grid.interview_type_id != campaign.interview_type_id:
        raise CampaignError(_("This grid is for another kind of interview."))
    people = interview_rows(Criteria.from_json(campaign.population))
    if not people:
        raise CampaignError(_("Nobody matches the population criteria: nothing to launch."))
    before = campaign.snapshot()
    # Claims the draft atomically: of two simultaneous launches, only one goes through.
    claimed = db.session.execute(
        sa.update(Campaign)
        .where(Campaign.id == campaign.id, Campaign.status == CampaignStatus.DRAFT)
        .values(status=CampaignStatus.LAUNCHED, launched_at=utcnow())
        .execution_options(synchronize_session="evaluate")
    )
    if claimed.rowcount != 1:
        raise CampaignError(_("This campaign has already been launched."))
    _insert_interviews(actor, campaign, people, reason=None, launching=True)
    without = sum(1 for _emp, mgr in people if mgr is None)
    audit.record(
        actor,
        "launch",
        "campaign",
        campaign.id,
        before=before,
        after=campaign.snapshot() | {"interviews": len(people), "without_interviewer": without},
    )
    db.session.flush()
    return LaunchResult(interviews=len(people), without_interviewer=without)


# --- while running ---------------------------------------------------------------------


def add_person(actor, campaign: Campaign, employee: Employee) -> Interview:
    """One more interview in a running campaign, on its current grid version."""
    _require(actor)
    _running(campaign)
    if employee.left_on is not None:
        raise CampaignError(
            _("%(name)s has left the company: no interview.", name=employee.full_name)
        )
    already = db.session.scalar(
        sa.select(sa.func.count(Interview.id)).where(
            Interview.campaign_id == campaign.id,
            Interview.employee_id == employee.id,
            Interview.status != Status.CANCELLED,
        )
    )
    if already:
        raise CampaignError(
            _("%(name)s already has an interview in this campaign.", name=employee.full_name)
        )
    if campaign.grid_version.status != VersionStatus.PUBLISHED:
        raise CampaignError(_("The campaign's grid version is not published: publish it first."))
    manager = employee.manager
    interviewer_id = manager.id if manager is not None and manager.left_on is None else None
    (interview_id,) = _insert_interviews(
        actor,
        campaign,
        [(employee.id, interviewer_id)],
        reason=_("added to the campaign"),
        launching=False,
    )
    audit.record(
        actor,
        "add_person",
        "campaign",
        campaign.id,
        after={"employee_id": employee.id, "interview_id": interview_id},
    )
    return db.session.get(Interview, interview_id)


def remove_person(actor, campaign: Campaign, interview: Interview) -> None:
    """Cancel the person's interview (the trace stays), while it has not started."""
    _require(actor)
    _running(campaign)
    if interview.campaign_id != campaign.id:
        raise CampaignError(_("This interview is not part of this campaign."))
    if Status(interview.status) not in NOT_STARTED:
        raise CampaignError(
            _(
                "This interview has already been held (or ended): it can no longer be "
                "removed from the campaign."
            )
        )
    interview_services.cancel(actor, interview, _("Removed from the campaign"))
    audit.record(
        actor,
        "remove_person",
        "campaign",
        campaign.id,
        before={"employee_id": interview.employee_id, "interview_id": interview.id},
    )


def assign_interviewer(actor, campaign: Campaign, interview: Interview, interviewer: Employee):
    """Give an interviewer to an interview of the campaign that has not started."""
    _require(actor)
    _running(campaign)
    if interview.campaign_id != campaign.id:
        raise CampaignError(_("This interview is not part of this campaign."))
    if Status(interview.status) not in NOT_STARTED:
        raise CampaignError(_("The interviewer can only change before the interview starts."))
    if interviewer.left_on is not None:
        raise CampaignError(_("%(name)s has left the company.", name=interviewer.full_name))
    if interviewer.id == interview.employee_id:
        raise CampaignError(_("An employee cannot interview themselves."))
    before = interview.snapshot()
    previous = interview.interviewer
    interview.interviewer = interviewer
    interview.sequence += 1
    db.session.flush()
    audit.record(
        actor,
        "assign_interviewer",
        "interview",
        interview.id,
        before=before,
        after=interview.snapshot(),
    )
    if interview.scheduled_start is not None and previous is not interviewer:
        from hr.mail.invitations import Change, queue_interview_mails

        # The new interviewer is invited; the previous one gets the meeting cancelled.
        removed = [previous] if previous is not None else []
        queue_interview_mails(actor, interview, Change.RESCHEDULED, removed=removed)


@dataclass
class MoveResult:
    moved: int
    kept_with_answers: int


def move_to_version(actor, campaign: Campaign, version: GridVersion) -> MoveResult:
    """Move the interviews not started yet to a newer published version of the same
    grid, in one UPDATE. Interviews in which someone has already written answers stay
    on their version: their answers belong to its questions."""
    _require(actor)
    _running(campaign)
    current = campaign.grid_version
    if version.grid_id != current.grid_id:
        raise CampaignError(_("Choose a version of the campaign's own grid."))
    if version.status != VersionStatus.PUBLISHED:
        raise CampaignError(_("Choose a published version."))
    if version.number <= current.number:
        raise CampaignError(_("Choose a version newer than the one the campaign uses."))
    has_answers = sa.exists().where(Answer.interview_id == Interview.id)
    movable = sa.and_(
        Interview.campaign_id == campaign.id,
        Interview.status.in_(NOT_STARTED),
        Interview.grid_version_id != version.id,
    )
    kept = db.session.scalar(sa.select(sa.func.count(Interview.id)).where(movable, has_answers))
    result = db.session.execute(
        sa.update(Interview)
        .where(movable, ~has_answers)
        .values(grid_version_id=version.id, updated_at=utcnow())
        .returning(Interview.id)
        .execution_options(synchronize_session=False)
    )
    moved = sorted(row[0] for row in result)
    # The UPDATE bypassed the session: reload any interview object it holds.
    moved_ids = set(moved)
    for obj in list(db.session.identity_map.values()):
        if isinstance(obj, Interview) and obj.id in moved_ids:
            db.session.expire(obj)
    record_many(
        actor,
        (
            (
                "change_grid_version",
                "interview",
                interview_id,
                {"grid_version_id": current.id},
                {"grid_version_id": version.id},
                _("new grid version for the campaign"),
            )
            for interview_id in moved
        ),
    )
    before = campaign.snapshot()
    campaign.grid_version_id = version.id
    db.session.flush()
    db.session.expire(campaign, ["grid_version"])
    audit.record(
        actor,
        "change_grid_version",
        "campaign",
        campaign.id,
        before=before,
        after=campaign.snapshot() | {"moved": len(moved), "kept_with_answers": kept},
    )
    return MoveResult(moved=len(moved), kept_with_answers=kept)


def open_interviews(campaign: Campaign) -> int:
    """Interviews of the campaign not ended yet (neither locked, cancelled nor declined)."""
    return db.session.scalar(
        sa.select(sa.func.count(Interview.id)).where(
            Interview.campaign_id == campaign.id, Interview.status.not_in(ENDED)
        )
    )


def close(actor, campaign: Campaign, reason: str | None = None, force: bool = False) -> None:
    """Close the campaign. Refused while interviews are not ended, unless HR forces it
    with a reason; those interviews stay as they are."""
    _require(actor)
    _running(campaign)
    reason = (reason or "").strip() or None
    remaining = open_interviews(campaign)
    if remaining and not force:
        raise CampaignError(
            ngettext(
                "%(num)d interview is not finished yet: to close anyway, force it and give "
                "the reason.",
                "%(num)d interviews are not finished yet: to close anyway, force it and give "
                "the reason.",
                remaining,
            )
        )
    if remaining and not reason:
        raise CampaignError(_("Give the reason for closing while interviews are not finished."))
    before = campaign.snapshot()
    campaign.status = CampaignStatus.CLOSED
    campaign.closed_at = utcnow()
    campaign.close_reason = reason
    db.session.flush()
    audit.record(
        actor,
        "close",
        "campaign",
        campaign.id,
        before=before,
        after=campaign.snapshot() | {"open_interviews": remaining},
        reason=reason,
    )
