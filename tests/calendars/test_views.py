"""Calendar pages: year, month, day and agenda; filters in the query string; what each
role sees; bad URLs and query strings; bounded queries."""

from __future__ import annotations

from datetime import date

import pytest

from hr.extensions import db
from hr.people.models import Department, DepartmentKind
from tests.calendars import EN, HX, make_interview, utc
from tests.grids.helpers import interview_type
from tests.query_counter import count_queries


@pytest.fixture
def december(company):
    """Élodie's annual interview on 3 December, Paul's corrective on 4 December, the
    manager's own on 7 December; an interview still to schedule due on 18 December."""
    return {
        "annual": make_interview(company, "employee", start=utc(2026, 12, 3, 9)),
        "corrective": make_interview(company, "peer", "corrective", start=utc(2026, 12, 4, 13)),
        "own": make_interview(company, "manager", start=utc(2026, 12, 7, 9)),
        "todo": make_interview(company, "outsider", due=date(2026, 12, 18)),
    }


def page(client, url, headers=EN):
    response = client.get(url, headers=headers)
    return response.status_code, response.get_data(as_text=True)


def test_calendar_needs_a_login(client):
    response = client.get("/calendar/month/2026-12")
    assert response.status_code in (302, 401)


def test_index_redirects_to_this_month_with_filters(client, login_as):
    login_as("employee")
    response = client.get("/calendar/?status=scheduled")
    assert response.status_code == 302
    today = date.today()
    assert response.location.endswith(f"/calendar/month/{today:%Y-%m}?status=scheduled")


def test_index_ignores_unknown_parameters(client, login_as):
    login_as("employee")
    response = client.get("/calendar/?ym=1&year=2&scope=mine")
    assert response.status_code == 302
    assert response.location.endswith("?scope=mine")


def test_month_shows_each_roles_interviews(client, login_as, december):
    login_as("employee")
    status, html = page(client, "/calendar/month/2026-12")
    assert status == 200
    assert "December 2026" in html
    assert "Annual evaluation: Élodie Salariée" in html
    assert "Paul" not in html.split('id="calendar"')[1]
    login_as("manager")
    _, html = page(client, "/calendar/month/2026-12")
    assert "Élodie Salariée" in html
    assert "Corrective interview: Paul Collègue" in html  # the manager conducts it
    login_as("skip")
    _, html = page(client, "/calendar/month/2026-12")
    assert "Annual evaluation: Élodie Salariée" in html
    assert "Corrective interview:" not in html  # confidential: not the rest of the chain
    assert "Annual evaluation: Marc Manager" in html
    login_as("hr")
    _, html = page(client, "/calendar/month/2026-12")
    assert "Corrective interview: Paul Collègue" in html
    assert "1 interview to hold by this date" in html


def test_month_marks_public_holidays_and_links_days(client, login_as, december):
    login_as("hr")
    _, html = page(client, "/calendar/month/2026-12")
    assert "Christmas Day" in html
    assert 'href="/calendar/day/2026-12-03"' in html
    _, html = page(client, "/calendar/month/2026-07")
    assert "National Day" in html


def test_year_view_counts_and_holidays(client, login_as, december):
    login_as("hr")
    status, html = page(client, "/calendar/year/2026")
    assert status == 200
    assert "Calendar 2026" in html
    assert html.count('class="mini-month"') == 12
    assert "Thursday, December 3, 2026, 1 interview" in html
    assert "Friday, December 18, 2026, 1 deadline" in html
    assert "Tuesday, July 14, 2026, National Day" in html
    assert "3 interviews scheduled" in html
    # The employee sees only their own interview in the year.
    login_as("employee")
    _, html = page(client, "/calendar/year/2026")
    assert "1 interview scheduled" in html


def test_day_and_agenda(client, login_as, december):
    login_as("manager")
    status, html = page(client, "/calendar/day/2026-12-03")
    assert status == 200
    assert "Annual evaluation: Élodie Salariée" in html and "Salle A" in html
    status, html = page(client, "/calendar/agenda?start=2026-12-01&days=14")
    assert status == 200
    assert "Annual evaluation: Élodie Salariée" in html
    assert "Corrective interview: Paul Collègue" in html
    assert "Annual evaluation: Marc Manager" not in html  # "My team" excludes the manager's own
    _, html = page(client, "/calendar/agenda?start=2026-12-01&days=14&scope=mine")
    assert "Annual evaluation: Marc Manager" in html


def test_filters_in_the_query_string(client, login_as, company, december):
    sub = Department(code="SUB", name="Atelier", kind=DepartmentKind.TEAM)
    sub.parent = company.department
    company.employees["peer"].department = sub
    db.session.commit()
    login_as("hr")
    prod = company.department.id

    def shown(query):
        _, html = page(client, f"/calendar/agenda?start=2026-12-01&days=31&{query}")
        return html

    html = shown(f"department={prod}")
    assert "Élodie Salariée" in html and "Paul Collègue" in html  # sub-department included
    html = shown(f"department={sub.id}")
    assert "Élodie Salariée" not in html and "Paul Collègue" in html
    html = shown(f"type={interview_type('corrective').id}")
    assert "Paul Collègue" in html and "Élodie Salariée" not in html
    html = shown(f"manager={company.employees['manager'].id}")
    assert "Élodie Salariée" in html and "Annual evaluation: Marc Manager" not in html
    html = shown("status=to_schedule")
    assert "1 interview to hold by this date" in html and "Élodie Salariée" not in html
    # Links keep the filters.
    assert "status=to_schedule" in html.split('rel="next"')[0].rsplit("href=", 1)[1]


@pytest.mark.parametrize(
    "query,message",
    [
        ("scope=all", "This calendar is not available to you"),
        ("scope=%3Cscript%3E", "This calendar is not available to you"),
        ("type=abc", "Unknown kind of interview"),
        ("type=999999", "Unknown kind of interview"),
        ("department=1", "Unknown department"),
        ("manager=-3", "Unknown manager"),
        ("status=lost", "Unknown status"),
    ],
)
def test_bad_filters_give_a_message_not_an_error(client, login_as, december, query, message):
    login_as("employee")
    status, html = page(client, f"/calendar/month/2026-12?{query}")
    assert status == 200
    assert message in html
    assert "Annual evaluation: Élodie Salariée" in html  # still the employee's own calendar
    assert "<script>" not in html


def test_a_manager_may_not_filter_on_someone_elses_team(client, login_as, company, december):
    login_as("manager")
    _, html = page(client, f"/calendar/month/2026-12?manager={company.employees['hr'].id}")
    assert "Unknown manager" in html


def test_a_manager_is_offered_the_departments_of_their_people_and_those_above(
    client, login_as, company, december
):
    team = Department(code="SUB", name="Atelier", kind=DepartmentKind.TEAM)
    team.parent = company.department
    company.employees["peer"].department = team
    company.employees["employee"].department = team
    db.session.commit()

    def offered(query="") -> str:
        _, html = page(client, f"/calendar/month/2026-12?{query}")
        return html.split('name="department"', 1)[1].split("</select>", 1)[0]

    login_as("manager")  # their two reports are in the Atelier, under Production
    assert "Atelier" in offered() and ">Production<" in offered()
    assert "Ressources humaines" not in offered()
    _, html = page(client, f"/calendar/month/2026-12?department={company.department.id}")
    assert "Unknown department" not in html and "Élodie Salariée" in html
    login_as("hr")
    assert "Production" in offered() and "Ressources humaines" in offered()


@pytest.mark.parametrize(
    "url",
    [
        "/calendar/month/2026-13",
        "/calendar/month/2026-1",
        "/calendar/month/abcd-ef",
        "/calendar/month/99999-01",
        "/calendar/year/20266",
        "/calendar/year/1066",
        "/calendar/day/2026-02-30",
        "/calendar/day/yesterday",
    ],
)
def test_bad_periods_are_not_found(client, login_as, url):
    login_as("employee")
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("query", ["start=2026-02-30", "start=x", "days=1000", "days=-1"])
def test_bad_agenda_parameters(client, login_as, query):
    login_as("employee")
    status, html = page(client, f"/calendar/agenda?{query}")
    assert status == 200
    assert "Invalid" in html


def test_htmx_gets_the_fragment_only(client, login_as, december):
    login_as("hr")
    response = client.get("/calendar/month/2026-11", headers=HX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="calendar"')
    assert "<html" not in html
    assert "HX-Request" in response.headers["Vary"]
    full = client.get("/calendar/month/2026-11", headers=EN).get_data(as_text=True)
    assert "<html" in full and 'hx-push-url="true"' in full


def test_nav_link_for_everyone(client, login_as):
    login_as("employee")
    html = client.get("/", headers=EN).get_data(as_text=True)
    assert 'href="/calendar/"' in html


@pytest.mark.parametrize("view", ["month/2026-12", "year/2026", "agenda?start=2026-12-01"])
def test_query_count_does_not_grow(client, login_as, company, view):
    login_as("hr")
    make_interview(company, "employee", start=utc(2026, 12, 3, 9))
    make_interview(company, "outsider", due=date(2026, 12, 18))

    def measure():
        with count_queries() as queries:
            assert client.get(f"/calendar/{view}", headers=EN).status_code == 200
        return len(queries)

    small = measure()
    for day in range(4, 24):
        make_interview(company, "peer", start=utc(2026, 12, day, 9))
        make_interview(company, "employee", "career", due=date(2026, 12, day))
    assert measure() == small


def test_agenda_lists_a_busy_day_up_to_a_limit(client, login_as, company, monkeypatch):
    from hr.calendars import views

    monkeypatch.setattr(views, "AGENDA_PER_DAY", 2)
    for hour in (8, 9, 10):
        make_interview(company, "peer", start=utc(2026, 12, 3, hour))
    login_as("hr")
    _, html = page(client, "/calendar/agenda?start=2026-12-01&days=7")
    assert html.count('title="Annual evaluation: Paul Collègue"') == 2
    assert "And 1 more on this day" in html
    _, html = page(client, "/calendar/day/2026-12-03")
    assert html.count('title="Annual evaluation: Paul Collègue"') == 3
