"""Loading interviews for their pages: one place for the 404 rule and confidential reads."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort
from flask_login import current_user
from sqlalchemy.orm import joinedload, selectinload

from hr import audit
from hr.db import db
from hr.grids.models import GridSection, GridVersion
from hr.interviews.models import Interview
from hr.security import can


def interview_or_404(interview_id: int, *, read: str | None = None) -> Interview:
    """The interview if the current user may view it, else 404 (same as missing).
    Reading a confidential (corrective) interview is recorded in the audit log."""
    interview = db.session.scalar(
        sa.select(Interview)
        .where(Interview.id == interview_id)
        .options(
            joinedload(Interview.interview_type),
            joinedload(Interview.employee),
            joinedload(Interview.interviewer),
            joinedload(Interview.second_participant),
            selectinload(Interview.answers),
            selectinload(Interview.signatures),
            selectinload(Interview.addenda),
            joinedload(Interview.grid_version)
            .selectinload(GridVersion.sections)
            .selectinload(GridSection.questions),
        )
    )
    if interview is None or not can(current_user, "interview.view", interview):
        abort(404)
    if read and interview.confidential:
        audit.record(current_user, "read", "interview", interview.id, after={"page": read})
        db.session.commit()
    return interview


def visible_interviews(user) -> sa.ColumnElement[bool]:
    """WHERE clause: the interviews `user` may see (corrective ones only as a party)."""
    from hr.grids.models import InterviewType
    from hr.people import org

    if user.is_hr:
        return sa.true()
    me = user.employee_id
    if me is None:
        return sa.false()
    parties = sa.or_(
        Interview.employee_id == me,
        Interview.interviewer_id == me,
        Interview.second_participant_id == me,
    )
    team = sa.and_(
        Interview.employee_id.in_(org.reports_below(me)),
        Interview.interview_type_id.in_(
            sa.select(InterviewType.id).where(InterviewType.code != "corrective")
        ),
    )
    return sa.or_(parties, team)
