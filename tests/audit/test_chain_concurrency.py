"""Two workers writing events at the same moment never fork the chain.

Each worker is a thread with its own app context, session and database connection,
on a database of its own (a fresh SQLite file, or a fresh PostgreSQL schema), so that
what they commit does not leak into the other tests."""

from __future__ import annotations

import threading
import uuid

import pytest
import sqlalchemy as sa

from hr import audit, create_app
from hr.audit.models import AuditEvent
from hr.audit.services import verify_chain
from hr.extensions import db as _db

WORKERS = 2
TRANSACTIONS = 60


@pytest.fixture
def chain_app(database_url, tmp_path):
    schema = None
    if database_url.startswith("postgresql"):
        schema = f"audit_conc_{uuid.uuid4().hex[:8]}"
        engine = sa.create_engine(database_url)
        with engine.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
        engine.dispose()
        separator = "&" if "?" in database_url else "?"
        url = f"{database_url}{separator}options=-csearch_path%3D{schema}"
    else:
        url = f"sqlite:///{tmp_path / 'chain.sqlite3'}"
    application = create_app(
        {"SECRET_KEY": "test", "TESTING": True, "SQLALCHEMY_DATABASE_URI": url}
    )
    with application.app_context():
        AuditEvent.__table__.create(_db.engine)
    yield application
    with application.app_context():
        _db.engine.dispose()
    if schema:
        engine = sa.create_engine(database_url)
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        engine.dispose()


def _worker(application, number: int, start: threading.Barrier, errors: list) -> None:
    """Many short transactions, as many requests would: single events, several in one
    transaction, and a bulk `record_many`."""
    try:
        with application.app_context():
            start.wait()
            for i in range(TRANSACTIONS):
                if i % 3 == 0:
                    audit.record(None, "create", "thing", f"{number}-{i}", after={"i": i})
                elif i % 3 == 1:
                    for j in range(3):
                        audit.record(None, "update", "thing", f"{number}-{i}", after={"j": j})
                else:
                    audit.record_many(
                        None,
                        [
                            ("bulk", "thing", f"{number}-{i}-{k}", None, {"k": k}, None)
                            for k in range(5)
                        ],
                    )
                _db.session.commit()
            _db.session.remove()
    except Exception as error:  # noqa: BLE001 — reported by the test
        errors.append(error)


def test_concurrent_writers_never_fork_the_chain(chain_app):
    start = threading.Barrier(WORKERS)
    errors: list = []
    threads = [
        threading.Thread(target=_worker, args=(chain_app, n, start, errors)) for n in range(WORKERS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with chain_app.app_context():
        rows = _db.session.execute(sa.select(AuditEvent.prev_hash)).scalars().all()
        expected = WORKERS * (TRANSACTIONS // 3) * (1 + 3 + 5)
        assert len(rows) == expected
        assert len(set(rows)) == len(rows), "two events chained onto the same predecessor"
        assert verify_chain(batch_size=50) == (expected, None)
        _db.session.remove()
