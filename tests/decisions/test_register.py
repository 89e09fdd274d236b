"""The decisions register: who sees which decisions, filters, exports, marking an
action done (audited), and a bounded number of queries."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from hr.audit.models import AuditEvent
from hr.extensions import db
from hr.interviews import blocks, services
from hr.interviews.models import ActionStatus, FollowUpAction
from tests.factories import UserFactory
from tests.grids.helpers import interview_type, text
from tests.interviews.helpers import END, START, published_grid
from tests.query_counter import count_queries

EN = {"Accept-Language": "en"}
HX = {"HX-Request": "true", "Accept-Language": "en"}
SOON = date.today() + timedelta(days=30)


def held_interview(company, who: str, type_code="annual", version=None):
    hr, manager = company.users["hr"], company.users["manager"]
    version = version or published_grid(hr, type_code, [("Bilan", False, [text("Bilan")])])
    interview = services.create_interview(
        hr, company.employees[who], interview_type(type_code), version
    )
    services.schedule(manager, interview, START, END)
    services.start(manager, interview)
    return interview


def act(company, interview, what: str, owner: str | None, due=SOON) -> FollowUpAction:
    owner_employee = company.employees[owner] if owner else None
    return blocks.add_action(company.users["manager"], interview, what, owner_employee, due)


@pytest.fixture
def register(db, company):
    """Employee's annual: 'Former' (employee), 'Budget' (manager, overdue), 'Done'
    (employee, done). Peer's annual: 'Peer plan' (peer). Employee's corrective:
    'Rappel' (manager). An interview not held yet: 'Prep' (manager's preparation)."""
    annual = held_interview(company, "employee")
    actions = {
        "Former": act(company, annual, "Former", "employee"),
        "Budget": act(company, annual, "Budget", "manager"),
        "Done": act(company, annual, "Done", "employee"),
    }
    peer = held_interview(company, "peer", version=annual.grid_version)
    actions["Peer plan"] = act(company, peer, "Peer plan", "peer")
    corrective = held_interview(company, "employee", "corrective")
    actions["Rappel"] = act(company, corrective, "Rappel", "manager")
    later = services.create_interview(
        company.users["hr"], company.employees["employee"], interview_type("annual"),
        annual.grid_version,
    )  # fmt: skip
    actions["Prep"] = act(company, later, "Prep", "manager")
    blocks.complete_action(company.users["employee"], actions["Done"])
    actions["Budget"].due_date = date.today() - timedelta(days=3)  # overdue since
    peer_user = company.employees["peer"]
    company.users["peer"] = UserFactory(email=peer_user.email, employee=peer_user)
    db.session.commit()
    return actions


def _seen(client, query="") -> set[str]:
    page = client.get(f"/decisions/?{query}", headers=EN).get_data(as_text=True)
    return {name for name in ("Former", "Budget", "Done", "Peer plan", "Rappel", "Prep")
            if f"<td>{name}</td>" in page}  # fmt: skip


@pytest.mark.parametrize(
    "role, visible",
    [
        ("hr", {"Former", "Budget", "Done", "Peer plan", "Rappel"}),
        ("manager", {"Former", "Budget", "Done", "Peer plan", "Rappel"}),
        ("skip", {"Former", "Budget", "Done", "Peer plan"}),  # not the corrective one
        ("employee", {"Former", "Budget", "Done", "Rappel"}),
        ("peer", {"Peer plan"}),
        ("outsider", set()),
        ("admin", set()),
    ],
)
def test_who_sees_which_decisions(client, login_as, register, role, visible):
    login_as(role)
    assert _seen(client) == visible  # never the preparation of an interview not held


def test_filters_by_status_owner_department_and_type(client, login_as, register, company):
    login_as("hr")
    assert _seen(client, "status=overdue") == {"Budget"}
    assert _seen(client, "status=done") == {"Done"}
    assert _seen(client, "status=open") == {"Former", "Budget", "Peer plan", "Rappel"}
    assert _seen(client, f"owner={company.employees['peer'].id}") == {"Peer plan"}
    assert _seen(client, f"type={interview_type('corrective').id}") == {"Rappel"}
    assert _seen(client, f"department={company.department.id}") == {
        "Former", "Budget", "Done", "Peer plan", "Rappel"
    }  # fmt: skip
    # Nonsense in the query string is ignored, never an error.
    assert client.get("/decisions/?status=maybe&owner=x&page=-3", headers=EN).status_code == 200


def test_owners_are_searched_by_name_not_listed(client, login_as, register, company):
    """A large company has thousands of owners: the filter is a name search, and a
    link filtering one owner shows who it is, unticked to drop it."""
    login_as("hr")
    peer = company.employees["peer"]
    assert _seen(client, f"owner_name={peer.last_name.upper()}") == {"Peer plan"}
    assert _seen(client, f"owner_name={peer.first_name}+{peer.last_name}") == {"Peer plan"}
    assert _seen(client, "owner_name=%25") == set()  # a wildcard is a plain character
    page = client.get("/decisions/", headers=EN).get_data(as_text=True)
    assert 'name="owner_name"' in page and 'name="owner"' not in page
    page = client.get(f"/decisions/?owner={peer.id}", headers=EN).get_data(as_text=True)
    assert f'name="owner" value="{peer.id}" checked' in page and peer.full_name in page
    login_as("outsider")  # an id in the URL never names someone one may not see
    page = client.get(f"/decisions/?owner={peer.id}", headers=EN).get_data(as_text=True)
    assert peer.full_name not in page


def test_open_actions_come_first_by_due_date_those_without_one_last_then_done(
    client, login_as, register
):
    register["Peer plan"].due_date = None
    register["Rappel"].due_date = SOON + timedelta(days=1)
    db.session.commit()
    login_as("hr")
    page = client.get("/decisions/", headers=EN).get_data(as_text=True)
    order = sorted(register, key=lambda name: page.find(f"<td>{name}</td>"))
    # Budget (overdue), Former (SOON), Rappel (SOON + 1), Peer plan (no date), Done;
    # Prep is a preparation, not a decision yet.
    assert order == ["Prep", "Budget", "Former", "Rappel", "Peer plan", "Done"]
    assert page.find("<td>Prep</td>") == -1


def test_overdue_is_computed_from_the_due_date(client, login_as, register):
    login_as("hr")
    page = client.get("/decisions/?status=overdue", headers=EN).get_data(as_text=True)
    assert 'class="badge warn">Overdue<' in page


def test_the_owner_marks_an_action_done_without_javascript(client, login_as, register):
    action = register["Former"]
    user = login_as("employee")
    response = client.post(
        f"/decisions/{action.id}/done", data={"next": "/decisions/?status=open"}, headers=EN
    )
    assert response.status_code == 303 and response.location.endswith("/decisions/?status=open")
    db.session.refresh(action)
    assert action.status == ActionStatus.DONE and action.done_by_id == user.id
    event = db.session.scalar(
        sa.select(AuditEvent).where(
            AuditEvent.entity_type == "follow_up_action",
            AuditEvent.entity_id == str(action.id),
            AuditEvent.action == "complete",
        )
    )
    assert event is not None and event.actor_id == user.id
    assert event.changes["after"]["status"] == "done"


def test_htmx_gets_the_updated_row(client, login_as, register):
    login_as("employee")
    response = client.post(f"/decisions/{register['Former'].id}/done", headers=HX)
    row = response.get_data(as_text=True)
    assert row.lstrip().startswith('<tr id="decision-') and ">Done<" in row
    assert "Mark as done" not in row


@pytest.mark.parametrize(
    "role, action, status",
    [
        ("peer", "Former", 404),  # not theirs to see
        ("skip", "Former", 403),  # sees it, neither owner, interviewer nor HR
        ("employee", "Budget", 403),  # the manager owns it
        ("manager", "Budget", 303),
        ("hr", "Peer plan", 303),
        ("employee", "Prep", 404),  # preparation, not a decision yet
    ],
)
def test_who_may_mark_an_action_done(client, login_as, register, role, action, status):
    login_as(role)
    assert client.post(f"/decisions/{register[action].id}/done").status_code == status


def test_marking_done_twice_says_so(client, login_as, register):
    login_as("employee")
    response = client.post(f"/decisions/{register['Done'].id}/done", headers=HX)
    assert "This action is already done." in response.get_data(as_text=True)


def test_csv_and_xlsx_exports_hold_the_filtered_rows(client, login_as, register):
    login_as("manager")
    response = client.get("/decisions/?format=csv&status=open", headers=EN)
    assert response.mimetype == "text/csv"
    text_ = response.get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text_), delimiter=";"))
    assert rows[0][:4] == ["Decision or action", "Owner", "Due date", "Status"]
    assert sorted(r[0] for r in rows[1:]) == ["Budget", "Former", "Peer plan", "Rappel"]
    assert [r[3] for r in rows[1:] if r[0] == "Budget"] == ["Overdue"]

    response = client.get("/decisions/?format=xlsx", headers=EN)
    sheet = load_workbook(io.BytesIO(response.get_data())).active
    values = list(sheet.values)
    assert values[0][0] == "Decision or action"
    assert sorted(v[0] for v in values[1:]) == ["Budget", "Done", "Former", "Peer plan", "Rappel"]


def test_the_register_page_costs_the_same_queries_at_any_size(client, login_as, company):
    annual = held_interview(company, "employee")
    act(company, annual, "First", "employee")
    db.session.commit()
    login_as("hr")

    def queries() -> int:
        with count_queries() as statements:
            assert client.get("/decisions/", headers=EN).status_code == 200
        return len(statements)

    small = queries()
    for who in ("peer", "employee"):
        other = held_interview(company, who, version=annual.grid_version)
        for i in range(15):
            act(company, other, f"Action {who} {i}", "manager" if i % 2 else who)
    db.session.commit()
    assert queries() == small


def test_the_menu_links_to_the_register_and_the_audit_log(client, login_as):
    login_as("employee")
    page = client.get("/", headers=EN).get_data(as_text=True)
    assert 'href="/decisions/"' in page and 'href="/audit/"' not in page
    login_as("hr")
    page = client.get("/", headers=EN).get_data(as_text=True)
    assert 'href="/decisions/"' in page and 'href="/audit/"' in page


def test_exports_are_recorded_with_their_filters(client, login_as, register):
    user = login_as("hr")
    client.get("/decisions/?format=xlsx&status=overdue")
    event = db.session.scalar(
        sa.select(AuditEvent).where(
            AuditEvent.entity_type == "follow_up_action", AuditEvent.action == "export"
        )
    )
    assert event.actor_id == user.id
    assert event.changes["after"] == {"format": "xlsx", "status": "overdue"}
