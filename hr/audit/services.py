"""`record()`: the one function through which every change leaves its trace.

Each event's hash covers its content and the previous event's hash, so altering or
removing any row breaks the chain from that row on. The chain head is read once per
transaction (then kept in `session.info`) while holding the database's write lock for
the chain — a PostgreSQL advisory lock, SQLite's own write lock — so that two workers
never chain onto the same head: the second waits until the first commits, then reads
the new head.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from flask import has_request_context, request
from sqlalchemy import event
from sqlalchemy.orm import Session

from hr.audit.models import AuditEvent
from hr.db import db, utcnow

GENESIS = "0" * 64
AUDIT_LOCK_KEY = 727_001  # arbitrary, constant: PostgreSQL advisory lock for the chain
SECRET_FIELDS = frozenset({"password", "password_hash", "token", "token_hash", "secret"})
_HEAD = "audit_chain_head"


def _jsonable(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, set | frozenset | tuple):
        return sorted(_jsonable(v) for v in value)
    return value


def diff(before: dict | None, after: dict | None) -> dict:
    """Keep only the fields whose value changed: {'before': {...}, 'after': {...}}.

    Secret fields are compared on their real values but written as '***'."""
    before = {k: _jsonable(v) for k, v in (before or {}).items()}
    after = {k: _jsonable(v) for k, v in (after or {}).items()}
    changed = [k for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)]

    def shown(values: dict) -> dict:
        return {k: "***" if k in SECRET_FIELDS else values[k] for k in changed if k in values}

    return {"before": shown(before), "after": shown(after)}


def event_hash(fields: dict, prev_hash: str) -> str:
    """SHA-256 over the canonical JSON of an event's content and its predecessor."""
    payload = json.dumps(
        {**fields, "prev_hash": prev_hash}, sort_keys=True, ensure_ascii=False, default=str
    )
    return hashlib.sha256(payload.encode()).hexdigest()


HASHED = (
    "occurred_at",
    "actor_id",
    "actor_label",
    "on_behalf_of_id",
    "ip",
    "user_agent",
    "entity_type",
    "entity_id",
    "action",
    "changes",
    "reason",
)


def _hash_input(values: dict) -> dict:
    """The content an event's hash covers (everything but id and the hashes)."""
    fields = {k: values[k] for k in HASHED}
    fields["occurred_at"] = fields["occurred_at"].isoformat()
    return fields


def _lock_chain(session: Session) -> None:
    """Serialise chain writers until the end of the transaction.

    PostgreSQL: a transaction-scoped advisory lock (READ COMMITTED then sees the head
    the previous holder committed). SQLite has one writer at a time but a deferred
    transaction only takes the write lock at its first write: a statement that writes
    nothing (no row matches, so the append-only triggers do not fire) takes it now,
    waiting `busy_timeout` for the current writer, before the head is read. (A
    transaction that already read, and whose snapshot another writer has since made
    stale, gets "database is locked" here instead: it fails, it never forks.)"""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": AUDIT_LOCK_KEY})
    elif dialect == "sqlite":
        session.execute(sa.text("DELETE FROM audit_events WHERE 0 = 1"))


def _chain_head(session: Session) -> str:
    head = session.info.get(_HEAD)
    if head is None:
        _lock_chain(session)
        head = (
            session.scalar(sa.select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1))
            or GENESIS
        )
    return head


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_soft_rollback")
def _forget_head(session, *args):
    session.info.pop(_HEAD, None)


def _actor_label(actor) -> str:
    if actor is None:
        return "system"
    return getattr(actor, "email", None) or str(actor)


def _common(actor, on_behalf_of=None) -> dict:
    """Who, when and from where: the fields every event of one call shares."""
    ip = ua = None
    if has_request_context():
        ip = request.remote_addr
        ua = (request.user_agent.string or "")[:300] or None
    return {
        "occurred_at": utcnow(),
        "actor_id": getattr(actor, "id", None),
        "actor_label": _actor_label(actor),
        "on_behalf_of_id": getattr(on_behalf_of, "id", None),
        "ip": ip,
        "user_agent": ua,
    }


def _chained(row: dict, prev: str) -> dict:
    row["prev_hash"] = prev
    row["hash"] = event_hash(_hash_input(row), prev)
    return row


def record(
    actor,
    action: str,
    entity_type: str,
    entity_id,
    before: dict | None = None,
    after: dict | None = None,
    reason: str | None = None,
    on_behalf_of=None,
) -> AuditEvent:
    """Append one event to the chain, in the caller's transaction.

    `actor` is the acting user (None for the system, e.g. a CLI run). `before` and
    `after` are field dicts; only changed fields are kept and secrets are masked.
    """
    session = db.session
    row = _common(actor, on_behalf_of) | {
        "entity_type": entity_type,
        "entity_id": str(entity_id),
        "action": action,
        "changes": diff(before, after),
        "reason": reason,
    }
    ev = AuditEvent(**_chained(row, _chain_head(session)))
    session.info[_HEAD] = ev.hash
    session.add(ev)
    return ev


def record_many(actor, entries) -> int:
    """The same as calling `record` for each entry, as one executemany: for bulk
    operations (a campaign launch writes thousands of events). `entries` holds
    (action, entity_type, entity_id, before, after, reason) in the order they happened."""
    session = db.session
    session.flush()  # events recorded earlier take their place in the chain first
    common = _common(actor)
    prev = _chain_head(session)
    rows = []
    for action, entity_type, entity_id, before, after, reason in entries:
        row = _chained(
            common
            | {
                "entity_type": entity_type,
                "entity_id": str(entity_id),
                "action": action,
                "changes": diff(before, after),
                "reason": reason,
            },
            prev,
        )
        prev = row["hash"]
        rows.append(row)
    if rows:
        session.execute(sa.insert(AuditEvent), rows)
        session.info[_HEAD] = prev
    return len(rows)


VERIFY_COLUMNS = (AuditEvent.id, AuditEvent.prev_hash, AuditEvent.hash) + tuple(
    getattr(AuditEvent, name) for name in HASHED
)


def verify_chain(batch_size: int = 5000, progress=None):
    """Walk the chain in id order; return (checked_count, first_bad_id or None).

    Rows are streamed (`yield_per`: a server-side cursor on PostgreSQL), never
    loaded as objects, so memory stays flat for millions of events. A row is bad when
    its stored hash does not match its content or it does not chain onto the previous
    row (an event altered, inserted or removed). `progress(count)` is called every
    `batch_size` rows."""
    prev = GENESIS
    count = 0
    names = [c.key for c in VERIFY_COLUMNS]
    query = sa.select(*VERIFY_COLUMNS).order_by(AuditEvent.id)
    result = db.session.connection().execute(query.execution_options(yield_per=batch_size))
    try:
        for row in result:
            values = dict(zip(names, row, strict=True))
            fields = _hash_input(values)
            if values["prev_hash"] != prev or event_hash(fields, prev) != values["hash"]:
                return count, values["id"]
            prev = values["hash"]
            count += 1
            if progress is not None and count % batch_size == 0:
                progress(count)
    finally:
        result.close()
    return count, None
