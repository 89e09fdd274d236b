"""Migrations build the schema from empty, and the models match them exactly."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from hr.extensions import db as _db


# SQLite does not reflect expression indexes (the decisions register's order): the
# comparison skips it, and the down/up test below creates and drops it.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based")
def test_models_match_the_migrated_schema(app):
    # The session database was built by `flask db upgrade` from empty (conftest).
    with _db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = compare_metadata(context, _db.metadata)
    assert differences == []


def test_downgrade_to_empty_and_upgrade_again(app, tmp_path, monkeypatch):
    """On a scratch database of the same kind: down to nothing and back up."""
    import sqlalchemy as sa
    from flask_migrate import downgrade, upgrade

    from hr import create_app
    from hr.cli import bind_migrations

    url = str(_db.engine.url.render_as_string(hide_password=False))
    if url.startswith("sqlite"):
        url = f"sqlite:///{tmp_path / 'scratch.sqlite3'}"
    else:  # a separate schema would need search_path games: use a scratch database
        admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql("DROP DATABASE IF EXISTS parcours_migration_test")
            conn.exec_driver_sql("CREATE DATABASE parcours_migration_test")
        admin.dispose()
        url = url.rsplit("/", 1)[0] + "/parcours_migration_test"
    monkeypatch.setenv("DATABASE_URL", url)
    scratch = create_app({"SECRET_KEY": "x", "TESTING": True})
    bind_migrations(scratch)
    with scratch.app_context():
        upgrade()
        tables = set(sa.inspect(_db.engine).get_table_names())
        assert {"employees", "users", "audit_events", "departments"} <= tables
        downgrade(revision="base")
        assert set(sa.inspect(_db.engine).get_table_names()) <= {"alembic_version"}
        upgrade()
        _db.engine.dispose()
