"""The calendar in a real browser: the year view and its htmx navigation, filters kept
in the URL, and scheduling from the calendar with a conflict warning.

The interviews are made through the services in the live server's own database, in
a month of next year, so that the demo history never gets in the way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect

from tests.browser.conftest import LiveServer
from tests.browser.test_people_browser import log_in

MANAGER_EMAIL = "manager@demo.parcours.test"
PARIS = ZoneInfo("Europe/Paris")


@dataclass(frozen=True)
class Plan:
    day: date  # a Tuesday in March next year
    busy_id: int  # the manager already interviews someone at 10:00 that day
    to_schedule_id: int  # the demo employee's interview to schedule
    corrective_name: str  # someone with a corrective interview that month
    mobility_name: str
    manager_name: str


def _tuesday_in_march(year: int) -> date:
    day = date(year, 3, 8)
    return day + timedelta(days=(1 - day.weekday()) % 7)


@pytest.fixture(scope="session")
def plan(server: LiveServer) -> Plan:
    from hr.auth.models import User
    from hr.db import db
    from hr.grids.models import InterviewType
    from hr.interviews import services
    from hr.people.models import Employee

    day = _tuesday_in_march(date.today().year + 1)
    with server.app.app_context():
        hr = db.session.scalar(sa.select(User).where(User.email == "rh@demo.parcours.test"))
        manager = db.session.scalar(sa.select(User).where(User.email == MANAGER_EMAIL))
        employee = db.session.scalar(
            sa.select(User).where(User.email == "salarie@demo.parcours.test")
        ).employee
        types = {t.code: t for t in db.session.scalars(sa.select(InterviewType))}
        team = db.session.scalars(
            sa.select(Employee)
            .where(Employee.manager_id == manager.employee_id, Employee.id != employee.id)
            .order_by(Employee.id)
            .limit(2)
        ).all()
        start = datetime.combine(day, time(10), PARIS).astimezone(UTC)
        busy = services.create_interview(hr, team[0], types["mobility"])
        services.schedule(hr, busy, start, start + timedelta(hours=1), "Salle Saône")
        corrective = services.create_interview(hr, team[1], types["corrective"])
        services.schedule(
            hr, corrective, start + timedelta(days=2), start + timedelta(days=2, hours=1)
        )
        todo = services.create_interview(
            hr, employee, types["return"], due_date=day + timedelta(days=10)
        )
        db.session.commit()
        result = Plan(
            day,
            busy.id,
            todo.id,
            team[1].full_name,
            team[0].full_name,
            manager.employee.full_name,
        )
        db.session.remove()
    return result


def test_year_view_and_htmx_navigation(page: Page, plan: Plan):
    log_in(page)
    page.locator("header nav").get_by_role("link", name="Calendar").click()
    expect(page).to_have_url(re.compile(r"/calendar/month/\d{4}-\d{2}$"))
    page.locator("#calendar .cal-views").get_by_role("link", name="Year").click()
    year = date.today().year
    expect(page).to_have_url(re.compile(rf"/calendar/year/{year}$"))
    expect(page.locator(".mini-month")).to_have_count(12)
    # Public holidays are marked; each day links to its page.
    july14 = page.locator(f'a[href="/calendar/day/{year}-07-14"]')
    expect(july14).to_have_attribute("aria-label", re.compile("National Day"))
    # Next year, swapped by htmx (URL pushed): the planned interviews are counted.
    page.get_by_role("link", name=f"{year + 1} →").click()
    expect(page).to_have_url(re.compile(rf"/calendar/year/{year + 1}$"))
    expect(page.locator("#calendar-title")).to_have_text(f"Calendar {year + 1}")
    cell = page.locator(f'a[href="/calendar/day/{plan.day.isoformat()}"]')
    expect(cell).to_have_attribute("aria-label", re.compile(r"\b1 interview\b"))
    # Back to the month from its name.
    page.get_by_role("link", name="March", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/calendar/month/{year + 1}-03$"))
    expect(page.locator(".month-grid")).to_contain_text(plan.mobility_name)


def test_filters_update_the_calendar_and_the_url(page: Page, plan: Plan):
    log_in(page)
    page.goto(f"/calendar/month/{plan.day:%Y-%m}")
    grid = page.locator(".month-grid")
    expect(grid).to_contain_text(plan.mobility_name)
    expect(grid).to_contain_text(plan.corrective_name)
    page.locator("#cal-type").select_option(label="Corrective interview")
    expect(page).to_have_url(re.compile(r"[?&]type=\d+"))
    expect(grid).not_to_contain_text(plan.mobility_name)
    expect(page.locator(".month-grid")).to_contain_text(plan.corrective_name)
    # The filter survives navigation, and the URL works on its own (bookmark).
    page.get_by_role("link", name="Next month →").click()
    expect(page).to_have_url(re.compile(rf"/calendar/month/{plan.day.year}-04\?.*type=\d+"))
    page.reload()
    expect(page.locator("#cal-type option:checked")).to_have_text("Corrective interview")


def test_scheduling_from_the_calendar_warns_about_a_conflict(page: Page, plan: Plan):
    log_in(page, MANAGER_EMAIL)
    page.goto(f"/calendar/month/{plan.day:%Y-%m}?interview={plan.to_schedule_id}")
    expect(page.locator(".picking")).to_contain_text("Return-to-work interview")
    page.locator(f'a.pick[href^="/calendar/day/{plan.day.isoformat()}"]').click()
    expect(page).to_have_url(re.compile(rf"/calendar/day/{plan.day.isoformat()}\?"))
    busy = page.locator(".slot-list li.busy").first
    expect(busy).to_contain_text("10:00")
    busy.get_by_role("link", name="10:00").click()
    expect(page.get_by_role("heading", name="Schedule the interview")).to_be_visible()
    expect(page.locator("#start")).to_have_value("10:00")
    page.get_by_role("button", name="Check and schedule").click()
    warning = page.locator(".slot-warnings")
    # The manager conducts both: they already have one at that time.
    expect(warning).to_contain_text(
        re.compile(rf"{plan.manager_name} already has an interview from 10:00\W*(AM)? to 11:00")
    )
    page.get_by_role("button", name="Schedule anyway").click()
    expect(page).to_have_url(re.compile(rf"/calendar/day/{plan.day.isoformat()}$"))
    expect(page.locator("#flashes")).to_contain_text("Interview scheduled")
    expect(page.locator(".agenda-items")).to_contain_text("Return-to-work interview")


@pytest.mark.parametrize("view", ["year", "month"])
def test_month_and_year_print_on_one_a4_landscape_page(page: Page, plan: Plan, view: str):
    import io

    from pypdf import PdfReader

    log_in(page)
    path = (
        f"/calendar/year/{plan.day.year}" if view == "year" else f"/calendar/month/{plan.day:%Y-%m}"
    )
    page.goto(path)
    expect(page.locator("#calendar")).to_be_visible()
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape
    text = reader.pages[0].extract_text()
    assert plan.mobility_name in text if view == "month" else f"Calendar {plan.day.year}" in text
    assert "Filter" not in text and "Next month" not in text  # no screen controls
