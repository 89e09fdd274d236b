"""Who sees and does what on interviews; corrective interviews stay confidential."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from hr.audit.models import AuditEvent
from hr.interviews import services
from tests.grids.helpers import text
from tests.interviews.helpers import new_interview, published_grid

PAGES = ["", "/conduct", "/report", "/guide"]


@pytest.fixture
def annual(db, company):
    return new_interview(company)


@pytest.fixture
def corrective(db, company):
    version = published_grid(
        company.users["hr"], "corrective", [("Faits", False, [text("Faits constatés")])]
    )
    return new_interview(company, "corrective", version)


@pytest.mark.parametrize(
    "role, status",
    [
        ("employee", 200),
        ("manager", 200),
        ("skip", 200),
        ("hr", 200),
        ("outsider", 404),
        ("admin", 404),
    ],
)
def test_annual_interview_pages(client, login_as, annual, role, status):
    login_as(role)
    seen = client.get(f"/interviews/{annual.id}").status_code
    assert seen == status


@pytest.mark.parametrize(
    "role, status",
    [
        ("employee", 200),
        ("manager", 200),
        ("hr", 200),
        ("skip", 404),
        ("outsider", 404),
        ("admin", 404),
    ],
)
def test_corrective_interview_is_hidden_from_the_rest_of_the_chain(
    client, login_as, corrective, role, status
):
    login_as(role)
    assert {client.get(f"/interviews/{corrective.id}{p}").status_code for p in PAGES[:1]} == {
        status
    }
    listing = client.get("/interviews/").get_data(as_text=True)
    assert (f'/interviews/{corrective.id}"' in listing) is (status == 200)


def test_every_read_of_a_corrective_interview_is_recorded(client, login_as, corrective, db):
    login_as("hr")
    client.get(f"/interviews/{corrective.id}")
    client.get(f"/interviews/{corrective.id}/report")
    reads = db.session.scalars(
        sa.select(AuditEvent).where(
            AuditEvent.action == "read", AuditEvent.entity_id == str(corrective.id)
        )
    ).all()
    assert [r.changes["after"]["page"] for r in reads] == ["show", "report"]


def test_employee_cannot_schedule_or_cancel(client, login_as, annual, db):
    login_as("employee")
    assert (
        client.post(
            f"/interviews/{annual.id}/schedule",
            data={"day": "2026-12-03", "start": "10:00", "end": "11:00"},
        ).status_code
        == 403
    )
    assert client.post(f"/interviews/{annual.id}/cancel", data={"reason": "x"}).status_code == 403
    assert client.post(f"/interviews/{annual.id}/start").status_code == 403


def test_creation_page_for_people_i_may_act_for(client, login_as, company):
    employee = company.employees["employee"]
    login_as("employee")
    assert client.get(f"/interviews/new/{employee.id}").status_code == 403
    login_as("manager")
    assert client.get(f"/interviews/new/{employee.id}").status_code == 200
    assert client.get(f"/interviews/new/{company.employees['outsider'].id}").status_code == 404
    assert client.get("/interviews/new/999999").status_code == 404


def test_interview_list_scopes(client, login_as, annual, company):
    for role, visible in [
        ("employee", True),
        ("manager", True),
        ("skip", True),
        ("hr", True),
        ("outsider", False),
    ]:
        login_as(role)
        listing = client.get("/interviews/").get_data(as_text=True)
        assert (f'/interviews/{annual.id}"' in listing) is visible, role


def test_pages_work_without_javascript_through_the_whole_flow(
    client, login_as, annual, db, company
):
    from tests.interviews.helpers import question

    login_as("manager")
    assert (
        client.post(
            f"/interviews/{annual.id}/schedule",
            data={"day": "2026-12-03", "start": "10:00", "end": "09:00"},
        ).status_code
        == 200
    )  # form error
    assert (
        client.post(
            f"/interviews/{annual.id}/schedule",
            data={"day": "2026-12-03", "start": "10:00", "end": "11:00", "location": "Salle 2"},
        ).status_code
        == 303
    )
    client.post(f"/interviews/{annual.id}/start")
    q = question(annual, "Réalisations")
    client.post(
        f"/interviews/{annual.id}/conduct",
        data={f"a-{q.id}-manager": "Bon", f"v-{q.id}-manager": "0"},
    )
    login_as("employee")
    client.post(
        f"/interviews/{annual.id}/conduct",
        data={f"a-{q.id}-employee": "Bien", f"v-{q.id}-employee": "0"},
    )
    login_as("manager")
    assert client.post(f"/interviews/{annual.id}/request-signatures").status_code == 303
    assert client.post(f"/interviews/{annual.id}/sign-interviewer").status_code == 303
    login_as("employee")
    assert (
        client.post(
            f"/interviews/{annual.id}/sign",
            data={"decision": "sign", "comment": "Lu et approuvé", "disagreement": ""},
        ).status_code
        == 303
    )
    report = client.get(f"/interviews/{annual.id}/report", headers={"Accept-Language": "en"})
    body = report.get_data(as_text=True)
    assert "Lu et approuvé" in body and "Bon" in body and "Bien" in body
    assert services.content_hash(annual) in body
