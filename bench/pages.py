"""The pages `make bench` loads, as data: a name, the demo role that opens it, and its
path in a given database (some pages need the id of a fitting record). The query-count
tests (tests/test_page_queries.py) run the same list.

Pages of features still being built answer 404 until their route exists: the bench
reports them as missing rather than failing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from hr.demo.seed import DEMO_ACCOUNTS, DEMO_PASSWORD  # noqa: F401  (bench and tests log in with them)

SEARCH = "mar"  # matches hundreds of people at benchmark size: the paging path


@dataclass(frozen=True)
class Page:
    name: str
    role: str  # a key of DEMO_ACCOUNTS: the demo login that opens the page
    path: Callable[[], str | None]  # called inside an app context on the database


def _campaign_progress() -> str | None:
    """The running campaign with the most interviews."""
    from hr.campaigns.models import Campaign, CampaignStatus
    from hr.db import db
    from hr.interviews.models import Interview

    campaign_id = db.session.scalar(
        sa.select(Campaign.id)
        .join(Interview, Interview.campaign_id == Campaign.id)
        .where(Campaign.status == CampaignStatus.LAUNCHED)
        .group_by(Campaign.id)
        .order_by(sa.func.count(Interview.id).desc(), Campaign.id.desc())
        .limit(1)
    )
    return f"/campaigns/{campaign_id}/progress" if campaign_id else None


def _interview_form() -> str | None:
    """The demo manager's annual interview of this year with the most answers."""
    from hr.auth.models import User
    from hr.db import db
    from hr.grids.models import InterviewType
    from hr.interviews.models import Answer, Interview

    manager = db.session.scalar(
        sa.select(User.employee_id).where(User.email == DEMO_ACCOUNTS["manager"])
    )
    interview_id = db.session.scalar(
        sa.select(Interview.id)
        .join(InterviewType, InterviewType.id == Interview.interview_type_id)
        .outerjoin(Answer, Answer.interview_id == Interview.id)
        .where(Interview.interviewer_id == manager, InterviewType.code == "annual")
        .group_by(Interview.id)
        .order_by(
            Interview.campaign_id.desc(), sa.func.count(Answer.id).desc(), Interview.id.desc()
        )
        .limit(1)
    )
    return f"/interviews/{interview_id}/conduct" if interview_id else None


PAGES: list[Page] = [
    Page("employee_dashboard", "employee", lambda: "/"),
    Page("manager_dashboard", "manager", lambda: "/"),
    Page("campaign_progress", "hr", _campaign_progress),
    Page("people_search", "hr", lambda: f"/people?q={SEARCH}"),
    Page("interview_form", "manager", _interview_form),
    Page("calendar_month", "manager", lambda: f"/calendar/month/{date.today():%Y-%m}"),
    Page("calendar_year", "manager", lambda: f"/calendar/year/{date.today():%Y}"),
    Page("compliance", "hr", lambda: "/compliance/"),
    Page("decisions", "hr", lambda: "/decisions/"),
]
