"""`flask --app app hr …`: commands for operators and scripts."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from hr.db import db

hr_cli = AppGroup("hr", help="Parcours commands.")


@hr_cli.command("seed-demo")
@click.option("--employees", default=80, show_default=True, help="Company size.")
@click.option(
    "--years",
    default=1,
    show_default=True,
    type=click.IntRange(0, 30),
    help="Past years of interview campaigns before this year's.",
)
@click.option("--seed", default=2026, show_default=True, help="Random seed (deterministic).")
@click.option("--if-empty", is_flag=True, help="Do nothing when people already exist.")
def seed_demo_command(employees: int, years: int, seed: int, if_empty: bool) -> None:
    """Build the fictional demo company, its demo accounts and its interview history."""
    from hr.demo.seed import DEMO_PASSWORD, existing_demo_accounts, is_empty, seed_demo

    if not is_empty():
        if not if_empty:
            raise click.ClickException("The database is not empty; seed-demo needs an empty one.")
        click.echo("The database already holds people: demo data not loaded.")
        accounts = existing_demo_accounts()
    else:
        result = seed_demo(employees=employees, seed=seed, years=years)
        db.session.commit()
        click.echo(
            f"Demo company created: {result.employees} employees, {result.departments} departments."
        )
        click.echo(
            f"Interview history: {sum(result.interviews.values())} interviews over "
            f"{years + 1} year(s) ("
            + ", ".join(f"{n} {status}" for status, n in sorted(result.interviews.items()))
            + ")."
        )
        accounts = result.accounts
    if accounts:
        click.echo(f"Demo logins (password: {DEMO_PASSWORD}):")
        for role, email in accounts.items():
            click.echo(f"  {role:9} {email}")


@hr_cli.command("create-admin")
@click.argument("email")
@click.option("--password", envvar="PARCOURS_ADMIN_PASSWORD", help="Asked when omitted.")
def create_admin_command(email: str, password: str | None) -> None:
    """Create an administrator account for a real installation."""
    from hr.admin.services import create_admin
    from hr.auth.passwords import MIN_LENGTH
    from hr.auth.services import AccountError

    if not password:
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Repeat: "):
            raise click.ClickException("The two passwords differ.")
    if len(password) < MIN_LENGTH:
        raise click.ClickException(f"The password needs at least {MIN_LENGTH} characters.")
    try:
        create_admin(email, password)
    except AccountError as error:
        raise click.ClickException(str(error)) from None
    db.session.commit()
    click.echo(f"Administrator {email.strip().lower()} created.")


@hr_cli.command("import-employees")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--full", is_flag=True, help="Full export: people missing from the file have left.")
@click.option(
    "--map",
    "mappings",
    multiple=True,
    metavar="FIELD=COLUMN",
    help="Column for a field when its name is not recognised.",
)
@click.option("--dry-run", is_flag=True, help="Check and report; change nothing.")
def import_employees_command(
    path: Path, full: bool, mappings: tuple[str, ...], dry_run: bool
) -> None:
    """Import employees from an HR export (CSV or XLSX), all or nothing."""
    from hr.people.import_fields import FIELDS_BY_NAME, guess_mapping
    from hr.people.import_files import ImportFileError, read_table
    from hr.people.imports import ImportRefused, apply_import, plan_import

    content = path.read_bytes()
    if len(content) > current_app.config["IMPORT_MAX_BYTES"]:
        raise click.ClickException(
            f"The file is larger than {current_app.config['IMPORT_MAX_BYTES']} bytes."
        )
    try:
        table = read_table(path.name, content, current_app.config["IMPORT_MAX_ROWS"])
    except ImportFileError as error:
        raise click.ClickException(str(error)) from None
    mapping = guess_mapping(table.headers)
    for item in mappings:
        field, _sep, column = item.partition("=")
        if field not in FIELDS_BY_NAME or not column:
            raise click.ClickException(
                f"--map {item}: expected FIELD=COLUMN with FIELD in " + ", ".join(FIELDS_BY_NAME)
            )
        mapping[field] = column
    plan = plan_import(table, mapping, full_export=full)
    if plan.ok and not dry_run:
        try:
            plan = apply_import(None, table, mapping, full_export=full, source=f"cli {path.name}")
        except ImportRefused:
            db.session.rollback()
            plan = plan_import(table, mapping, full_export=full)  # what changed meanwhile
        else:
            db.session.commit()
    if not plan.ok:
        for error in plan.errors:
            where = f"line {error.line}: " if error.line else ""
            click.echo(f"{where}{error.message}", err=True)
        click.echo("Nothing was changed.", err=True)
        sys.exit(1)
    summary = plan.summary()
    verb = "Would change" if dry_run else "Imported"
    click.echo(
        f"{verb}: {summary['created']} created, {summary['updated']} updated, "
        f"{summary['unchanged']} unchanged, {summary['left']} left."
    )


@hr_cli.command("load-grids")
@click.option(
    "--language",
    type=click.Choice(["fr", "en"]),
    default="fr",
    show_default=True,
    help="Language of the shipped content.",
)
def load_grids_command(language: str) -> None:
    """Load the shipped grids, question library, rating scales and skills (idempotent)."""
    from hr.grids.shipped import load_shipped

    counts = load_shipped(language)
    db.session.commit()
    click.echo(
        f"Shipped content ({language}) created: {counts['grids']} grids, "
        f"{counts['library_questions']} library questions, {counts['scales']} rating scales, "
        f"{counts['skills']} skills."
    )


def bind_migrations(app: Flask) -> None:
    """Flask-Migrate on `app`, for `flask db …` and the tests' `upgrade()`. Web workers
    never migrate and never import it: Alembic and Mako cost each worker ~11 MiB."""
    if "migrate" not in app.extensions:
        from flask_migrate import Migrate

        from hr import ROOT

        Migrate(app, db, directory=str(ROOT / "migrations"))


def init_app(app: Flask) -> None:
    from hr.audit.commands import audit_cli
    from hr.calendars import feed_commands as _feed_commands  # noqa: F401
    from hr.compliance import commands as _compliance_commands  # noqa: F401
    from hr.mail import commands as _mail_commands  # noqa: F401

    hr_cli.add_command(audit_cli)
    app.cli.add_command(hr_cli)
    if click.get_current_context(silent=True) is not None:  # the `flask` command
        bind_migrations(app)
