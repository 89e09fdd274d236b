"""Count the SQL statements a block of code sends (exact numbers belong in tests)."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event

from hr.extensions import db


@contextmanager
def count_queries():
    statements: list[str] = []

    def _before(conn, cursor, statement, *args):
        if not statement.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK TO")):
            statements.append(statement)

    engine = db.engine
    event.listen(engine, "before_cursor_execute", _before)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", _before)
