"""Interview and person histories: what each reader sees, and what stays hidden
(HR-only reads, the other party's preparation before the meeting, private fields)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from hr import audit
from hr.audit.models import AuditEvent
from hr.extensions import db
from hr.interviews import blocks, services
from hr.interviews.models import Party
from tests.grids.helpers import text
from tests.interviews.helpers import END, START, new_interview, published_grid, question
from tests.query_counter import count_queries

EN = {"Accept-Language": "en"}
HX = {"HX-Request": "true", "Accept-Language": "en"}


@pytest.fixture
def prepared(db, company):
    """An annual interview in preparation, both sides having written privately."""
    interview = new_interview(company)
    hr, manager = company.users["hr"], company.users["manager"]
    employee = company.users["employee"]
    services.schedule(hr, interview, START, END, "Salle 3")
    services.open_preparation(manager, interview)
    wish = question(interview, "Souhaits")
    services.save_answer(employee, interview, wish, Party.EMPLOYEE, "first wish", 0)
    services.save_answer(employee, interview, wish, Party.EMPLOYEE, "secret wish", 1)
    done = question(interview, "Réalisations")
    services.save_answer(manager, interview, done, Party.MANAGER, "manager private note", 0)
    db.session.commit()
    return interview


@pytest.fixture
def corrective(db, company):
    version = published_grid(
        company.users["hr"], "corrective", [("Faits", False, [text("Faits constatés")])]
    )
    return new_interview(company, "corrective", version)


def _history(client, interview, headers=EN):
    return client.get(f"/audit/interviews/{interview.id}", headers=headers)


def test_the_interview_story_is_told_in_sentences_with_the_diff(client, login_as, prepared):
    login_as("employee")
    page = _history(client, prepared).get_data(as_text=True)
    assert "Rita Rh created the interview" in page
    assert "Rita Rh scheduled the interview" in page
    # HR scheduled for the interviewer: said in the sentence.
    assert "(on behalf of Marc Manager)" in page
    assert "Marc Manager opened the preparation" in page
    assert "<del>Scheduled</del>" in page and "<ins>In preparation</ins>" in page
    # The answer change, before and after, in an expandable diff.
    assert "<details>" in page
    assert "Souhaits (employee&#39;s preparation)" in page
    assert "<del>first wish</del>" in page and "<ins>secret wish</ins>" in page


def test_each_party_sees_only_its_own_preparation_before_the_meeting(
    client, login_as, prepared, company
):
    objective = blocks.add_objective(company.users["manager"], prepared, "Objectif caché")
    blocks.delete_objective(company.users["manager"], prepared, objective)
    db.session.commit()
    login_as("employee")
    page = _history(client, prepared).get_data(as_text=True)
    assert "secret wish" in page
    assert "manager private note" not in page and "Objectif caché" not in page
    assert "worked on their preparation (private until the meeting)" in page

    login_as("manager")
    page = _history(client, prepared).get_data(as_text=True)
    assert "manager private note" in page
    assert "set an objective" in page and "deleted an objective" in page  # row gone, story kept
    assert "Objectif caché" in page
    assert "secret wish" not in page and "first wish" not in page

    services.start(company.users["manager"], prepared)
    db.session.commit()
    login_as("employee")
    page = _history(client, prepared).get_data(as_text=True)
    assert "manager private note" in page  # shared once the meeting started


def test_signatures_and_addenda_are_in_the_history(client, login_as, company):
    version = published_grid(company.users["hr"], "annual", [("Bilan", False, [text("Bilan")])])
    interview = new_interview(company, version=version)
    manager, employee = company.users["manager"], company.users["employee"]
    services.schedule(manager, interview, START, END)
    services.start(manager, interview)
    services.request_signatures(manager, interview)
    services.sign_as_interviewer(manager, interview)
    services.sign_as_employee(employee, interview, comment="Lu")
    services.add_addendum(employee, interview, "Une précision")
    db.session.commit()
    login_as("employee")
    page = _history(client, interview).get_data(as_text=True)
    for sentence in (
        "started the meeting",
        "asked for the signatures",
        "signed the report as interviewer",
        "signed the report.",
        "added an addendum to the signed report",
        "Une précision",
    ):
        assert sentence in page


@pytest.mark.parametrize(
    "role, status",
    [
        ("employee", 200),
        ("manager", 200),
        ("skip", 200),
        ("hr", 200),
        ("peer", 404),
        ("outsider", 404),
        ("admin", 404),
    ],
)
def test_who_may_read_an_interview_history(client, login_as, prepared, company, role, status):
    if role == "peer":
        from tests.factories import UserFactory

        peer = company.employees["peer"]
        company.users["peer"] = UserFactory(email=peer.email, employee=peer)
        db.session.commit()
    login_as(role)
    assert _history(client, prepared).status_code == status


@pytest.mark.parametrize(
    "role, status", [("employee", 200), ("manager", 200), ("hr", 200), ("skip", 404)]
)
def test_corrective_history_stays_with_the_parties_and_hr(
    client, login_as, corrective, role, status
):
    login_as(role)
    assert _history(client, corrective).status_code == status


def test_confidential_reads_are_recorded_and_shown_to_hr_only(client, login_as, corrective):
    login_as("hr")
    assert client.get(f"/interviews/{corrective.id}", headers=EN).status_code == 200
    reads = db.session.scalars(
        sa.select(AuditEvent).where(
            AuditEvent.entity_type == "interview",
            AuditEvent.entity_id == str(corrective.id),
            AuditEvent.action == "read",
        )
    ).all()
    assert len(reads) == 1
    page = _history(client, corrective, HX).get_data(as_text=True)
    assert "read this confidential interview" in page
    assert "the interview page" in page  # which page was read
    pages = db.session.scalars(
        sa.select(AuditEvent.changes).where(
            AuditEvent.entity_id == str(corrective.id), AuditEvent.action == "read"
        )
    ).all()
    assert [p["after"]["page"] for p in pages] == ["show", "history"]  # the history too
    login_as("employee")
    assert "read this confidential interview" not in _history(client, corrective).get_data(True)


def test_the_interview_page_loads_its_history_and_links_to_it_without_js(
    client, login_as, prepared
):
    login_as("manager")
    page = client.get(f"/interviews/{prepared.id}", headers=EN).get_data(as_text=True)
    url = f"/audit/interviews/{prepared.id}"
    assert f'hx-get="{url}"' in page and f'<a href="{url}">' in page
    fragment = _history(client, prepared, HX).get_data(as_text=True)
    assert fragment.lstrip().startswith('<section id="history"') and "<html" not in fragment


def test_long_histories_page_by_older_events(client, login_as, company):
    interview = new_interview(company)
    manager = company.users["manager"]
    wish = question(interview, "Réalisations")
    for i in range(60):
        services.save_answer(manager, interview, wish, Party.MANAGER, f"draft {i}", i or 0)
    db.session.commit()
    login_as("manager")
    page = _history(client, interview).get_data(as_text=True)
    assert "draft 59" in page and "created the interview" not in page
    older = page.split('class="more"><a href="')[1].split('"')[0].replace("&amp;", "&")
    rest = client.get(older, headers=EN).get_data(as_text=True)
    assert "created the interview" in rest and "draft 59" not in rest
    more = client.get(older + "&more=1", headers=HX).get_data(as_text=True)
    assert more.lstrip().startswith("<li") and "created the interview" in more


def test_history_costs_the_same_queries_however_long(client, login_as, company):
    interview = new_interview(company)
    manager = company.users["manager"]
    done = question(interview, "Réalisations")
    login_as("manager")

    def queries() -> int:
        with count_queries() as statements:
            assert _history(client, interview, HX).status_code == 200
        return len(statements)

    services.save_answer(manager, interview, done, Party.MANAGER, "v0", 0)
    db.session.commit()
    small = queries()
    for i in range(1, 30):
        services.save_answer(manager, interview, done, Party.MANAGER, f"v{i}", i)
    blocks.add_objective(manager, interview, "Objectif")
    db.session.commit()
    assert queries() == small


# --- person history ----------------------------------------------------------------


@pytest.fixture
def record_change(db, company):
    """An employee record change touching a private, a contract and a plain field."""
    employee = company.employees["employee"]
    audit.record(
        company.users["hr"],
        "update",
        "employee",
        employee.id,
        before={"job_title": "Opératrice", "birth_date": "1980-05-17", "hire_date": "2020-01-06"},
        after={
            "job_title": "Cheffe d'équipe",
            "birth_date": "1980-05-18",
            "hire_date": "2020-02-03",
        },
    )
    db.session.commit()


@pytest.mark.parametrize(
    "role, status",
    [("employee", 200), ("manager", 200), ("skip", 200), ("hr", 200), ("outsider", 404)],
)
def test_who_may_read_a_person_history(client, login_as, company, prepared, role, status):
    login_as(role)
    employee = company.employees["employee"]
    assert client.get(f"/audit/people/{employee.id}", headers=EN).status_code == status


def test_person_history_gathers_records_and_masks_what_the_reader_may_not_see(
    client, login_as, company, prepared, record_change
):
    employee = company.employees["employee"]
    login_as("hr")
    page = client.get(f"/audit/people/{employee.id}", headers=EN).get_data(as_text=True)
    assert "changed the employee record" in page and "May 18, 1980" in page
    assert "created the interview" in page
    assert "secret wish" not in page  # HR is on the manager's side of the meeting
    login_as("employee")
    page = client.get(f"/audit/people/{employee.id}", headers=EN).get_data(as_text=True)
    assert "secret wish" in page and "May 18, 1980" in page
    login_as("manager")
    page = client.get(f"/audit/people/{employee.id}", headers=EN).get_data(as_text=True)
    assert "Cheffe d&#39;équipe" in page and "Feb 3, 2020" in page  # contract: managers see it
    assert "May 18, 1980" not in page  # birth date: the person and HR only
    assert "secret wish" not in page  # the employee's preparation, not shared yet


def test_person_history_leaves_out_corrective_interviews_for_the_manager_chain(
    client, login_as, company, corrective
):
    employee = company.employees["employee"]
    login_as("skip")
    page = client.get(f"/audit/people/{employee.id}", headers=EN).get_data(as_text=True)
    assert "created the interview" not in page
    login_as("employee")
    page = client.get(f"/audit/people/{employee.id}", headers=EN).get_data(as_text=True)
    assert "created the interview" in page


def test_the_person_page_links_to_the_history(client, login_as, company):
    employee = company.employees["employee"]
    login_as("manager")
    page = client.get(f"/people/{employee.id}", headers=EN).get_data(as_text=True)
    assert f"/audit/people/{employee.id}" in page
    assert f"/audit/people/{employee.id}/data.json" not in page  # the manager may not export
    login_as("employee")
    page = client.get(f"/people/{employee.id}", headers=EN).get_data(as_text=True)
    assert f"/audit/people/{employee.id}/data.json" in page


def test_person_history_holds_compliance_records_for_those_who_see_them(client, login_as, company):
    from datetime import date

    from hr.compliance import services as compliance
    from hr.compliance.models import Absence, LeaveType

    employee = company.employees["employee"]
    absence = Absence(
        employee_id=employee.id, leave_type=next(iter(LeaveType)), start_date=date(2026, 1, 5)
    )
    compliance.add_record(company.users["hr"], absence)
    compliance.delete_record(company.users["hr"], absence)
    db.session.commit()
    for role, shown in (("hr", True), ("manager", True), ("admin", False)):
        login_as(role)
        page = client.get(f"/audit/people/{employee.id}", headers=EN).get_data(as_text=True)
        assert ("recorded an absence" in page) is shown, role
        assert ("deleted an absence" in page) is shown, role
