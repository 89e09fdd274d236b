"""Progress: counts per status, department and interviewer (one GROUP BY each), the
completion rate, late interviews, the drill-down fragment, constant query counts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from hr.campaigns import progress, services
from hr.campaigns.population import Criteria
from hr.extensions import db
from hr.interviews.models import Interview, Status
from hr.people.models import Department, DepartmentKind
from tests.campaigns import EN, HX, make_campaign, make_org, make_staff, published_version
from tests.query_counter import count_queries


@pytest.fixture
def org(db, company):
    return make_org()


@pytest.fixture
def running(company, org):
    version = published_version(company.users["hr"])
    yesterday = date.today() - timedelta(days=1)
    campaign = make_campaign(
        company.users["hr"],
        version,
        Criteria(department_ids=(org.departments["DIR"].id,)),
        opens_on=yesterday - timedelta(days=30),
        interview_deadline=yesterday,
    )
    services.launch(company.users["hr"], campaign)
    db.session.commit()
    return campaign


def _by_employee(campaign) -> dict[int, Interview]:
    return {
        i.employee_id: i
        for i in db.session.scalars(
            sa.select(Interview).where(Interview.campaign_id == campaign.id)
        )
    }


def _set(campaign, org, **statuses) -> None:
    interviews = _by_employee(campaign)
    for name, status in statuses.items():
        interviews[org.people[name].id].status = status
    db.session.commit()


def test_counts_per_status_department_and_interviewer(running, org):
    # DIR population: boss m1 (SVC, DIR) a b e nohire (TEAM) c (SVC)
    _set(running, org, a=Status.SIGNED, b=Status.CLOSED, c=Status.CANCELLED, m1=Status.HELD)
    result = progress.progress(running)
    overall = result.overall
    assert overall.total == 7 and overall.counted == 6 and overall.done == 2
    assert overall.rate == pytest.approx(2 / 6)
    assert overall.by_status[Status.TO_SCHEDULE] == 3
    assert overall.late == 4  # due yesterday and not ended: boss, e, nohire, m1 (held)
    departments = {c.label: c for c in result.departments}
    assert set(departments) == {"Direction test", "Service test", "Équipe test"}
    team = departments["Équipe test"]
    assert team.total == 4 and team.done == 2 and team.late == 2
    assert team.by_status == {Status.SIGNED: 1, Status.CLOSED: 1, Status.TO_SCHEDULE: 2}
    service = departments["Service test"]
    assert service.by_status == {Status.CANCELLED: 1, Status.HELD: 1} and service.rate == 0
    interviewers = {c.key: c for c in result.interviewers}
    p = org.people
    assert interviewers[p["m1"].id].total == 4  # a b c nohire (e has no interviewer)
    assert interviewers[p["m1"].id].done == 2
    assert interviewers[p["boss"].id].total == 1  # m1
    assert interviewers[None].total == 2  # boss (no manager), e (manager left)
    assert result.statuses[0] == Status.TO_SCHEDULE and result.statuses[-1] == Status.CANCELLED
    assert {r.employee_id for r in result.late} == org.ids("boss", "e", "nohire", "m1")


def test_progress_page_highlights_late_and_links_the_drill_down(client, login_as, running, org):
    _set(running, org, a=Status.SIGNED)
    login_as("hr")
    page = client.get(f"/campaigns/{running.id}/progress", headers=EN).get_data(as_text=True)
    assert "Late interviews to chase" in page
    assert f'href="/interviews/{_by_employee(running)[org.people["b"].id].id}"' in page
    assert '<span class="warn">' in page
    team = org.departments["TEAM"].id
    assert f'hx-get="/campaigns/{running.id}/interviews?department={team}"' in page
    assert f'hx-get="/campaigns/{running.id}/interviews?interviewer=0"' in page
    assert "No interviewer yet" in page


def test_drill_down_fragment_by_department_and_interviewer(client, login_as, running, org):
    login_as("hr")
    url = f"/campaigns/{running.id}/interviews"
    fragment = client.get(
        url, query_string={"department": org.departments["TEAM"].id}, headers=HX
    ).get_data(as_text=True)
    assert fragment.lstrip().startswith('<section id="interview-list"')
    assert "<html" not in fragment
    for number in ("C003", "C004", "C009", "C010"):
        assert number in fragment
    assert "C005" not in fragment and "C001" not in fragment
    assert "late" in fragment  # due yesterday
    by_manager = client.get(
        url, query_string={"interviewer": org.people["boss"].id}, headers=HX
    ).get_data(as_text=True)
    assert "C002" in by_manager and "C003" not in by_manager
    none = client.get(url, query_string={"interviewer": 0}, headers=HX).get_data(as_text=True)
    assert "C001" in none and "C009" in none and "C003" not in none
    page = client.get(url, query_string={"late": 1}, headers=EN)
    assert page.status_code == 200 and b"<html" in page.data and b"C010" in page.data
    assert client.get(url, query_string={"department": "x", "status": "nope"}).status_code == 200


def _page_queries(client, url) -> int:
    with count_queries() as statements:
        assert client.get(url).status_code == 200
    return len(statements)


def _big_department(org, size: int) -> Department:
    """A department of `size` people in teams of 100 under their own managers."""
    big = Department(code="BIG", name="Grand service", kind=DepartmentKind.SERVICE)
    db.session.add(big)
    head = make_staff(1, big, org.people["boss"], "BH")[0]
    for t in range(size // 100):
        unit = Department(
            code=f"BIG{t}", name=f"Grande équipe {t}", kind=DepartmentKind.TEAM, parent=big
        )
        db.session.add(unit)
        manager = make_staff(1, unit, head, f"BM{t}")[0]
        make_staff(99, unit, manager, f"BE{t}")
    make_staff(3, big, None, "BN")  # a few without a manager
    return big


def test_pages_cost_the_same_number_of_queries_at_any_size(client, login_as, org, company):
    hr = company.users["hr"]
    version = published_version(hr)
    big = _big_department(org, 300)
    campaigns = {}
    for size, department in (("small", org.departments["DIR"]), ("big", big)):
        criteria = Criteria(department_ids=(department.id,), hired_before=date(2030, 1, 1))
        campaigns[size] = make_campaign(hr, version, criteria, name=size)
        services.launch(hr, campaigns[size])
        campaigns[f"{size} draft"] = make_campaign(hr, version, criteria, name=f"{size} draft")
    db.session.commit()
    assert len(_by_employee(campaigns["big"])) > 300 > len(_by_employee(campaigns["small"]))
    login_as("hr")
    counts = {}
    for size in ("small", "big"):
        cid, draft_id = campaigns[size].id, campaigns[f"{size} draft"].id
        urls = {
            "show": f"/campaigns/{cid}",
            "progress": f"/campaigns/{cid}/progress",
            "list": f"/campaigns/{cid}/interviews",
            "late": f"/campaigns/{cid}/interviews?late=1",
            "department": f"/campaigns/{cid}/interviews?department={org.departments['TEAM'].id}",
            "draft": f"/campaigns/{draft_id}",
            "edit": f"/campaigns/{draft_id}/edit",
        }
        counts[size] = {name: _page_queries(client, url) for name, url in urls.items()}
    assert counts["big"] == counts["small"]
    assert max(counts["big"].values()) <= 12, counts["big"]


def test_campaign_list_queries_do_not_grow_with_campaigns(client, login_as, org, company):
    hr = company.users["hr"]
    version = published_version(hr)
    make_campaign(hr, version, name="Première")
    db.session.commit()
    login_as("hr")
    one = _page_queries(client, "/campaigns/")
    for n in range(5):
        services.launch(hr, make_campaign(hr, version, name=f"Campagne {n}"))
    db.session.commit()
    assert _page_queries(client, "/campaigns/") == one <= 6
