"""The htmx editor: fragments, errors in place, no-JavaScript fallbacks, permissions."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from hr.grids import services
from hr.grids.models import GridQuestion
from tests.grids.helpers import make_grid, scale, text

HX = {"HX-Request": "true", "Accept-Language": "en"}


@pytest.fixture
def grid(db, company):
    grid = make_grid(company.users["hr"], sections=[("Bilan", False, [text("q1"), text("q2")])])
    db.session.commit()
    return grid


def _section(grid):
    return grid.versions[0].sections[0]


def test_adding_a_question_answers_the_section_fragment(client, login_as, grid, db):
    login_as("hr")
    section = _section(grid)
    response = client.post(
        f"/grids/sections/{section.id}/questions",
        headers=HX,
        data={
            "kind": "rating",
            "label": "Qualité du travail",
            "answered_by": "manager",
            "scale": scale().id,
            "required": "y",
        },
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<html" not in body and body.lstrip().startswith(
        f'<section class="card section" id="section-{section.id}"'
    )
    assert "Qualité du travail" in body
    question = db.session.scalar(
        sa.select(GridQuestion).where(GridQuestion.label == "Qualité du travail")
    )
    assert question.options["scale"]["levels"][0]["label"] == "Insuffisant"
    assert question.required and question.position == 3


def test_invalid_question_shows_errors_in_place_and_saves_nothing(client, login_as, grid, db):
    login_as("hr")
    section = _section(grid)
    count = db.session.scalar(sa.select(sa.func.count(GridQuestion.id)))
    response = client.post(
        f"/grids/sections/{section.id}/questions",
        headers=HX,
        data={
            "kind": "single_choice",
            "label": "Un seul choix",
            "answered_by": "both",
            "choices": "Oui",
        },
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200  # htmx swaps it: the error is shown in place
    assert "Give at least two choices, one per line." in body
    assert 'value="Un seul choix"' in body  # what was typed is kept
    assert db.session.scalar(sa.select(sa.func.count(GridQuestion.id))) == count


def test_edit_question_form_then_save(client, login_as, grid, db):
    login_as("hr")
    question = _section(grid).questions[0]
    form = client.get(f"/grids/questions/{question.id}/edit", headers=HX).get_data(as_text=True)
    assert form.lstrip().startswith(f'<li class="question editing" id="question-{question.id}"')
    assert 'value="q1"' in form
    saved = client.post(
        f"/grids/questions/{question.id}/edit",
        headers=HX,
        data={
            "kind": "short_text",
            "label": "Première question",
            "answered_by": "employee",
            "help_text": "Laissez le salarié parler d'abord.",
        },
    )
    assert "Première question" in saved.get_data(as_text=True)
    db.session.refresh(question)
    assert question.help_text == "Laissez le salarié parler d'abord."
    assert question.answered_by == "employee"


def test_without_javascript_every_action_redirects_back_to_the_page(client, login_as, grid, db):
    login_as("hr")
    section = _section(grid)
    q1, q2 = section.questions
    response = client.post(f"/grids/questions/{q2.id}/move", data={"d": "up"})
    assert response.status_code == 303
    assert response.location.endswith(f"/grids/{grid.id}/v/1#question-{q2.id}")
    db.session.expire_all()
    assert [q.label for q in _section(grid).questions] == ["q2", "q1"]
    page = client.get(response.location.split("#")[0]).get_data(as_text=True)
    assert page.index("q2") < page.index("q1")
    deleted = client.post(f"/grids/questions/{q1.id}/delete")
    assert deleted.status_code == 303
    assert db.session.get(GridQuestion, q1.id) is None


def test_drag_and_drop_order(client, login_as, grid, db):
    login_as("hr")
    section = _section(grid)
    q1, q2 = section.questions
    response = client.post(
        f"/grids/sections/{section.id}/order", headers=HX, data={"order": [str(q2.id), str(q1.id)]}
    )
    body = response.get_data(as_text=True)
    assert body.index(f'id="question-{q2.id}"') < body.index(f'id="question-{q1.id}"')
    bad = client.post(f"/grids/sections/{section.id}/order", headers=HX, data={"order": ["x"]})
    assert bad.status_code == 200 and "Invalid order." in bad.get_data(as_text=True)


def test_sections_add_edit_move_delete(client, login_as, grid, db):
    login_as("hr")
    added = client.post(
        f"/grids/{grid.id}/v/1/sections",
        headers=HX,
        data={"title": "Projets", "intro": "Vos envies"},
    )
    body = added.get_data(as_text=True)
    assert body.lstrip().startswith('<div id="sections">') and "Projets" in body
    new_id = int(re.findall(r'id="section-(\d+)"', body)[-1])
    client.post(f"/grids/sections/{new_id}/move", headers=HX, data={"d": "up"})
    db.session.expire_all()
    assert [s.title for s in grid.versions[0].sections] == ["Projets", "Bilan"]
    empty_title = client.post(f"/grids/sections/{new_id}/edit", headers=HX, data={"title": ""})
    assert "This field is required." in empty_title.get_data(as_text=True)
    client.post(f"/grids/sections/{new_id}/delete", headers=HX)
    db.session.expire_all()
    assert [s.title for s in grid.versions[0].sections] == ["Bilan"]


def test_a_published_version_refuses_edits_with_a_message(client, login_as, grid, db, company):
    services.publish(company.users["hr"], grid.versions[0])
    db.session.commit()
    login_as("hr")
    question = _section(grid).questions[0]
    response = client.post(f"/grids/questions/{question.id}/delete", headers=HX)
    assert "This version is published" in response.get_data(as_text=True)
    assert db.session.get(GridQuestion, question.id) is not None
    page = client.get(f"/grids/{grid.id}/v/1", headers={"Accept-Language": "en"})
    assert "Edit (starts a new draft)" in page.get_data(as_text=True)
    assert "Add a question" not in page.get_data(as_text=True)


def test_publish_page_lists_blocking_problems_and_refuses(client, login_as, db, company):
    grid = make_grid(
        company.users["hr"],
        "career",
        sections=[
            (
                "Bilan",
                False,
                [
                    {
                        "kind": "rating",
                        "label": "Note globale",
                        "options": {"scale": scale().as_option()},
                    }
                ],
            )
        ],
    )
    db.session.commit()
    login_as("hr")
    page = client.get(f"/grids/{grid.id}/v/1/publish", headers={"Accept-Language": "en"})
    assert re.search(r"\d+ problems? blocks? publishing", page.get_data(as_text=True))
    assert "Note globale" in page.get_data(as_text=True)
    refused = client.post(f"/grids/{grid.id}/v/1/publish", headers={"Accept-Language": "en"})
    assert refused.status_code == 200
    db.session.refresh(grid.versions[0])
    assert grid.versions[0].is_draft


def test_library_insertion_copies_the_question(client, login_as, grid, db, company):
    item = services.save_library_question(
        company.users["hr"],
        None,
        {
            "kind": "long_text",
            "label": "Quelles réussites cette année ?",
            "help_text": "Faire citer des exemples concrets.",
            "answered_by": "employee",
        },
        ["bilan"],
        ["annual"],
    )
    db.session.commit()
    login_as("hr")
    section = _section(grid)
    listing = client.get(f"/grids/library?section={section.id}&q=reussites").get_data(as_text=True)
    assert "Quelles réussites cette année ?" in listing
    client.post(f"/grids/sections/{section.id}/library", data={"item": item.id})
    copy = db.session.scalar(sa.select(GridQuestion).where(GridQuestion.label == item.label))
    assert copy.section_id == section.id and copy.help_text == item.help_text
    services.save_library_question(
        company.users["hr"],
        item,
        {"kind": "long_text", "label": "Changé", "answered_by": "both"},
        [],
        [],
    )
    db.session.refresh(copy)
    assert copy.label == "Quelles réussites cette année ?"
    assert (
        client.post(f"/grids/sections/{section.id}/library", data={"item": 999999}).status_code
        == 404
    )


def test_scales_and_skills_referentials(client, login_as, db):
    login_as("hr")
    bad = client.post(
        "/grids/scales",
        data={"name": "Mauvaise", "levels": "1 = Seul"},
        headers={"Accept-Language": "en"},
    )
    assert "at least two lines" in bad.get_data(as_text=True)
    ok = client.post(
        "/grids/scales", data={"name": "Trois", "levels": "1 = Bas\n2 = Moyen\n3 = Haut"}
    )
    assert ok.status_code == 303
    skill = client.post("/grids/skills", data={"name": "Soudure TIG", "family": "Technique"})
    assert skill.status_code == 303
    dup = client.post(
        "/grids/skills", data={"name": "Soudure TIG"}, headers={"Accept-Language": "en"}
    )
    assert "already exists" in dup.get_data(as_text=True)


@pytest.mark.parametrize(
    "role, view, manage",
    [
        ("employee", 403, 403),
        ("manager", 200, 403),
        ("hr", 200, 303),
        ("admin", 403, 403),
    ],
)
def test_who_may_see_and_design_grids(client, login_as, grid, role, view, manage):
    login_as(role)
    assert client.get("/grids/").status_code == view
    assert client.get(f"/grids/{grid.id}/v/1/print").status_code == view
    response = client.post(
        f"/grids/sections/{_section(grid).id}/questions",
        data={"kind": "short_text", "label": "x", "answered_by": "both"},
    )
    assert response.status_code == manage


def test_unknown_ids_are_404(client, login_as, grid):
    login_as("hr")
    for url in [
        "/grids/999999",
        f"/grids/{grid.id}/v/99",
        "/grids/questions/999999/edit",
        "/grids/sections/999999/edit",
        "/grids/library/999999",
        "/grids/scales/999999",
    ]:
        assert client.get(url).status_code == 404, url
    assert client.get(f"/grids/{grid.id}/v/1/preview?as=boss").status_code == 404


def test_manager_sees_the_published_guide_but_not_the_editor(client, login_as, grid, company, db):
    services.publish(company.users["hr"], grid.versions[0])
    db.session.commit()
    login_as("manager")
    page = client.get(f"/grids/{grid.id}/v/1", headers={"Accept-Language": "en"}).get_data(
        as_text=True
    )
    assert "q1" in page and "Add a question" not in page and "Check and publish" not in page


def test_hr_adds_its_own_interview_type(client, login_as, db):
    from hr.grids.models import InterviewType

    login_as("hr")
    client.post("/grids/types", data={"type_name": "Point mensuel"})
    created = db.session.scalar(
        sa.select(InterviewType).where(InterviewType.name == "Point mensuel")
    )
    assert created is not None and not created.builtin and created.code.startswith("custom_")
    dup = client.post(
        "/grids/types",
        data={"type_name": "point mensuel"},
        follow_redirects=True,
        headers={"Accept-Language": "en"},
    )
    assert "already exists" in dup.get_data(as_text=True)
    assert "Point mensuel" in client.get("/grids/").get_data(as_text=True)


def test_library_lists_questions_in_the_users_language_unless_asked(client, login_as, db, company):
    hr = company.users["hr"]
    services.save_library_question(
        hr,
        None,
        {"kind": "long_text", "label": "Vos réussites", "answered_by": "both"},
        [],
        [],
        language="fr",
    )
    services.save_library_question(
        hr,
        None,
        {"kind": "long_text", "label": "Your achievements", "answered_by": "both"},
        [],
        [],
        language="en",
    )
    db.session.commit()
    login_as("hr")
    french = client.get("/grids/library").get_data(as_text=True)
    assert "Vos réussites" in french and "Your achievements" not in french
    english = client.get("/grids/library", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Your achievements" in english and "Vos réussites" not in english
    both = client.get("/grids/library?lang=all").get_data(as_text=True)
    assert "Your achievements" in both and "Vos réussites" in both


def test_hr_sets_the_extra_validation_of_a_type(client, login_as, db):
    from tests.grids.helpers import interview_type

    login_as("hr")
    annual = interview_type("annual")
    client.post(f"/grids/types/{annual.id}/validation", data={"validation": "n2"})
    db.session.refresh(annual)
    assert annual.extra_validation == "n2"
    client.post(f"/grids/types/{annual.id}/validation", data={"validation": "boss"})
    db.session.refresh(annual)
    assert annual.extra_validation == "n2"
    login_as("manager")
    assert (
        client.post(f"/grids/types/{annual.id}/validation", data={"validation": ""}).status_code
        == 403
    )
