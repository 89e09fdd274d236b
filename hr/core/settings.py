"""Read and change company settings. Defaults are shipped here; rows override them."""

from __future__ import annotations

import sqlalchemy as sa

from hr import audit
from hr.core.models import Setting
from hr.db import db
from hr.request_cache import request_cache

DEFAULTS: dict[str, object] = {
    "company_name": "",
    "timezone": "Europe/Paris",
    # Scheduling from the calendar warns outside these hours and days (ISO weekdays).
    "work_day_start": "09:00",
    "work_day_end": "18:00",
    "working_days": [1, 2, 3, 4, 5],
    "holiday_subdivision": "",  # "" metropolitan France; "57" Moselle, "6AE" Alsace…
    # Legal compliance (hr.compliance): the company's headcount for the thresholds
    # (CPF penalty from 50, L6323-13; None = counted from the people in Parcours), the
    # career-interview interval (48 months at most), the offer after maternity/parental
    # leave despite the 12-month exception, the age of the mid-career visit.
    "company_headcount": None,
    "career_interval_months": 48,
    "return_always_offer_parental": True,
    "mid_career_age": 45,
}


_STORED = sa.select(Setting.key, Setting.value)  # rows, not entities: read on every page


def all_settings() -> dict:
    """Every setting (defaults overlaid by stored rows), cached for the request."""
    cache = request_cache()
    if "settings" not in cache:
        values = dict(DEFAULTS)
        values.update(db.session.execute(_STORED).all())
        cache["settings"] = values
    return cache["settings"]


def get_setting(key: str):
    return all_settings()[key]


def update_settings(actor, changes: dict) -> bool:
    """Store changed settings with one audit event; return whether anything changed.

    `actor` None is the system (CLI, demo seed); a user needs `settings.manage`."""
    from hr.security import can

    if actor is not None and not can(actor, "settings.manage"):
        raise PermissionError("settings.manage")
    current = all_settings()
    changed = {k: v for k, v in changes.items() if k in DEFAULTS and current.get(k) != v}
    if not changed:
        return False
    for key, value in changed.items():
        row = db.session.get(Setting, key)
        if row is None:
            db.session.add(Setting(key=key, value=value))
        else:
            row.value = value
    db.session.flush()
    audit.record(
        actor,
        "update",
        "settings",
        "company",
        before={k: current.get(k) for k in changed},
        after=changed,
    )
    request_cache().pop("settings", None)
    return True
