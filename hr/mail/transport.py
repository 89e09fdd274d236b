"""Where messages go: an SMTP server (SMTP_* settings) or, without one, `.eml` files
in MAIL_DIR (instance/mail/ by default) that any mail client opens."""

from __future__ import annotations

import smtplib
import ssl
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from email import message_from_bytes
from email.policy import SMTP
from pathlib import Path

from flask import current_app


class MailTransportError(RuntimeError):
    """The message could not be handed over; it stays in the outbox for a retry."""


class _Smtp:
    def __init__(self, config):
        self.config = config
        self.connection: smtplib.SMTP | None = None
        self.broken: str | None = None

    def _connect(self) -> smtplib.SMTP:
        c = self.config
        security = c["SMTP_TLS"]
        timeout = c["SMTP_TIMEOUT"]
        if security == "ssl":
            port = c["SMTP_PORT"] or 465
            connection = smtplib.SMTP_SSL(
                c["SMTP_HOST"], port, timeout=timeout, context=ssl.create_default_context()
            )
        else:
            port = c["SMTP_PORT"] or (587 if security == "starttls" else 25)
            connection = smtplib.SMTP(c["SMTP_HOST"], port, timeout=timeout)
            if security == "starttls":
                connection.starttls(context=ssl.create_default_context())
        if c["SMTP_USER"]:
            connection.login(c["SMTP_USER"], c["SMTP_PASSWORD"] or "")
        return connection

    def send(self, row) -> None:
        if self.broken:  # the server did not answer for this batch: try again later
            raise MailTransportError(self.broken)
        try:
            if self.connection is None:
                self.connection = self._connect()
            envelope_from = message_from_bytes(row.message, policy=SMTP)["From"].addresses[0]
            self.connection.sendmail(envelope_from.addr_spec, [row.recipient_email], row.message)
        except smtplib.SMTPRecipientsRefused as error:
            raise MailTransportError(f"recipient refused: {error.recipients}") from error
        except (smtplib.SMTPException, OSError) as error:
            self.close()
            self.broken = f"{type(error).__name__}: {error}"
            raise MailTransportError(self.broken) from error

    def close(self) -> None:
        if self.connection is not None:
            with suppress(smtplib.SMTPException, OSError):
                self.connection.quit()
            self.connection = None


def _write_eml(directory: Path, row) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        path = directory / f"{stamp}-{row.id:06d}-{row.kind}.eml"
        path.write_bytes(row.message)
    except OSError as error:
        raise MailTransportError(f"cannot write {directory}: {error}") from error


@contextmanager
def transport():
    """Yield `send(row)` for one batch of messages."""
    config = current_app.config
    if not config.get("SMTP_HOST"):
        directory = Path(config["MAIL_DIR"])
        yield lambda row: _write_eml(directory, row)
        return
    smtp = _Smtp(config)
    try:
        yield smtp.send
    finally:
        smtp.close()
