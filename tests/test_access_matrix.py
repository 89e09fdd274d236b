"""Who may open what: role × page × relation. Any leak fails here.

Relations come from the small company in tests/factories.py:
ceo ← skip ← manager ← (employee, peer); hr and admin report to the ceo;
outsider reports to hr.
"""

from __future__ import annotations

import pytest

from hr import security

ROLES = ["anonymous", "employee", "manager", "skip", "outsider", "hr", "admin"]

# page → {role: expected status}; "login" means a redirect to the login page.
PAGES = {
    "/": dict(
        anonymous="login", employee=200, manager=200, skip=200, outsider=200, hr=200, admin=200
    ),
    "/people": dict(
        anonymous="login", employee=403, manager=200, skip=200, outsider=403, hr=200, admin=200
    ),
    "/departments": dict(
        anonymous="login", employee=200, manager=200, skip=200, outsider=200, hr=200, admin=200
    ),
    "/people/import": dict(
        anonymous="login", employee=403, manager=403, skip=403, outsider=403, hr=200, admin=403
    ),
    "/admin/accounts": dict(
        anonymous="login", employee=403, manager=403, skip=403, outsider=403, hr=403, admin=200
    ),
    "/admin/settings": dict(
        anonymous="login", employee=403, manager=403, skip=403, outsider=403, hr=403, admin=200
    ),
    "/grids/": dict(
        anonymous="login", employee=403, manager=200, skip=200, outsider=403, hr=200, admin=403
    ),
    "/grids/library": dict(
        anonymous="login", employee=403, manager=200, skip=200, outsider=403, hr=200, admin=403
    ),
    "/grids/skills": dict(
        anonymous="login", employee=403, manager=403, skip=403, outsider=403, hr=200, admin=403
    ),
    "/campaigns/": dict(
        anonymous="login", employee=403, manager=403, skip=403, outsider=403, hr=200, admin=403
    ),
    "/interviews/": dict(
        anonymous="login", employee=200, manager=200, skip=200, outsider=200, hr=200, admin=200
    ),
    "/interviews/trainings": dict(
        anonymous="login", employee=200, manager=200, skip=200, outsider=200, hr=200, admin=200
    ),
    "/interviews/actions": dict(
        anonymous="login", employee=200, manager=200, skip=200, outsider=200, hr=200, admin=200
    ),
    "/calendar/feeds": dict(
        anonymous="login", employee=200, manager=200, skip=200, outsider=200, hr=200, admin=200
    ),
    "/mail/": dict(
        anonymous="login", employee=403, manager=403, skip=403, outsider=403, hr=200, admin=403
    ),
    "/decisions/": dict(
        anonymous="login", employee=200, manager=200, skip=200, outsider=200, hr=200, admin=200
    ),
    "/audit/": dict(
        anonymous="login", employee=403, manager=403, skip=403, outsider=403, hr=200, admin=200
    ),
    # legal compliance: HR and managers (their team); HR's reports and imports
    "/compliance/": dict(
        anonymous="login", employee=403, manager=200, skip=200, outsider=403, hr=200, admin=403
    ),
    "/compliance/alerts": dict(
        anonymous="login", employee=403, manager=200, skip=200, outsider=403, hr=200, admin=403
    ),
    "/compliance/penalties": dict(
        anonymous="login", employee=403, manager=403, skip=403, outsider=403, hr=200, admin=403
    ),
    "/compliance/cse": dict(
        anonymous="login", employee=403, manager=403, skip=403, outsider=403, hr=200, admin=403
    ),
    "/compliance/absences/import": dict(
        anonymous="login", employee=403, manager=403, skip=403, outsider=403, hr=200, admin=403
    ),
    "/password": dict(
        anonymous="login", employee=200, manager=200, skip=200, outsider=200, hr=200, admin=200
    ),
}

# person page of <target> → roles allowed (others get 404, never a hint it exists).
PERSON_PAGES = {
    "employee": {"employee", "manager", "skip", "hr", "admin"},
    "peer": {"manager", "skip", "hr", "admin"},
    "manager": {"manager", "skip", "hr", "admin"},
    "skip": {"skip", "hr", "admin"},
    "outsider": {"outsider", "hr", "admin"},
    "hr": {"hr", "admin"},
}


def _status(client, url):
    response = client.get(url)
    if response.status_code in (302, 303) and "/login" in response.location:
        return "login"
    return response.status_code


@pytest.mark.parametrize("role", ROLES)
def test_pages_by_role(client, login_as, role):
    login_as(None if role == "anonymous" else role)
    seen = {url: _status(client, url) for url in PAGES}
    expected = {url: PAGES[url][role] for url in PAGES}
    assert seen == expected


@pytest.mark.parametrize("role", ROLES)
def test_person_pages_by_role_and_relation(client, login_as, company, role):
    login_as(None if role == "anonymous" else role)
    seen, expected = {}, {}
    for target, allowed in PERSON_PAGES.items():
        url = f"/people/{company.employees[target].id}"
        seen[target] = _status(client, url)
        if role == "anonymous":
            expected[target] = "login"
        else:
            expected[target] = 200 if role in allowed else 404
    assert seen == expected


def test_unknown_person_and_forbidden_person_look_the_same(client, login_as, company):
    login_as("employee")
    hidden = client.get(f"/people/{company.employees['outsider'].id}")
    missing = client.get("/people/999999")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.get_data(as_text=True).count("<h1>") == 1
    assert "Ailleurs" not in hidden.get_data(as_text=True)


@pytest.mark.parametrize(
    "role, visible, hidden",
    [
        ("manager", {"manager", "employee", "peer"}, {"skip", "ceo", "hr", "outsider", "admin"}),
        ("skip", {"skip", "manager", "employee", "peer"}, {"ceo", "hr", "outsider", "admin"}),
        ("hr", {"ceo", "skip", "manager", "employee", "peer", "hr", "outsider", "admin"}, set()),
    ],
)
def test_directory_lists_only_people_in_scope(client, login_as, company, role, visible, hidden):
    login_as(role)
    html = client.get("/people").get_data(as_text=True)
    for key in visible:
        assert f'/people/{company.employees[key].id}"' in html, key
    for key in hidden:
        assert f'/people/{company.employees[key].id}"' not in html, key


def test_private_details_only_for_the_person_and_hr(client, login_as, company):
    employee = company.employees["employee"]
    for role, sees_birth_date in [
        ("employee", True),
        ("hr", True),
        ("manager", False),
        ("skip", False),
        ("admin", False),
    ]:
        login_as(role)
        html = client.get(f"/people/{employee.id}").get_data(as_text=True)
        assert ("1980" in html) is sees_birth_date, role


def test_contract_details_for_person_managers_and_hr_not_admin(client, login_as, company):
    employee = company.employees["employee"]
    for role, sees in [
        ("employee", True),
        ("manager", True),
        ("skip", True),
        ("hr", True),
        ("admin", False),
    ]:
        login_as(role)
        html = client.get(f"/people/{employee.id}", headers={"Accept-Language": "en"})
        assert ("Hire date" in html.get_data(as_text=True)) is sees, role


def test_can_refuses_unknown_actions_and_anonymous_users(app, company):
    from flask_login import AnonymousUserMixin

    with app.test_request_context():
        assert (
            security.can(AnonymousUserMixin(), "person.view", company.employees["employee"])
            is False
        )
        with pytest.raises(KeyError):
            security.can(company.users["hr"], "no.such.action")


def test_deactivated_account_loses_access(client, login_as, company, db):
    login_as("hr")
    company.users["hr"].active = False
    db.session.flush()
    response = client.get("/people")
    assert response.status_code == 302 and "/login" in response.location
