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

DEMO_PASSWORD = "demo"
BENCH_EMPLOYEE = "bench.salarie@demo.parcours.test"
SEARCH = "mar"  # matches hundreds of people at benchmark size: the paging path


@dataclass(frozen=True)
class Page:
    name: str
    role: str  # a key of hr.demo.seed.DEMO_ACCOUNTS
    path: Callable[[], str | None]  # called inside an app context on the database


def account(role: str) -> str:
    """The e-mail to log in with as `role`: the demo account — except that from a few
    hundred people up the seed's demo employee is a team lead (reports to the demo
    manager, who is then a "pôle" head) and sees a manager's home page. The employee
    page is then measured as one of that team lead's own reports, given an account
    with the demo password (flushed; on bench working copies and test transactions)."""
    from hr.auth.models import User
    from hr.auth.passwords import hash_password
    from hr.db import db
    from hr.demo.seed import DEMO_ACCOUNTS
    from hr.people.models import Employee

    email = DEMO_ACCOUNTS[role]
    if role != "employee":
        return email
    me = db.session.scalar(sa.select(User.employee_id).where(User.email == email))
    if not db.session.scalar(sa.select(sa.exists().where(Employee.manager_id == me))):
        return email
    if db.session.scalar(sa.select(User.id).where(User.email == BENCH_EMPLOYEE)) is None:
        below = sa.orm.aliased(Employee)
        plain = db.session.scalar(
            sa.select(Employee.id)
            .where(
                Employee.manager_id == me,
                Employee.left_on.is_(None),
                ~sa.exists().where(below.manager_id == Employee.id),
            )
            .order_by(Employee.employee_number)
            .limit(1)
        )
        db.session.add(
            User(
                email=BENCH_EMPLOYEE, password_hash=hash_password(DEMO_PASSWORD), employee_id=plain
            )
        )
        db.session.flush()
    return BENCH_EMPLOYEE


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
    from hr.demo.seed import DEMO_ACCOUNTS
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
