"""Logging in and out, password changes, rate limiting, sessions."""

from __future__ import annotations

import sqlalchemy as sa

from hr.audit.models import AuditEvent
from tests.factories import PASSWORD

EN = {"Accept-Language": "en"}


def test_login_with_right_credentials_opens_the_home_page(client, company):
    user = company.users["employee"]
    response = client.post("/login", data={"email": user.email.upper(), "password": PASSWORD})
    assert response.status_code == 303 and response.location == "/"
    assert client.get("/").status_code == 200


def test_wrong_password_and_unknown_email_get_the_same_generic_message(client, company, db):
    wrong = client.post(
        "/login", data={"email": company.users["hr"].email, "password": "nope"}, headers=EN
    )
    unknown = client.post(
        "/login", data={"email": "nobody@example.test", "password": "nope"}, headers=EN
    )
    for response in (wrong, unknown):
        assert response.status_code == 200
        assert "Wrong e-mail or password." in response.get_data(as_text=True)
    failures = db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.action == "login_failed")
    ).all()
    assert len(failures) == 2
    assert all("password" not in str(e.changes) for e in failures)


def test_deactivated_account_cannot_log_in(client, company, db):
    company.users["employee"].active = False
    db.session.flush()
    response = client.post(
        "/login", data={"email": company.users["employee"].email, "password": PASSWORD}
    )
    assert response.status_code == 200
    assert client.get("/").status_code == 302


def test_next_parameter_is_followed_only_inside_the_site(client, company):
    user = company.users["hr"]
    ok = client.post("/login", data={"email": user.email, "password": PASSWORD, "next": "/people"})
    assert ok.location == "/people"
    client.post("/logout")
    evil = client.post(
        "/login", data={"email": user.email, "password": PASSWORD, "next": "//evil.example/x"}
    )
    assert evil.location == "/"


def test_logout_is_a_post_and_ends_the_session(client, login_as):
    login_as("employee")
    assert client.get("/logout").status_code == 405
    assert client.post("/logout").status_code == 303
    assert client.get("/").status_code == 302


def test_change_password_checks_the_current_one_and_ends_other_sessions(
    app, client, login_as, company
):
    login_as("employee")
    other = app.test_client()
    other.post("/login", data={"email": company.users["employee"].email, "password": PASSWORD})
    assert other.get("/").status_code == 200

    refused = client.post(
        "/password",
        data={"current": "bad", "new": "nouveau-mot-2026", "confirm": "nouveau-mot-2026"},
        headers=EN,
    )
    assert "The current password is wrong." in refused.get_data(as_text=True)
    mismatch = client.post(
        "/password",
        data={"current": PASSWORD, "new": "nouveau-mot-2026", "confirm": "autre-chose-2026"},
        headers=EN,
    )
    assert "The two passwords differ." in mismatch.get_data(as_text=True)

    done = client.post(
        "/password",
        data={"current": PASSWORD, "new": "nouveau-mot-2026", "confirm": "nouveau-mot-2026"},
    )
    assert done.status_code == 303
    assert client.get("/").status_code == 200  # this session goes on
    assert other.get("/").status_code == 302  # the other one is over
    client.post("/logout")
    again = client.post(
        "/login", data={"email": company.users["employee"].email, "password": "nouveau-mot-2026"}
    )
    assert again.status_code == 303


def test_too_many_login_attempts_are_refused(client, company, login_limit):
    login_limit("3 per minute")
    codes = [
        client.post("/login", data={"email": "x@example.test", "password": "bad"}).status_code
        for _ in range(4)
    ]
    assert codes == [200, 200, 200, 429]
    assert client.get("/login").status_code == 200  # only attempts are limited


def test_htmx_request_with_expired_session_gets_401_and_hx_redirect(client, company):
    response = client.get("/people?q=a", headers={"HX-Request": "true"})
    assert response.status_code == 401
    assert response.headers["HX-Redirect"].startswith("/login?next=")


def test_csrf_token_sent_the_htmx_way_is_accepted_and_its_absence_refused(csrf_app, company):
    from tests.conftest import csrf_token_from

    client = csrf_app.test_client()
    login_page = client.get("/login")
    token = csrf_token_from(login_page.data)
    refused = client.post("/login", data={"email": company.users["hr"].email, "password": PASSWORD})
    assert refused.status_code == 400
    accepted = client.post(
        "/login",
        data={"email": company.users["hr"].email, "password": PASSWORD},
        headers={"X-CSRFToken": token, "HX-Request": "true"},
    )
    assert accepted.status_code == 303
    # An htmx search carries the token the layout puts in hx-headers.
    page = client.get("/people")
    header_token = page.get_data(as_text=True).split('"X-CSRFToken": "')[1].split('"')[0]
    switch = client.post(
        "/language",
        data={"locale": "en", "next": "/people"},
        headers={"X-CSRFToken": header_token, "HX-Request": "true"},
    )
    assert switch.status_code == 303
