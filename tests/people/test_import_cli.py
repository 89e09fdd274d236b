"""`flask hr import-employees`: the same import from the command line."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from hr.audit.models import AuditEvent
from hr.extensions import db as database
from hr.people.models import ContractType, Employee
from tests.people.helpers import count, csv_bytes, employee, person, state, xlsx_bytes

pytestmark = pytest.mark.usefixtures("english")  # messages asserted in English

ROWS = [
    person("K001", "Martin", "Hélène", Service="Administration"),
    person("K002", "Lefèvre", "Zoé", manager="K001", **{"Type de contrat": "CDD"}),
    person("K003", "Durand", "Paul", manager="K001", **{"Temps de travail": "80 %"}),
]


@pytest.fixture
def run(app, db):
    runner = app.test_cli_runner()

    def _run(*args):
        result = runner.invoke(args=["hr", "import-employees", *map(str, args)])
        database.session.expire_all()  # see what the command committed
        return result

    return _run


@pytest.fixture
def export(tmp_path):
    def _write(rows=ROWS, name="export.csv", **options):
        path = tmp_path / name
        if name.endswith(".xlsx"):
            path.write_bytes(xlsx_bytes(rows, **options))
        else:
            path.write_bytes(csv_bytes(rows, **options))
        return path

    return _write


def test_import_reports_counts_and_writes_everything(run, export):
    result = run(export(encoding="cp1252"))

    assert result.exit_code == 0, result.output
    assert result.output.strip() == "Imported: 3 created, 0 updated, 0 unchanged, 0 left."
    assert employee("K001").first_name == "Hélène"
    assert employee("K002").contract_type == ContractType.CDD
    assert employee("K003").work_time_percent == 80
    assert employee("K002").manager_id == employee("K001").id
    events = database.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.entity_type == "employee")
    ).all()
    assert len(events) == 3
    assert {(e.action, e.actor_id, e.actor_label, e.reason) for e in events} == {
        ("create", None, "system", "cli export.csv")
    }


def test_cli_commit_stays_inside_the_test_transaction(run, export, app):
    """The command commits; with the `db` fixture that only releases a savepoint, so
    another connection sees nothing and the test's rollback undoes it all."""
    assert run(export()).exit_code == 0
    assert employee("K001") is not None

    with database.engine.connect() as other:
        seen = other.scalar(
            sa.select(sa.func.count())
            .select_from(Employee)
            .where(Employee.employee_number.like("K%"))
        )
    assert seen == 0


def test_second_run_changes_nothing(run, export):
    path = export()
    run(path)
    before = state()

    result = run(path)

    assert result.exit_code == 0
    assert "0 created, 0 updated, 3 unchanged, 0 left." in result.output
    assert state() == before


def test_dry_run_reports_without_writing(run, export):
    before = state()

    result = run(export(), "--dry-run")

    assert result.exit_code == 0
    assert result.output.strip() == "Would change: 3 created, 0 updated, 0 unchanged, 0 left."
    assert state() == before


def test_full_export_marks_missing_people_as_left(run, export, company):
    outsider = company.employees["outsider"]
    rows = [
        person(e.employee_number, e.last_name, e.first_name, email=e.email)
        for key, e in company.employees.items()
        if key != "outsider"
    ]

    result = run(export(rows), "--full")

    assert result.exit_code == 0, result.output
    # the 7 others are updated: the file has no manager, department, job title… for them
    assert result.output.strip() == "Imported: 0 created, 7 updated, 0 unchanged, 1 left."
    assert employee(outsider.employee_number).left_on == date.today()
    assert count(AuditEvent, AuditEvent.action == "leave") == 1


def test_partial_import_does_not_mark_anyone_as_left(run, export, company):
    result = run(export())

    assert "0 left." in result.output
    assert count(Employee, Employee.left_on.is_not(None)) == 0


def test_map_option_names_an_unrecognised_column(run, export):
    header = ["Matricule", "Nom", "Prénom", "Courriel pro"]
    rows = [["K001", "Martin", "Hélène", "k001@exemple.fr"]]
    path = export(rows, header=header)

    refused = run(path)
    result = run(path, "--map", "email=Courriel pro")

    assert refused.exit_code == 1
    assert "Choose the column for “Work e-mail”." in refused.output
    assert result.exit_code == 0, result.output
    assert employee("K001").email == "k001@exemple.fr"


def test_map_option_with_an_unknown_field_or_no_column(run, export):
    path = export()

    for bad in ("courriel=E-mail", "email=", "email"):
        result = run(path, "--map", bad)
        assert result.exit_code == 1
        assert f"--map {bad}: expected FIELD=COLUMN" in result.output
    assert employee("K001") is None


def test_map_option_to_a_column_not_in_the_file(run, export):
    result = run(export(), "--map", "job_title=Poste occupé")

    assert result.exit_code == 1
    assert "Column “Poste occupé” is not in the file." in result.output
    assert "Nothing was changed." in result.output


def test_row_errors_are_listed_with_their_lines_and_nothing_changes(run, export):
    rows = [
        *ROWS,
        person("K004", "Roux", "Léo", manager="K999"),
        person("K005", "Petit", "Jean", email=""),
        person("K001", "Double", "Numéro", email="double@exemple.fr"),
    ]
    before = state()

    result = run(export(rows))

    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("line 5: ") and "K999" in lines[0]
    assert lines[1] == "line 6: Work e-mail is missing."
    assert lines[2].startswith("line 7: ") and "lines 2 and 7" in lines[2]
    assert lines[-1] == "Nothing was changed."
    assert state() == before


def test_manager_cycle_is_refused(run, export):
    rows = [person("A", "Alpha", "Anne", manager="B"), person("B", "Bravo", "Bob", manager="A")]

    result = run(export(rows))

    assert result.exit_code == 1
    assert "A → B → A" in result.output
    assert employee("A") is None


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (b"Matricule;Nom\nA;\x81\x8d\n", "export.csv", "neither UTF-8 nor Windows-1252"),
        ("Matricule;Nom\n".encode("utf-16"), "export.csv", "UTF-16"),
        (b"", "export.csv", "empty"),
        (b"not a workbook", "export.xlsx", "not a valid Excel"),
        (b"Matricule;Nom\n", "export.ods", "Unsupported file type"),
    ],
    ids=["bad-encoding", "utf-16", "empty", "bad-xlsx", "ods"],
)
def test_unreadable_files_are_refused(run, tmp_path, content, name, expected):
    path = tmp_path / name
    path.write_bytes(content)
    before = state()

    result = run(path)

    assert result.exit_code == 1
    assert expected in result.output
    assert state() == before


def test_header_only_file(run, export):
    result = run(export([]))

    assert result.exit_code == 1
    assert "no data rows" in result.output


def test_files_over_the_size_limit_are_refused(run, export, import_limits):
    path = export()
    import_limits(IMPORT_MAX_BYTES=path.stat().st_size - 1)

    result = run(path)

    assert result.exit_code == 1
    assert "larger than" in result.output
    assert employee("K001") is None


def test_too_many_rows_are_refused(run, export, import_limits):
    import_limits(IMPORT_MAX_ROWS=2)

    result = run(export())

    assert result.exit_code == 1
    assert "more than 2 rows" in result.output
    assert employee("K001") is None


def test_xlsx_export(run, export):
    rows = [[1001, "Martin", "Hélène", "h.martin@exemple.fr", date(2015, 1, 2), "oui"]]
    header = ["Matricule", "Nom", "Prénom", "Email", "Date d'embauche", "Forfait jours"]

    result = run(export(rows, name="export.xlsx", header=header))

    assert result.exit_code == 0, result.output
    assert employee("1001").hire_date == date(2015, 1, 2)
    assert employee("1001").forfait_jours is True
