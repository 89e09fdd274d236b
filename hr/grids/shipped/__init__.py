"""The content Parcours ships: rating scales, a starter skills referential, the
question library and ready-to-publish grids for every interview type, in French
(`fr.py`) and English (`en.py`).

`load_shipped(language)` creates what is missing, idempotently: scales, library
questions and grids by their code, skills by their name. Rows that already exist are
left untouched, even when HR edited them. Every created row is audited.
"""

from __future__ import annotations

import copy
from importlib import import_module

import sqlalchemy as sa

from hr import audit
from hr.db import db
from hr.grids import referentials, services
from hr.grids.models import LibraryQuestion, RatingScale, Skill

LANGUAGES = ("fr", "en")


def content(language: str):
    """The module holding SCALES, SKILLS, GRIDS and LIBRARY for a language."""
    if language not in LANGUAGES:
        raise ValueError(f"no shipped content for language {language!r}; use one of {LANGUAGES}")
    return import_module(f"{__name__}.{language}")


def _load_scales(actor, scales: list[dict]) -> tuple[int, dict[str, RatingScale]]:
    created, by_name = 0, {}
    for spec in scales:
        scale = db.session.scalar(sa.select(RatingScale).where(RatingScale.code == spec["code"]))
        if scale is None:
            scale = referentials.save_scale(
                actor,
                None,
                spec["name"],
                copy.deepcopy(spec["levels"]),
                spec["not_assessed"],
                code=spec["code"],
            )
            created += 1
        by_name[spec["name"]] = scale
    return created, by_name


def _load_skills(actor, skills: list[dict]) -> tuple[int, dict[str, Skill]]:
    created, by_name = 0, {}
    for spec in skills:
        skill = db.session.scalar(sa.select(Skill).where(Skill.name == spec["name"]))
        if skill is None:
            skill = referentials.save_skill(
                actor, None, spec["name"], spec.get("family"), spec.get("description")
            )
            created += 1
        by_name[spec["name"]] = skill
    return created, by_name


def _link_options(options: dict, scales: dict[str, RatingScale], skills: dict[str, Skill]) -> dict:
    """A copy of a question's options that names the referential rows it came from (as
    the grid editor does), so that editing a shipped question keeps its scale and skills."""
    options = copy.deepcopy(options or {})
    scale = options.get("scale")
    if scale and scale.get("name") in scales:
        scale["id"] = scales[scale["name"]].id
    for skill in options.get("skills", []):
        if skill.get("name") in skills:
            skill["id"] = skills[skill["name"]].id
    return options


def _load_library(actor, language: str, items: list[dict], scales, skills) -> int:
    created = 0
    for spec in items:
        if db.session.scalar(
            sa.select(LibraryQuestion.id).where(LibraryQuestion.code == spec["code"])
        ):
            continue
        values = services._question_values(
            spec | {"options": _link_options(spec["options"], scales, skills)}
        )
        item = LibraryQuestion(code=spec["code"], language=language, **values)
        item.tags = list(spec.get("tags", []))
        item.interview_types = list(spec.get("interview_types", []))
        item.search_key = services._library_search_key(item)
        db.session.add(item)
        db.session.flush()
        audit.record(
            actor,
            "create",
            "library_question",
            item.id,
            after=item.content()
            | {
                "code": item.code,
                "language": item.language,
                "tags": item.tags,
                "interview_types": item.interview_types,
            },
        )
        created += 1
    return created


def _load_grids(actor, grids: list[dict], scales, skills) -> int:
    created = 0
    for spec in grids:
        linked = copy.deepcopy(spec)
        for section in linked["sections"]:
            for question in section["questions"]:
                question["options"] = _link_options(question.get("options"), scales, skills)
        if services.create_grid_from_spec(actor, linked, publish_it=True) is not None:
            created += 1
    return created


def load_shipped(language: str = "fr", actor=None) -> dict:
    """Create the shipped scales, skills, library questions and grids of `language` that
    do not exist yet, in the current transaction (the caller commits). Returns how many
    of each were created: zeros when everything was already there."""
    module = content(language)
    services._check(actor)
    scale_count, scales = _load_scales(actor, module.SCALES)
    skill_count, skills = _load_skills(actor, module.SKILLS)
    library_count = _load_library(actor, language, module.LIBRARY, scales, skills)
    grid_count = _load_grids(actor, module.GRIDS, scales, skills)
    db.session.flush()
    return {
        "scales": scale_count,
        "skills": skill_count,
        "library_questions": library_count,
        "grids": grid_count,
    }
