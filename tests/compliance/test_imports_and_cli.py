"""Absences import (web and command line): row-level errors, all or nothing, nothing
medical kept; the compliance report's columns, kinds, statuses and --at."""

from __future__ import annotations

import csv
import io
from datetime import date

import sqlalchemy as sa

from hr.compliance.imports import apply_absences, plan_absences
from hr.compliance.models import Absence, LeaveType
from hr.extensions import db
from hr.people.import_files import read_table

HEADER = "Matricule;Type d'absence;Date de début;Date de fin;Diagnostic\n"


def _table(body: str, header: str = HEADER):
    return read_table("absences.csv", (header + body).encode("utf-8"), 1000)


def _count() -> int:
    return db.session.scalar(sa.select(sa.func.count(Absence.id)))


def test_valid_file_is_imported_and_nothing_medical_is_kept(company):
    number = company.employees["employee"].employee_number
    table = _table(f"{number};Congé maternité;05/01/2026;31/05/2026;confidentiel\n")
    plan = apply_absences(company.users["hr"], table, source="test")
    assert plan.ok and plan.created == 1
    absence = db.session.scalar(sa.select(Absence))
    assert (absence.leave_type, absence.start_date, absence.end_date) == (
        LeaveType.MATERNITY,
        date(2026, 1, 5),
        date(2026, 5, 31),
    )
    assert "confidentiel" not in repr(absence.snapshot())
    # the same file again changes nothing
    again = apply_absences(company.users["hr"], table, source="test")
    assert (again.created, again.unchanged) == (0, 1)
    assert _count() == 1


def test_open_absence_is_completed_by_a_later_import(company):
    number = company.employees["employee"].employee_number
    apply_absences(None, _table(f"{number};longue maladie;01/12/2025;;\n"), source="t")
    plan = apply_absences(None, _table(f"{number};longue maladie;01/12/2025;31/03/2026;\n"), "t")
    assert plan.updated == 1
    assert db.session.scalar(sa.select(Absence.end_date)) == date(2026, 3, 31)


def test_malformed_rows_are_reported_by_line_and_nothing_is_written(company):
    e = company.employees
    body = (
        f"{e['employee'].employee_number};sabbatique;01/02/2026;30/06/2026;\n"  # line 2: fine
        "NOPE;maternité;01/02/2026;;\n"  # 3: unknown employee
        f"{e['peer'].employee_number};grippe;01/02/2026;;\n"  # 4: not a leave type
        f"{e['peer'].employee_number};sans solde;31/02/2026;;\n"  # 5: no such day
        f"{e['peer'].employee_number};sans solde;10/03/2026;01/03/2026;\n"  # 6: ends first
        f"{e['employee'].employee_number};parental;01/06/2026;;\n"  # 7: overlaps line 2
        ";adoption;01/01/2026;;\n"  # 8: no employee number
    )
    plan = apply_absences(company.users["hr"], _table(body), source="test")
    assert not plan.ok
    lines = sorted({error.line for error in plan.errors})
    assert lines == [3, 4, 5, 6, 7, 8]
    messages = " ".join(error.message for error in plan.errors)
    assert "NOPE" in messages and "grippe" in messages and "31/02/2026" in messages
    assert "line 2" in messages
    assert _count() == 0


def test_missing_columns_are_named(company):
    plan = plan_absences(_table("M1;2026-01-01\n", header="Matricule;Début\n"))
    assert not plan.ok and plan.errors[0].line is None
    assert "leave type" in plan.errors[0].message


def test_web_import_check_only_then_apply(client, login_as, company):
    number = company.employees["employee"].employee_number
    content = (HEADER + f"{number};adoption;02/03/2026;30/04/2026;\n").encode("cp1252")
    login_as("hr")

    def upload(dry_run: bool):
        data = {"file": (io.BytesIO(content), "conges.csv")}
        if dry_run:
            data["dry_run"] = "y"
        return client.post("/compliance/absences/import", data=data)

    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"  # assertions on English text
    checked = upload(dry_run=True)
    assert checked.status_code == 200 and "1 to create" in checked.get_data(as_text=True)
    assert _count() == 0
    assert upload(dry_run=False).status_code == 303
    assert _count() == 1


def test_web_import_shows_errors(client, login_as, company):
    login_as("hr")
    data = {"file": (io.BytesIO((HEADER + "X;maternité;hier;;\n").encode()), "a.csv")}
    page = client.post("/compliance/absences/import", data=data)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "hier" in html and "X" in html
    assert _count() == 0
    bad = client.post(
        "/compliance/absences/import", data={"file": (io.BytesIO(b"\x00\x01"), "a.pdf")}
    )
    assert bad.status_code == 200 and _count() == 0


def test_cli_import(app, company, tmp_path):
    number = company.employees["employee"].employee_number
    path = tmp_path / "absences.csv"
    path.write_text(HEADER + f"{number};proche aidant;01/09/2026;15/10/2026;\nZZ;x;y;;\n")
    runner = app.test_cli_runner()
    refused = runner.invoke(args=["hr", "import-absences", str(path)])
    assert refused.exit_code == 1
    assert "line 3" in refused.output and "Nothing was changed" in refused.output
    assert _count() == 0
    path.write_text(HEADER + f"{number};proche aidant;01/09/2026;15/10/2026;\n")
    done = runner.invoke(args=["hr", "import-absences", str(path)])
    assert done.exit_code == 0, done.output
    assert "1 absences created" in done.output
    assert _count() == 1


def test_compliance_report_csv_and_table(app, company):
    employee = company.employees["employee"]
    employee.hire_date = date(2025, 11, 30)
    employee.career_info_given_on = None
    db.session.commit()
    runner = app.test_cli_runner()
    out = runner.invoke(args=["hr", "compliance-report", "--at", "2026-12-01", "--format", "csv"])
    assert out.exit_code == 0, out.output
    rows = list(csv.reader(io.StringIO(out.output)))
    assert rows[0] == ["employee_number", "kind", "due_date", "status", "reference"]
    mine = [r for r in rows[1:] if r[0] == employee.employee_number]
    assert [employee.employee_number, "career_first", "2026-11-30", "overdue", "L6315-1 I"] in mine
    assert [employee.employee_number, "hire_information", "2025-11-30", "overdue", "L6315-1 I"] in (
        mine
    )
    kinds = {r[1] for r in rows[1:]}
    statuses = {r[3] for r in rows[1:]}
    assert kinds <= {
        "hire_information",
        "career_first",
        "career_periodic",
        "career_return",
        "career_mid",
        "career_pre60",
        "career_mandate_end",
        "career_review",
        "workload",
        "probation_end",
        "contract_end",
    }
    assert statuses <= {"done", "upcoming", "due_soon", "overdue", "declined"}
    # --at evaluates as of that day: the day before the due date it was due soon
    before = runner.invoke(
        args=["hr", "compliance-report", "--at", "2026-11-29", "--format", "csv"]
    )
    assert f"{employee.employee_number},career_first,2026-11-30,due_soon" in before.output
    table = runner.invoke(args=["hr", "compliance-report", "--at", "2026-12-01"])
    lines = table.output.splitlines()
    assert lines[0].split() == ["employee_number", "kind", "due_date", "status", "reference"]
    assert set(lines[1]) <= {"-", " "}
    bad = runner.invoke(args=["hr", "compliance-report", "--at", "01/12/2026"])
    assert bad.exit_code == 2
