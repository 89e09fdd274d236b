"""Campaign pages: HR only; forms that work without JavaScript and show their errors;
the population preview as an htmx fragment; launch and the running-campaign actions;
bad input gives a clear message and changes nothing; unknown ids give 404."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from hr.campaigns import services
from hr.campaigns.models import Campaign, CampaignStatus
from hr.campaigns.population import Criteria
from hr.extensions import db
from hr.interviews.models import Interview, Status
from tests.campaigns import EN, HX, make_campaign, make_org, new_draft, published_version


@pytest.fixture
def org(db, company):
    return make_org()


@pytest.fixture
def version(company):
    v = published_version(company.users["hr"])
    db.session.commit()
    return v


@pytest.fixture
def draft(company, org, version):
    return make_campaign(
        company.users["hr"], version, Criteria(department_ids=(org.departments["DIR"].id,))
    )


@pytest.fixture
def running(company, draft):
    services.launch(company.users["hr"], draft)
    db.session.commit()
    return draft


def _form(org, version, **changes) -> dict:
    data = {
        "name": "Entretiens annuels 2026",
        "interview_type": str(version.grid.interview_type_id),
        "grid_version": str(version.id),
        "departments": [str(org.departments["SVC"].id)],
        "sites": [],
        "contract_types": [],
        "hired_before": "",
        "managers": "",
        "opens_on": "2026-01-05",
        "preparation_deadline": "2026-01-31",
        "interview_deadline": "2026-03-31",
        "signature_deadline": "2026-04-15",
        "instructions_managers": "Préparez-vous.",
        "instructions_employees": "",
    }
    data.update(changes)
    return data


def _count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def _interviews(campaign) -> list[Interview]:
    return list(
        db.session.scalars(sa.select(Interview).where(Interview.campaign_id == campaign.id))
    )


# --- permissions -------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["employee", "manager", "skip", "admin", "outsider"])
def test_only_hr_gets_in(client, login_as, role, running, org):
    login_as(role)
    cid = running.id
    for url in (
        "/campaigns/",
        "/campaigns/new",
        f"/campaigns/{cid}",
        f"/campaigns/{cid}/edit",
        f"/campaigns/{cid}/progress",
        f"/campaigns/{cid}/interviews",
    ):
        assert client.get(url).status_code == 403, url
    interview = _interviews(running)[0]
    for url, data in (
        ("/campaigns/new", {}),
        (f"/campaigns/{cid}/launch", {}),
        (f"/campaigns/{cid}/people", {"add-employee_number": "C006"}),
        (f"/campaigns/{cid}/people/remove", {"remove-employee_number": "C003"}),
        (f"/campaigns/{cid}/interviews/{interview.id}/interviewer", {"interviewer_number": "C002"}),
        (f"/campaigns/{cid}/grid-version", {}),
        (f"/campaigns/{cid}/close", {"force": "y", "reason": "x"}),
    ):
        assert client.post(url, data=data).status_code == 403, url
    db.session.expire_all()
    assert running.status == CampaignStatus.LAUNCHED
    assert all(i.status == Status.TO_SCHEDULE for i in _interviews(running))


def test_anonymous_goes_to_login(client, running):
    response = client.get(f"/campaigns/{running.id}/progress")
    assert response.status_code == 302 and "/login" in response.location


def test_unknown_ids_give_404(client, login_as, running, org):
    login_as("hr")
    for url in ("/campaigns/99999", "/campaigns/99999/progress", "/campaigns/99999/edit"):
        assert client.get(url).status_code == 404, url
    assert client.post("/campaigns/99999/launch").status_code == 404
    other = make_campaign(login_as("hr"), running.grid_version, name="Autre")
    services.launch(None, other)
    db.session.commit()
    foreign = _interviews(other)[0]
    response = client.post(
        f"/campaigns/{running.id}/interviews/{foreign.id}/interviewer",
        data={"interviewer_number": "C002"},
    )
    assert response.status_code == 404


# --- create and edit ---------------------------------------------------------------------


def test_create_a_campaign_without_javascript(client, login_as, org, version):
    login_as("hr")
    page = client.get("/campaigns/new", headers=EN)
    assert page.status_code == 200 and b"Who is in" in page.data
    response = client.post("/campaigns/new", data=_form(org, version, managers="C002"))
    assert response.status_code == 303
    campaign = db.session.scalar(sa.select(Campaign).order_by(Campaign.id.desc()).limit(1))
    assert campaign.name == "Entretiens annuels 2026" and campaign.status == CampaignStatus.DRAFT
    assert campaign.population["department_ids"] == [org.departments["SVC"].id]
    assert campaign.population["manager_ids"] == [org.people["m1"].id]
    assert campaign.preparation_deadline == date(2026, 1, 31)
    assert campaign.instructions_managers == "Préparez-vous."
    show = client.get(response.location, headers=EN)
    assert b"Launch the campaign" in show.data and b"Service test" in show.data


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"interview_deadline": "2025-12-31"}, b"interview deadline must come after"),
        ({"preparation_deadline": "2026-05-01"}, b"preparation deadline must fall between"),
        ({"signature_deadline": "2026-03-01"}, b"signature deadline cannot come before"),
        ({"opens_on": ""}, b"Give a date."),
        ({"opens_on": "31/31/2026"}, b"Not a valid date"),
        ({"name": ""}, b"Give the campaign a name."),
        ({"managers": "C002 NOPE-1"}, b"Unknown employee numbers: NOPE-1"),
        ({"departments": ["99999"]}, b"valid choice"),
        ({"grid_version": "99999"}, b"Not a valid choice"),
    ],
)
def test_bad_input_is_shown_in_the_form_and_saves_nothing(
    client, login_as, org, version, changes, message
):
    login_as("hr")
    before = _count(Campaign)
    response = client.post("/campaigns/new", data=_form(org, version, **changes), headers=EN)
    assert response.status_code == 200
    assert message in response.data, response.data[:3000]
    assert b'class="error"' in response.data
    assert _count(Campaign) == before


def test_a_grid_of_another_type_is_refused_with_a_message(client, login_as, org, version, company):
    career = published_version(company.users["hr"], "career", name="Grille parcours")
    db.session.commit()
    login_as("hr")
    before = _count(Campaign)
    response = client.post(
        "/campaigns/new", data=_form(org, version, grid_version=str(career.id)), headers=EN
    )
    assert response.status_code == 200 and b"another kind of interview" in response.data
    assert _count(Campaign) == before


def test_draft_versions_are_not_offered(client, login_as, org, version, company):
    draft_version = new_draft(company.users["hr"], version.grid)
    db.session.commit()
    login_as("hr")
    page = client.get("/campaigns/new", headers=EN).get_data(as_text=True)
    select = page[page.index('<select id="grid_version"') :]
    select = select[: select.index("</select>")]
    assert f'value="{version.id}"' in select and f'value="{draft_version.id}"' not in select
    response = client.post(
        "/campaigns/new", data=_form(org, version, grid_version=str(draft_version.id)), headers=EN
    )
    assert response.status_code == 200 and b"Not a valid choice" in response.data


def test_edit_while_draft_only(client, login_as, org, draft, version):
    login_as("hr")
    page = client.get(f"/campaigns/{draft.id}/edit", headers=EN)
    assert page.status_code == 200 and b"Direction test" in page.data
    response = client.post(
        f"/campaigns/{draft.id}/edit", data=_form(org, version, name="Renommée", sites=[])
    )
    assert response.status_code == 303
    db.session.expire_all()
    assert draft.name == "Renommée"
    assert draft.population["department_ids"] == [org.departments["SVC"].id]
    services.launch(None, draft)
    db.session.commit()
    response = client.post(f"/campaigns/{draft.id}/edit", data=_form(org, version, name="Non"))
    assert response.status_code == 303
    db.session.expire_all()
    assert draft.name == "Renommée"


# --- population preview ------------------------------------------------------------------


def test_preview_fragment_for_htmx(client, login_as, org):
    login_as("hr")
    response = client.get(
        "/campaigns/new",
        query_string={"departments": [org.departments["DIR"].id], "hired_before": "2030-01-01"},
        headers=HX,
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body
    assert body.lstrip().startswith('<section id="population-preview"')
    assert "HX-Request" in response.headers.get("Vary", "")
    # 6 people in (gone has left, nohire has no hire date), 2 of them without a manager
    assert "<strong>6</strong> people" in body and "<strong>4</strong> with their" in body
    assert "have no manager" in body and "TESTC001" in body  # boss, listed apart
    assert "manager Gone TestC008 has left" in body  # e
    assert "TESTC008" not in body  # gone: never listed
    assert "hire date unknown" in body and "TestC010" in body
    assert "Direction test › Équipe test" in body  # why a is in


def test_preview_refreshes_with_each_criterion(client, login_as, org):
    login_as("hr")
    site = client.get(
        "/campaigns/new", query_string={"sites": [org.sites["PAR"].id]}, headers=HX
    ).get_data(as_text=True)
    assert "TESTC004" in site and "TESTC005" in site and "TESTC003" not in site
    assert "Paris test" in site  # the reason
    team = client.get(
        "/campaigns/new", query_string={"managers": "C002\nZZZ"}, headers=HX
    ).get_data(as_text=True)
    assert "team of M1 TestC002" in team and "Unknown employee numbers, ignored: ZZZ" in team


def test_preview_without_javascript_keeps_the_form(client, login_as, org, version):
    login_as("hr")
    response = client.get(
        "/campaigns/new",
        query_string=_form(org, version, contract_types=["cdd"], departments=[]),
        headers=EN,
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" in body
    assert 'value="Entretiens annuels 2026"' in body  # the form keeps what was typed
    assert "TESTC004" in body and "TESTC003" not in body


# --- launch and the running campaign -----------------------------------------------------


def test_launch_from_the_page(client, login_as, draft, org):
    login_as("hr")
    page = client.get(f"/campaigns/{draft.id}", headers=EN)
    assert b"Launching creates 7 interviews" in page.data
    response = client.post(f"/campaigns/{draft.id}/launch", headers=EN)
    assert response.status_code == 303
    db.session.expire_all()
    assert draft.status == CampaignStatus.LAUNCHED and len(_interviews(draft)) == 7
    again = client.post(f"/campaigns/{draft.id}/launch", headers=EN, follow_redirects=True)
    assert b"already been launched" in again.data
    assert len(_interviews(draft)) == 7
    page = client.get(f"/campaigns/{draft.id}", headers=EN).get_data(as_text=True)
    assert "2 interviews without an interviewer" in page
    assert "TestC001" in page and "TestC009" in page


def test_add_and_remove_people_by_employee_number(client, login_as, running, org):
    login_as("hr")
    url = f"/campaigns/{running.id}"
    added = client.post(
        f"{url}/people", data={"add-employee_number": "C006"}, headers=EN, follow_redirects=True
    )
    assert b"added to the campaign" in added.data
    assert org.people["d"].id in {i.employee_id for i in _interviews(running)}
    for number, message in (
        ("C006", b"already has an interview"),
        ("C008", b"has left the company"),
        ("NOPE", b"No employee has this number"),
    ):
        before = len(_interviews(running))
        response = client.post(
            f"{url}/people", data={"add-employee_number": number}, headers=EN, follow_redirects=True
        )
        assert message in response.data, number
        assert len(_interviews(running)) == before
    removed = client.post(
        f"{url}/people/remove",
        data={"remove-employee_number": "C003", "next": f"{url}/interviews"},
        headers=EN,
    )
    assert removed.status_code == 303 and removed.location.endswith(f"{url}/interviews")
    db.session.expire_all()
    a = next(i for i in _interviews(running) if i.employee_id == org.people["a"].id)
    assert a.status == Status.CANCELLED and a.cancel_reason
    c = next(i for i in _interviews(running) if i.employee_id == org.people["c"].id)
    c.status = Status.HELD
    db.session.commit()
    refused = client.post(
        f"{url}/people/remove",
        data={"remove-employee_number": "C005"},
        headers=EN,
        follow_redirects=True,
    )
    assert b"can no longer be removed" in refused.data
    db.session.expire_all()
    assert c.status == Status.HELD


def test_assign_an_interviewer(client, login_as, running, org):
    login_as("hr")
    interview = next(i for i in _interviews(running) if i.employee_id == org.people["e"].id)
    url = f"/campaigns/{running.id}/interviews/{interview.id}/interviewer"
    refused = client.post(
        url, data={"interviewer_number": "C008"}, headers=EN, follow_redirects=True
    )
    assert b"has left the company" in refused.data
    response = client.post(url, data={"interviewer_number": "C002"})
    assert response.status_code == 303
    db.session.expire_all()
    assert interview.interviewer_id == org.people["m1"].id


def test_move_to_a_newer_version_from_the_page(client, login_as, running, version, company):
    v2 = new_draft(company.users["hr"], version.grid)
    from hr.grids import services as grid_services

    grid_services.publish(company.users["hr"], v2)
    db.session.commit()
    login_as("hr")
    page = client.get(f"/campaigns/{running.id}", headers=EN).get_data(as_text=True)
    assert f'<option value="{v2.id}">version 2</option>' in page
    response = client.post(
        f"/campaigns/{running.id}/grid-version",
        data={"grid_version": v2.id},
        headers=EN,
        follow_redirects=True,
    )
    assert b"7 interviews now use version 2" in response.data
    assert {i.grid_version_id for i in _interviews(running)} == {v2.id}
    bad = client.post(
        f"/campaigns/{running.id}/grid-version", data={"grid_version": version.id}, headers=EN,
        follow_redirects=True,
    )  # fmt: skip
    assert b"Not a valid choice" in bad.data


def test_close_refused_then_forced(client, login_as, running):
    login_as("hr")
    url = f"/campaigns/{running.id}/close"
    refused = client.post(url, data={}, headers=EN, follow_redirects=True)
    assert b"7 interviews are not finished yet" in refused.data
    no_reason = client.post(url, data={"force": "y"}, headers=EN, follow_redirects=True)
    assert b"Give the reason" in no_reason.data
    db.session.expire_all()
    assert running.status == CampaignStatus.LAUNCHED
    closed = client.post(
        url, data={"force": "y", "reason": "Réorganisation"}, headers=EN, follow_redirects=True
    )
    assert b"Campaign closed." in closed.data and b"R\xc3\xa9organisation" in closed.data
    db.session.expire_all()
    assert running.status == CampaignStatus.CLOSED
    assert running.close_reason == "Réorganisation"
    assert {i.status for i in _interviews(running)} == {Status.TO_SCHEDULE}


def test_campaign_list(client, login_as, running, draft, company, version):
    make_campaign(company.users["hr"], version, name="Brouillon")
    login_as("hr")
    page = client.get("/campaigns/", headers=EN).get_data(as_text=True)
    assert "Entretiens annuels" in page and "Brouillon" in page
    assert "Running" in page and "Draft" in page and "not launched" in page
    assert "<td>7</td>" in page


def test_garbage_in_query_strings_never_gives_a_500(client, login_as, running, org):
    login_as("hr")
    preview = client.get(
        "/campaigns/new",
        query_string={"departments": ["abc", "99999999999999999999"], "hired_before": "demain",
                      "sites": "x", "contract_types": "nope", "managers": "'; DROP"},
        headers=HX,
    )  # fmt: skip
    assert preview.status_code == 200 and b"population-preview" in preview.data
    listing = client.get(
        f"/campaigns/{running.id}/interviews",
        query_string={"department": "99999999999999999999", "interviewer": "-1", "page": "x"},
    )
    assert listing.status_code == 200
