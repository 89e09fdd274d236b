"""Audit search (HR and administrators), its CSV export, and the download of a
person's data — each one recorded."""

from __future__ import annotations

import csv
import io
import json

import pytest
import sqlalchemy as sa

from hr import audit
from hr.audit.models import AuditEvent
from hr.extensions import db
from hr.interviews import services
from hr.interviews.models import Party
from tests.interviews.helpers import END, START, new_interview, question
from tests.query_counter import count_queries

EN = {"Accept-Language": "en"}
HX = {"HX-Request": "true", "Accept-Language": "en"}


def _events(action, entity_type=None):
    query = sa.select(AuditEvent).where(AuditEvent.action == action)
    if entity_type:
        query = query.where(AuditEvent.entity_type == entity_type)
    return db.session.scalars(query.order_by(AuditEvent.id)).all()


@pytest.fixture
def interview(db, company):
    interview = new_interview(company)
    hr, manager, employee = (company.users[r] for r in ("hr", "manager", "employee"))
    services.schedule(hr, interview, START, END, "Salle 1")
    services.open_preparation(manager, interview)
    services.save_answer(
        employee, interview, question(interview, "Souhaits"), Party.EMPLOYEE, "private wish", 0
    )
    db.session.commit()
    return interview


@pytest.mark.parametrize(
    "role, status",
    [("hr", 200), ("admin", 200), ("manager", 403), ("employee", 403), ("outsider", 403)],
)
def test_only_hr_and_administrators_search_the_log(client, login_as, role, status):
    login_as(role)
    assert client.get("/audit/", headers=EN).status_code == status
    assert client.get("/audit/?format=csv", headers=EN).status_code == status


def test_search_filters_by_kind_action_who_and_period(client, login_as, interview, company):
    login_as("hr")
    page = client.get("/audit/?entity=interview&action=schedule&who=rita", headers=EN).get_data(
        as_text=True
    )
    assert "Rita Rh scheduled the interview" in page
    assert "opened the preparation" not in page
    page = client.get("/audit/?entity=interview&who=marc", headers=EN).get_data(as_text=True)
    assert "Marc Manager opened the preparation" in page
    # HR scheduled on Marc's behalf: found under his name too.
    assert "Rita Rh scheduled the interview" in page
    page = client.get("/audit/?entity=interview&until=2000-01-01", headers=EN).get_data(True)
    assert "No event matches." in page


def test_bad_filters_are_explained_not_a_500(client, login_as):
    login_as("hr")
    response = client.get("/audit/?since=yesterday&entity=planet&before=x", headers=EN)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "From: “yesterday” is not a date." in page
    assert "Unknown kind of record: “planet”." in page


def test_search_pages_by_older_events(client, login_as, company):
    for i in range(60):
        audit.record(None, "update", "settings", "company", after={"n": i})
    db.session.commit()
    login_as("hr")
    page = client.get("/audit/?entity=settings", headers=EN).get_data(as_text=True)
    older = page.split('rel="next"')[0].rsplit('href="', 1)[1].split('"')[0]
    rest = client.get(older.replace("&amp;", "&"), headers=EN).get_data(as_text=True)
    ids = lambda html: {int(x.split('"')[0]) for x in html.split('id="event-')[1:]}  # noqa: E731
    assert len(ids(page)) == 50 and ids(rest) and not ids(page) & ids(rest)


def test_search_masks_preparations_not_shared_and_interviews_for_administrators(
    client, login_as, interview
):
    login_as("hr")
    assert "private wish" not in client.get("/audit/", headers=EN).get_data(as_text=True)
    login_as("admin")
    page = client.get("/audit/?entity=interview", headers=EN).get_data(as_text=True)
    assert "Salle 1" not in page and "•••" in page


def test_search_page_costs_the_same_queries_at_any_size(client, login_as, company):
    login_as("hr")

    def queries():
        with count_queries() as statements:
            assert client.get("/audit/", headers=HX).status_code == 200
        return len(statements)

    for i in range(5):
        audit.record(company.users["hr"], "update", "settings", "company", after={"n": i})
    db.session.commit()
    small = queries()
    for i in range(80):
        audit.record(company.users["manager"], "update", "settings", "company", after={"n": i})
    db.session.commit()
    assert queries() == small


def test_csv_export_streams_every_matching_event_and_is_recorded(client, login_as, interview):
    login_as("hr")
    response = client.get("/audit/?format=csv&entity=interview", headers=EN)
    assert response.status_code == 200 and response.is_streamed
    assert response.mimetype == "text/csv"
    rows = list(
        csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff")), delimiter=";")
    )
    assert rows[0][:3] == ["id", "occurred_at", "actor_id"]
    actions = [r[rows[0].index("action")] for r in rows[1:]]
    assert actions[:3] == ["create", "schedule", "open_preparation"]
    assert {r[rows[0].index("entity_type")] for r in rows[1:]} == {"interview"}
    (export,) = _events("export", "audit")
    assert export.changes["after"]["entity"] == "interview"


# --- a person's data -----------------------------------------------------------------


@pytest.mark.parametrize(
    "role, status",
    [("employee", 200), ("hr", 200), ("manager", 403), ("admin", 403), ("outsider", 404)],
)
def test_who_may_download_a_persons_data(client, login_as, company, role, status):
    login_as(role)
    employee = company.employees["employee"]
    assert client.get(f"/audit/people/{employee.id}/data.json").status_code == status


def test_my_data_holds_my_records_not_secrets_and_the_download_is_recorded(
    client, login_as, company, interview
):
    manager = company.users["manager"]
    services.save_answer(
        manager, interview, question(interview, "Réalisations"), Party.MANAGER, "mgr note", 0
    )
    db.session.commit()
    user = login_as("employee")
    employee = company.employees["employee"]
    response = client.get(f"/audit/people/{employee.id}/data.json")
    assert response.headers["Content-Disposition"].startswith("attachment")
    data = json.loads(response.get_data(as_text=True))
    assert data["employee"]["birth_date"] == "1980-05-17"
    assert data["account"]["email"] == user.email
    assert "password_hash" not in json.dumps(data)
    (mine,) = data["interviews"]
    assert [a["value"] for a in mine["answers"]] == ["private wish"]  # not the manager's yet
    (event,) = _events("export", "employee")
    assert (event.actor_id, event.entity_id) == (user.id, str(employee.id))
    # HR's history shows the download; the employee's own does not (HR-only reads).
    assert "downloaded this person" not in client.get(
        f"/audit/people/{employee.id}", headers=EN
    ).get_data(as_text=True)
    login_as("hr")
    assert "downloaded this person" in client.get(
        f"/audit/people/{employee.id}", headers=EN
    ).get_data(as_text=True)


def test_the_training_requests_export_is_recorded(client, login_as):
    user = login_as("hr")
    assert client.get("/interviews/trainings?format=csv&status=requested").status_code == 200
    (event,) = _events("export", "training_request")
    assert event.actor_id == user.id
    assert event.changes["after"]["status"] == "requested"
