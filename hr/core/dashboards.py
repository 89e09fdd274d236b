"""What each person has to do, for the home page: a few bounded queries per role."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from hr.campaigns.models import Campaign, CampaignStatus
from hr.db import db
from hr.interviews.models import (
    ENDED,
    ActionStatus,
    FollowUpAction,
    Interview,
    Objective,
    ObjectiveStatus,
    Signature,
    SignatureRole,
    Status,
    TrainingRequest,
    TrainingStatus,
)
from hr.people import org

OPEN = [s for s in Status if s not in ENDED]


ORDER = (
    Interview.scheduled_start.is_(None),
    Interview.scheduled_start,
    Interview.due_date,
    Interview.id,
)


def _interviews(*where, limit=10):
    """One short list of interviews, in one query."""
    return db.session.scalars(
        sa.select(Interview)
        .where(*where)
        .options(
            joinedload(Interview.employee),
            joinedload(Interview.interview_type),
            joinedload(Interview.interviewer),
        )
        .order_by(*ORDER)
        .limit(limit)
    ).all()


def _lists(wheres: dict[str, tuple], limit: int = 10) -> dict[str, list[Interview]]:
    """Several short interview lists in two queries, however many lists: one UNION ALL
    of their first `limit` ids (each list in its own order), then the interviews with
    what the dashboards show of them."""
    parts = []
    for name, where in wheres.items():
        ranked = (
            sa.select(
                sa.cast(sa.literal(name), sa.String).label("list"),  # typed for PostgreSQL
                Interview.id.label("id"),
                sa.func.row_number().over(order_by=ORDER).label("position"),
            )
            .where(*where)
            .order_by(*ORDER)
            .limit(limit)
            .subquery()
        )
        parts.append(sa.select(ranked.c.list, ranked.c.id, ranked.c.position))
    rows = db.session.execute(sa.union_all(*parts)).all()
    loaded = {
        i.id: i
        for i in db.session.scalars(
            sa.select(Interview)
            .where(Interview.id.in_({row.id for row in rows}))
            .options(
                joinedload(Interview.employee),
                joinedload(Interview.interview_type),
                joinedload(Interview.interviewer),
            )
        )
    }
    lists: dict[str, list[Interview]] = {name: [] for name in wheres}
    for row in sorted(rows, key=lambda r: r.position):
        lists[row.list].append(loaded[row.id])
    return lists


def _unsigned_by(role: SignatureRole):
    return ~sa.exists().where(
        Signature.interview_id == Interview.id,
        Signature.role == role,
        Signature.addendum_id.is_(None),
    )


def employee_board(employee_id: int) -> dict:
    mine = Interview.employee_id == employee_id
    lists = _lists(
        {
            "next": (mine, Interview.status.in_(OPEN)),
            "to_sign": (
                mine,
                Interview.status == Status.AWAITING_SIGNATURE,
                ~_unsigned_by(SignatureRole.INTERVIEWER),
                _unsigned_by(SignatureRole.EMPLOYEE),
            ),
        }
    )
    return {
        **lists,
        "objectives": db.session.scalars(
            sa.select(Objective)
            .where(Objective.employee_id == employee_id, Objective.status == ObjectiveStatus.OPEN)
            .order_by(Objective.target_date.is_(None), Objective.target_date)
            .limit(10)
        ).all(),
    }


def manager_board(employee_id: int, today: date) -> dict:
    conducting = Interview.interviewer_id == employee_id
    team = Interview.employee_id.in_(org.reports_below(employee_id))
    week_start = datetime.combine(today, datetime.min.time(), tzinfo=UTC)
    week_end = week_start + timedelta(days=7)
    counts = dict(
        db.session.execute(
            sa.select(Interview.status, sa.func.count())
            .where(sa.or_(conducting, team))
            .group_by(Interview.status)
        ).all()
    )
    lists = _lists(
        {
            "to_schedule": (conducting, Interview.status == Status.TO_SCHEDULE),
            "this_week": (
                conducting,
                Interview.status.in_(OPEN),
                Interview.scheduled_start >= week_start,
                Interview.scheduled_start < week_end,
            ),
            "to_sign": (
                conducting,
                Interview.status == Status.AWAITING_SIGNATURE,
                _unsigned_by(SignatureRole.INTERVIEWER),
            ),
            "overdue": (
                sa.or_(conducting, team),
                Interview.status.in_(OPEN),
                Interview.due_date < today,
            ),
        }
    )
    return {"counts": {Status(k): v for k, v in counts.items()}, **lists}


def actions_owned(employee_id: int) -> list[FollowUpAction]:
    return db.session.scalars(
        sa.select(FollowUpAction)
        .where(FollowUpAction.owner_id == employee_id, FollowUpAction.status == ActionStatus.OPEN)
        .options(joinedload(FollowUpAction.interview).joinedload(Interview.employee))
        .order_by(FollowUpAction.due_date.is_(None), FollowUpAction.due_date)
        .limit(20)
    ).all()


def hr_board(today: date) -> dict:
    campaigns = db.session.scalars(
        sa.select(Campaign)
        .where(Campaign.status == CampaignStatus.LAUNCHED)
        .order_by(Campaign.interview_deadline)
    ).all()
    progress = {}
    if campaigns:
        rows = db.session.execute(
            sa.select(Interview.campaign_id, Interview.status, sa.func.count())
            .where(Interview.campaign_id.in_([c.id for c in campaigns]))
            .group_by(Interview.campaign_id, Interview.status)
        ).all()
        for campaign_id, status, n in rows:
            entry = progress.setdefault(campaign_id, {"total": 0, "done": 0})
            if Status(status) != Status.CANCELLED:
                entry["total"] += n
            if Status(status) in (Status.SIGNED, Status.CLOSED):
                entry["done"] += n
    overdue_where = (Interview.status.in_(OPEN), Interview.due_date < today)
    return {
        "campaigns": campaigns,
        "progress": progress,
        "overdue_count": db.session.scalar(
            sa.select(sa.func.count(Interview.id)).where(*overdue_where)
        ),
        "overdue": _interviews(*overdue_where),
        "signatures_pending": db.session.scalar(
            sa.select(sa.func.count(Interview.id)).where(
                Interview.status.in_([Status.AWAITING_SIGNATURE, Status.AWAITING_VALIDATION])
            )
        ),
        "trainings_to_process": db.session.scalar(
            sa.select(sa.func.count(TrainingRequest.id)).where(
                TrainingRequest.status == TrainingStatus.REQUESTED
            )
        ),
    }
