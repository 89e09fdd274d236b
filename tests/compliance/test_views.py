"""The compliance screens: who sees what, the dashboard's counts and list, creating
interviews from obligations (with the right grid) or adding them to a campaign, the
employee panel, and the dashboard's query count at two sizes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from hr.audit.models import AuditEvent
from hr.compliance.models import Absence, LeaveType
from hr.extensions import db
from hr.interviews.models import Interview
from tests.compliance.conftest import signed
from tests.factories import EmployeeFactory
from tests.query_counter import count_queries

TODAY = date.today()


def _hire_overdue(employee, months=13):
    """Hired `months` ago (2025 law), no career interview yet: the first is overdue."""
    employee.hire_date = TODAY - timedelta(days=months * 31)
    db.session.commit()


def test_hr_sees_everyone_with_counts_and_reasons(client, login_as, company, grids):
    _hire_overdue(company.employees["employee"])
    _hire_overdue(company.employees["outsider"])
    login_as("hr")
    page = client.get("/compliance/?status=overdue&within=all")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Élodie Salariée" in html and "Olivier Ailleurs" in html
    assert "L6315-1 I" in html  # the reference of the first career interview


def test_manager_sees_only_their_team(client, login_as, company, grids):
    _hire_overdue(company.employees["employee"])
    _hire_overdue(company.employees["outsider"])
    login_as("manager")
    html = client.get("/compliance/?status=overdue&within=all").get_data(as_text=True)
    e = company.employees
    assert f"/compliance/people/{e['employee'].id}" in html
    assert f"/compliance/people/{e['outsider'].id}" not in html
    assert f"/compliance/people/{e['manager'].id}" not in html  # the team's, not their own
    assert client.get("/compliance/penalties").status_code == 403
    assert client.get("/compliance/absences/import").status_code == 403


def test_employee_has_no_dashboard_but_sees_own_panel(client, login_as, company, grids):
    _hire_overdue(company.employees["employee"])
    login_as("employee")
    assert client.get("/compliance/").status_code == 403
    own = client.get(f"/people/{company.employees['employee'].id}").get_data(as_text=True)
    assert 'id="legal-interviews"' in own
    assert client.get(f"/compliance/people/{company.employees['employee'].id}").status_code == 200
    # a colleague's obligations are as absent as a missing page
    assert client.get(f"/compliance/people/{company.employees['peer'].id}").status_code == 404
    assert client.get("/compliance/people/999999").status_code == 404


def test_panel_hidden_from_people_who_may_not_see_the_contract(client, login_as, company):
    login_as("admin")  # administrators see identity, not contracts
    html = client.get(f"/people/{company.employees['employee'].id}").get_data(as_text=True)
    assert 'id="legal-interviews"' not in html


def test_create_interviews_from_a_selection_with_the_right_grid(client, login_as, company, grids):
    employee, peer = company.employees["employee"], company.employees["peer"]
    _hire_overdue(employee)
    peer.hire_date = TODAY - timedelta(days=30)
    peer.birth_date = date(TODAY.year - 59, 1, 1)  # before-60 window open
    db.session.commit()
    login_as("manager")
    from hr.compliance.loading import evaluate
    from hr.people.models import Employee

    result = evaluate(TODAY, Employee.id.in_([employee.id, peer.id]))
    keys = [
        o.key
        for o in result.obligations
        if o.kind in ("career_first", "career_pre60") and o.is_open
    ]
    assert len(keys) == 3, keys  # employee's first; peer's first and before-60
    response = client.post("/compliance/interviews", data={"key": keys})
    assert response.status_code == 303
    created = db.session.scalars(sa.select(Interview).order_by(Interview.id)).all()
    grids_used = {(i.employee_id, i.grid_version.grid.code) for i in created}
    assert (employee.id, "career-fr") in grids_used
    assert (peer.id, "career-pre60-fr") in grids_used or (peer.id, "career-fr") in grids_used
    assert all(i.interviewer_id == company.employees["manager"].id for i in created)
    # the obligation now shows the interview in progress, and cannot be created twice
    again = client.post("/compliance/interviews", data={"key": keys[:1]})
    assert again.status_code == 303
    assert db.session.scalar(sa.select(sa.func.count(Interview.id))) == len(created)


def test_bad_keys_are_refused_without_a_500(client, login_as, company, grids):
    login_as("hr")
    assert client.post("/compliance/interviews", data={"key": ["x:y"]}).status_code == 400
    response = client.post(
        "/compliance/interviews", data={"key": ["999999:career_first:2026-01-01"]}
    )
    assert response.status_code == 303
    assert db.session.scalar(sa.select(sa.func.count(Interview.id))) == 0


def test_manager_cannot_create_for_someone_outside_the_team(client, login_as, company, grids):
    outsider = company.employees["outsider"]
    _hire_overdue(outsider)
    login_as("manager")
    key = f"{outsider.id}:career_first:{outsider.hire_date.isoformat()}"
    client.post("/compliance/interviews", data={"key": [key]})
    assert db.session.scalar(sa.select(sa.func.count(Interview.id))) == 0


def test_done_interview_counts_with_its_report(client, login_as, company, grids):
    employee = company.employees["employee"]
    _hire_overdue(employee, months=20)
    held = signed(employee, "career", TODAY - timedelta(days=40))
    login_as("hr")
    html = client.get(f"/compliance/people/{employee.id}").get_data(as_text=True)
    assert f"/interviews/{held.id}" in html


def test_hr_records_an_absence_audited_and_refuses_bad_dates(client, login_as, company):
    employee = company.employees["employee"]
    login_as("hr")
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"  # assertions on English text
    bad = client.post(
        f"/compliance/people/{employee.id}/absences",
        data={"leave_type": "maternity", "start_date": "2026-03-01", "end_date": "2026-02-01"},
    )
    assert bad.status_code == 200 and "before the start" in bad.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Absence.id))) == 0
    ok = client.post(
        f"/compliance/people/{employee.id}/absences",
        data={"leave_type": "maternity", "start_date": "2026-03-01", "end_date": ""},
    )
    assert ok.status_code == 303
    absence = db.session.scalar(sa.select(Absence))
    assert absence.leave_type == LeaveType.MATERNITY and absence.end_date is None
    event = db.session.scalar(
        sa.select(AuditEvent)
        .where(AuditEvent.entity_type == "absence")
        .order_by(AuditEvent.id.desc())
    )
    assert event.action == "create"
    login_as("manager")
    refused = client.post(
        f"/compliance/people/{employee.id}/absences",
        data={"leave_type": "sabbatical", "start_date": "2026-03-01"},
    )
    assert refused.status_code == 403


def _grow(n: int) -> None:
    """n more people in the team, each with an absence and an interview history."""
    from tests.factories import DepartmentFactory

    dept = DepartmentFactory()
    manager = db.session.scalar(
        sa.select(EmployeeFactory._meta.model).where(
            EmployeeFactory._meta.model.last_name == "Manager"
        )
    )
    for i in range(n):
        e = EmployeeFactory(department=dept, manager=manager, forfait_jours=i % 2 == 0)
        db.session.add(
            Absence(
                employee_id=e.id,
                leave_type=LeaveType.MATERNITY,
                start_date=TODAY - timedelta(days=200),
                end_date=TODAY - timedelta(days=20),
            )
        )
        signed(e, "career", TODAY - timedelta(days=400 + i))
    db.session.commit()


def test_dashboard_queries_do_not_grow_with_the_company(client, login_as, company, grids):
    counts = []
    for size in (3, 30):
        _grow(size)
        for role in ("hr", "manager"):
            login_as(role)
            with count_queries() as queries:
                assert client.get("/compliance/").status_code == 200
            counts.append((role, len(queries)))
    assert counts[0] == counts[2] and counts[1] == counts[3], counts
    assert all(n <= 12 for _role, n in counts), counts  # PERFORMANCE.md budget


# compliance page of <target> → roles allowed (others get 404, never a hint it exists);
# as for contract details: the person, their managers and HR — not administrators.
PERSON_PAGES = {
    "employee": {"employee", "manager", "skip", "hr"},
    "peer": {"manager", "skip", "hr"},
    "outsider": {"outsider", "hr"},
}


@pytest.mark.parametrize("role", ["employee", "manager", "skip", "outsider", "hr", "admin"])
def test_person_compliance_page_by_role_and_relation(client, login_as, company, role):
    login_as(role)
    for target, allowed in PERSON_PAGES.items():
        status = client.get(f"/compliance/people/{company.employees[target].id}").status_code
        assert status == (200 if role in allowed else 404), (role, target, status)


def test_done_training_request_becomes_a_training_record_once(client, login_as, company):
    from hr.compliance.models import TrainingRecord
    from hr.interviews.models import TrainingReason, TrainingRequest, TrainingStatus

    employee = company.employees["employee"]
    request = TrainingRequest(
        employee_id=employee.id,
        subject="Anglais B2",
        reason=TrainingReason.DEVELOP,
        status=TrainingStatus.DONE,
        done_on=TODAY - timedelta(days=10),
    )
    pending = TrainingRequest(employee_id=employee.id, subject="Excel", reason=TrainingReason.ADAPT)
    db.session.add_all([request, pending])
    db.session.commit()
    login_as("hr")
    url = f"/compliance/people/{employee.id}/training-requests/{{}}/record"
    assert "Anglais B2" in client.get(f"/compliance/people/{employee.id}").get_data(as_text=True)
    assert client.post(url.format(request.id)).status_code == 303
    assert client.post(url.format(request.id)).status_code == 303
    client.post(url.format(pending.id))  # not done: refused
    records = db.session.scalars(sa.select(TrainingRecord)).all()
    assert [(r.title, r.training_request_id, r.mandatory) for r in records] == [
        ("Anglais B2", request.id, False)
    ]
    assert client.post(url.format(999999)).status_code == 404


def test_cached_dashboard_follows_every_audited_change(app, client, login_as, company, grids):
    """With the per-process cache on, an audited change (here an absence recorded by
    HR) is on the next page: the cache key is the audit chain's head."""
    employee = company.employees["employee"]
    employee.hire_date = TODAY - timedelta(days=3 * 365)
    db.session.commit()
    app.config["COMPLIANCE_CACHE"] = True
    try:
        login_as("hr")
        url = "/compliance/?kind=career_return&status=open&within=all"
        assert f"/compliance/people/{employee.id}" not in client.get(url).get_data(as_text=True)
        with count_queries() as cached:
            client.get(url)
        client.post(
            f"/compliance/people/{employee.id}/absences",
            data={
                "leave_type": "sabbatical",
                "start_date": (TODAY - timedelta(days=200)).isoformat(),
                "end_date": (TODAY - timedelta(days=20)).isoformat(),
            },
        )
        html = client.get(url).get_data(as_text=True)
        assert f"/compliance/people/{employee.id}" in html
    finally:
        app.config.pop("COMPLIANCE_CACHE")
    assert len(cached) < 9  # a hit reads the audit head, not the company


def test_hr_adds_the_selection_to_a_running_campaign(client, login_as, company, grids):
    from hr.campaigns import services as campaign_services
    from hr.campaigns.population import Criteria
    from hr.interviews.services import published_version_for
    from tests.campaigns import make_campaign
    from tests.grids.helpers import interview_type

    employee = company.employees["employee"]
    _hire_overdue(employee)
    hr = company.users["hr"]
    campaign = make_campaign(
        hr,
        published_version_for(interview_type("career")),
        Criteria(manager_ids=[company.employees["hr"].id]),
        name="Entretiens professionnels",
        opens_on=TODAY - timedelta(days=10),
        interview_deadline=TODAY + timedelta(days=60),
    )
    campaign_services.launch(hr, campaign)
    db.session.commit()
    from hr.compliance.loading import evaluate
    from hr.people.models import Employee

    (first,) = [
        o
        for o in evaluate(TODAY, Employee.id == employee.id).obligations
        if o.kind == "career_first"
    ]
    login_as("manager")  # managers may not add to campaigns
    form = {"key": [first.key], "campaign_id": str(campaign.id), "action": "campaign"}
    assert client.post("/compliance/interviews", data=form).status_code == 403
    login_as("hr")
    assert client.post("/compliance/interviews", data=form).status_code == 303
    added = db.session.scalar(
        sa.select(Interview).where(
            Interview.campaign_id == campaign.id, Interview.employee_id == employee.id
        )
    )
    assert added is not None
    assert (
        client.post("/compliance/interviews", data={**form, "campaign_id": "99999"}).status_code
        == 404
    )


def test_compliance_settings_are_validated_and_used(client, login_as, company):
    from hr.compliance.loading import params
    from hr.core.settings import all_settings

    login_as("admin")
    form = {
        "company_name": "Rhône Mécanique",
        "timezone": "Europe/Paris",
        "career_interval_months": "60",
        "mid_career_age": "45",
        "company_headcount": "",
        "return_always_offer_parental": "y",
    }
    refused = client.post("/admin/settings", data=form)
    assert refused.status_code == 200  # 60 months: longer than the law allows
    assert all_settings()["career_interval_months"] == 48
    form |= {"career_interval_months": "24", "company_headcount": "49"}
    del form["return_always_offer_parental"]
    assert client.post("/admin/settings", data=form).status_code == 303
    from hr.request_cache import request_cache

    request_cache().pop("settings", None)
    p = params(TODAY)
    assert (p.interval_months, p.headcount, p.always_parental) == (24, 49, False)
