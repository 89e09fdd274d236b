"""iCalendar text for subscription feeds and e-mail invitations (RFC 5545, 5546, 7986).

Written by hand rather than through `icalendar`'s object model, for three reasons that
ICAL.md spells out: the Europe/Paris VTIMEZONE must stay byte-identical (RRULE-based,
not the RDATE lists `add_missing_timezones()` produces), the same data must give the
same bytes (no generated UID or "now" stamp anywhere), and an HR feed of thousands of
events must render in milliseconds. The tests parse the output with `icalendar`,
`vobject`, `recurring-ical-events` and Mozilla's ical.js.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from flask import current_app, has_request_context, request
from flask_babel import gettext as _

PRODID = "-//Parcours//Parcours interviews calendar 1.0//EN"
TZID = "Europe/Paris"
PARIS = ZoneInfo(TZID)
CRLF = "\r\n"
MAX_OCTETS = 75

# Fixed, RRULE-based: Outlook ignores RDATE lists and ical.js misreads them.
# Never regenerate this block; a test checks it byte for byte.
VTIMEZONE_PARIS = CRLF.join(
    [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Paris",
        "X-LIC-LOCATION:Europe/Paris",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]
)


@dataclass(frozen=True)
class Attendee:
    email: str
    name: str


@dataclass(frozen=True)
class Event:
    """One VEVENT. `start` is an aware datetime (timed) or a date (all-day: `end` is
    ignored and the event lasts that one day). `stamp` is the object's last change: it
    gives DTSTAMP and LAST-MODIFIED, so the bytes only change when the data does."""

    uid: str
    summary: str
    start: datetime | date
    stamp: datetime
    end: datetime | None = None
    sequence: int = 0
    location: str | None = None
    url: str | None = None
    description: str | None = None
    cancelled: bool = False
    organizer: Attendee | None = None
    attendees: tuple[Attendee, ...] = ()

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)


# --- identity ----------------------------------------------------------------------


def uid_host() -> str:
    """The host part of every UID: stable forever, whatever host a request came by."""
    config = current_app.config
    if config.get("ICAL_UID_HOST"):
        return config["ICAL_UID_HOST"]
    if config.get("PUBLIC_URL"):
        return urlsplit(config["PUBLIC_URL"]).hostname or "parcours.local"
    return "parcours.local"


def interview_uid(interview_id: int) -> str:
    """Shared by the feed and the invitations, so that clients merge them."""
    return f"interview-{interview_id}@{uid_host()}"


def url_builder() -> Callable[..., str]:
    """`build(endpoint, **values)` for absolute links: under PUBLIC_URL when set, else
    the request's host (else the local address, e.g. in a CLI run without PUBLIC_URL).
    Binds the URL map once: a feed builds thousands of links."""
    base = current_app.config.get("PUBLIC_URL")
    if not base and has_request_context():
        base = request.url_root
    parts = urlsplit(base or "http://127.0.0.1:5000")
    adapter = current_app.url_map.bind(
        parts.netloc, script_name=parts.path or "/", url_scheme=parts.scheme
    )
    return lambda endpoint, **values: adapter.build(endpoint, values, force_external=True)


def external_url(endpoint: str, **values) -> str:
    return url_builder()(endpoint, **values)


# --- lines -------------------------------------------------------------------------


def escape_text(value: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11); lone CRs are dropped, newlines kept as \\n."""
    value = value.replace("\r\n", "\n").replace("\r", "")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def param_value(value: str) -> str:
    """A parameter value, always quoted (names hold commas); quotes and controls removed."""
    cleaned = "".join(ch for ch in value if ch >= " " and ch != '"' and ch != "\x7f")
    return f'"{cleaned}"'


def fold(line: str) -> str:
    """Fold one content line at 75 octets without cutting a UTF-8 sequence in two."""
    if len(line) <= MAX_OCTETS and (line.isascii() or len(line.encode()) <= MAX_OCTETS):
        return line
    data = line.encode()
    parts, position, limit = [], 0, MAX_OCTETS
    while len(data) - position > limit:
        cut = position + limit
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: cut before its character
            cut -= 1
        parts.append(data[position:cut])
        position, limit = cut, MAX_OCTETS - 1  # continuation lines start with " "
    parts.append(data[position:])
    return b"\r\n ".join(parts).decode()


def _basic(v: datetime) -> str:
    """RFC 5545 basic format (strftime is several times slower for thousands of events)."""
    return f"{v.year:04d}{v.month:02d}{v.day:02d}T{v.hour:02d}{v.minute:02d}{v.second:02d}"


def _utc(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("naive datetime: the feed never writes floating times")
    return _basic(value.astimezone(UTC)) + "Z"


def _local(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("naive datetime: the feed never writes floating times")
    return _basic(value.astimezone(PARIS))


# --- components --------------------------------------------------------------------


def _event_lines(event: Event, for_invitation: bool) -> list[str]:
    stamp = _utc(event.stamp)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"SEQUENCE:{event.sequence}",
        f"DTSTAMP:{stamp}",
        f"LAST-MODIFIED:{stamp}",
    ]
    if event.all_day:
        day = event.start
        lines += [
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
            "TRANSP:TRANSPARENT",
        ]
    else:
        end = event.end or event.start + timedelta(hours=1)
        lines += [
            f"DTSTART;TZID={TZID}:{_local(event.start)}",
            f"DTEND;TZID={TZID}:{_local(end)}",
            "TRANSP:OPAQUE",
        ]
    lines.append(f"SUMMARY:{escape_text(event.summary)}")
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.url:
        lines.append(f"URL;VALUE=URI:{event.url}")
    lines.append("CLASS:PRIVATE")
    lines.append("STATUS:CANCELLED" if event.cancelled else "STATUS:CONFIRMED")
    if for_invitation and event.organizer:
        lines.append(
            f"ORGANIZER;CN={param_value(event.organizer.name)}:mailto:{event.organizer.email}"
        )
    if for_invitation:
        for person in event.attendees:
            lines.append(
                f"ATTENDEE;CN={param_value(person.name)};CUTYPE=INDIVIDUAL;"
                "ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:"
                f"mailto:{person.email}"
            )
    lines.append("END:VEVENT")
    return lines


def to_ical(lines: Iterable[str]) -> bytes:
    """Fold each content line, join with CRLF, end with CRLF; UTF-8 without BOM."""
    return (CRLF.join(fold(line) for line in lines) + CRLF).encode()


def feed_calendar(
    sources: Iterable[Any],
    build: Callable[[Any], Event],
    name: str,
    calendar_uid: str,
    *,
    max_bytes: int | None = None,
    priority: Callable[[Any], object] | None = None,
) -> bytes:
    """A subscription feed: no METHOD, the fixed VTIMEZONE always (never an empty
    calendar: Thunderbird wipes everything on one), each UID once. `sources` (anything
    with a `uid`, e.g. calendar items) are turned into events by `build` only when they
    are written. Over `max_bytes` (Google ignores feeds beyond 1 MB), the sources with
    the lowest `priority` (sorted first) are kept until the budget is spent — a large
    company's feed builds a fifth of its candidates; the output keeps the given order
    either way. A cancelled event is left out (the calendar gives none: cancelled and
    declined interviews are not calendar items)."""
    head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"UID:{calendar_uid}",
        f"NAME:{escape_text(name)}",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-TIMEZONE:{TZID}",
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        "X-PUBLISHED-TTL:PT1H",
    ]
    seen: set[str] = set()
    kept: list = []
    for source in sources:
        if source.uid not in seen:
            seen.add(source.uid)
            kept.append(source)
    start = CRLF.join(fold(line) for line in head) + CRLF + VTIMEZONE_PARIS + CRLF
    end = "END:VCALENDAR" + CRLF
    budget = None if max_bytes is None else max_bytes - len((start + end).encode())
    order = range(len(kept))
    if budget is not None and priority is not None:
        order = sorted(order, key=lambda i: (priority(kept[i]), i))
    chosen: dict[int, str] = {}
    for index in order:  # serialized in priority order: what does not fit is never built
        event = build(kept[index])
        if event.cancelled:
            continue
        chunk = CRLF.join(fold(line) for line in _event_lines(event, False)) + CRLF
        if budget is not None:
            size = len(chunk.encode())
            if size > budget:
                break
            budget -= size
        chosen[index] = chunk
    return (start + "".join(chosen[i] for i in sorted(chosen)) + end).encode()


def invitation_calendar(event: Event) -> bytes:
    """An iMIP message body (RFC 6047): METHOD REQUEST, or CANCEL when the event is
    cancelled; exactly one event; no calendar name."""
    method = "CANCEL" if event.cancelled else "REQUEST"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
    ]
    if not event.all_day:
        lines += VTIMEZONE_PARIS.split(CRLF)
    lines += _event_lines(event, for_invitation=True)
    lines.append("END:VCALENDAR")
    return to_ical(lines)


# --- interviews --------------------------------------------------------------------


def interview_summary(interview) -> str:
    """Type and person: what a calendar needs, nothing from the interview's content."""
    return _(  # the same title as the calendar pages and feeds (hr.calendars.events)
        "%(type)s: %(employee)s",
        type=interview.interview_type.label,
        employee=interview.employee.full_name,
    )


def interview_description(interview, link: str) -> str:
    lines = [_("Employee: %(name)s", name=interview.employee.full_name)]
    if interview.interviewer is not None:
        lines.append(_("Interviewer: %(name)s", name=interview.interviewer.full_name))
    if interview.video_link:
        lines.append(_("Video link: %(link)s", link=interview.video_link))
    lines.append(_("Open in Parcours: %(link)s", link=link))
    return "\n".join(lines)


def interview_event(
    interview,
    *,
    stamp: datetime | None = None,
    organizer: Attendee | None = None,
    attendees: tuple[Attendee, ...] = (),
    cancelled: bool = False,
) -> Event:
    """The VEVENT of a scheduled interview, in the current locale: the feed and the
    invitations share its UID, SEQUENCE and text."""
    link = external_url("interviews.show", interview_id=interview.id)
    return Event(
        uid=interview_uid(interview.id),
        summary=interview_summary(interview),
        start=interview.scheduled_start,
        end=interview.scheduled_end,
        stamp=stamp or interview.updated_at,
        sequence=interview.sequence,
        location=interview.location or interview.video_link,
        url=link,
        description=interview_description(interview, link),
        cancelled=cancelled,
        organizer=organizer,
        attendees=attendees,
    )
