"""Rating scales and the skills referential: their changes, checked and audited.

Questions copy a scale's levels and a skills matrix copies its skills, so editing
either never changes an existing grid."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _

from hr import audit
from hr.db import db
from hr.grids.models import RatingScale, Skill
from hr.grids.services import GridError, _check


def parse_levels(text: str) -> list[dict] | None:
    """Lines like "1 = Insuffisant" → levels; None unless ≥ 2 lines with distinct values."""
    levels = []
    for line in text.splitlines():
        if not line.strip():
            continue
        value, sep, label = line.partition("=")
        try:
            levels.append({"value": int(value.strip()), "label": label.strip()})
        except ValueError:
            return None
        if not sep or not label.strip():
            return None
    values = [lvl["value"] for lvl in levels]
    return levels if len(levels) >= 2 and len(set(values)) == len(values) else None


def save_scale(
    actor,
    scale: RatingScale | None,
    name: str,
    levels: list[dict],
    not_assessed: bool,
    code: str | None = None,
) -> RatingScale:
    """Create (scale None) or change a scale; `code` marks a shipped one."""
    _check(actor)
    before = scale.as_option() if scale else None
    if scale is None:
        scale = RatingScale(name="", levels=[], code=code)
        db.session.add(scale)
    scale.name, scale.levels, scale.not_assessed = name.strip(), levels, not_assessed
    db.session.flush()
    audit.record(
        actor,
        "create" if before is None else "update",
        "rating_scale",
        scale.id,
        before=before,
        after=scale.as_option(),
    )
    return scale


def save_skill(
    actor, skill: Skill | None, name: str, family: str | None, description: str | None
) -> Skill:
    _check(actor)
    name = name.strip()
    clash = db.session.scalar(sa.select(Skill.id).where(Skill.name == name))
    if clash and clash != (skill.id if skill else None):
        raise GridError(_("This skill already exists."))
    before = skill.snapshot() if skill else None
    if skill is None:
        skill = Skill(name=name)
        db.session.add(skill)
    skill.name, skill.family = name, (family or "").strip() or None
    skill.description = (description or "").strip() or None
    db.session.flush()
    audit.record(
        actor,
        "create" if before is None else "update",
        "skill",
        skill.id,
        before=before,
        after=skill.snapshot(),
    )
    return skill


def set_skill_archived(actor, skill: Skill, archived: bool) -> None:
    _check(actor)
    before = skill.snapshot()
    skill.archived = archived
    audit.record(actor, "update", "skill", skill.id, before=before, after=skill.snapshot())
