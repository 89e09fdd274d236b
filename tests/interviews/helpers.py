"""Interviews built through the services, for tests."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hr.extensions import db
from hr.grids import services as grid_services
from hr.interviews import services
from tests.grids.helpers import interview_type, make_grid, rating, text

START = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
END = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


def published_grid(hr, type_code="annual", sections=None):
    grid = make_grid(
        hr,
        type_code,
        sections=sections
        or [
            (
                "Bilan",
                False,
                [
                    text("Réalisations", required=True),
                    text("Souhaits", answered_by="employee"),
                    rating("Qualité", answered_by="manager"),
                ],
            ),
        ],
    )
    grid_services.publish(hr, grid.versions[0])
    db.session.flush()
    return grid.versions[0]


def new_interview(company, type_code="annual", version=None, due=date(2026, 12, 31)):
    hr = company.users["hr"]
    version = version or published_grid(hr, type_code)
    interview = services.create_interview(
        hr, company.employees["employee"], interview_type(type_code), version, due_date=due
    )
    db.session.commit()
    return interview


def question(interview, label):
    for section in interview.grid_version.sections:
        for q in section.questions:
            if q.label == label:
                return q
    raise KeyError(label)
