"""Calendar test helpers: interviews built and scheduled through the services."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hr.extensions import db
from hr.interviews import services
from tests.grids.helpers import interview_type, text
from tests.interviews.helpers import published_grid

EN = {"Accept-Language": "en"}
HX = {"HX-Request": "true", "Accept-Language": "en"}


def version_for(hr, type_code: str = "annual"):
    """The published grid version of a type, made once."""
    sections = [("Bilan", False, [text("Réalisations")])]  # valid for every type
    return services.published_version_for(interview_type(type_code)) or published_grid(
        hr, type_code, sections=sections
    )


def make_interview(
    company,
    who: str = "employee",
    type_code: str = "annual",
    start: datetime | None = None,
    minutes: int = 60,
    due: date | None = date(2026, 12, 31),
    interviewer: str | None = None,
    campaign_id: int | None = None,
):
    """An interview for `company.employees[who]`, scheduled at `start` (UTC) if given."""
    hr = company.users["hr"]
    interview = services.create_interview(
        hr,
        company.employees[who],
        interview_type(type_code),
        version_for(hr, type_code),
        interviewer=company.employees[interviewer] if interviewer else None,
        due_date=due,
        campaign_id=campaign_id,
    )
    if start is not None:
        from datetime import timedelta

        services.schedule(hr, interview, start, start + timedelta(minutes=minutes), "Salle A")
    db.session.commit()
    return interview


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)
