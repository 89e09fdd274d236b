"""Database object, naming convention and per-engine settings.

SQLite gets WAL, foreign keys and a busy timeout on every connection, and takes
over transaction control from pysqlite so that SAVEPOINTs (used by the tests and by
nested service calls) behave as documented by SQLAlchemy.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from flask import has_request_context, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)


def str_enum(cls, name: str) -> sa.Enum:
    """A StrEnum column stored as its values in a VARCHAR with a CHECK constraint."""
    return sa.Enum(
        cls,
        name=name,
        values_callable=lambda e: [m.value for m in e],
        native_enum=False,
        length=30,
        validate_strings=True,
    )


def utcnow() -> datetime:
    """Timezone-aware now in UTC: what every `DateTime(timezone=True)` column stores."""
    return datetime.now(UTC)


class UTCDateTime(sa.types.TypeDecorator):
    """A timestamp always returned aware in UTC, on SQLite too."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC) if value is not None else None


@event.listens_for(Engine, "connect")
def _sqlite_on_connect(dbapi_connection, connection_record):
    if type(dbapi_connection).__module__.split(".")[0] not in {"sqlite3", "pysqlite2"}:
        return
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


WRITING_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@event.listens_for(Engine, "begin")
def _sqlite_on_begin(conn):
    """SQLite: a request that changes data takes the write lock when its transaction
    starts (BEGIN IMMEDIATE, waiting up to busy_timeout). A deferred transaction that read
    first could not take it later once another worker has committed ("database is
    locked"); reads (GET) stay deferred and never wait for writers (WAL)."""
    if conn.dialect.name == "sqlite":
        writing = has_request_context() and request.method in WRITING_METHODS
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")
