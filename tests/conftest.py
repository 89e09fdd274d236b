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
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import orm

from hr import create_app
from hr.cli import bind_migrations
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


class IsolatedClient(FlaskClient):
    """Each request in its own app context, so `g` (and the logged-in user) is fresh
    per request as in production, although the tests hold an app context open."""

    def open(self, *args, **kwargs):
        with self.application.app_context():
            return super().open(*args, **kwargs)


@pytest.fixture(scope="session")
def app(database_url, tmp_path_factory):
    os.environ["DATABASE_URL"] = database_url
    application = create_app(
        {
            "SECRET_KEY": TEST_SECRET,
            "TESTING": True,
            # Service-level messages (no request) in English; pages stay French by default.
            "BABEL_DEFAULT_LOCALE": "en",
            "WTF_CSRF_ENABLED": False,
            "LOGIN_RATE_LIMIT": "1000 per minute",
            # Without SMTP, invitations become .eml files: not in the developer's instance/.
            "MAIL_DIR": str(tmp_path_factory.mktemp("mail")),
        }
    )
    application.test_client_class = IsolatedClient
    bind_migrations(application)
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
    # A plain Session: Flask-SQLAlchemy's own would pick the engine, not this connection.
    session = orm.scoped_session(
        orm.sessionmaker(bind=connection, join_transaction_mode="create_savepoint")
    )
    # Requests end by removing the session; here the test body keeps using it, so that
    # objects made by factories stay attached and see what requests committed.
    real_remove, session.remove = session.remove, lambda: None
    _db.session = session
    try:
        yield _db
    finally:
        real_remove()
        _db.session = original
        transaction.rollback()
        connection.close()


@pytest.fixture
def client(app, db):
    return app.test_client()


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
def login_limit(app):
    """Set a low login rate limit for one test: `login_limit("3 per minute")`."""
    default = app.config["LOGIN_RATE_LIMIT"]

    def _set(value: str) -> None:
        app.config["LOGIN_RATE_LIMIT"] = value
        limiter.reset()

    yield _set
    app.config["LOGIN_RATE_LIMIT"] = default
    limiter.reset()


def csrf_token_from(html: bytes) -> str:
    match = re.search(rb'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html)
    assert match, "no CSRF token in the page"
    return match.group(1).decode()
