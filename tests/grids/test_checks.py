"""Publish checks: weights, structure, the career-interview rule, wording warnings."""

from __future__ import annotations

import pytest

from hr.grids import services
from hr.grids.checks import publish_problems
from tests.grids.helpers import make_grid, rating, text


@pytest.fixture
def hr_user(company):
    return company.users["hr"]


def _messages(version, blocking):
    return [p.message for p in publish_problems(version) if p.blocking is blocking]


def test_scored_section_weights_must_total_100(db, hr_user):
    grid = make_grid(
        hr_user, sections=[("Résultats", True, [rating("Qualité", 50), rating("Délais", 30)])]
    )
    version = grid.versions[0]
    blocking = _messages(version, True)
    assert any("total 80" in m for m in blocking)
    with pytest.raises(services.GridError):
        services.publish(hr_user, version)
    services.update_question(hr_user, version.sections[0].questions[1], rating("Délais", 50))
    assert _messages(version, True) == []
    services.publish(hr_user, version)


def test_empty_grid_and_bad_choices_block(db, hr_user):
    empty = make_grid(hr_user, sections=[])
    assert any("no question" in m for m in _messages(empty.versions[0], True))
    grid = make_grid(
        hr_user,
        sections=[
            (
                "A",
                False,
                [
                    {"kind": "single_choice", "label": "Choix", "options": {"choices": ["seul"]}},
                    {"kind": "skills_matrix", "label": "Compétences", "options": {}},
                ],
            )
        ],
    )
    blocking = _messages(grid.versions[0], True)
    assert any("two choices" in m for m in blocking)
    assert any("choose the skills" in m for m in blocking)
    assert any("rating scale" in m for m in blocking)


def test_career_grid_may_not_evaluate_the_work(db, hr_user):
    grid = make_grid(
        hr_user,
        "career",
        sections=[
            ("Bilan", True, [rating("Qualité du travail", 100)]),
            ("Objectifs", False, [text("Revue des objectifs", kind="objectives_review")]),
            ("Souhaits", False, [text("Quelle performance visez-vous ?")]),
        ],
    )
    version = grid.versions[0]
    blocking = _messages(version, True)
    assert any("L6315-1" in m and "Qualité du travail" in m for m in blocking)
    assert any("Revue des objectifs" in m for m in blocking)
    assert any("scored" in m for m in blocking)
    assert any("performance" in m.lower() for m in _messages(version, False))
    with pytest.raises(services.GridError):
        services.publish(hr_user, version)


def test_the_same_rating_is_fine_in_an_annual_grid(db, hr_user):
    grid = make_grid(
        hr_user, "annual", sections=[("Bilan", True, [rating("Qualité du travail", 100)])]
    )
    assert _messages(grid.versions[0], True) == []


@pytest.mark.parametrize(
    "label, word",
    [
        ("Faites-vous preuve d'optimisme ?", "optimism"),
        ("Honnêteté dans les relations", "honnetete"),
        ("Bon sens", "bon sens"),
        ("Attitude face aux clients", "attitude"),
        ("Loyauté envers l'entreprise", "loyaute"),
        ("Sa personnalité", "personnalite"),
    ],
)
def test_personality_wording_is_a_warning_with_the_reason(db, hr_user, label, word):
    grid = make_grid(hr_user, sections=[("A", False, [text(label)])])
    warnings = _messages(grid.versions[0], False)
    assert any(word in m and "Cass. soc." in m for m in warnings), warnings
    assert _messages(grid.versions[0], True) == []  # warnings never block


@pytest.mark.parametrize(
    "label",
    [
        "Comment va votre santé ?",
        "Avez-vous un projet de grossesse ?",
        "Combien d'enfants avez-vous ?",
        "Êtes-vous syndiqué ou membre d'un syndicat ?",
        "Votre religion vous impose-t-elle des congés ?",
        "Quelles sont vos opinions politiques ?",
    ],
)
def test_questions_inviting_sensitive_information_are_flagged(db, hr_user, label):
    grid = make_grid(hr_user, sections=[("A", False, [text(label)])])
    assert any("must not be collected" in m for m in _messages(grid.versions[0], False))


@pytest.mark.parametrize(
    "label",
    [
        "Travaillez-vous conjointement avec le service achats ?",
        "Protection des données à caractère personnel",
        "Retour d'un congé de maternité : qu'est-ce qui a changé ?",
        "Consignes de santé et sécurité au poste",
        "How do you strike a balance between projects?",
        "Quelles formations souhaitez-vous suivre ?",
        "Politique de formation de l'entreprise",
        "Famille de métiers visée",
        "Équilibre entre activité professionnelle et vie personnelle",
    ],
)
def test_ordinary_wording_raises_no_warning(db, hr_user, label):
    grid = make_grid(hr_user, sections=[("A", False, [text(label)])])
    assert publish_problems(grid.versions[0]) == []


def test_a_long_grid_gets_a_length_warning(db, hr_user):
    grid = make_grid(hr_user, sections=[("A", False, [text(f"Question {i}") for i in range(25)])])
    assert any("minutes" in m for m in _messages(grid.versions[0], False))


def test_section_intros_are_read_too(db, company):
    grid = make_grid(company.users["hr"], sections=[("Vie privée", False, [text("Libre")])])
    section = grid.versions[0].sections[0]
    section.intro = "Parlez-nous de vos enfants."
    assert any("enfants" in p.message for p in publish_problems(grid.versions[0]))
