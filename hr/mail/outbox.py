"""Delivering the outbox: after the commit that queued a message, then retried with
backoff (on later deliveries and by `flask --app app hr mail-retry` from cron).

A message is claimed with one conditional UPDATE before sending, so that two workers
(or a worker and cron) never send it twice; a claim expires if its worker dies.
Sending never happens inside the transaction of the change: a slow or absent SMTP
server can delay a mail, never lose or block the scheduling change.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import partial

import sqlalchemy as sa
from flask import Flask, current_app, g, has_app_context
from sqlalchemy import event
from sqlalchemy.orm import Session

from hr import audit
from hr.db import db, utcnow
from hr.mail import bp
from hr.mail.models import MailStatus, OutboxMessage
from hr.mail.transport import MailTransportError, transport

log = logging.getLogger(__name__)

# Wait before attempt n+1 after n failures; after the last one the message is `failed`.
BACKOFF = [
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=15),
    timedelta(hours=1),
    timedelta(hours=3),
    timedelta(hours=6),
]
MAX_ATTEMPTS = len(BACKOFF) + 1
CLAIM_FOR = timedelta(minutes=5)
BATCH = 50
_QUEUED = "mail_outbox_queued"
_READY = "mail_outbox_ready"


def deliver_after_commit(ids: list[int]) -> None:
    """Remember messages to send once the current transaction commits."""
    if ids:
        db.session.info.setdefault(_QUEUED, []).extend(ids)


@event.listens_for(Session, "after_commit")
def _committed(session):
    ids = session.info.pop(_QUEUED, None)
    if ids and has_app_context():
        g.setdefault(_READY, []).extend(ids)


@event.listens_for(Session, "after_soft_rollback")
def _rolled_back(session, previous_transaction):
    session.info.pop(_QUEUED, None)


def _claim(message_id: int, force: bool = False) -> bool:
    """Take the message for this worker (atomic); False if someone else has it or it
    is not due."""
    now = utcnow()
    conditions = [
        OutboxMessage.id == message_id,
        OutboxMessage.status == MailStatus.PENDING,
        sa.or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until < now),
    ]
    if not force:
        conditions.append(OutboxMessage.next_attempt_at <= now)
    result = db.session.execute(
        sa.update(OutboxMessage)
        .where(*conditions)
        .values(claimed_until=now + CLAIM_FOR, attempts=OutboxMessage.attempts + 1)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount == 1


def _record_outcome(message: OutboxMessage, error: str | None) -> None:
    before = message.snapshot()
    message.claimed_until = None
    if error is None:
        message.status, message.sent_at, message.last_error = MailStatus.SENT, utcnow(), None
        message.next_attempt_at = None
        action = "sent"
    else:
        message.last_error = error[:2000]
        if message.attempts >= MAX_ATTEMPTS:
            message.status, message.next_attempt_at = MailStatus.FAILED, None
            action = "failed"
        else:
            message.next_attempt_at = utcnow() + BACKOFF[message.attempts - 1]
            action = "send_error"
        log.warning("Mail %s to %s not sent: %s", message.id, message.recipient_email, error)
    audit.record(None, action, "mail", message.id, before=before, after=message.snapshot())
    db.session.commit()


def deliver(ids: list[int] | None = None, *, force: bool = False) -> dict[str, int]:
    """Send the given messages (or every due one), one SMTP connection for the batch.
    Returns counts: sent, errors, skipped (claimed elsewhere or not due)."""
    if ids is None:
        ids = list(
            db.session.scalars(
                sa.select(OutboxMessage.id)
                .where(
                    OutboxMessage.status == MailStatus.PENDING,
                    OutboxMessage.next_attempt_at <= utcnow(),
                )
                .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
                .limit(BATCH)
            )
        )
    counts = {"sent": 0, "errors": 0, "skipped": 0}
    if not ids:
        return counts
    with transport() as send:
        for message_id in ids:
            if not _claim(message_id, force=force):
                counts["skipped"] += 1
                continue
            message = db.session.get(OutboxMessage, message_id, populate_existing=True)
            try:
                send(message)
            except MailTransportError as error:
                _record_outcome(message, str(error))
                counts["errors"] += 1
            else:
                _record_outcome(message, None)
                counts["sent"] += 1
    return counts


def retry(actor, message: OutboxMessage) -> None:
    """HR asks for another attempt now (after fixing an address or the SMTP server)."""
    if actor is not None:
        from hr.security import can

        if not can(actor, "mail.outbox"):
            raise PermissionError("mail.outbox")
    if message.status not in (MailStatus.PENDING, MailStatus.FAILED) or message.message is None:
        raise ValueError("not retryable")
    before = message.snapshot()
    message.status, message.next_attempt_at, message.claimed_until = (
        MailStatus.PENDING,
        utcnow(),
        None,
    )
    if message.attempts >= MAX_ATTEMPTS:
        message.attempts = MAX_ATTEMPTS - 1  # one more automatic attempt, then failed again
    db.session.flush()
    audit.record(actor, "retry", "mail", message.id, before=before, after=message.snapshot())
    deliver_after_commit([message.id])


def _deliver_in_background(app: Flask, ids: list[int]) -> None:
    """Runs when the response has been sent (WSGI close): the user never waits for SMTP.
    Also sends other due retries, so that a short SMTP outage heals by itself."""
    with app.app_context():
        try:
            deliver(ids)
            deliver()
        except Exception:  # never let mail break the worker; the rows stay pending
            log.exception("Mail delivery after the request failed")
            db.session.rollback()
        finally:
            db.session.remove()


@bp.after_app_request
def _schedule_delivery(response):
    ids = g.pop(_READY, None)
    if ids and current_app.config.get("MAIL_DELIVERY_AFTER_REQUEST", True):
        app = current_app._get_current_object()
        response.call_on_close(partial(_deliver_in_background, app, ids))
    return response
