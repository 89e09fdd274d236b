"""People directory, employee page and org chart as users see them."""

from __future__ import annotations

import pytest

from tests.factories import DepartmentFactory, EmployeeFactory, SiteFactory
from tests.query_counter import count_queries

EN = {"Accept-Language": "en"}


def _listed(html: str, employee) -> bool:
    return f'href="/people/{employee.id}"' in html


def _grow(company, n):
    """Add n employees under the manager, spread over two departments and sites."""
    sub = DepartmentFactory(name="Atelier", parent=company.department)
    site = SiteFactory(name="Grenoble")
    EmployeeFactory.create_batch(n, manager=company.employees["manager"], department=sub, site=site)


@pytest.mark.parametrize("role", ["hr", "manager"])
def test_people_list_queries_do_not_grow_with_the_company(client, login_as, company, role):
    login_as(role)
    counts = []
    for extra in (50, 450):
        _grow(company, extra)
        with count_queries() as queries:
            response = client.get("/people")
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[0] <= 8


def test_search_is_accent_and_case_insensitive_and_htmx_gets_the_fragment(
    client, login_as, company
):
    login_as("hr")
    employee, peer = company.employees["employee"], company.employees["peer"]
    full = client.get("/people?q=elodie", headers=EN)
    assert _listed(full.get_data(as_text=True), employee)
    assert "<html" in full.get_data(as_text=True)
    fragment = client.get("/people?q=SALARIEE", headers={"HX-Request": "true", **EN})
    body = fragment.get_data(as_text=True)
    assert fragment.status_code == 200
    assert "<html" not in body and 'id="people-results"' in body
    assert _listed(body, employee) and not _listed(body, peer)
    assert "HX-Request" in fragment.headers["Vary"]
    # No message: the page's #flashes is left alone (a background load must not wipe
    # what the page just showed); a pending message comes out of band.
    assert 'id="flashes"' not in body
    with client.session_transaction() as session:
        session["_flashes"] = [("success", "Saved a moment ago.")]
    body = client.get("/people?q=SALARIEE", headers={"HX-Request": "true", **EN}).get_data(
        as_text=True
    )
    assert 'id="flashes"' in body and 'hx-swap-oob="true"' in body
    assert "Saved a moment ago." in body


def test_search_by_employee_number_and_wildcards_are_literal(client, login_as, company):
    login_as("hr")
    peer = company.employees["peer"]
    html = client.get(f"/people?q={peer.employee_number}").get_data(as_text=True)
    assert _listed(html, peer) and not _listed(html, company.employees["employee"])
    assert not _listed(client.get("/people?q=%25").get_data(as_text=True), peer)


def test_filters_department_with_subdepartments_site_manager_contract(client, login_as, company):
    login_as("hr")
    _grow(company, 3)
    dept_id = company.department.id
    html = client.get(f"/people?department={dept_id}").get_data(as_text=True)
    assert _listed(html, company.employees["employee"])
    assert not _listed(html, company.employees["outsider"])
    assert html.count("<tr>") + html.count("<tr class") >= 8  # 5 + 3 in the sub-department
    manager_id = company.employees["manager"].id
    html = client.get(f"/people?manager={manager_id}", headers=EN).get_data(as_text=True)
    assert "Direct reports of Marc Manager" in html
    assert not _listed(html, company.employees["skip"])
    cdd = client.get("/people?contract=cdd").get_data(as_text=True)
    assert not _listed(cdd, company.employees["employee"])
    # Bad filter values are ignored, never an error.
    assert client.get("/people?department=abc&page=-3&contract=zzz").status_code == 200


def test_people_who_left_are_hidden_unless_asked(client, login_as, company, db):
    from datetime import date

    company.employees["peer"].left_on = date(2024, 1, 31)
    db.session.commit()
    login_as("hr")
    peer = company.employees["peer"]
    assert not _listed(client.get("/people").get_data(as_text=True), peer)
    assert _listed(client.get("/people?left=1").get_data(as_text=True), peer)


def test_paging(client, login_as, company, app):
    login_as("hr")
    _grow(company, 30)
    page1 = client.get("/people", headers=EN).get_data(as_text=True)
    assert "Page 1 of 2" in page1
    page2 = client.get("/people?page=2", headers=EN).get_data(as_text=True)
    assert "Page 2 of 2" in page2
    assert client.get("/people?page=99", headers=EN).status_code == 200


def test_employee_page_shows_manager_chain_and_team(client, login_as, company):
    login_as("hr")
    manager = company.employees["manager"]
    html = client.get(f"/people/{manager.id}", headers=EN).get_data(as_text=True)
    chain = html.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert chain.index("Directrice") < chain.index("Niveau2") < chain.index("Marc Manager")
    assert "Salariée" in html and "Collègue" in html  # the team


def test_org_chart_nests_people_under_their_manager(client, login_as, company):
    login_as("employee")
    html = client.get(f"/departments/{company.department.id}").get_data(as_text=True)
    chart = html.split('class="orgchart"')[1]
    # Manager's list opens after the manager and holds both reports.
    after_manager = chart.split("Marc Manager")[1]
    assert "Salariée" in after_manager and "Collègue" in after_manager
    assert (
        chart.index("Claire Directrice")
        < chart.index("Bruno Niveau2")
        < chart.index("Marc Manager")
    )
    # People the viewer may not open are shown without a link.
    assert f'/people/{company.employees["skip"].id}"' not in chart
    assert client.get("/departments/999999").status_code == 404


def test_departments_tree_with_headcounts(client, login_as, company):
    login_as("employee")
    html = client.get("/departments", headers=EN).get_data(as_text=True)
    assert "Production" in html and "5 people" in html


def test_a_team_page_checks_access_in_a_fixed_number_of_queries(client, login_as, company):
    """The N+2 opens a manager's page: each team member's link needs an access check."""
    login_as("skip")
    manager = company.employees["manager"]
    counts = []
    for extra in (5, 45):
        EmployeeFactory.create_batch(extra, manager=manager, department=company.department)
        with count_queries() as queries:
            html = client.get(f"/people/{manager.id}").get_data(as_text=True)
        assert html.count('href="/people/') >= extra
        counts.append(len(queries))
    assert counts[0] == counts[1]
