"""`flask --app app hr compliance-report` and `hr import-absences`."""

from __future__ import annotations

import csv
import sys
from datetime import date
from pathlib import Path

import click
from flask import current_app

from hr.cli import hr_cli
from hr.db import db

COLUMNS = ("employee_number", "kind", "due_date", "status", "reference")


def report_rows(at: date) -> list[tuple[str, str, str, str, str]]:
    """One row per obligation, sorted by employee number, due date and kind."""
    from hr.compliance.loading import evaluate

    result = evaluate(at, with_alerts=False)
    rows = [
        (
            result.people[o.employee_id].number,
            o.kind,
            o.due_date.isoformat(),
            o.status,
            o.reference,
        )
        for o in result.obligations
    ]
    rows.sort(key=lambda r: (r[0], r[2], r[1]))
    return rows


@hr_cli.command("compliance-report")
@click.option(
    "--at",
    "at",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Evaluate as of this day (YYYY-MM-DD); today by default.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv"]), default="table", show_default=True
)
def compliance_report_command(at, fmt: str) -> None:
    """One row per legal-interview obligation: employee_number, kind, due_date, status,
    reference."""
    rows = report_rows(at.date() if at else date.today())
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
        return
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(COLUMNS)]
    for row in [COLUMNS, tuple("-" * w for w in widths), *rows]:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


@hr_cli.command("import-absences")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check and report; change nothing.")
def import_absences_command(path: Path, dry_run: bool) -> None:
    """Import absences (matricule, type, start, end) from CSV or XLSX, all or nothing."""
    from hr.compliance.imports import apply_absences, plan_absences
    from hr.people.import_files import ImportFileError, read_table

    content = path.read_bytes()
    if len(content) > current_app.config["IMPORT_MAX_BYTES"]:
        raise click.ClickException(
            f"The file is larger than {current_app.config['IMPORT_MAX_BYTES']} bytes."
        )
    try:
        table = read_table(path.name, content, current_app.config["IMPORT_MAX_ROWS"])
    except ImportFileError as error:
        raise click.ClickException(str(error)) from None
    plan = plan_absences(table)
    if plan.ok and not dry_run:
        plan = apply_absences(None, table, source=f"cli {path.name}")
        if plan.ok:
            db.session.commit()
        else:
            db.session.rollback()
    if not plan.ok:
        for error in plan.errors:
            where = f"line {error.line}: " if error.line else ""
            click.echo(f"{where}{error.message}", err=True)
        click.echo("Nothing was changed.", err=True)
        sys.exit(1)
    verb = "Would import" if dry_run else "Imported"
    click.echo(f"{verb}: {plan.created} absences created, {plan.unchanged} already known.")
