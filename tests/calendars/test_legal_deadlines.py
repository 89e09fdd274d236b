"""Legal due dates from the compliance engine appear in the calendar of the people
concerned — the person, their managers, HR — and nowhere else."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from flask_babel import force_locale

from hr.calendars import events
from hr.calendars.events import CalendarFilters
from hr.extensions import db

TODAY = date.today()
WINDOW = (TODAY, TODAY + timedelta(days=120))


@pytest.fixture(autouse=True)
def english(app):
    with force_locale("en"):
        yield


def _hired_eleven_months_ago(employee):
    """The first career interview is then due within the next month or so."""
    employee.hire_date = TODAY - timedelta(days=11 * 30)
    db.session.commit()


def _legal(user, scope, filters=None):
    return [
        i
        for i in events.items_between(user, scope, *WINDOW, filters)
        if (i.deadline_kind or "").startswith("legal-")
    ]


def test_first_career_interview_is_a_deadline_for_the_person_manager_and_hr(company):
    employee, outsider = company.employees["employee"], company.employees["outsider"]
    _hired_eleven_months_ago(employee)
    _hired_eleven_months_ago(outsider)
    users = company.users

    hr_items = _legal(users["hr"], "all")
    first = [i for i in hr_items if i.deadline_kind == "legal-career_first"]
    assert {i.employee_id for i in first} == {employee.id, outsider.id}
    item = next(i for i in first if i.employee_id == employee.id)
    assert item.uid.startswith(f"deadline-legal-career_first-{employee.id}-")
    assert item.day and WINDOW[0] <= item.day <= WINDOW[1]
    assert item.start is None and "First career interview" in item.title

    assert {i.employee_id for i in _legal(users["employee"], "mine")} == {employee.id}
    assert outsider.id not in {i.employee_id for i in _legal(users["manager"], "team")}
    assert employee.id in {i.employee_id for i in _legal(users["manager"], "team")}


def test_filters_on_interviews_leave_legal_deadlines_out(company):
    _hired_eleven_months_ago(company.employees["employee"])
    hr = company.users["hr"]
    assert _legal(hr, "all")
    assert _legal(hr, "all", CalendarFilters(status="scheduled")) == []
    dept = company.employees["outsider"].department_id
    kept = _legal(hr, "all", CalendarFilters(department_id=dept))
    assert company.employees["employee"].id not in {i.employee_id for i in kept} or (
        company.employees["employee"].department_id == dept
    )


def test_month_page_links_a_legal_deadline_to_the_compliance_page(client, login_as, company):
    employee = company.employees["employee"]
    _hired_eleven_months_ago(employee)
    item = next(
        i for i in _legal(company.users["hr"], "all") if i.deadline_kind == "legal-career_first"
    )
    login_as("hr")
    page = client.get(f"/calendar/month/{item.day:%Y-%m}?scope=all")
    assert page.status_code == 200
    assert f'href="/compliance/people/{employee.id}"' in page.get_data(as_text=True)
