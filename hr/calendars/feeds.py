"""Subscription feed tokens: created per user and scope, shown once, stored hashed,
regenerated or deleted (the old URL then answers 410 at once), every change audited.

A token is 32 random bytes (256 bits) in URL-safe base64 (43 characters). Only its
SHA-256 is stored: a copy of the database does not give anyone a working feed URL.
Revoked tokens stay as rows so that their URL answers 410 Gone rather than 404.
"""

from __future__ import annotations

import enum
import hashlib
import secrets
from datetime import datetime

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hr import audit
from hr.auth.models import User
from hr.calendars import events
from hr.db import UTCDateTime, db, str_enum, utcnow

TOKEN_BYTES = 32
MAX_FEEDS_PER_USER = 10


class Scope(enum.StrEnum):
    MINE = "mine"
    TEAM = "team"
    ALL = "all"


SCOPE_LABELS = {
    Scope.MINE: _l("My interviews"),
    Scope.TEAM: _l("My team's interviews"),
    Scope.ALL: _l("All interviews and deadlines"),
}


class FeedToken(db.Model):
    __tablename__ = "feed_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    scope: Mapped[Scope] = mapped_column(str_enum(Scope, "feed_scope"))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # "deleted" or "regenerated": why the URL answers 410.
    revoked_reason: Mapped[str | None] = mapped_column(sa.String(20))
    # The last body served (its SHA-256) and when it last changed: Last-Modified never
    # goes backwards, even when an event leaves the window or is cancelled.
    content_hash: Mapped[str | None] = mapped_column(sa.String(64))
    content_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def snapshot(self) -> dict:
        return {
            "user_id": self.user_id,
            "scope": Scope(self.scope).value,
            "revoked_at": self.revoked_at,
            "revoked_reason": self.revoked_reason,
        }


class FeedError(ValueError):
    """A refused feed change, with a message for the user."""


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def allowed_scopes(user) -> list[Scope]:
    """Mine for everyone, team for managers, all for HR (as the calendar pages)."""
    if user is None or not user.active:
        return []
    return [Scope(scope) for scope in events.allowed_scopes(user)]


def user_feeds(user) -> list[FeedToken]:
    return list(
        db.session.scalars(
            sa.select(FeedToken)
            .where(FeedToken.user_id == user.id, FeedToken.revoked_at.is_(None))
            .order_by(FeedToken.created_at, FeedToken.id)
        )
    )


def create_feed(actor, user, scope) -> tuple[FeedToken, str]:
    """A new feed for `user`; returns the row and the token, which is never stored."""
    try:
        scope = Scope(scope)
    except ValueError:
        raise FeedError(_("Choose one of the calendars offered.")) from None
    if actor is not None and actor.id != user.id:
        raise PermissionError("feeds.create")
    if scope not in allowed_scopes(user):
        raise PermissionError("feeds.scope")
    if len(user_feeds(user)) >= MAX_FEEDS_PER_USER:
        raise FeedError(
            _(
                "You already have %(count)s calendar links: delete one you no longer use.",
                count=MAX_FEEDS_PER_USER,
            )
        )
    token = secrets.token_urlsafe(TOKEN_BYTES)
    feed = FeedToken(user_id=user.id, scope=scope, token_hash=hash_token(token))
    db.session.add(feed)
    db.session.flush()
    audit.record(actor, "create", "feed_token", feed.id, after=feed.snapshot())
    return feed, token


def owned_feed(user, feed_id: int) -> FeedToken | None:
    feed = db.session.get(FeedToken, feed_id)
    if feed is None or feed.user_id != user.id or not feed.active:
        return None
    return feed


def _revoke(actor, feed: FeedToken, reason: str) -> None:
    if actor is not None and actor.id != feed.user_id:
        raise PermissionError("feeds.revoke")
    if not feed.active:
        raise FeedError(_("This calendar link was already revoked."))
    before = feed.snapshot()
    feed.revoked_at, feed.revoked_reason = utcnow(), reason
    db.session.flush()
    audit.record(actor, "revoke", "feed_token", feed.id, before=before, after=feed.snapshot())


def delete_feed(actor, feed: FeedToken) -> None:
    """The URL stops at once (410 Gone); the row stays so that it answers 410, not 404."""
    _revoke(actor, feed, "deleted")


def regenerate_feed(actor, feed: FeedToken) -> tuple[FeedToken, str]:
    """Revoke the URL and give a new one for the same scope (e.g. after a leak)."""
    _revoke(actor, feed, "regenerated")
    return create_feed(actor, feed.user, feed.scope)


def feed_for_token(token: str) -> FeedToken | None:
    """The feed row for a presented token (revoked ones included), in one query."""
    if not token or len(token) > 100:
        return None
    return db.session.scalar(_BY_TOKEN, {"token_hash": hash_token(token)})


# Built once: every calendar poll runs it (statement and cache key are reused).
_BY_TOKEN = (
    sa.select(FeedToken)
    .where(FeedToken.token_hash == sa.bindparam("token_hash"))
    .options(sa.orm.joinedload(FeedToken.user))
)


def still_valid(feed: FeedToken) -> bool:
    """Revoked, account deactivated, or scope no longer allowed: the URL is gone."""
    if not (feed.active and feed.user.active):
        return False
    scope = Scope(feed.scope)
    if scope == Scope.TEAM:  # the only scope that needs a query (does the user manage?)
        return scope in allowed_scopes(feed.user)
    return scope == Scope.MINE or bool(feed.user.is_hr)
