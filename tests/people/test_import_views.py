"""The import screens: upload → map and preview (htmx) → apply → report."""

from __future__ import annotations

import io
import re

import pytest
import sqlalchemy as sa

from hr.audit.models import AuditEvent
from hr.extensions import db as database
from hr.people.models import Employee, ImportBatch
from tests.conftest import csrf_token_from
from tests.people.helpers import count, csv_bytes, employee, person, state, xlsx_bytes

ROWS = [
    person("V001", "Martin", "Hélène", Service="Administration"),
    person("V002", "Lefèvre", "Zoé", manager="V001", **{"Type de contrat": "CDD"}),
]


def upload(client, content, filename="export.csv", mode="partial", **headers):
    return client.post(
        "/people/import",
        data={"file": (io.BytesIO(content), filename), "mode": mode},
        content_type="multipart/form-data",
        headers=headers,
    )


def batch_id_of(response) -> int:
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    match = re.fullmatch(r"/people/import/(\d+)", response.headers["Location"])
    assert match, response.headers["Location"]
    return int(match.group(1))


def text(response) -> str:
    return response.get_data(as_text=True)


def db_events(**where):
    query = sa.select(AuditEvent).filter_by(**where).order_by(AuditEvent.id)
    return list(database.session.scalars(query))


@pytest.fixture
def hr(login_as):
    return login_as("hr")


# --- Upload ------------------------------------------------------------------------


def test_upload_page(en_client, hr):
    response = en_client.get("/people/import")

    assert response.status_code == 200
    page = text(response)
    assert 'enctype="multipart/form-data"' in page
    assert 'name="mode"' in page
    assert "5 MB at most" in page
    assert "working time (%)" in page


def test_upload_cp1252_csv_then_map_page_shows_guessed_columns_and_preview(en_client, hr):
    response = upload(en_client, csv_bytes(ROWS, encoding="cp1252"))

    batch_id = batch_id_of(response)
    page = text(en_client.get(f"/people/import/{batch_id}"))
    assert "windows-1252" in page
    assert "2 data rows" in page
    for field, header in [
        ("employee_number", "Matricule"),
        ("email", "E-mail"),
        ("manager_number", "Matricule manager"),
        ("hire_date", "Date d&#39;entrée"),
    ]:
        select = re.search(rf'<select id="map-{field}".*?</select>', page, re.S).group(0)
        assert f'value="{header}" selected' in select, field
    preview = re.search(r'<section class="card" id="import-preview".*?</section>', page, re.S)
    assert re.search(r"2 employees to create", preview.group(0))
    assert "Administration" in preview.group(0)  # new department announced
    assert count(Employee, Employee.employee_number.in_(["V001", "V002"])) == 0


def test_upload_records_the_batch_for_its_uploader(en_client, hr):
    batch_id = batch_id_of(upload(en_client, csv_bytes(ROWS), mode="full"))

    batch = database.session.get(ImportBatch, batch_id)
    assert batch.uploaded_by_id == hr.id
    assert batch.status == "uploaded"
    assert batch.mapping["mode"] == "full"
    assert batch.mapping["fields"]["last_name"] == "Nom"
    upload_event = db_events(action="upload")
    assert [(e.entity_type, e.entity_id, e.changes["after"]["rows"]) for e in upload_event] == [
        ("import", str(batch_id), 2)
    ]


def test_upload_xlsx(en_client, hr):
    batch_id = batch_id_of(upload(en_client, xlsx_bytes(ROWS), filename="Export RH.xlsx"))

    page = text(en_client.get(f"/people/import/{batch_id}"))
    assert "Export RH.xlsx" in page
    assert re.search(r"2 employees to create", page)


@pytest.mark.parametrize(
    ("content", "filename", "expected"),
    [
        (b"Matricule;Nom\nA;\x81\x8d\n", "export.csv", "neither UTF-8 nor Windows-1252"),
        ("Matricule;Nom\nA;B\n".encode("utf-16"), "export.csv", "UTF-16"),
        (b"", "export.csv", "empty"),
        (b"garbage", "export.xlsx", "not a valid Excel"),
        (b"Matricule;Nom\n", "export.pdf", "Upload a .csv or .xlsx file."),
    ],
    ids=["bad-encoding", "utf-16", "empty", "bad-xlsx", "pdf"],
)
def test_unreadable_upload_shows_why_and_stores_nothing(en_client, hr, content, filename, expected):
    before, batches = state(), count(ImportBatch)

    response = upload(en_client, content, filename)

    assert response.status_code == 200
    assert expected in text(response)
    assert 'class="error"' in text(response)
    assert count(ImportBatch) == batches
    assert state() == before


def test_header_only_file_is_uploaded_but_cannot_be_applied(en_client, hr):
    batch_id = batch_id_of(upload(en_client, csv_bytes([])))

    page = text(en_client.get(f"/people/import/{batch_id}"))

    assert "The file has a header line but no data rows." in page
    assert "Apply the import" not in page


def test_upload_without_a_file(en_client, hr):
    response = en_client.post("/people/import", data={"mode": "partial"})

    assert response.status_code == 200
    assert "Choose a file." in text(response)


def test_too_many_rows_are_refused_at_upload(en_client, hr, import_limits):
    import_limits(IMPORT_MAX_ROWS=1)

    response = upload(en_client, csv_bytes(ROWS))

    assert response.status_code == 200
    assert "more than 1 rows" in text(response)
    assert count(ImportBatch) == 0


def test_file_over_the_configured_size_is_refused_with_a_message(en_client, hr, import_limits):
    import_limits(IMPORT_MAX_BYTES=100_000)
    content = csv_bytes([person(f"B{i:04d}", "Nom", "Prénom") for i in range(2000)])
    assert len(content) > 100_000

    response = upload(en_client, content)

    assert response.status_code == 200
    assert "The file is larger than 0.1 MB." in text(response)
    assert count(ImportBatch) == 0
    assert count(Employee, Employee.employee_number.like("B%")) == 0


def test_request_over_the_server_limit_gets_a_413_page_not_a_crash(en_client, hr, import_limits):
    import_limits(MAX_CONTENT_LENGTH=2000)

    response = upload(en_client, csv_bytes(ROWS * 40))

    assert response.status_code == 413
    assert "The file is too large." in text(response)
    assert count(ImportBatch) == 0


# --- Mapping and preview -------------------------------------------------------------


CUSTOM_HEADER = ["Matricule", "Nom", "Prénom", "Courriel pro", "Chef"]
CUSTOM_ROWS = [
    ["C001", "Martin", "Hélène", "c001@exemple.fr", ""],
    ["C002", "Durand", "Paul", "c002@exemple.fr", "C001"],
]


def test_unrecognised_column_is_reported_then_mapped_with_htmx(en_client, hr):
    batch_id = batch_id_of(upload(en_client, csv_bytes(CUSTOM_ROWS, header=CUSTOM_HEADER)))
    page = text(en_client.get(f"/people/import/{batch_id}"))
    assert "Choose the column for “Work e-mail”." in page

    response = en_client.post(
        f"/people/import/{batch_id}",
        data={
            "map-employee_number": "Matricule",
            "map-last_name": "Nom",
            "map-first_name": "Prénom",
            "map-email": "Courriel pro",
            "map-manager_number": "Chef",
        },
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    fragment = text(response)
    assert "<html" not in fragment
    assert fragment.lstrip().startswith('<section class="card" id="import-preview"')
    assert re.search(r"2 employees to create", fragment)
    assert "Choose the column" not in fragment
    # the mapping is kept for the next steps
    page = text(en_client.get(f"/people/import/{batch_id}"))
    assert 'value="Courriel pro" selected' in page
    assert 'value="Chef" selected' in page
    en_client.post(f"/people/import/{batch_id}/apply")
    assert employee("C002").manager_id == employee("C001").id
    assert employee("C001").email == "c001@exemple.fr"


def test_applying_before_the_missing_column_is_chosen_changes_nothing(en_client, hr):
    batch_id = batch_id_of(upload(en_client, csv_bytes(CUSTOM_ROWS, header=CUSTOM_HEADER)))
    before = state()

    response = en_client.post(f"/people/import/{batch_id}/apply", follow_redirects=True)

    assert "The import has errors; nothing was changed." in text(response)
    assert "Choose the column for “Work e-mail”." in text(response)
    assert state() == before


def test_preview_lists_row_errors_with_their_lines(en_client, hr):
    rows = [
        *ROWS,
        person("V003", "Roux", "Léo", manager="V999"),
        person("V004", "Petit", "Jean", **{"Date d'entrée": "31/02/2024"}),
        person("V001", "Double", "Numéro", email="double@exemple.fr"),
    ]
    batch_id = batch_id_of(upload(en_client, csv_bytes(rows)))

    page = text(en_client.get(f"/people/import/{batch_id}"))

    assert "3 problems to fix before importing. Nothing has been changed." in page
    cells = re.findall(r"<tr><td>(\d+)</td><td>(.*?)</td></tr>", page)
    assert [line for line, _m in cells] == ["4", "5", "6"]  # in file order
    messages = dict(cells)
    assert "V999" in messages["4"]
    assert "31/02/2024" in messages["5"]
    assert "lines 2 and 6" in messages["6"]
    assert "Apply the import" not in page


def test_an_unchosen_required_column_via_the_form(en_client, hr):
    batch_id = batch_id_of(upload(en_client, csv_bytes(ROWS)))

    response = en_client.post(
        f"/people/import/{batch_id}",
        data={"map-employee_number": "Matricule", "map-last_name": "Nom", "map-email": "bogus"},
        headers={"HX-Request": "true"},
    )

    fragment = text(response)
    assert "Choose the column for “First name”." in fragment
    assert "Choose the column for “Work e-mail”." in fragment


def test_mapping_post_without_htmx_renders_the_whole_page(en_client, hr):
    batch_id = batch_id_of(upload(en_client, csv_bytes(ROWS)))

    response = en_client.post(
        f"/people/import/{batch_id}", data={"map-employee_number": "Matricule"}
    )

    assert response.status_code == 200
    assert "<html" in text(response) and 'id="import-preview"' in text(response)


# --- Apply and report ---------------------------------------------------------------


def test_apply_creates_everyone_and_shows_the_report(en_client, hr):
    batch_id = batch_id_of(upload(en_client, csv_bytes(ROWS)))

    response = en_client.post(f"/people/import/{batch_id}/apply")

    assert response.status_code == 303
    assert response.headers["Location"] == f"/people/import/{batch_id}/report"
    assert employee("V002").manager_id == employee("V001").id
    events = db_events(entity_type="employee", action="create")
    assert sorted(e.entity_id for e in events) == sorted(
        str(employee(n).id) for n in ("V001", "V002")
    )
    assert {(e.actor_id, e.reason) for e in events} == {(hr.id, f"import #{batch_id}")}
    report = text(en_client.get(response.headers["Location"]))
    assert re.search(r"2 employees created", report)
    assert re.search(r"0 employees updated", report)
    assert "Import done: 2 created, 0 updated, 0 unchanged, 0 marked as left." in report
    assert "New departments: Administration" in report


def test_second_import_of_the_same_file_changes_nothing(en_client, hr):
    en_client.post(f"/people/import/{batch_id_of(upload(en_client, csv_bytes(ROWS)))}/apply")
    before = state()

    batch_id = batch_id_of(upload(en_client, csv_bytes(ROWS)))
    page = text(en_client.get(f"/people/import/{batch_id}"))

    assert re.search(r"2 employees unchanged", page)
    assert "Everything in the file is already up to date" in page
    assert "Apply the import" not in page
    response = en_client.post(f"/people/import/{batch_id}/apply")
    assert response.status_code == 303
    after = state()
    assert after["audit"] == before["audit"] + 2  # the upload and the apply, nothing else
    assert {k: v for k, v in after.items() if k != "audit"} == {
        k: v for k, v in before.items() if k != "audit"
    }


def test_apply_with_errors_changes_nothing_and_says_so(en_client, hr):
    rows = [*ROWS, person("V003", "Roux", "Léo", manager="V999")]
    batch_id = batch_id_of(upload(en_client, csv_bytes(rows)))
    before = state()

    response = en_client.post(f"/people/import/{batch_id}/apply", follow_redirects=True)

    assert response.request.path == f"/people/import/{batch_id}"
    assert "The import has errors; nothing was changed." in text(response)
    assert "V999" in text(response)
    assert state() == before


def test_applied_batch_cannot_be_applied_twice(en_client, hr):
    batch_id = batch_id_of(upload(en_client, csv_bytes(ROWS)))
    en_client.post(f"/people/import/{batch_id}/apply")
    before = state()

    again = en_client.post(f"/people/import/{batch_id}/apply")
    back = en_client.get(f"/people/import/{batch_id}")

    assert again.status_code == back.status_code == 303
    assert (
        again.headers["Location"] == back.headers["Location"] == f"/people/import/{batch_id}/report"
    )
    assert state() == before


def test_report_of_a_batch_not_applied_yet_goes_back_to_the_preview(en_client, hr):
    batch_id = batch_id_of(upload(en_client, csv_bytes(ROWS)))

    response = en_client.get(f"/people/import/{batch_id}/report")

    assert response.status_code == 303
    assert response.headers["Location"] == f"/people/import/{batch_id}"


# --- Full export --------------------------------------------------------------------


def full_export_of(company, *, without=("outsider",)):
    return [
        person(e.employee_number, e.last_name, e.first_name, email=e.email)
        for key, e in company.employees.items()
        if key not in without
    ]


def test_full_export_needs_the_confirmation_and_lists_who_leaves(en_client, hr, company):
    batch_id = batch_id_of(upload(en_client, csv_bytes(full_export_of(company)), mode="full"))
    outsider = company.employees["outsider"]

    page = text(en_client.get(f"/people/import/{batch_id}"))
    assert re.search(r"1 employee to mark as departed", page)
    assert f"{outsider.employee_number} — {outsider.full_name}" in page
    assert 'name="confirm_full"' in page
    before = state()

    refused = en_client.post(f"/people/import/{batch_id}/apply", follow_redirects=True)

    assert refused.request.path == f"/people/import/{batch_id}"
    assert "Tick the confirmation" in text(refused)
    assert state() == before

    done = en_client.post(f"/people/import/{batch_id}/apply", data={"confirm_full": "y"})

    assert done.status_code == 303
    assert employee(outsider.employee_number).left_on is not None
    assert employee(company.employees["ceo"].employee_number).left_on is None
    assert [e.entity_id for e in db_events(action="leave")] == [str(outsider.id)]
    report = text(en_client.get(done.headers["Location"]))
    assert re.search(r"1 employee marked as departed", report)


def test_full_export_where_nobody_leaves_applies_without_a_confirmation(en_client, hr, company):
    rows = [*full_export_of(company, without=()), person("V009", "Neuf", "Nina")]
    batch_id = batch_id_of(upload(en_client, csv_bytes(rows), mode="full"))
    page = text(en_client.get(f"/people/import/{batch_id}"))
    assert "Apply the import" in page and 'name="confirm_full"' not in page

    response = en_client.post(f"/people/import/{batch_id}/apply")

    assert response.headers["Location"] == f"/people/import/{batch_id}/report"
    assert employee("V009") is not None


def test_partial_mode_never_marks_anyone_as_left(en_client, hr, company):
    batch_id = batch_id_of(upload(en_client, csv_bytes(ROWS), mode="partial"))

    page = text(en_client.get(f"/people/import/{batch_id}"))
    en_client.post(f"/people/import/{batch_id}/apply", data={"confirm_full": "y"})

    assert "to mark as departed" not in page
    assert count(Employee, Employee.left_on.is_not(None)) == 0


# --- CSRF as in production -------------------------------------------------------


def test_whole_flow_with_csrf_protection(en_client, hr, csrf_app):
    page = en_client.get("/people/import").data
    response = en_client.post(
        "/people/import",
        data={
            "file": (io.BytesIO(csv_bytes(ROWS)), "export.csv"),
            "mode": "partial",
            "csrf_token": csrf_token_from(page),
        },
        content_type="multipart/form-data",
    )
    batch_id = batch_id_of(response)
    page = en_client.get(f"/people/import/{batch_id}").data

    without_token = en_client.post(f"/people/import/{batch_id}/apply")
    assert without_token.status_code == 400
    response = en_client.post(
        f"/people/import/{batch_id}/apply", data={"csrf_token": csrf_token_from(page)}
    )

    assert response.status_code == 303
    assert employee("V001") is not None


# --- Access --------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["manager", "employee", "admin"])
def test_only_hr_may_import(en_client, login_as, role):
    login_as("hr")
    batch_id = batch_id_of(upload(en_client, csv_bytes(ROWS)))
    login_as(role)

    responses = [
        en_client.get("/people/import"),
        upload(en_client, csv_bytes(ROWS)),
        en_client.get(f"/people/import/{batch_id}"),
        en_client.post(f"/people/import/{batch_id}", data={"map-email": "E-mail"}),
        en_client.post(f"/people/import/{batch_id}/apply"),
        en_client.get(f"/people/import/{batch_id}/report"),
    ]

    assert [r.status_code for r in responses] == [403] * 6
    assert count(ImportBatch) == 1
    assert employee("V001") is None


def test_anonymous_visitor_is_sent_to_the_login_page(en_client, company):
    response = en_client.get("/people/import")

    assert response.status_code in (302, 303)
    assert "/login" in response.headers["Location"]


def test_another_hr_users_batch_is_not_found(en_client, hr, login_other_hr):
    batch_id = batch_id_of(upload(en_client, csv_bytes(ROWS)))
    login_other_hr()

    responses = [
        en_client.get(f"/people/import/{batch_id}"),
        en_client.post(f"/people/import/{batch_id}", data={"map-email": "E-mail"}),
        en_client.post(f"/people/import/{batch_id}/apply"),
        en_client.get(f"/people/import/{batch_id}/report"),
        en_client.get(f"/people/import/{batch_id + 1000}"),
    ]

    assert [r.status_code for r in responses] == [404] * 5
    assert employee("V001") is None


def test_map_page_when_the_stored_file_no_longer_fits_the_limits(en_client, hr, import_limits):
    batch_id = batch_id_of(upload(en_client, csv_bytes(ROWS)))
    import_limits(IMPORT_MAX_ROWS=1)

    response = en_client.get(f"/people/import/{batch_id}", follow_redirects=True)

    assert response.status_code == 200
    assert response.request.path == "/people/import"
    assert "more than 1 rows" in text(response)
