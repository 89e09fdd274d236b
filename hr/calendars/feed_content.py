"""What a feed URL serves: the items of `hr.calendars.events` for the feed's owner and
scope, −90 days … +12 months, as iCalendar bytes in the owner's language.

Building an HR feed of a large company costs tens of milliseconds, and calendar
clients poll every few minutes to every few hours, mostly to hear "nothing changed"
(304). So each worker keeps the last body of each feed, keyed by a cheap validator:
the newest audit event id (every change in Parcours writes one, in the transaction of
the change), the local day (the window moves), the owner's language and the public
address. A 304 then costs three small queries; a changed company rebuilds on the next
request. The cache also expires after FEED_CACHE_SECONDS, in case some change ever
bypassed the audit log.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from flask import current_app, has_request_context, request
from flask_babel import force_locale
from flask_babel import gettext as _

from hr.audit.models import AuditEvent
from hr.calendars import events
from hr.calendars.feeds import SCOPE_LABELS, FeedToken, Scope
from hr.calendars.ical import Event, feed_calendar, uid_host, url_builder
from hr.core.settings import get_setting
from hr.db import db, utcnow
from hr.links import links

PAST_DAYS = 90
FUTURE_DAYS = 365
CACHE_ENTRIES = 256
# Google Calendar ignores feeds beyond 1 MB: stay well under it.
MAX_BYTES = 900_000


@dataclass(frozen=True)
class FeedBody:
    body: bytes
    etag: str  # SHA-256 of the body: a strong validator
    key: tuple
    expires: float


_cache: OrderedDict[str, FeedBody] = OrderedDict()  # by token hash
_lock = threading.Lock()


def window(today: date) -> tuple[date, date]:
    return today - timedelta(days=PAST_DAYS), today + timedelta(days=FUTURE_DAYS)


def feed_locale(user) -> str:
    languages = current_app.config["LANGUAGES"]
    return user.locale if user.locale in languages else current_app.config["BABEL_DEFAULT_LOCALE"]


def _texts() -> dict[str, str]:
    """The description lines, translated once per feed rather than once per event."""
    return {
        "employee": _("Employee: %(name)s"),
        "interviewer": _("Interviewer: %(name)s"),
        "video": _("Video link: %(link)s"),
        "open": _("Open in Parcours: %(link)s"),
    }


@dataclass(frozen=True)
class _Links:
    """The links back to Parcours, each kind built once (a feed holds thousands)."""

    interview: Callable[[int], str]
    person: Callable[[int], str]
    calendar: str

    @classmethod
    def build(cls) -> _Links:
        url = url_builder()
        return cls(
            interview=links(url, "interviews.show", "interview_id"),
            person=links(url, "compliance.person", "employee_id"),
            calendar=url("calendars.index"),
        )


def _event(item: events.CalendarItem, host: str, texts: dict[str, str], links: _Links) -> Event:
    """Only what a calendar needs: type, person, place or link, a link back."""
    if item.interview_id is not None:
        link = links.interview(item.interview_id)
    elif item.deadline_kind and item.deadline_kind.startswith("legal-"):
        link = links.person(item.employee_id)
    else:
        link = links.calendar
    lines = []
    if item.kind == "interview":
        if item.employee_name:
            lines.append(texts["employee"] % {"name": item.employee_name})
        if item.interviewer_name:
            lines.append(texts["interviewer"] % {"name": item.interviewer_name})
        if item.video_link:
            lines.append(texts["video"] % {"link": item.video_link})
    lines.append(texts["open"] % {"link": link})
    return Event(
        uid=f"{item.uid}@{host}",
        summary=item.title,
        start=item.start if item.kind == "interview" else item.day,
        end=item.end,
        stamp=item.last_modified,
        sequence=item.sequence,
        location=item.location or item.video_link,
        url=link,
        description="\n".join(lines),
    )


def _priority(today: date):
    """Which items a feed too large for Google keeps first: the nearest, the coming
    weeks before the past ones (by local day)."""

    def key(item: events.CalendarItem) -> int:
        distance = (item.day - today).days
        return distance if distance >= 0 else -distance * 4

    return key


def calendar_name(scope: Scope) -> str:
    company = get_setting("company_name") or "Parcours"
    return f"{company} – {SCOPE_LABELS[Scope(scope)]}"


def build_feed(user, scope, today: date | None = None) -> bytes:
    """The feed's bytes: the same data always gives the same bytes."""
    scope = Scope(scope)
    today = today or _local_today()
    start, end = window(today)
    host = uid_host()
    with force_locale(feed_locale(user)):
        items = events.items_between(
            user, scope.value, start, end, include_due_dates=scope != Scope.ALL
        )
        texts, links = _texts(), _Links.build()
        return feed_calendar(
            items,
            lambda item: _event(item, host, texts, links),
            name=calendar_name(scope),
            calendar_uid=f"calendar-{user.id}-{scope.value}@{host}",
            max_bytes=current_app.config.get("FEED_MAX_BYTES", MAX_BYTES),
            priority=_priority(today),
        )


def _local_today() -> date:
    return datetime.now(events.local_zone()).date()


_NEWEST_CHANGE = sa.select(sa.func.max(AuditEvent.id))  # built once: every poll asks


def _validator_key(feed: FeedToken) -> tuple:
    newest_change = db.session.scalar(_NEWEST_CHANGE)
    base = current_app.config.get("PUBLIC_URL") or (
        request.host_url if has_request_context() else ""
    )
    return (feed.token_hash, newest_change, _local_today(), feed_locale(feed.user), base)


def feed_body(feed: FeedToken) -> FeedBody:
    """The current body of a feed, from this worker's cache when nothing changed."""
    key = _validator_key(feed)
    now = time.monotonic()
    with _lock:
        hit = _cache.get(feed.token_hash)
        if hit is not None and hit.key == key and hit.expires > now:
            _cache.move_to_end(feed.token_hash)
            return hit
    body = build_feed(feed.user, feed.scope)
    entry = FeedBody(
        body=body,
        etag=hashlib.sha256(body).hexdigest(),
        key=key,
        expires=now + current_app.config.get("FEED_CACHE_SECONDS", 300),
    )
    with _lock:
        _cache[feed.token_hash] = entry
        _cache.move_to_end(feed.token_hash)
        while len(_cache) > CACHE_ENTRIES:
            _cache.popitem(last=False)
    return entry


def forget(feed: FeedToken) -> None:
    with _lock:
        _cache.pop(feed.token_hash, None)


def record_fetch(feed: FeedToken, etag: str) -> datetime:
    """Note the use and return Last-Modified: the moment this content was first served,
    which never goes backwards (an event leaving the feed is a change too). Writes only
    when the content changed or the last use is more than an hour old."""
    now = utcnow().replace(microsecond=0)
    if feed.content_hash != etag:
        previous = feed.content_changed_at
        feed.content_changed_at = max(now, previous + timedelta(seconds=1)) if previous else now
        feed.content_hash = etag
    if feed.last_used_at is None or now - feed.last_used_at > timedelta(hours=1):
        feed.last_used_at = now
    return feed.content_changed_at
