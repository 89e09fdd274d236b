"""Preparation privacy, autosave, conflicts between two people typing, no-JS saving."""

from __future__ import annotations

import pytest

from hr.interviews import services
from hr.interviews.models import Answer
from tests.interviews.helpers import END, START, new_interview, question

HX = {"HX-Request": "true", "Accept-Language": "en"}


@pytest.fixture
def interview(db, company):
    interview = new_interview(company)
    services.schedule(company.users["manager"], interview, START, END)
    services.open_preparation(company.users["manager"], interview)
    db.session.commit()
    return interview


def test_preparations_stay_private_until_the_meeting(client, login_as, interview, db, company):
    q = question(interview, "Réalisations")
    login_as("employee")
    client.post(
        f"/interviews/{interview.id}/answers/{q.id}/employee",
        headers=HX,
        data={f"a-{q.id}-employee": "Mon bilan secret", f"v-{q.id}-employee": "0"},
    )
    login_as("manager")
    client.post(
        f"/interviews/{interview.id}/answers/{q.id}/manager",
        headers=HX,
        data={f"a-{q.id}-manager": "Avis du manager", f"v-{q.id}-manager": "0"},
    )
    page = client.get(f"/interviews/{interview.id}/conduct").get_data(as_text=True)
    assert "Avis du manager" in page and "Mon bilan secret" not in page
    login_as("employee")
    page = client.get(f"/interviews/{interview.id}/conduct").get_data(as_text=True)
    assert "Mon bilan secret" in page and "Avis du manager" not in page
    services.start(company.users["manager"], interview)
    db.session.commit()
    page = client.get(f"/interviews/{interview.id}/conduct").get_data(as_text=True)
    assert "Mon bilan secret" in page and "Avis du manager" in page


def test_autosave_answers_the_status_and_the_new_version(client, login_as, interview, db):
    q = question(interview, "Réalisations")
    login_as("employee")
    first = client.post(
        f"/interviews/{interview.id}/answers/{q.id}/employee",
        headers=HX,
        data={f"a-{q.id}-employee": "Brouillon", f"v-{q.id}-employee": "0"},
    )
    body = first.get_data(as_text=True)
    assert first.status_code == 200 and "Saved at" in body
    assert f'id="v-{q.id}-employee" value="1" hx-swap-oob="true"' in body
    second = client.post(
        f"/interviews/{interview.id}/answers/{q.id}/employee",
        headers=HX,
        data={f"a-{q.id}-employee": "Version finale", f"v-{q.id}-employee": "1"},
    )
    assert 'value="2"' in second.get_data(as_text=True)
    answer = db.session.query(Answer).filter_by(interview_id=interview.id).one()
    assert answer.value == "Version finale" and answer.version == 2


def test_two_people_saving_the_same_answer_lose_nothing(app, client, login_as, db, company):
    """The manager and the HR stand-in both edit the shared answer during the meeting."""
    from tests.grids.helpers import text
    from tests.interviews.helpers import published_grid

    version = published_grid(
        company.users["hr"],
        "annual",
        [("Ensemble", False, [text("Plan d'action", answered_by="together")])],
    )
    interview = new_interview(company, version=version)
    services.schedule(company.users["manager"], interview, START, END)
    services.start(company.users["manager"], interview)
    db.session.commit()
    q = question(interview, "Plan d'action")
    name, vname = f"a-{q.id}-shared", f"v-{q.id}-shared"
    login_as("manager")
    other = app.test_client()
    other.post("/login", data={"email": company.users["skip"].email, "password": "password-123"})
    # Both loaded the empty answer (version 0) and type at the same time.
    mine = client.post(
        f"/interviews/{interview.id}/answers/{q.id}/shared",
        headers=HX,
        data={name: "Formation Excel", vname: "0"},
    )
    assert "Saved at" in mine.get_data(as_text=True)
    theirs = other.post(
        f"/interviews/{interview.id}/answers/{q.id}/shared",
        headers=HX,
        data={name: "Tutorat par un pair", vname: "0"},
    )
    body = theirs.get_data(as_text=True)
    assert theirs.headers["HX-Retarget"] == f"#answer-{q.id}-shared"
    assert "Someone else saved this answer" in body
    assert "Formation Excel" in body  # their version, shown
    assert "Tutorat par un pair" in body  # mine, kept in the field
    assert f'name="{vname}"' in body and 'value="1"' in body  # saving again keeps mine
    stored = db.session.query(Answer).filter_by(interview_id=interview.id).one()
    assert stored.value == "Formation Excel"
    kept = other.post(
        f"/interviews/{interview.id}/answers/{q.id}/shared",
        headers=HX,
        data={name: "Formation Excel + tutorat", vname: "1"},
    )
    assert "Saved at" in kept.get_data(as_text=True)
    db.session.refresh(stored)
    assert stored.value == "Formation Excel + tutorat" and stored.version == 2


def test_the_whole_form_saves_without_javascript_and_reports_conflicts(
    client, login_as, interview, db, company
):
    q = question(interview, "Réalisations")
    other_q = question(interview, "Souhaits")
    login_as("employee")
    saved = client.post(
        f"/interviews/{interview.id}/conduct",
        data={
            f"a-{q.id}-employee": "Bilan",
            f"v-{q.id}-employee": "0",
            f"a-{other_q.id}-employee": "Devenir chef d'équipe",
            f"v-{other_q.id}-employee": "0",
        },
    )
    assert saved.status_code == 303
    stale = client.post(
        f"/interviews/{interview.id}/conduct",
        headers={"Accept-Language": "en"},
        data={
            f"a-{q.id}-employee": "Autre bilan",
            f"v-{q.id}-employee": "0",
            f"a-{other_q.id}-employee": "Devenir chef d'équipe",
            f"v-{other_q.id}-employee": "1",
        },
    )
    body = stale.get_data(as_text=True)
    assert stale.status_code == 200 and "Someone else saved this answer" in body
    assert "Autre bilan" in body and "Bilan" in body


def test_bad_values_are_refused_in_place(client, login_as, interview, db, company):
    q = question(interview, "Qualité")  # a rating answered by the manager
    login_as("manager")
    response = client.post(
        f"/interviews/{interview.id}/answers/{q.id}/manager",
        headers=HX,
        data={f"a-{q.id}-manager": "42", f"v-{q.id}-manager": "0"},
    )
    assert "Choose one of the levels" in response.get_data(as_text=True)
    assert db.session.query(Answer).count() == 0


def test_nobody_writes_the_other_sides_answers(client, login_as, interview, db):
    q = question(interview, "Réalisations")
    login_as("employee")
    response = client.post(
        f"/interviews/{interview.id}/answers/{q.id}/manager",
        headers=HX,
        data={f"a-{q.id}-manager": "Je me note moi-même", f"v-{q.id}-manager": "0"},
    )
    assert response.status_code == 403
    assert db.session.query(Answer).count() == 0
