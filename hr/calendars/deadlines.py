"""Campaign deadlines as calendar items (see `hr.calendars.events` for the scopes).

A launched campaign has up to three deadlines — preparation, interview, signature —
each one all-day item. Campaigns have no "updated at": their SEQUENCE and LAST-MODIFIED
come from their audit trail, which is append-only, so both only ever grow.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import joinedload

from hr.audit.models import AuditEvent
from hr.calendars.interview_items import as_utc
from hr.calendars.items import CalendarItem
from hr.campaigns.models import Campaign, CampaignStatus
from hr.db import db
from hr.interviews.models import Interview

CAMPAIGN_DEADLINES = ("preparation", "interview", "signature")
# Campaign audit actions that may change its deadlines.
_CHANGES = ("create", "update", "launch")


@dataclass(frozen=True)
class CampaignRow:
    campaign: Campaign
    changes: int  # audit events that may have changed its deadlines
    last_change: datetime | None


def campaigns_between(
    start: date, end: date, interviews=None, interview_type_id: int | None = None
) -> list[CampaignRow]:
    """Launched campaigns with a deadline from `start` to `end`; with `interviews` (a
    WHERE clause on Interview), only those holding at least one such interview. One
    query, their change counts included (correlated subqueries on the audit index)."""
    in_window = sa.or_(
        *(
            sa.and_(column >= start, column <= end)
            for column in (
                Campaign.preparation_deadline,
                Campaign.interview_deadline,
                Campaign.signature_deadline,
            )
        )
    )
    changes = sa.and_(
        AuditEvent.entity_type == "campaign",
        AuditEvent.entity_id == sa.cast(Campaign.id, sa.String),
        AuditEvent.action.in_(_CHANGES),
    )
    query = sa.select(
        Campaign,
        sa.select(sa.func.count()).where(changes).scalar_subquery(),
        sa.select(sa.func.max(AuditEvent.occurred_at)).where(changes).scalar_subquery(),
    ).where(Campaign.status == CampaignStatus.LAUNCHED, in_window)
    if interview_type_id:
        query = query.where(Campaign.interview_type_id == interview_type_id)
    if interviews is not None:
        query = query.where(sa.exists().where(Interview.campaign_id == Campaign.id, interviews))
    rows = db.session.execute(query.options(joinedload(Campaign.interview_type)))
    return [CampaignRow(campaign, count or 0, last) for campaign, count, last in rows]


def deadline_dates(campaign: Campaign, start: date, end: date):
    """(kind, day) of the campaign's deadlines inside the window."""
    for kind in CAMPAIGN_DEADLINES:
        day = getattr(campaign, f"{kind}_deadline")
        if day is not None and start <= day <= end:
            yield kind, day


def _title(kind: str, campaign: Campaign) -> str:
    if kind == "preparation":
        return _("Preparation deadline: %(campaign)s", campaign=campaign.name)
    if kind == "interview":
        return _("Interview deadline: %(campaign)s", campaign=campaign.name)
    return _("Signature deadline: %(campaign)s", campaign=campaign.name)


def campaign_items(rows: list[CampaignRow], start: date, end: date) -> list[CalendarItem]:
    """One all-day `CalendarItem` per deadline inside the window."""
    items = []
    for row in rows:
        campaign, count = row.campaign, row.changes
        last = as_utc(row.last_change or campaign.launched_at or campaign.created_at)
        for kind, day in deadline_dates(campaign, start, end):
            items.append(
                CalendarItem(
                    uid=f"deadline-campaign-{kind}-{campaign.id}",
                    kind="deadline",
                    title=_title(kind, campaign),
                    start=None,
                    end=None,
                    day=day,
                    location=None,
                    video_link=None,
                    interview_id=None,
                    employee_name=None,
                    interviewer_name=None,
                    interview_type=campaign.interview_type.label,
                    status=None,
                    sequence=count,
                    last_modified=last,
                    deadline_kind=f"campaign-{kind}",
                    campaign_id=campaign.id,
                )
            )
    return items
