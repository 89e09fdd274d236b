"""On SQLite, a request that changes data holds the write lock from the start of its
transaction, so that two workers writing at once wait for each other instead of one of
them failing with "database is locked" after having read."""

from __future__ import annotations

import sqlite3

import pytest
import sqlalchemy as sa


@pytest.fixture
def sqlite_file(app):
    url = sa.engine.make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    if url.get_backend_name() != "sqlite":
        pytest.skip("SQLite's locking only: PostgreSQL has row locks and advisory locks")
    return url.database


def _other_writer_can_start(path: str) -> bool:
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError as error:
        assert "locked" in str(error)
        return False
    finally:
        other.close()


@pytest.mark.parametrize(("method", "locks"), [("POST", True), ("GET", False)])
def test_writing_requests_take_the_write_lock_at_begin(app, sqlite_file, method, locks):
    engine = sa.create_engine(f"sqlite:///{sqlite_file}")
    try:
        with app.test_request_context("/", method=method), engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))  # starts the transaction
            assert _other_writer_can_start(sqlite_file) is not locks
            conn.rollback()
    finally:
        engine.dispose()
