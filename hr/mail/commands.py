"""`flask --app app hr mail-retry`: send what is due in the outbox (run it from cron,
e.g. every 5 minutes); `--failed` also gives failed messages one more attempt."""

from __future__ import annotations

import sys

import click
import sqlalchemy as sa

from hr.cli import hr_cli
from hr.db import db
from hr.mail import outbox
from hr.mail.models import MailStatus, OutboxMessage


@hr_cli.command("mail-retry")
@click.option("--failed", is_flag=True, help="Also retry messages whose attempts all failed.")
def mail_retry_command(failed: bool) -> None:
    """Deliver pending mails that are due; exit 1 if some could not be sent."""
    if failed:
        for message in db.session.scalars(
            sa.select(OutboxMessage).where(OutboxMessage.status == MailStatus.FAILED)
        ):
            outbox.retry(None, message)
        db.session.commit()
    totals = {"sent": 0, "errors": 0, "skipped": 0}
    while True:
        counts = outbox.deliver()
        for key, value in counts.items():
            totals[key] += value
        if counts["sent"] + counts["errors"] == 0 or counts["errors"]:
            break
    click.echo(f"Mail: {totals['sent']} sent, {totals['errors']} not sent (kept for a retry).")
    if totals["errors"]:
        sys.exit(1)
