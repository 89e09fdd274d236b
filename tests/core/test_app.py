"""Application-wide behaviour: health, headers, configuration, languages, errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from hr.config import ConfigError, load_config


def test_health_check_answers_ok_after_a_database_round_trip(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok"}


def test_health_check_is_503_when_the_database_fails(client, db, monkeypatch):
    def broken(*args, **kwargs):
        raise sa.exc.OperationalError("SELECT 1", {}, Exception("database is down"))

    monkeypatch.setattr(db.session, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json == {"status": "error"}


def test_security_headers_on_every_page(client):
    response = client.get("/login")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "<script>" not in response.get_data(as_text=True)  # no inline scripts


def test_production_refuses_to_start_without_a_secret_key(tmp_path, monkeypatch):
    monkeypatch.setenv("PARCOURS_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError):
        load_config(tmp_path)
    monkeypatch.setenv("SECRET_KEY", "s3cret")
    config = load_config(tmp_path)
    assert config["SESSION_COOKIE_SECURE"] is True
    assert config["REMEMBER_COOKIE_SECURE"] is True


def test_local_mode_generates_the_secret_key_once(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("PARCOURS_ENV", raising=False)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = load_config(tmp_path)["SECRET_KEY"]
    second = load_config(tmp_path)["SECRET_KEY"]
    assert first == second and len(first) >= 64
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_french_by_default_english_on_request(client):
    assert "Connexion" in client.get("/login").get_data(as_text=True)
    english = client.get("/login", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert "Log in to Parcours" in english.get_data(as_text=True)


def test_the_users_language_choice_is_saved_on_the_account(client, login_as, company):
    user = login_as("employee")
    response = client.post(
        "/language", data={"locale": "en", "next": "/"}, headers={"Accept-Language": "fr"}
    )
    assert response.status_code == 303
    assert user.locale == "en"
    assert "Hello" in client.get("/", headers={"Accept-Language": "fr"}).get_data(as_text=True)


def test_unknown_page_is_a_clear_404_without_details(client, login_as):
    login_as("employee")
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "Traceback" not in response.get_data(as_text=True)


def test_dates_are_formatted_in_the_users_language(client, login_as, company):
    login_as("employee")
    employee_id = company.employees["employee"].id
    fr = client.get(f"/people/{employee_id}").get_data(as_text=True)
    en = client.get(f"/people/{employee_id}", headers={"Accept-Language": "en"})
    assert "17 mai 1980" in fr
    assert "May 17, 1980" in en.get_data(as_text=True)


def test_the_wsgi_entry_point_keeps_start_up_objects_out_of_full_collections(tmp_path):
    # gunicorn imports app.py in each worker: what start-up built is frozen (gc.freeze),
    # so the cycle collector's full passes walk only what requests create.
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'entry.sqlite3'}",
        "SECRET_KEY": "entry-point-test",
        "PARCOURS_ENV": "local",
    }
    probe = "import gc, app; print(gc.get_freeze_count(), app.app.name)"
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    frozen, name = done.stdout.split()
    assert int(frozen) > 10_000 and name == "hr"
