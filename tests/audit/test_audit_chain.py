"""The audit core: events in the same transaction, chained hashes, append-only table."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from hr import audit
from hr.audit.models import AuditEvent
from hr.audit.services import GENESIS, HASHED, _hash_input, event_hash, verify_chain


def _events(db):
    return db.session.scalars(sa.select(AuditEvent).order_by(AuditEvent.id)).all()


def test_record_keeps_only_changed_fields_and_masks_secrets(app, db, company):
    user = company.users["hr"]
    with app.test_request_context(
        environ_base={"REMOTE_ADDR": "10.1.2.3"}, headers={"User-Agent": "pytest-browser"}
    ):
        event = audit.record(
            user,
            "update",
            "user",
            42,
            before={"email": "a@x.test", "active": True, "password_hash": "old"},
            after={"email": "b@x.test", "active": True, "password_hash": "new"},
            reason="correction",
        )
    db.session.flush()
    assert event.changes == {
        "before": {"email": "a@x.test", "password_hash": "***"},
        "after": {"email": "b@x.test", "password_hash": "***"},
    }
    assert (event.actor_id, event.actor_label) == (user.id, user.email)
    assert (event.ip, event.user_agent) == ("10.1.2.3", "pytest-browser")
    assert event.entity_type == "user" and event.entity_id == "42"
    assert event.reason == "correction"
    assert event.occurred_at.tzinfo is not None


def test_events_chain_and_verify_detects_nothing_wrong(db, company):
    for i in range(5):
        audit.record(None, "create", "thing", i, after={"n": i})
    db.session.commit()
    events = _events(db)
    assert events[0].prev_hash == GENESIS
    for previous, current in zip(events, events[1:], strict=False):
        assert current.prev_hash == previous.hash
    count, broken = verify_chain(batch_size=3)
    assert broken is None and count == len(events)


def test_a_change_and_its_event_share_the_transaction(db, company):
    employee = company.employees["peer"]
    before = db.session.scalar(sa.select(sa.func.count(AuditEvent.id)))
    employee.job_title = "Chef d'équipe"
    audit.record(
        None,
        "update",
        "employee",
        employee.id,
        before={"job_title": "Technicien"},
        after={"job_title": "Chef d'équipe"},
    )
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count(AuditEvent.id))) == before
    assert db.session.get(type(employee), employee.id).job_title == "Technicien"


def test_the_database_refuses_updates_and_deletes_of_events(db, company):
    audit.record(None, "create", "thing", 1)
    db.session.commit()
    event_id = _events(db)[-1].id
    with pytest.raises(sa.exc.DatabaseError), db.session.begin_nested():
        db.session.execute(
            sa.update(AuditEvent).where(AuditEvent.id == event_id).values(action="tampered")
        )
    with pytest.raises(sa.exc.DatabaseError), db.session.begin_nested():
        db.session.execute(sa.delete(AuditEvent).where(AuditEvent.id == event_id))
    assert db.session.get(AuditEvent, event_id).action == "create"


def test_verify_reports_the_first_altered_event(app, db, company):
    for i in range(4):
        audit.record(None, "create", "thing", i, after={"n": i})
    db.session.commit()
    events = _events(db)
    target = events[-2]
    # Alter a row behind the application's back (triggers dropped for the occasion,
    # inside the test transaction that is rolled back afterwards).
    conn = db.session.connection()
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change")
    else:
        conn.exec_driver_sql("DROP TRIGGER audit_events_no_update")
    conn.exec_driver_sql(f"UPDATE audit_events SET entity_id = 'forged' WHERE id = {target.id}")
    db.session.expire_all()
    count, broken = verify_chain()
    assert broken == target.id


def test_audit_verify_command_reports_an_intact_chain(app, db, company):
    audit.record(None, "create", "thing", 1)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["hr", "audit", "verify", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "Audit chain intact" in result.output and "events checked in" in result.output


def _tamper(db, sql: str) -> None:
    """Change the log behind the application's back: triggers off, inside the test's
    transaction (rolled back afterwards, triggers included)."""
    conn = db.session.connection()
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change")
    else:
        conn.exec_driver_sql("DROP TRIGGER audit_events_no_update")
        conn.exec_driver_sql("DROP TRIGGER audit_events_no_delete")
    conn.exec_driver_sql(sql)
    db.session.expire_all()


def test_audit_verify_command_fails_at_the_first_altered_event(app, db, company):
    for i in range(6):
        audit.record(None, "create", "thing", i, after={"n": i})
    db.session.commit()
    events = _events(db)
    target = events[-3]
    _tamper(db, f"UPDATE audit_events SET reason = 'backdated' WHERE id = {target.id}")
    result = app.test_cli_runner().invoke(args=["hr", "audit", "verify", "--batch-size", "100"])
    assert result.exit_code == 1
    assert f"BROKEN at event {target.id}" in result.output


def test_verify_notices_a_removed_event(db, company):
    for i in range(5):
        audit.record(None, "create", "thing", i, after={"n": i})
    db.session.commit()
    events = _events(db)
    removed, following = events[-3], events[-2]
    _tamper(db, f"DELETE FROM audit_events WHERE id = {removed.id}")
    assert verify_chain(batch_size=2)[1] == following.id


def test_verify_notices_a_rehashed_event_because_the_next_link_breaks(db, company):
    """Rewriting an event and recomputing its own hash is not enough: the next event
    still points at the old hash."""
    for i in range(4):
        audit.record(None, "create", "thing", i, after={"n": i})
    db.session.commit()
    events = _events(db)
    target, following = events[-2], events[-1]
    content = {name: getattr(target, name) for name in HASHED} | {"reason": "forged"}
    forged = event_hash(_hash_input(content), target.prev_hash)
    _tamper(
        db,
        f"UPDATE audit_events SET reason = 'forged', hash = '{forged}' WHERE id = {target.id}",
    )
    assert verify_chain()[1] == following.id


def test_verify_leaves_the_session_alone(db, company):
    """Streaming rows, not objects: what the caller holds stays attached."""
    employee = company.employees["peer"]
    audit.record(None, "create", "thing", 1)
    db.session.commit()
    verify_chain(batch_size=1)
    assert employee in db.session


def test_an_event_rolled_back_with_its_savepoint_leaves_no_gap(db, company):
    """A service failing inside a savepoint takes its events with it; the next event
    chains onto the last one that exists, not onto the one rolled back."""
    audit.record(None, "create", "thing", 1)
    db.session.flush()
    with pytest.raises(RuntimeError), db.session.begin_nested():
        audit.record(None, "create", "thing", 2)
        db.session.flush()
        raise RuntimeError("refused")
    audit.record(None, "create", "thing", 3)
    db.session.commit()
    assert verify_chain()[1] is None
