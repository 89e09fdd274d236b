"""`flask --app app hr audit …`: operator commands on the audit log."""

from __future__ import annotations

import sys
import time

import click
from flask.cli import AppGroup

audit_cli = AppGroup("audit", help="The audit log: check that it is intact.")


@audit_cli.command("verify")
@click.option(
    "--batch-size",
    default=10_000,
    show_default=True,
    type=click.IntRange(100, 1_000_000),
    help="Rows fetched per round trip (memory stays flat whatever the log's size).",
)
@click.option("--quiet", is_flag=True, help="No progress lines.")
def verify_command(batch_size: int, quiet: bool) -> None:
    """Recompute the hash chain of every event; exit 1 at the first broken link."""
    from hr.audit.services import verify_chain

    started = time.monotonic()

    def progress(count: int) -> None:
        if not quiet:
            click.echo(f"  {count} events checked…", err=True)

    count, broken = verify_chain(batch_size=batch_size, progress=progress)
    elapsed = time.monotonic() - started
    if broken is not None:
        click.echo(
            f"Audit chain BROKEN at event {broken}: its content or its link to the previous "
            f"event was altered, or an event before it was removed "
            f"({count} intact events before it, {elapsed:.1f} s).",
            err=True,
        )
        sys.exit(1)
    click.echo(f"Audit chain intact: {count} events checked in {elapsed:.1f} s.")
