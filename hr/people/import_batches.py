"""The life of an uploaded HR export: stored, mapped, applied — checked and audited."""

from __future__ import annotations

from hr import audit
from hr.db import db, utcnow
from hr.people.import_fields import guess_mapping
from hr.people.import_files import Table
from hr.people.models import ImportBatch
from hr.security import can


def _check(actor) -> None:
    if not can(actor, "people.import"):
        raise PermissionError("people.import")


def store_upload(actor, filename: str, content: bytes, table: Table, mode: str) -> ImportBatch:
    """Keep the file in the database (any worker can preview or apply it)."""
    _check(actor)
    batch = ImportBatch(
        uploaded_by_id=actor.id,
        filename=filename[:255],
        content=content,
        mapping={"fields": guess_mapping(table.headers), "mode": mode},
    )
    db.session.add(batch)
    db.session.flush()
    audit.record(
        actor,
        "upload",
        "import",
        batch.id,
        after={"filename": batch.filename, "rows": len(table.rows), "mode": mode},
    )
    return batch


def save_mapping(actor, batch: ImportBatch, fields: dict[str, str]) -> None:
    """The columns chosen for each field; audited when they change."""
    _check(actor)
    before = batch.mapping.get("fields")
    if before == fields:
        return
    batch.mapping = {**batch.mapping, "fields": fields}
    audit.record(
        actor, "map", "import", batch.id, before={"fields": before}, after={"fields": fields}
    )


def mark_applied(actor, batch: ImportBatch, summary: dict) -> None:
    _check(actor)
    batch.status, batch.applied_at, batch.report = "applied", utcnow(), summary
    audit.record(actor, "apply", "import", batch.id, after=summary)
