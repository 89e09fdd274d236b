"""Grid state changes: every one checks permission and writes its audit event.

Only draft versions change. Publishing freezes a version for good; editing a
published grid starts a new draft copied from the latest version.
"""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _

from hr import audit
from hr.db import db, utcnow
from hr.grids.checks import publish_problems
from hr.grids.models import (
    AnsweredBy,
    Grid,
    GridQuestion,
    GridSection,
    GridVersion,
    InterviewType,
    LibraryQuestion,
    QuestionKind,
    VersionStatus,
)
from hr.people.models import normalize
from hr.security import can


class GridError(ValueError):
    """A refused grid change, with a message for the user."""


def _check(actor) -> None:
    if actor is not None and not can(actor, "grids.manage"):
        raise PermissionError("grids.manage")


def _draft(version: GridVersion) -> None:
    if not version.is_draft:
        raise GridError(
            _(
                "This version is published: it can no longer change. "
                "Start a new draft to edit the grid."
            )
        )


def latest_version(grid: Grid) -> GridVersion | None:
    return grid.versions[-1] if grid.versions else None


def published_version(grid: Grid) -> GridVersion | None:
    published = [v for v in grid.versions if v.status == VersionStatus.PUBLISHED]
    return published[-1] if published else None


# --- interview types ---------------------------------------------------------------


def create_interview_type(actor, name: str) -> InterviewType:
    """A company's own kind of interview (one-to-one, hiring…), with the same engine."""
    _check(actor)
    name = name.strip()
    base = normalize(name).replace(" ", "_")[:30].strip("_") or "type"
    code, n = f"custom_{base}", 2
    taken = set(db.session.scalars(sa.select(InterviewType.code)))
    if any(
        normalize(t.name) == normalize(name) for t in db.session.scalars(sa.select(InterviewType))
    ):
        raise GridError(_("An interview type with this name already exists."))
    while code in taken:
        code, n = f"custom_{base}_{n}", n + 1
    position = (db.session.scalar(sa.select(sa.func.max(InterviewType.position))) or 0) + 1
    interview_type = InterviewType(code=code, name=name, builtin=False, position=position)
    db.session.add(interview_type)
    db.session.flush()
    audit.record(
        actor, "create", "interview_type", interview_type.id, after={"code": code, "name": name}
    )
    return interview_type


VALIDATIONS = ("", "n2", "hr")


def set_extra_validation(actor, interview_type: InterviewType, validation: str) -> None:
    """Whether this type's interviews need the N+2's or HR's validation after signing."""
    _check(actor)
    if validation not in VALIDATIONS:
        raise GridError(_("Unknown validation setting."))
    before = {"extra_validation": interview_type.extra_validation}
    interview_type.extra_validation = validation
    audit.record(
        actor,
        "update",
        "interview_type",
        interview_type.id,
        before=before,
        after={"extra_validation": validation},
    )


# --- grids -------------------------------------------------------------------------


def create_grid(
    actor,
    interview_type: InterviewType,
    name: str,
    description: str | None = None,
    code: str | None = None,
) -> Grid:
    _check(actor)
    grid = Grid(
        interview_type_id=interview_type.id,
        name=name.strip(),
        description=(description or "").strip() or None,
        code=code,
    )
    grid.interview_type = interview_type
    db.session.add(grid)
    db.session.flush()
    version = GridVersion(grid=grid, number=1)
    db.session.add(version)
    db.session.flush()
    audit.record(actor, "create", "grid", grid.id, after=grid.snapshot())
    return grid


def rename_grid(actor, grid: Grid, name: str, description: str | None) -> None:
    _check(actor)
    before = grid.snapshot()
    grid.name, grid.description = name.strip(), (description or "").strip() or None
    audit.record(actor, "update", "grid", grid.id, before=before, after=grid.snapshot())


def set_archived(actor, grid: Grid, archived: bool) -> None:
    _check(actor)
    before = grid.snapshot()
    grid.archived_at = utcnow() if archived else None
    audit.record(
        actor,
        "archive" if archived else "unarchive",
        "grid",
        grid.id,
        before=before,
        after=grid.snapshot(),
    )


def _copy_sections(source: GridVersion, target: GridVersion) -> None:
    for section in source.sections:
        copy = GridSection(
            position=section.position,
            title=section.title,
            intro=section.intro,
            scored=section.scored,
        )
        target.sections.append(copy)  # appending (not version=) cascades into the session
        for q in section.questions:
            copy.questions.append(GridQuestion(position=q.position, **q.content()))


def duplicate_grid(actor, grid: Grid, name: str) -> Grid:
    """A new grid (draft version 1) with the content of the latest version."""
    _check(actor)
    source = latest_version(grid)
    copy = create_grid(actor, grid.interview_type, name, grid.description)
    draft = copy.versions[0]
    draft.share_preparation = source.share_preparation
    _copy_sections(source, draft)
    db.session.flush()
    audit.record(
        actor,
        "duplicate",
        "grid",
        copy.id,
        after={"from_grid": grid.id, "from_version": source.number},
    )
    return copy


def new_draft(actor, grid: Grid) -> GridVersion:
    """The draft to edit: the existing one, or a new one copied from the latest version."""
    _check(actor)
    latest = latest_version(grid)
    if latest is not None and latest.is_draft:
        return latest
    draft = GridVersion(grid_id=grid.id, number=(latest.number + 1) if latest else 1)
    db.session.add(draft)  # in the session before copying, so no autoflush meets it half-made
    if latest is not None:
        draft.share_preparation = latest.share_preparation
        with db.session.no_autoflush:
            _copy_sections(latest, draft)
    db.session.flush()
    db.session.expire(grid, ["versions"])
    audit.record(
        actor,
        "new_draft",
        "grid_version",
        draft.id,
        after={"grid_id": grid.id, "number": draft.number},
    )
    return draft


def discard_draft(actor, version: GridVersion) -> None:
    """Delete a draft that follows a published version (the first one cannot go)."""
    _check(actor)
    _draft(version)
    if version.number == 1:
        raise GridError(_("The first version of a grid cannot be discarded; archive the grid."))
    grid_id, number = version.grid_id, version.number
    db.session.delete(version)
    db.session.flush()
    audit.record(
        actor, "discard", "grid_version", version.id, before={"grid_id": grid_id, "number": number}
    )


def set_share_preparation(actor, version: GridVersion, share: bool) -> None:
    _check(actor)
    _draft(version)
    before = {"share_preparation": version.share_preparation}
    version.share_preparation = share
    audit.record(
        actor,
        "update",
        "grid_version",
        version.id,
        before=before,
        after={"share_preparation": share},
    )


def publish(actor, version: GridVersion) -> None:
    """Freeze the draft, after the blocking checks pass."""
    _check(actor)
    _draft(version)
    blocking = [p for p in publish_problems(version) if p.blocking]
    if blocking:
        raise GridError(
            _("This version cannot be published yet: %(problem)s", problem=blocking[0].message)
        )
    version.status = VersionStatus.PUBLISHED
    version.published_at = utcnow()
    version.published_by_id = getattr(actor, "id", None)
    db.session.flush()
    audit.record(
        actor,
        "publish",
        "grid_version",
        version.id,
        after={"grid_id": version.grid_id, "number": version.number},
    )


# --- sections ----------------------------------------------------------------------


def add_section(
    actor, version: GridVersion, title: str, intro: str | None = None, scored: bool = False
) -> GridSection:
    _check(actor)
    _draft(version)
    position = max((s.position for s in version.sections), default=0) + 1
    section = GridSection(
        version=version,
        position=position,
        title=title.strip(),
        intro=(intro or "").strip() or None,
        scored=scored,
    )
    db.session.add(section)
    db.session.flush()
    audit.record(actor, "create", "grid_section", section.id, after=section.snapshot())
    return section


def update_section(
    actor, section: GridSection, title: str, intro: str | None, scored: bool
) -> None:
    _check(actor)
    _draft(section.version)
    before = section.snapshot()
    section.title, section.intro, section.scored = (
        title.strip(),
        (intro or "").strip() or None,
        scored,
    )
    audit.record(
        actor, "update", "grid_section", section.id, before=before, after=section.snapshot()
    )


def delete_section(actor, section: GridSection) -> None:
    _check(actor)
    version = section.version
    _draft(version)
    before = section.snapshot() | {"questions": len(section.questions)}
    version.sections.remove(section)
    db.session.flush()
    _renumber(version.sections)
    audit.record(actor, "delete", "grid_section", section.id, before=before)


def _renumber(items) -> None:
    for position, item in enumerate(items, start=1):
        item.position = position


def _move(items: list, item, delta: int) -> bool:
    index = items.index(item)
    target = index + delta
    if not 0 <= target < len(items):
        return False
    items[index], items[target] = items[target], items[index]
    _renumber(items)
    return True


def move_section(actor, section: GridSection, delta: int) -> bool:
    _check(actor)
    _draft(section.version)
    sections = list(section.version.sections)
    moved = _move(sections, section, delta)
    if moved:
        audit.record(
            actor, "move", "grid_section", section.id, after={"position": section.position}
        )
    return moved


# --- questions ---------------------------------------------------------------------


def _question_values(values: dict) -> dict:
    kind = QuestionKind(values["kind"])
    return {
        "kind": kind,
        "label": values["label"].strip(),
        "help_text": (values.get("help_text") or "").strip() or None,
        "answered_by": AnsweredBy(values.get("answered_by") or AnsweredBy.BOTH),
        "required": bool(values.get("required")),
        "weight": values.get("weight"),
        "options": values.get("options") or {},
    }


def add_question(actor, section: GridSection, values: dict) -> GridQuestion:
    _check(actor)
    _draft(section.version)
    position = max((q.position for q in section.questions), default=0) + 1
    question = GridQuestion(position=position, **_question_values(values))
    section.questions.append(question)
    db.session.flush()
    audit.record(
        actor,
        "create",
        "grid_question",
        question.id,
        after=question.content() | {"section_id": section.id},
    )
    return question


def update_question(actor, question: GridQuestion, values: dict) -> None:
    _check(actor)
    _draft(question.section.version)
    before = question.content()
    for key, value in _question_values(values).items():
        setattr(question, key, value)
    db.session.flush()
    audit.record(
        actor, "update", "grid_question", question.id, before=before, after=question.content()
    )


def delete_question(actor, question: GridQuestion) -> None:
    _check(actor)
    section = question.section
    _draft(section.version)
    before = question.content() | {"section_id": section.id}
    section.questions.remove(question)
    db.session.flush()
    _renumber(section.questions)
    audit.record(actor, "delete", "grid_question", question.id, before=before)


def move_question(actor, question: GridQuestion, delta: int) -> bool:
    _check(actor)
    _draft(question.section.version)
    questions = list(question.section.questions)
    moved = _move(questions, question, delta)
    if moved:
        audit.record(
            actor, "move", "grid_question", question.id, after={"position": question.position}
        )
    return moved


def reorder_questions(actor, section: GridSection, ordered_ids: list[int]) -> None:
    """Set the order from a drag and drop: the ids must be exactly the section's."""
    _check(actor)
    _draft(section.version)
    by_id = {q.id: q for q in section.questions}
    if sorted(ordered_ids) != sorted(by_id):
        raise GridError(_("The order sent does not match the questions of this section."))
    before = [q.id for q in section.questions]
    _renumber([by_id[i] for i in ordered_ids])
    db.session.flush()
    db.session.expire(section, ["questions"])
    audit.record(
        actor,
        "reorder",
        "grid_section",
        section.id,
        before={"order": before},
        after={"order": ordered_ids},
    )


def insert_from_library(actor, section: GridSection, item: LibraryQuestion) -> GridQuestion:
    """Copy a library question into a draft: later library edits do not follow."""
    question = add_question(actor, section, item.content())
    audit.record(
        actor,
        "insert_from_library",
        "grid_question",
        question.id,
        after={"library_question_id": item.id},
    )
    return question


# --- library -----------------------------------------------------------------------


def _library_search_key(item: LibraryQuestion) -> str:
    return normalize(" ".join([item.label, item.help_text or "", " ".join(item.tags or [])]))[:1500]


def save_library_question(
    actor,
    item: LibraryQuestion | None,
    values: dict,
    tags: list[str],
    type_codes: list[str],
    language: str = "fr",
) -> LibraryQuestion:
    _check(actor)
    before = None
    if item is None:
        item = LibraryQuestion(language=language)
        db.session.add(item)
    else:
        before = item.content() | {"tags": item.tags, "interview_types": item.interview_types}
    for key, value in _question_values(values).items():
        setattr(item, key, value)
    item.tags, item.interview_types = tags, type_codes
    item.search_key = _library_search_key(item)
    db.session.flush()
    audit.record(
        actor,
        "create" if before is None else "update",
        "library_question",
        item.id,
        before=before,
        after=item.content() | {"tags": item.tags, "interview_types": item.interview_types},
    )
    return item


def delete_library_question(actor, item: LibraryQuestion) -> None:
    _check(actor)
    before = item.content()
    db.session.delete(item)
    db.session.flush()
    audit.record(actor, "delete", "library_question", item.id, before=before)


def search_library(
    q: str = "", type_code: str | None = None, language: str | None = None, limit: int = 50
):
    query = sa.select(LibraryQuestion).order_by(LibraryQuestion.label)
    if language:
        query = query.where(LibraryQuestion.language == language)
    for word in normalize(q).split():
        query = query.where(LibraryQuestion.search_key.contains(word, autoescape=True))
    items = db.session.scalars(query).all()
    if type_code:  # JSON list filter done here: portable across SQLite and PostgreSQL
        items = [i for i in items if not i.interview_types or type_code in i.interview_types]
    return items[:limit]


# --- shipped content ---------------------------------------------------------------


def create_grid_from_spec(actor, spec: dict, publish_it: bool = True) -> Grid | None:
    """Create a grid from a plain dict (see hr/grids/shipped/). Idempotent by `code`:
    an existing grid with that code is left untouched and None is returned."""
    if db.session.scalar(sa.select(Grid.id).where(Grid.code == spec["code"])):
        return None
    interview_type = db.session.scalar(
        sa.select(InterviewType).where(InterviewType.code == spec["type"])
    )
    if interview_type is None:
        raise GridError(f"unknown interview type {spec['type']!r}")
    grid = create_grid(
        actor, interview_type, spec["name"], spec.get("description"), code=spec["code"]
    )
    version = grid.versions[0]
    version.share_preparation = spec.get("share_preparation", False)
    for s in spec["sections"]:
        section = add_section(actor, version, s["title"], s.get("intro"), s.get("scored", False))
        for q in s["questions"]:
            add_question(actor, section, q)
    if publish_it:
        publish(actor, version)
    return grid
