"""`flask --app app hr ical-url EMAIL --scope mine|team|all`: a new feed URL for a
user, for operators and scripts (the URL uses PUBLIC_URL; the token is printed once)."""

from __future__ import annotations

import click
import sqlalchemy as sa

from hr.auth.models import User
from hr.calendars import feeds
from hr.cli import hr_cli
from hr.db import db


@hr_cli.command("ical-url")
@click.argument("email")
@click.option(
    "--scope",
    type=click.Choice([s.value for s in feeds.Scope]),
    default="mine",
    show_default=True,
    help="mine: own interviews; team: the manager's team; all: everything (HR).",
)
def ical_url_command(email: str, scope: str) -> None:
    """Create a calendar feed for EMAIL's account and print its URL."""
    from hr.calendars.feed_views import feed_urls

    user = db.session.scalar(sa.select(User).where(User.email == email.strip().lower()))
    if user is None or not user.active:
        raise click.ClickException(f"No active account with the e-mail {email}.")
    if feeds.Scope(scope) not in feeds.allowed_scopes(user):
        allowed = ", ".join(s.value for s in feeds.allowed_scopes(user)) or "none"
        raise click.ClickException(
            f"Scope {scope} is not allowed for {email} (allowed: {allowed})."
        )
    try:
        _feed, token = feeds.create_feed(None, user, scope)
    except feeds.FeedError as error:
        raise click.ClickException(str(error)) from None
    db.session.commit()
    click.echo(feed_urls(token)["https"])
