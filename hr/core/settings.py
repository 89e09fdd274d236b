"""Read and change company settings. Defaults are shipped here; rows override them."""

from __future__ import annotations

import sqlalchemy as sa
from flask import g, has_app_context

from hr import audit
from hr.core.models import Setting
from hr.db import db

DEFAULTS: dict[str, object] = {
    "company_name": "Parcours",
    "timezone": "Europe/Paris",
}


def all_settings() -> dict:
    """Every setting (defaults overlaid by stored rows), cached for the request."""
    if has_app_context() and "_settings" in g:
        return g._settings
    values = dict(DEFAULTS)
    values.update({s.key: s.value for s in db.session.scalars(sa.select(Setting))})
    if has_app_context():
        g._settings = values
    return values


def get_setting(key: str):
    return all_settings()[key]


def update_settings(actor, changes: dict) -> bool:
    """Store changed settings with one audit event; return whether anything changed."""
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
    g.pop("_settings", None)
    return True
