"""The bulk operations of the budget, each timed on a working copy of the data set:
campaign launch for everyone, a 5,000-row HR import, compliance status, the audit
chain check (the operator's command) and the HR iCal feed (over HTTP, with its 304)."""

from __future__ import annotations

import csv
import io
import re
import statistics
import subprocess
import time
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa

from bench import load
from bench.dataset import FLASK, ROOT, env_for

IMPORT_ROWS = 5000


def _hr_user():
    from hr.auth.models import User
    from hr.db import db
    from hr.demo.seed import DEMO_ACCOUNTS

    return db.session.scalar(sa.select(User).where(User.email == DEMO_ACCOUNTS["hr"]))


def campaign_launch(app) -> float:
    """A new annual campaign for everyone, launched by HR: the launch and its commit."""
    from hr.campaigns import services
    from hr.campaigns.population import Criteria
    from hr.db import db
    from hr.grids.models import InterviewType

    with app.test_request_context():
        actor = _hr_user()
        kind = db.session.scalar(sa.select(InterviewType).where(InterviewType.code == "annual"))
        version = services.published_versions(kind.id)[0]
        today = date.today()
        campaign = services.create_campaign(
            actor,
            services.CampaignValues(
                name="Bench launch",
                interview_type=kind,
                grid_version=version,
                criteria=Criteria(),
                opens_on=today,
                interview_deadline=today + timedelta(days=60),
            ),
        )
        db.session.commit()
        started = time.perf_counter()
        result = services.launch(actor, campaign)
        db.session.commit()
        elapsed = time.perf_counter() - started
        if result.interviews < 1000:
            raise SystemExit(f"bench: the launch created only {result.interviews} interviews")
        return elapsed


HEADERS = [
    "Matricule", "Nom", "Prénom", "Email", "Emploi", "Service", "Site",
    "Matricule manager", "Date d'entrée", "Date de naissance", "Type de contrat",
    "Date de fin de contrat", "Fin de période d'essai",
]  # fmt: skip


def import_file(rows: int = IMPORT_ROWS) -> bytes:
    """An HR export as payroll software writes it (CSV, ';', UTF-8 with BOM): the
    people in the data set, one in ten with a new job title, one in fifty of those who
    manage nobody with another manager, and 2 % new hires — `rows` lines in all."""
    from hr.db import db
    from hr.people.models import Department, Employee, Site

    manager = sa.orm.aliased(Employee)
    people = db.session.execute(
        sa.select(Employee, Department.code, Site.code, manager.employee_number)
        .outerjoin(Department, Department.id == Employee.department_id)
        .outerjoin(Site, Site.id == Employee.site_id)
        .outerjoin(manager, manager.id == Employee.manager_id)
        .where(Employee.left_on.is_(None))
        .order_by(Employee.employee_number)
    ).all()
    new_hires = rows // 50
    people = people[: rows - new_hires]
    managers = sorted({number for *_rest, number in people if number})
    manages = set(managers)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    for i, (emp, dept, site, manager_number) in enumerate(people):
        job = f"{emp.job_title} (senior)" if i % 10 == 0 and emp.job_title else emp.job_title
        if i % 50 == 1 and manager_number and emp.employee_number not in manages:
            manager_number = managers[(i * 7) % len(managers)]  # a move: no loop possible
        writer.writerow([
            emp.employee_number, emp.last_name, emp.first_name, emp.email, job, dept, site,
            manager_number or "", _fr(emp.hire_date), _fr(emp.birth_date),
            emp.contract_type.value, _fr(emp.contract_end_date), _fr(emp.probation_end_date),
        ])  # fmt: skip
    for n in range(new_hires):
        writer.writerow([
            f"N{n:05d}", "Nouveau", f"Salarié {n}", f"nouveau.{n}@demo.parcours.test",
            "Opérateur(trice) de production", people[n % len(people)][1], "VIL",
            managers[n % len(managers)], _fr(date.today()), "01/02/1990", "CDI", "", "",
        ])  # fmt: skip
    return out.getvalue().encode("utf-8-sig")


def _fr(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def hr_import(app) -> float:
    """Reading, checking and applying a 5,000-row export, all or nothing, and its commit."""
    from hr.db import db
    from hr.people.import_fields import guess_mapping
    from hr.people.import_files import read_table
    from hr.people.imports import apply_import

    with app.test_request_context():
        content = import_file()
        actor = _hr_user()
        started = time.perf_counter()
        table = read_table("export.csv", content, 50_000)
        mapping = guess_mapping(table.headers)
        plan = apply_import(actor, table, mapping, source="bench")
        db.session.commit()
        elapsed = time.perf_counter() - started
        if not plan.ok or plan.created + plan.updated + plan.unchanged != len(table.rows):
            raise SystemExit(f"bench: the import was refused: {plan.errors[:3]}")
        return elapsed


def audit_verify(database: Path) -> float | None:
    """`flask hr audit verify` (or the older `hr audit-verify`), wall time."""
    for args in (["hr", "audit", "verify"], ["hr", "audit-verify"]):
        started = time.perf_counter()
        done = subprocess.run(
            FLASK + args, cwd=ROOT, env=env_for(database), capture_output=True, text=True
        )
        elapsed = time.perf_counter() - started
        if done.returncode == 0:
            return elapsed
        if "No such command" not in done.stderr:
            raise SystemExit(f"bench: `flask {' '.join(args)}` failed:\n{done.stderr[-2000:]}")
    return None


def feed_url(database: Path, email: str) -> str | None:
    """The HR "all" feed's path from `flask hr ical-url`, or None while it does not exist."""
    done = subprocess.run(
        FLASK + ["hr", "ical-url", email, "--scope", "all"],
        cwd=ROOT,
        env=env_for(database),
        capture_output=True,
        text=True,
    )
    match = re.search(r"/ical/[^\s\"'<>]+\.ics", done.stdout)
    return match.group(0) if done.returncode == 0 and match else None


def feed(server: load.Server, path: str, repeat: int = 7) -> dict[str, float | None]:
    """Seconds for the feed over HTTP: its first request, the median of repeated ones
    (what the worker may keep between requests), and the median of conditional ones
    answered 304."""
    started = time.perf_counter()
    status, _body, headers = load.get(server.url + path)
    first = time.perf_counter() - started
    if status != 200:
        return {"build": None, "first": None, "repeat": None, "not_modified": None}
    again, cached = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        status, _body, headers = load.get(server.url + path)
        again.append(time.perf_counter() - started)
    conditional = {}
    if headers.get("ETag"):
        conditional["If-None-Match"] = headers["ETag"]
    if headers.get("Last-Modified"):
        conditional["If-Modified-Since"] = headers["Last-Modified"]
    for _ in range(repeat):
        started = time.perf_counter()
        status, _body, _headers = load.get(server.url + path, headers=conditional)
        cached.append(time.perf_counter() - started)
    return {
        "build": None,  # see feed_build
        "first": first,
        "repeat": statistics.median(again),
        "not_modified": statistics.median(cached) if status == 304 else None,
    }


def feed_build(app, path: str, repeat: int = 3) -> float | None:
    """Median seconds to build the feed's body (hr.calendars.feed_content), in process:
    over HTTP the first request also pays the worker's first use of the calendar code,
    and later ones are served from the worker's copy while nothing changed."""
    try:
        from hr.calendars import feed_content, feeds
    except ImportError:
        return None
    with app.test_request_context():
        feed = feeds.feed_for_token(path.rsplit("/", 1)[-1].removesuffix(".ics"))
        if feed is None or not hasattr(feed_content, "build_feed"):
            return None
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            feed_content.build_feed(feed.user, feed.scope)
            times.append(time.perf_counter() - started)
        return statistics.median(times)


def compliance(app) -> float | None:
    """Every employee's legal obligations and alerts as of today (hr.compliance), or
    None while the engine does not exist."""
    try:
        from hr.compliance.loading import evaluate
    except ImportError:
        return None
    with app.test_request_context():
        started = time.perf_counter()
        result = evaluate(date.today())
        elapsed = time.perf_counter() - started
        if not result.people:
            raise SystemExit("bench: the compliance status covered nobody")
        return elapsed
