"""Browser fixtures: a real threaded server on its own seeded SQLite file, and Chromium.

The live app keeps CSRF protection on, as in production. It uses its own database
(not the rolled-back test one) because the server answers from other threads.
Debian's Chromium is used: Playwright's own browser download is not available here.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from werkzeug.serving import make_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
HR_EMAIL = "rh@demo.parcours.test"
DEMO_PASSWORD = "demo"


@dataclass(frozen=True)
class Person:
    id: int
    first_name: str
    last_name: str
    full_name: str
    employee_number: str


@dataclass(frozen=True)
class LiveServer:
    url: str
    app: object
    person: Person  # someone to look for
    term: str  # part of their last name
    matches: tuple[Person, ...]  # everyone `term` finds
    department_id: int  # a department with teams, for the org chart


def _pick_person(employees) -> tuple[Person, str, tuple[Person, ...]]:
    """An employee and part of their last name that finds a few people, not everyone."""
    from hr.people.models import normalize

    def person(e) -> Person:
        return Person(e.id, e.first_name, e.last_name, e.full_name, e.employee_number)

    candidates = []
    for emp in employees:
        last = emp.last_name
        if len(last) < 5:
            continue
        term = last[: max(4, len(last) - 2)]
        found = [e for e in employees if normalize(term) in e.search_key]
        candidates.append((len(found), emp.employee_number, emp, term, found))
    assert candidates, "the demo company has no usable last name"
    # Prefer a term that finds several people (so filtering is visible) but fits a page.
    candidates.sort(key=lambda c: (not 2 <= c[0] <= 5, c[0], c[1]))
    _n, _number, emp, term, found = candidates[0]
    return person(emp), term, tuple(person(e) for e in found)


@contextmanager
def live_server(tmp_dir: Path) -> Iterator[LiveServer]:
    """Serve a freshly migrated and seeded app on 127.0.0.1 (random port)."""
    from flask_migrate import upgrade

    from hr import create_app
    from hr.cli import bind_migrations
    from hr.db import db
    from hr.demo.seed import seed_demo
    from hr.people.models import Department, Employee

    saved = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp_dir / 'browser.sqlite3'}"
    try:
        app = create_app(
            {
                "SECRET_KEY": "browser-test-secret",
                "WTF_CSRF_ENABLED": True,
                "RATELIMIT_ENABLED": False,
                "MAIL_DIR": str(tmp_dir / "mail"),
            }
        )
    finally:
        if saved is None:
            os.environ.pop("DATABASE_URL", None)
        else:
            os.environ["DATABASE_URL"] = saved

    bind_migrations(app)
    with app.app_context():
        upgrade()
        seed_demo(employees=80)
        db.session.commit()
        employees = db.session.scalars(
            sa.select(Employee).where(Employee.left_on.is_(None)).order_by(Employee.id)
        ).all()
        person, term, matches = _pick_person(employees)
        department_id = db.session.scalar(sa.select(Department.id).where(Department.code == "PROD"))
        db.session.remove()

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield LiveServer(
            url=f"http://127.0.0.1:{server.server_port}",
            app=app,
            person=person,
            term=term,
            matches=matches,
            department_id=department_id,
        )
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
        with app.app_context():
            db.engine.dispose()


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: browser tests need Debian's chromium"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}; it must be installed in CI (.ci/run installs it).")
        pytest.skip(f"{message} (apt-get install -y chromium).")
    return CHROMIUM


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[LiveServer]:
    with live_server(tmp_path_factory.mktemp("browser")) as running:
        yield running


@pytest.fixture(scope="session")
def chromium(chromium_path):
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=WAIT_MS)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Waits, not timed assertions: generous, because CI machines are shared (a run under
# heavy load once took over 10 s for a page, and every browser test failed).
WAIT_MS = 30_000


def _context(chromium, server: LiveServer, **options):
    context = chromium.new_context(base_url=server.url, locale="en-GB", **options)
    context.set_default_timeout(WAIT_MS)
    context.set_default_navigation_timeout(WAIT_MS)
    return context


@pytest.fixture
def page(chromium, server):
    context = _context(chromium, server)
    yield context.new_page()
    context.close()


@pytest.fixture
def nojs_page(chromium, server):
    context = _context(chromium, server, java_script_enabled=False)
    yield context.new_page()
    context.close()
