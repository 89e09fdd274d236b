"""Fixtures for the HR import tests (opt-in: nothing here is autouse)."""

from __future__ import annotations

import pytest
from flask_babel import force_locale

from tests.factories import PASSWORD, UserFactory

EN = {"Accept-Language": "en"}


@pytest.fixture
def english(app):
    """Messages made outside a request (service calls, CLI) in English, whatever
    catalogues exist, so that assertions on them do not depend on translations."""
    with force_locale("en"):
        yield


@pytest.fixture
def en_client(client):
    """The test client, asking for English pages."""
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def import_limits(app):
    """Set IMPORT_MAX_BYTES / IMPORT_MAX_ROWS / MAX_CONTENT_LENGTH for one test."""
    keys = ("IMPORT_MAX_BYTES", "IMPORT_MAX_ROWS", "MAX_CONTENT_LENGTH")
    saved = {key: app.config[key] for key in keys}
    yield app.config.update
    app.config.update(saved)


@pytest.fixture
def other_hr(company):
    """A second HR account, with no employee record."""
    return UserFactory(email="rh2@example.test", is_hr=True)


@pytest.fixture
def login_other_hr(client, other_hr):
    def _login():
        client.post("/logout")
        response = client.post("/login", data={"email": other_hr.email, "password": PASSWORD})
        assert response.status_code == 303
        return other_hr

    return _login
