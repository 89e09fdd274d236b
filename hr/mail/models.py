"""The outbox: every e-mail Parcours sends is first a row, written in the transaction
of the change that caused it, then delivered after the commit (and retried)."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column

from hr.db import UTCDateTime, db, str_enum, utcnow


class MailStatus(enum.StrEnum):
    PENDING = "pending"  # waiting for its first or next attempt
    SENT = "sent"  # accepted by the SMTP server, or written as a .eml file
    FAILED = "failed"  # every automatic attempt failed: HR may retry
    SKIPPED = "skipped"  # no address to send to
    SUPERSEDED = "superseded"  # a newer invitation for the same meeting replaced it


MAIL_STATUS_LABELS = {
    MailStatus.PENDING: _l("Pending"),
    MailStatus.SENT: _l("Sent"),
    MailStatus.FAILED: _l("Failed"),
    MailStatus.SKIPPED: _l("Not sent: no e-mail address"),
    MailStatus.SUPERSEDED: _l("Replaced by a newer message"),
}


class MailKind(enum.StrEnum):
    INVITATION = "invitation"  # METHOD:REQUEST (new or updated meeting)
    CANCELLATION = "cancellation"  # METHOD:CANCEL


class OutboxMessage(db.Model):
    __tablename__ = "mail_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[MailKind] = mapped_column(str_enum(MailKind, "mail_kind"))
    status: Mapped[MailStatus] = mapped_column(
        str_enum(MailStatus, "mail_status"), default=MailStatus.PENDING, index=True
    )
    interview_id: Mapped[int | None] = mapped_column(sa.ForeignKey("interviews.id"), index=True)
    recipient_employee_id: Mapped[int | None] = mapped_column(sa.ForeignKey("employees.id"))
    recipient_name: Mapped[str] = mapped_column(sa.String(200))
    recipient_email: Mapped[str | None] = mapped_column(sa.String(254))
    subject: Mapped[str] = mapped_column(sa.String(300))
    # The whole RFC 5322 message, built when queued: what is sent is what the change was.
    message: Mapped[bytes | None] = mapped_column(sa.LargeBinary)
    sequence: Mapped[int] = mapped_column(default=0)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    # A worker that claimed the message holds it until then (crash-safe claiming).
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(sa.Text)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def snapshot(self) -> dict:
        return {
            "kind": MailKind(self.kind).value,
            "status": MailStatus(self.status).value,
            "interview_id": self.interview_id,
            "recipient_email": self.recipient_email,
            "sequence": self.sequence,
            "attempts": self.attempts,
            "last_error": self.last_error,
        }
