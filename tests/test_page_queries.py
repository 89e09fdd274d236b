"""The pages that `make bench` loads (bench/pages.py) stay cheap whatever the company's
size: each sends the same number of SQL queries for 50 and for 500 people (built by the
demo seeder with a year of history) — exact counts on purpose, a change shows here
first; PERFORMANCE.md allows 12 at most — and lists that grow with the company are
bounded."""

from __future__ import annotations

import pytest

from bench.pages import DEMO_ACCOUNTS, DEMO_PASSWORD, PAGES
from hr.campaigns import progress
from hr.demo import history
from hr.demo.seed import seed_demo
from tests.query_counter import count_queries

EXPECTED = {
    "employee_dashboard": 6,
    "manager_dashboard": 10,
    "campaign_progress": 7,
    "people_search": 6,
    "interview_form": 11,
    "calendar_month": 10,
    "calendar_year": 9,
    "compliance": 5,
    "decisions": 7,
}


@pytest.mark.parametrize("employees", [50, 500])
def test_every_bench_page_costs_the_same_queries_at_any_size(
    app, db, client, monkeypatch, employees
):
    # The interviews around the demo accounts still go through the services; the
    # others are written in bulk (faster, and the pages read them all the same).
    monkeypatch.setattr(history, "SERVICE_INTERVIEWS", 0)
    # As in production: the compliance evaluation (dashboard, legal deadlines in the
    # calendar) is kept per process until the next audited change; the warm-up fills it.
    monkeypatch.setitem(app.config, "COMPLIANCE_CACHE", True)
    seed_demo(employees=employees, seed=2026, years=1)
    db.session.flush()
    counts = {}
    for page in PAGES:
        path, email = page.path(), DEMO_ACCOUNTS[page.role]
        assert path, f"{page.name}: nothing to show in the demo company"
        client.post("/logout")
        login = client.post("/login", data={"email": email, "password": DEMO_PASSWORD})
        assert login.status_code == 303, (page.name, email)
        assert client.get(path).status_code == 200, (page.name, path)  # warm-up
        with count_queries() as statements:
            response = client.get(path)
        assert response.status_code == 200, (page.name, path)
        counts[page.name] = len(statements)
    assert counts == EXPECTED


def test_campaign_progress_lists_the_groups_most_behind_and_all_on_request(
    app, db, client, monkeypatch
):
    monkeypatch.setattr(history, "SERVICE_INTERVIEWS", 0)
    monkeypatch.setattr(progress, "GROUPS_LISTED", 3)
    seed_demo(employees=50, seed=2026, years=0)
    db.session.flush()
    path = next(p for p in PAGES if p.name == "campaign_progress").path()
    client.post("/login", data={"email": DEMO_ACCOUNTS["hr"], "password": DEMO_PASSWORD})
    en = {"Accept-Language": "en"}
    rows = path.replace("/progress", "/interviews")

    def listed(html: str, group: str) -> int:
        return html.count(f'hx-get="{rows}?{group}=')

    bounded = client.get(path, headers=en).get_data(as_text=True)
    assert listed(bounded, "department") == 3 and listed(bounded, "interviewer") == 3
    assert "most late interviews first" in bounded and f"{path}?all=1" in bounded
    everything = client.get(f"{path}?all=1", headers=en).get_data(as_text=True)
    assert listed(everything, "department") > 3 and listed(everything, "interviewer") > 3
    assert "most late interviews first" not in everything
