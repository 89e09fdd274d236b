"""Fixtures for the compliance screens: the shipped grids (published, with the
mid-career, before-60 and review grids) and signed career interviews in the past."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from hr.extensions import db
from hr.grids.shipped import load_shipped
from hr.interviews.models import Interview, Status
from hr.interviews.services import published_version_for
from tests.grids.helpers import interview_type


@pytest.fixture
def grids(company):
    load_shipped("fr")
    db.session.commit()


def signed(employee, type_code: str, on: date, status=Status.SIGNED, copy=True) -> Interview:
    """An interview held on `on` whose report exists (written as history, not through
    the services, which refuse past dates)."""
    kind = interview_type(type_code)
    when = datetime(on.year, on.month, on.day, 9, tzinfo=UTC)
    interview = Interview(
        interview_type_id=kind.id,
        employee_id=employee.id,
        interviewer_id=employee.manager_id,
        grid_version_id=published_version_for(kind).id,
        status=status,
        held_at=when,
        scheduled_start=when,
        locked_at=when if status in (Status.SIGNED, Status.CLOSED) else None,
        copy_available_on=on if copy else None,
    )
    db.session.add(interview)
    db.session.commit()
    return interview
