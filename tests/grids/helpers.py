"""Grids built quickly through the services, for tests."""

from __future__ import annotations

import sqlalchemy as sa

from hr.extensions import db
from hr.grids import services
from hr.grids.models import InterviewType, RatingScale

LEVELS = [
    {"value": i, "label": label}
    for i, label in enumerate(["Insuffisant", "À améliorer", "Satisfaisant", "Excellent"], start=1)
]


def interview_type(code: str) -> InterviewType:
    return db.session.scalar(sa.select(InterviewType).where(InterviewType.code == code))


def scale() -> RatingScale:
    found = db.session.scalar(sa.select(RatingScale).where(RatingScale.name == "Test 4"))
    if found is None:
        found = RatingScale(name="Test 4", levels=LEVELS, not_assessed=True)
        db.session.add(found)
        db.session.flush()
    return found


def rating(label: str, weight: int | None = None, answered_by: str = "both") -> dict:
    return {
        "kind": "rating",
        "label": label,
        "answered_by": answered_by,
        "weight": weight,
        "options": {"scale": scale().as_option() | {"id": scale().id}},
    }


def text(label: str, answered_by: str = "both", kind: str = "long_text", **extra) -> dict:
    return {"kind": kind, "label": label, "answered_by": answered_by, **extra}


def make_grid(actor, type_code: str = "annual", sections=None, name: str = "Grille test"):
    """sections: [(title, scored, [question dicts])]; returns the grid (draft v1)."""
    grid = services.create_grid(actor, interview_type(type_code), name)
    version = grid.versions[0]
    if sections is None:
        sections = [("Bilan", False, [text("Réalisations")])]
    for title, scored, questions in sections:
        section = services.add_section(actor, version, title, scored=scored)
        for q in questions:
            services.add_question(actor, section, q)
    db.session.flush()
    return grid
