"""Measurements inside this process, with Flask's test client on a database file:
SQL statements per page (a SQLAlchemy event counter), one unloaded request's server
time per page (median of single requests), and the bulk operations (campaign launch,
import, compliance status) timed around the service call and its commit."""

from __future__ import annotations

import logging
import os
import re
import statistics
import time
from contextlib import contextmanager
from pathlib import Path

from bench.pages import DEMO_ACCOUNTS, DEMO_PASSWORD, Page

SECRET = "bench-secret-key-not-for-production"
SINGLE_REQUESTS = 9
# Not queries: what SQLite's transaction handling sends (tests/query_counter.py agrees).
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


def make_app(database: Path):
    """A Parcours app on `database`, configured as in production except the login
    rate limit (the bench logs in several times a minute)."""
    from hr import create_app, settle_after_start

    os.environ["DATABASE_URL"] = f"sqlite:///{database.resolve()}"
    app = create_app({"SECRET_KEY": SECRET, "RATELIMIT_ENABLED": False})
    app.logger.setLevel(logging.CRITICAL)  # a failing page shows as its status in the table
    settle_after_start()  # as app.py, which gunicorn workers import
    return app


def login(app, email: str):
    """A test client logged in as `email` (demo password), through the real form."""
    client = app.test_client()
    page = client.get("/login")
    match = re.search(rb'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page.data)
    data = {"email": email, "password": DEMO_PASSWORD}
    if match:
        data["csrf_token"] = match.group(1).decode()
    response = client.post("/login", data=data)
    if response.status_code != 303:
        raise SystemExit(f"bench: cannot log in as {email} ({response.status_code})")
    return client


@contextmanager
def counting(app):
    """Collects the SQL statements sent while the block runs (queries, not BEGIN)."""
    from sqlalchemy import event

    from hr.extensions import db

    statements: list[str] = []

    def _before(conn, cursor, statement, *args):
        if not statement.lstrip().upper().startswith(TRANSACTION_CONTROL):
            statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", _before)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", _before)


def resolve(app, pages: list[Page]) -> tuple[dict[str, str | None], dict[str, str]]:
    """Each page's path, and the e-mail to log in with for each role."""
    from hr.extensions import db

    with app.app_context():
        paths = {page.name: page.path() for page in pages}
        emails = {page.role: DEMO_ACCOUNTS[page.role] for page in pages}
        db.session.commit()
    return paths, emails


def page_figures(database: Path, pages: list[Page], timed: bool) -> dict[str, dict]:
    """Per page: its path, the account, HTTP status, statements sent, and (when `timed`)
    the median wall and CPU time of single requests in ms — CPU time is what the page
    costs, wall time also what the neighbours on a shared machine cost. A page answering
    other than 200 is "missing"."""
    app = make_app(database)
    paths, emails = resolve(app, pages)
    clients: dict[str, object] = {}
    figures: dict[str, dict] = {}
    for page in pages:
        path = paths[page.name]
        entry = figures[page.name] = {
            "path": path,
            "email": emails[page.role],
            "status": None,
            "queries": None,
            "ms": None,
            "cpu_ms": None,
        }
        if path is None:
            continue
        if page.role not in clients:
            clients[page.role] = login(app, emails[page.role])
        client = clients[page.role]
        response = client.get(path)  # warms up templates and caches, as a worker would
        entry["status"] = response.status_code
        if response.status_code != 200:
            continue
        with counting(app) as statements:
            client.get(path)
        entry["queries"] = len(statements)
        if timed:
            wall, cpu = [], []
            for _ in range(SINGLE_REQUESTS):
                started, started_cpu = time.perf_counter(), time.process_time()
                client.get(path)
                wall.append(time.perf_counter() - started)
                cpu.append(time.process_time() - started_cpu)
            entry["ms"] = statistics.median(wall) * 1000
            entry["cpu_ms"] = statistics.median(cpu) * 1000
    return figures
