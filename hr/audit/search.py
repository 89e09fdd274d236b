"""Audit search for HR and administrators: filters, keyset paging, streamed CSV.

Paging goes by event id (newest first, `before` the last id shown): no COUNT and no
OFFSET, so a page costs the same on a log of millions of events.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask_babel import gettext as _

from hr.audit.models import AuditEvent
from hr.audit.sentences import ENTITY_LABELS, SENTENCES
from hr.auth.models import User
from hr.core.settings import get_setting
from hr.db import db
from hr.people.models import Employee, normalize

PAGE_SIZE = 50
ACTIONS = sorted({action for _entity, action in SENTENCES} | {"update", "delete", "create"})


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _day(value: str | None, errors: list, label: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        errors.append(_("%(field)s: “%(value)s” is not a date.", field=label, value=value[:20]))
        return None


@dataclass
class SearchFilters:
    who: str = ""
    entity_type: str | None = None
    entity_id: str = ""
    action: str = ""
    since: date | None = None
    until: date | None = None
    before: int | None = None
    errors: list[str] = field(default_factory=list)

    @classmethod
    def from_args(cls, args) -> SearchFilters:
        """Bad values are reported and ignored; the search still runs."""
        errors: list[str] = []
        entity_type = args.get("entity") or None
        if entity_type and entity_type not in ENTITY_LABELS:
            errors.append(_("Unknown kind of record: “%(value)s”.", value=entity_type[:50]))
            entity_type = None
        filters = cls(
            who=(args.get("who") or "").strip()[:100],
            entity_type=entity_type,
            entity_id=(args.get("id") or "").strip()[:64],
            action=(args.get("action") or "").strip()[:50],
            since=_day(args.get("since"), errors, _("From")),
            until=_day(args.get("until"), errors, _("To")),
            before=args.get("before", type=int),
            errors=errors,
        )
        if filters.since and filters.until and filters.until < filters.since:
            errors.append(_("The period ends before it starts."))
        return filters

    def as_args(self) -> dict:
        return {
            "who": self.who or None,
            "entity": self.entity_type,
            "id": self.entity_id or None,
            "action": self.action or None,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
        }


def _bound(day: date) -> datetime:
    """Midnight of a day in the company's time zone, in UTC."""
    return datetime.combine(day, time.min, ZoneInfo(get_setting("timezone"))).astimezone(UTC)


def _where(filters: SearchFilters) -> list:
    where = []
    if filters.who:
        pattern = f"%{_escape_like(filters.who.lower())}%"
        by_name = (
            sa.select(User.id)
            .join(Employee, User.employee_id == Employee.id)
            .where(Employee.search_key.like(f"%{_escape_like(normalize(filters.who))}%", "\\"))
        )
        where.append(
            sa.or_(
                sa.func.lower(AuditEvent.actor_label).like(pattern, escape="\\"),
                AuditEvent.actor_id.in_(by_name),
                AuditEvent.on_behalf_of_id.in_(by_name),
            )
        )
    if filters.entity_type:
        where.append(AuditEvent.entity_type == filters.entity_type)
    if filters.entity_id:
        where.append(AuditEvent.entity_id == filters.entity_id)
    if filters.action:
        where.append(AuditEvent.action == filters.action)
    if filters.since:
        where.append(AuditEvent.occurred_at >= _bound(filters.since))
    if filters.until:
        where.append(AuditEvent.occurred_at < _bound(filters.until + timedelta(days=1)))
    return where


def search(filters: SearchFilters, page_size: int = PAGE_SIZE):
    """(events, older): one page, newest first, and the cursor of the next one."""
    query = sa.select(AuditEvent).where(*_where(filters))
    if filters.before:
        query = query.where(AuditEvent.id < filters.before)
    events = db.session.scalars(query.order_by(AuditEvent.id.desc()).limit(page_size + 1)).all()
    older = events[page_size - 1].id if len(events) > page_size else None
    return events[:page_size], older


CSV_COLUMNS = (
    "id",
    "occurred_at",
    "actor_id",
    "actor_label",
    "on_behalf_of_id",
    "ip",
    "user_agent",
    "entity_type",
    "entity_id",
    "action",
    "reason",
    "changes",
    "prev_hash",
    "hash",
)


def _cell(value) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_lines(filters: SearchFilters, batch_size: int = 1000) -> Iterator[str]:
    """Every matching event, oldest first, as CSV lines: rows are streamed from the
    database and to the client, so the export's size does not matter."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")

    def line(values) -> str:
        out.seek(0)
        out.truncate()
        writer.writerow(values)
        return out.getvalue()

    yield "\ufeff" + line(CSV_COLUMNS)
    columns = [getattr(AuditEvent, name) for name in CSV_COLUMNS]
    result = db.session.execute(
        sa.select(*columns)
        .where(*_where(filters))
        .order_by(AuditEvent.id)
        .execution_options(yield_per=batch_size)
    )
    try:
        for row in result:
            values = dict(row._mapping)
            values["occurred_at"] = values["occurred_at"].isoformat()
            values["changes"] = json.dumps(values["changes"], ensure_ascii=False, sort_keys=True)
            yield line(_cell(values[name]) for name in CSV_COLUMNS)
    finally:
        result.close()
