"""The page where people manage their calendar links, and the `ical-url` command."""

from __future__ import annotations

import re

import sqlalchemy as sa

from hr.audit.models import AuditEvent
from hr.calendars.feeds import FeedToken
from hr.cli import hr_cli
from hr.extensions import db
from tests.conftest import csrf_token_from


def _urls(html: str) -> list[str]:
    return re.findall(r'value="(https?://[^"]+\.ics)"', html)


def test_create_shows_the_url_once_with_webcal_and_instructions(client, login_as, company):
    login_as("employee")
    page = client.get("/calendar/feeds").get_data(as_text=True)
    assert 'value="mine"' in page and 'value="team"' not in page and 'value="all"' not in page
    response = client.post("/calendar/feeds", data={"scope": "mine"})
    assert response.status_code == 303
    shown = client.get(response.location).get_data(as_text=True)
    (url,) = _urls(shown)
    assert f'href="webcal://{url.split("://", 1)[1]}"' in shown
    for client_name in ("Outlook", "Google", "Apple", "Thunderbird"):
        assert client_name in shown
    assert re.search(r"\b(hours|heures)\b", shown)  # how long each takes to refresh
    assert client.get(url.split("://", 1)[1].split("/", 1)[1].join(["/", ""])).status_code == 200
    later = client.get("/calendar/feeds").get_data(as_text=True)
    assert _urls(later) == [] and url not in later  # shown once
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    stored = db.session.scalars(sa.select(FeedToken.token_hash)).all()
    assert token not in stored


def test_managers_and_hr_get_their_scopes(client, login_as, company):
    login_as("manager")
    page = client.get("/calendar/feeds").get_data(as_text=True)
    assert 'value="team"' in page and 'value="all"' not in page
    login_as("hr")
    assert 'value="all"' in client.get("/calendar/feeds").get_data(as_text=True)
    login_as("employee")
    response = client.post("/calendar/feeds", data={"scope": "all"})
    assert response.status_code == 303
    assert db.session.scalar(sa.select(sa.func.count()).select_from(FeedToken)) == 0


def test_regenerate_and_delete_from_the_page(client, login_as, company):
    login_as("employee")
    client.post("/calendar/feeds", data={"scope": "mine"})
    old_url = _urls(client.get("/calendar/feeds").get_data(as_text=True))
    feed = db.session.scalar(sa.select(FeedToken))
    assert client.post(f"/calendar/feeds/{feed.id}/regenerate").status_code == 303
    page = client.get("/calendar/feeds").get_data(as_text=True)
    (new_url,) = _urls(page)
    assert new_url not in old_url
    old_path = "/ical/" + old_url[0].rsplit("/ical/", 1)[1] if old_url else None
    if old_path:
        assert client.get(old_path).status_code == 410
    new = db.session.scalar(sa.select(FeedToken).where(FeedToken.revoked_at.is_(None)))
    assert client.post(f"/calendar/feeds/{new.id}/delete").status_code == 303
    assert client.get("/ical/" + new_url.rsplit("/ical/", 1)[1]).status_code == 410
    assert "You have no calendar link yet" in client.get(
        "/calendar/feeds", headers={"Accept-Language": "en"}
    ).get_data(as_text=True)
    actions = db.session.scalars(
        sa.select(AuditEvent.action)
        .where(AuditEvent.entity_type == "feed_token")
        .order_by(AuditEvent.id)
    ).all()
    assert actions == ["create", "revoke", "create", "revoke"]


def test_someone_elses_feed_is_404(client, login_as, company):
    login_as("manager")
    client.post("/calendar/feeds", data={"scope": "mine"})
    feed = db.session.scalar(sa.select(FeedToken))
    login_as("employee")
    assert client.post(f"/calendar/feeds/{feed.id}/delete").status_code == 404
    assert client.post(f"/calendar/feeds/{feed.id}/regenerate").status_code == 404
    assert client.post("/calendar/feeds/999999/delete").status_code == 404


def test_forms_need_a_csrf_token(client, login_as, company, app):
    login_as("employee")
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        assert client.post("/calendar/feeds", data={"scope": "mine"}).status_code == 400
        assert db.session.scalar(sa.select(sa.func.count()).select_from(FeedToken)) == 0
        token = csrf_token_from(client.get("/calendar/feeds").data)
        client.post("/calendar/feeds", data={"scope": "mine", "csrf_token": token})
        assert db.session.scalar(sa.select(sa.func.count()).select_from(FeedToken)) == 1
    finally:
        app.config["WTF_CSRF_ENABLED"] = False


def test_anonymous_is_sent_to_login(client):
    response = client.get("/calendar/feeds")
    assert response.status_code == 302 and "/login" in response.location


def test_ical_url_command(app, company, client):
    runner = app.test_cli_runner()
    result = runner.invoke(hr_cli, ["ical-url", company.users["manager"].email, "--scope", "team"])
    assert result.exit_code == 0, result.output
    url = result.output.strip()
    assert url.startswith("http") and url.endswith(".ics") and len(url) < 256
    assert client.get("/ical/" + url.rsplit("/ical/", 1)[1]).status_code == 200
    refused = runner.invoke(hr_cli, ["ical-url", company.users["employee"].email, "--scope", "all"])
    assert refused.exit_code != 0 and "not allowed" in refused.output
    unknown = runner.invoke(hr_cli, ["ical-url", "nobody@example.test"])
    assert unknown.exit_code != 0
