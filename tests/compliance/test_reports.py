"""Penalty exposure and payment (audited), the pre-filled 8-year review, CSE figures."""

from __future__ import annotations

import io
from datetime import date, timedelta

import sqlalchemy as sa
from openpyxl import load_workbook

from hr.audit.models import AuditEvent
from hr.compliance.models import PenaltyPayment, Progression, ProgressionKind, TrainingRecord
from hr.core.settings import update_settings
from hr.extensions import db
from hr.interviews.models import Answer, Interview, TrainingReason, TrainingRequest
from tests.compliance.conftest import signed

TODAY = date.today()


def _exposed(company, headcount=60):
    """Hired 8 years and a month ago, no career interview, only a mandatory training."""
    employee = company.employees["employee"]
    employee.hire_date = TODAY - timedelta(days=8 * 366 + 40)
    db.session.add(
        TrainingRecord(
            employee_id=employee.id,
            title="Habilitation électrique",
            start_date=TODAY - timedelta(days=400),
            mandatory=True,
        )
    )
    update_settings(None, {"company_headcount": headcount})
    db.session.commit()
    return employee


def test_exposure_listed_and_payment_recorded_with_audit(client, login_as, company, grids):
    employee = _exposed(company)
    login_as("hr")
    html = client.get("/compliance/penalties").get_data(as_text=True)
    assert f"/compliance/people/{employee.id}" in html and "3 000 €" in html
    review_due = html.split(f"/compliance/penalties/{employee.id}/")[1].split('"')[0]
    refused = client.post(
        f"/compliance/penalties/{employee.id}/{review_due}",
        data={"paid_on": TODAY.isoformat(), "payment_reference": ""},
    )
    assert refused.status_code == 303
    assert db.session.scalar(sa.select(sa.func.count(PenaltyPayment.id))) == 0
    client.post(
        f"/compliance/penalties/{employee.id}/{review_due}",
        data={"paid_on": TODAY.isoformat(), "payment_reference": "VIR-2026-0042"},
    )
    payment = db.session.scalar(sa.select(PenaltyPayment))
    assert (payment.amount, payment.payment_reference) == (3000, "VIR-2026-0042")
    event = db.session.scalar(
        sa.select(AuditEvent).where(AuditEvent.entity_type == "penalty").order_by(AuditEvent.id)
    )
    assert event.action == "record_payment" and event.actor_id == company.users["hr"].id
    assert "VIR-2026-0042" in client.get("/compliance/penalties").get_data(as_text=True)
    assert client.post(f"/compliance/penalties/{employee.id}/not-a-date").status_code == 404


def test_no_exposure_with_a_non_mandatory_training(client, login_as, company, grids):
    employee = _exposed(company)
    db.session.add(
        TrainingRecord(
            employee_id=employee.id,
            title="Anglais professionnel",
            start_date=TODAY - timedelta(days=1000),  # within the reviewed period
            mandatory=False,
        )
    )
    db.session.commit()
    login_as("hr")
    html = client.get("/compliance/penalties").get_data(as_text=True)
    assert f"/compliance/penalties/{employee.id}/" not in html


def test_no_exposure_under_50(client, login_as, company, grids):
    employee = _exposed(company, headcount=49)
    login_as("hr")
    html = client.get("/compliance/penalties").get_data(as_text=True)
    assert f"/compliance/penalties/{employee.id}/" not in html
    assert "under 50" in html or "49" in html


def test_review_prefilled_becomes_the_interview_content(client, login_as, company, grids):
    employee = company.employees["employee"]
    employee.hire_date = TODAY - timedelta(days=8 * 365 - 60)  # review due in ~2 months
    db.session.add_all(
        [
            TrainingRecord(
                employee_id=employee.id,
                title="Lean management",
                start_date=TODAY - timedelta(days=300),
                certification=True,
                certification_name="Green Belt",
            ),
            Progression(
                employee_id=employee.id,
                on=TODAY - timedelta(days=200),
                kind=ProgressionKind.CLASSIFICATION,
            ),
        ]
    )
    db.session.commit()
    held = signed(employee, "career", TODAY - timedelta(days=500))
    login_as("manager")
    page = client.get(f"/compliance/people/{employee.id}/review")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Lean management" in html and "Green Belt" in html and f"/interviews/{held.id}" in html
    response = client.post(f"/compliance/people/{employee.id}/review")
    assert response.status_code == 303
    interview = db.session.scalar(sa.select(Interview).where(Interview.id != held.id))
    assert interview.interview_type.code == "career_review"
    assert interview.grid_version.grid.code == "career-review-fr"
    values = [a.value for a in db.session.scalars(sa.select(Answer).order_by(Answer.id))]
    assert any("Lean management" in str(v) for v in values)
    assert "Green Belt" in values
    assert True in values  # a non-mandatory training was followed
    login_as("employee")  # the employee reads the review's content, never creates it
    assert client.get(f"/compliance/people/{employee.id}/review").status_code == 200
    assert client.post(f"/compliance/people/{employee.id}/review").status_code == 403


def test_cse_figures_and_exports(client, login_as, company, grids):
    employee = company.employees["employee"]
    held = signed(employee, "career", date(TODAY.year, 1, 15))
    signed(company.employees["peer"], "career", date(TODAY.year - 1, 6, 1))
    db.session.add(
        TrainingRequest(
            employee_id=employee.id,
            interview_id=held.id,
            subject="Excel avancé",
            reason=TrainingReason.DEVELOP,
        )
    )
    db.session.add(
        PenaltyPayment(
            employee_id=employee.id,
            review_date=date(TODAY.year - 1, 3, 1),
            amount=3000,
            due_by=date(TODAY.year - 1, 6, 30),
            paid_on=date(TODAY.year, 2, 1),
            payment_reference="X1",
        )
    )
    db.session.commit()
    login_as("hr")
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"  # assertions on English text
    html = client.get(f"/compliance/cse?year={TODAY.year}").get_data(as_text=True)
    assert "Employees who had a career interview" in html or "entretien" in html
    csv_text = client.get(f"/compliance/cse?year={TODAY.year}&format=csv").data.decode("utf-8-sig")
    lines = dict(line.split(";") for line in csv_text.strip().splitlines()[1:])
    assert lines["Employees who had a career interview"] == "1"
    assert lines["Penalties paid (abondement correctif)"] == "1"
    assert lines["Amount of the penalties paid (€)"] == "3000"
    assert lines["Training requests made in career interviews"] == "1"
    xlsx = client.get(f"/compliance/cse?year={TODAY.year}&format=xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.data)).active
    assert sheet["B2"].value == 1
    assert client.get("/compliance/cse?year=abc").status_code == 200
    login_as("manager")
    assert client.get("/compliance/cse").status_code == 403
