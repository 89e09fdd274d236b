"""Weighted scores of scored sections."""

from __future__ import annotations

from hr.grids.scoring import overall_score, section_scores
from tests.grids.helpers import make_grid, rating, text


def test_weighted_section_and_overall_scores(db, company):
    grid = make_grid(
        company.users["hr"],
        sections=[
            ("Résultats", True, [rating("Qualité", 75), rating("Délais", 25)]),
            ("Compétences", True, [rating("Technique", 100)]),
            ("Commentaires", False, [text("Libre")]),
        ],
    )
    version = grid.versions[0]
    (q1, q2), (q3,) = version.sections[0].questions, version.sections[1].questions
    # 4 = top of a 1–4 scale (100), 1 = bottom (0), 3 = 66.7
    scores = section_scores(version, {q1.id: 4, q2.id: 1, q3.id: 3})
    assert scores == {version.sections[0].id: 75.0, version.sections[1].id: 66.7}
    assert overall_score(version, {q1.id: 4, q2.id: 1, q3.id: 3}) == 70.8


def test_unanswered_and_not_assessed_do_not_lower_the_score(db, company):
    grid = make_grid(
        company.users["hr"],
        sections=[
            ("Résultats", True, [rating("Qualité", 50), rating("Délais", 50)]),
        ],
    )
    version = grid.versions[0]
    q1, q2 = version.sections[0].questions
    assert section_scores(version, {q1.id: 4, q2.id: None}) == {version.sections[0].id: 100.0}
    assert overall_score(version, {}) is None
