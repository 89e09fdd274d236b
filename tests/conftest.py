"""Test fixtures: an app on a migrated database, a rolled-back `db` per test,
a `client`, `login_as(role)`, and factories.

The database is SQLite in a temporary file by default, or `TEST_DATABASE_URL`
(PostgreSQL in CI). It is migrated from empty once per session with Alembic, so
every test also runs against the real migrations.
"""

from __future__ import annotations

import os
import re

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from hr import create_app
from hr.extensions import db as _db
from hr.extensions import limiter

TEST_SECRET = "test-secret-key"


def _reset_database(url: str) -> None:
    """Start from an empty database: drop everything left by an earlier run."""
    if url.startswith("postgresql"):
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP SCHEMA public CASCADE")
            conn.exec_driver_sql("CREATE SCHEMA public")
        engine.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    _reset_database(url)
    return url


@pytest.fixture(scope="session")
def app(database_url):
    os.environ["DATABASE_URL"] = database_url
    application = create_app(
        {
            "SECRET_KEY": TEST_SECRET,
            "TESTING": True,
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
        }
    )
    with application.app_context():
        upgrade()
        yield application
        _db.session.remove()
        _db.engine.dispose()


@pytest.fixture
def db(app):
    """The database inside a transaction that is rolled back after the test."""
    connection = _db.engine.connect()
    transaction = connection.begin()
    original = _db.session
    _db.session = _db._make_scoped_session(
        {"bind": connection, "join_transaction_mode": "create_savepoint"}
    )
    try:
        yield _db
    finally:
        _db.session.remove()
        _db.session = original
        transaction.rollback()
        connection.close()


@pytest.fixture
def client(app, db):
    with app.test_client() as test_client:
        yield test_client


@pytest.fixture
def company(db):
    """A small company: CEO → manager → two employees; an HR person; an admin."""
    from tests.factories import make_company

    return make_company()


@pytest.fixture
def login_as(client, company):
    """login_as('hr'|'manager'|'employee'|'admin'|'skip'|'outsider'|None)."""

    def _login(role):
        client.post("/logout")
        if role is None:
            return None
        user = company.users[role]
        response = client.post("/login", data={"email": user.email, "password": "password-123"})
        assert response.status_code == 303, response.data[:500]
        return user

    return _login


@pytest.fixture
def csrf_app(app):
    """Temporarily turn CSRF protection on (as in production)."""
    app.config["WTF_CSRF_ENABLED"] = True
    yield app
    app.config["WTF_CSRF_ENABLED"] = False


@pytest.fixture
def rate_limited(app):
    app.config["RATELIMIT_ENABLED"] = True
    limiter.enabled = True
    limiter.reset()
    yield
    limiter.reset()
    app.config["RATELIMIT_ENABLED"] = False
    limiter.enabled = False


def csrf_token_from(html: bytes) -> str:
    match = re.search(rb'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html)
    assert match, "no CSRF token in the page"
    return match.group(1).decode()
