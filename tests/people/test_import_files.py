"""Reading HR exports (CSV in the encodings and separators French tools produce, XLSX)
and turning cells into values. No database here."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import pytest

from hr.people.import_fields import (
    PARSERS,
    CellError,
    guess_mapping,
    parse_bool,
    parse_contract,
    parse_date,
    parse_email,
    parse_percent,
)
from hr.people.import_files import ImportFileError, read_table
from hr.people.models import ContractType
from tests.people.helpers import HEADER, csv_bytes, person, xlsx_bytes

pytestmark = pytest.mark.usefixtures("english")  # messages asserted in English

ROWS = [
    person("A001", "Martin", "Hélène", Emploi="Chargée de paie"),
    person("A002", "Lefèvre", "Zoé", manager="A001"),
]


def read(content, filename="export.csv", max_rows=1000):
    return read_table(filename, content, max_rows)


# --- CSV: encodings and separators ------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "bom", "expected_encoding"),
    [("utf-8", False, "utf-8"), ("utf-8", True, "utf-8"), ("cp1252", False, "windows-1252")],
)
def test_csv_in_utf8_utf8_bom_and_windows_1252_read_the_same(encoding, bom, expected_encoding):
    table = read(csv_bytes(ROWS, encoding=encoding, bom=bom))

    assert table.encoding == expected_encoding
    assert table.delimiter == ";"
    assert table.headers == HEADER  # no "\ufeff" glued to "Matricule", "Prénom" intact
    assert table.rows[0][:4] == ["A001", "Martin", "Hélène", "a001@exemple.fr"]
    assert table.rows[0][4] == "Chargée de paie"
    assert table.rows[1][1] == "Lefèvre"
    assert table.lines == [2, 3]


def test_comma_separated_csv_with_quoted_commas_and_quotes():
    content = (
        "Matricule,Nom,Prénom,Email,Emploi\n"
        'A001,"Martin, dite Léna",Hélène,a001@exemple.fr,"Responsable ""paie"""\n'
    ).encode()

    table = read(content)

    assert table.delimiter == ","
    assert table.rows == [
        ["A001", "Martin, dite Léna", "Hélène", "a001@exemple.fr", 'Responsable "paie"']
    ]


def test_tab_separated_txt_file():
    content = "Matricule\tNom\tPrénom\tEmail\nA001\tMartin\tHélène\ta001@exemple.fr\n".encode()

    table = read(content, filename="EXPORT.TXT")

    assert table.delimiter == "\t"
    assert table.rows == [["A001", "Martin", "Hélène", "a001@exemple.fr"]]


def test_cells_are_trimmed_blank_lines_skipped_and_line_numbers_kept():
    content = (
        "\r\n"
        "Matricule ; Nom ;Prénom;Email\r\n"
        "A001; Martin ;  ;a001@exemple.fr\r\n"
        ";;;\r\n"
        "\r\n"
        "A002;Durand\r\n"  # short row: the missing cells are empty
    ).encode()

    table = read(content)

    assert table.headers == ["Matricule", "Nom", "Prénom", "Email"]
    assert table.rows == [
        ["A001", "Martin", None, "a001@exemple.fr"],
        ["A002", "Durand", None, None],
    ]
    assert table.lines == [3, 6]  # the lines a text editor shows


def test_excel_separator_hint_line_is_honoured_and_skipped():
    content = b"sep=,\r\nMatricule,Nom;service,Email\r\nA001,Martin;RH,a@exemple.fr\r\n"

    table = read(content)

    assert table.delimiter == ","
    assert table.headers == ["Matricule", "Nom;service", "Email"]
    assert table.rows == [["A001", "Martin;RH", "a@exemple.fr"]]
    assert table.lines == [3]


def test_values_beyond_the_last_header_column_are_flagged():
    """An unquoted ',' inside a value shifts every later column: it must not pass."""
    content = b"Matricule,Nom,Emploi,Service\nA001,Martin,Chef de projet, R&D,Production\nA002,Durand,Paie,RH,\n"

    table = read(content)

    assert table.overflowing == {2: 5}  # A002's trailing empty cell is harmless
    assert len(table.rows) == 2


# --- CSV: files that cannot be read ---------------------------------------------


def test_bytes_neither_utf8_nor_windows_1252_are_refused_with_the_position():
    # 0x81 and 0x8D are undefined in Windows-1252 and invalid alone in UTF-8.
    content = "Matricule;Nom\nA001;Hélène\n".encode("cp1252") + b"A002;\x81\x8d\n"

    with pytest.raises(ImportFileError) as error:
        read(content)

    message = str(error.value)
    position = content.index(b"\x81") + 1
    assert "UTF-8" in message and "Windows-1252" in message
    assert f"byte {position})" in message


def test_byte_position_counts_the_bom():
    content = b"\xef\xbb\xbfMatricule;Nom\n\x81\n"

    with pytest.raises(ImportFileError, match=r"byte 18\b"):
        read(content)


@pytest.mark.parametrize(
    "content",
    [
        "Matricule;Nom\nA001;Hélène\n".encode("utf-16"),  # with its BOM
        "Matricule;Nom\nA001;Hélène\n".encode("utf-16-le"),  # without
        b"%PDF-1.4\n\x00\x01\x02binary",
    ],
    ids=["utf-16", "utf-16-no-bom", "binary"],
)
def test_utf16_and_binary_content_is_refused(content):
    with pytest.raises(ImportFileError, match="UTF-16"):
        read(content)


def test_an_xlsx_workbook_renamed_csv_is_refused_not_read_as_text():
    with pytest.raises(ImportFileError, match="not a text CSV"):
        read(xlsx_bytes([person("A001", "Martin", "Léa")]), filename="export.csv")


@pytest.mark.parametrize("content", [b"", b"\r\n\r\n", b"\xef\xbb\xbf", b" ; ;\n;;\n"])
def test_empty_files_are_refused(content):
    with pytest.raises(ImportFileError, match="empty"):
        read(content)


def test_a_single_column_file_is_refused_for_its_separator():
    with pytest.raises(ImportFileError, match="separator"):
        read(b"Matricule Nom Prenom\nA001 Martin Lea\n")


def test_header_only_file_reads_as_no_rows():
    table = read(csv_bytes([]))

    assert table.headers == HEADER
    assert table.rows == []


def test_duplicate_column_names_are_refused_naming_the_column():
    with pytest.raises(ImportFileError, match="“nom”"):
        read(b"Matricule;Nom;Prenom;nom\nA001;Martin;Lea;X\n")


@pytest.mark.parametrize("tail_rows", [1, 2000], ids=["short-file", "long-file"])
def test_an_unclosed_quote_is_refused_at_its_line_instead_of_eating_the_file(tail_rows):
    """The error surfaces at the end of the file (or past the cell size limit): the
    message must still point at the line where the quote was opened."""
    tail = "".join(f"A{i:04d};Petit;Jean{'x' * 100}\n" for i in range(tail_rows))
    content = ('Matricule;Nom;Prenom\nA001;Martin;Lea\nA002;"Durand;Paul\n' + tail).encode()

    with pytest.raises(ImportFileError, match=r"\bline 3\b") as error:
        read(content, max_rows=5000)

    assert '"' in str(error.value)


def test_row_limit_counts_data_rows_only():
    rows = [person(f"A{i:03d}", "Nom", "Prénom") for i in range(5)]

    assert len(read(csv_bytes(rows), max_rows=5).rows) == 5
    with pytest.raises(ImportFileError, match=r"more than 4 rows"):
        read(csv_bytes(rows), max_rows=4)


def test_unsupported_file_type_is_refused():
    with pytest.raises(ImportFileError, match=r"\.csv or \.xlsx"):
        read(b"Matricule;Nom\n", filename="export.pdf")


# --- XLSX --------------------------------------------------------------------------


def test_xlsx_first_sheet_with_typed_cells():
    rows = [
        [1001, "Martin", "Hélène", "a@exemple.fr", datetime(2021, 9, 1), 0.8, 1002.0, True],
        [1002, "Durand", "Paul", "b@exemple.fr", date(2019, 1, 7), 100, None, None],
    ]
    header = ["Matricule", "Nom", "Prénom", "Email", "Date d'entrée", "Temps", "Manager", "Forfait"]

    table = read(xlsx_bytes(rows, header=header, leading_rows=[[], []]), "rh.XLSX")

    assert table.headers == header
    assert table.lines == [4, 5]  # the sheet's row numbers
    assert table.rows[0] == [
        "1001",
        "Martin",
        "Hélène",
        "a@exemple.fr",
        date(2021, 9, 1),
        "0.8",
        "1002",
        "True",
    ]
    assert table.rows[1][4] == date(2019, 1, 7)
    assert table.rows[1][6:] == [None, None]


@pytest.mark.parametrize(
    "content",
    [b"not a zip at all", b"PK\x03\x04truncated"],
    ids=["garbage", "truncated-zip"],
)
def test_invalid_xlsx_is_refused(content):
    with pytest.raises(ImportFileError, match="XLSX"):
        read(content, filename="export.xlsx")


def test_a_zip_that_is_not_a_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")

    with pytest.raises(ImportFileError, match="XLSX"):
        read(buffer.getvalue(), filename="export.xlsx")


def test_xlsx_row_limit():
    rows = [[f"A{i}", "Nom", "Prénom", f"a{i}@exemple.fr"] for i in range(3)]

    with pytest.raises(ImportFileError, match=r"more than 2 rows"):
        read(xlsx_bytes(rows, header=["Matricule", "Nom", "Prénom", "Email"]), "x.xlsx", max_rows=2)


# --- Column names and cell values -------------------------------------------------


def test_guess_mapping_recognises_french_headers_regardless_of_case_and_accents():
    headers = [
        "N° salarié",
        "NOM",
        "Prénom",
        "Adresse e-mail",
        "Intitulé du poste",
        "Département",
        "Établissement",
        "Matricule N+1",
        "Date d'embauche",
        "Nature du contrat",
        "Fin de période d'essai",
        "Forfait jours",
        "Taux d'activité",
        "Date de sortie",
        "Commentaire",
    ]

    mapping = guess_mapping(headers)

    assert mapping == {
        "employee_number": "N° salarié",
        "last_name": "NOM",
        "first_name": "Prénom",
        "email": "Adresse e-mail",
        "job_title": "Intitulé du poste",
        "department": "Département",
        "site": "Établissement",
        "manager_number": "Matricule N+1",
        "hire_date": "Date d'embauche",
        "contract_type": "Nature du contrat",
        "probation_end_date": "Fin de période d'essai",
        "forfait_jours": "Forfait jours",
        "work_time_percent": "Taux d'activité",
        "left_on": "Date de sortie",
    }


def test_guess_mapping_uses_a_column_once():
    assert guess_mapping(["Matricule", "Matricule manager", "Nom"]) == {
        "employee_number": "Matricule",
        "manager_number": "Matricule manager",
        "last_name": "Nom",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15/01/2024", date(2024, 1, 15)),
        ("5/1/2024", date(2024, 1, 5)),
        ("2024-01-15", date(2024, 1, 15)),
        ("15.01.2024", date(2024, 1, 15)),
        ("15-01-2024", date(2024, 1, 15)),
        ("15/01/24", date(2024, 1, 15)),
        (None, None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2024", "2024-13-01", "15 janvier 2024", "01/15/2024"])
def test_parse_date_rejects_impossible_dates_quoting_them(text):
    with pytest.raises(CellError, match=text):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CDI", ContractType.CDI),
        ("cdd", ContractType.CDD),
        ("Contrat à durée déterminée", ContractType.CDD),
        ("Apprentissage", ContractType.APPRENTICESHIP),
        ("Contrat de professionnalisation", ContractType.PROFESSIONALISATION),
        ("Stage", ContractType.INTERNSHIP),
        ("Intérim", ContractType.TEMPORARY),
        (None, ContractType.CDI),
    ],
)
def test_parse_contract(text, expected):
    assert parse_contract(text) == expected


def test_parse_contract_rejects_unknown_types():
    with pytest.raises(CellError, match="CDII"):
        parse_contract("CDII")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("oui", True), ("OUI", True), ("x", True), ("Non", False), ("", False), (None, False)],
)
def test_parse_bool(text, expected):
    assert parse_bool(text or None) is expected


def test_parse_bool_rejects_other_words():
    with pytest.raises(CellError, match="peut-être"):
        parse_bool("peut-être")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("80 %", 80), ("80%", 80), ("100", 100), ("0,8", 80), ("0.5", 50), ("50,4", 50), (None, 100)],
)
def test_parse_percent(text, expected):
    assert parse_percent(text) == expected


@pytest.mark.parametrize("text", ["0", "0,001", "150 %", "-20", "mi-temps", "nan"])
def test_parse_percent_rejects_what_is_not_a_working_time(text):
    """0,001 would round to 0 %, which the database refuses: it must be caught here."""
    with pytest.raises(CellError, match=text):
        parse_percent(text)


def test_parse_email_normalises_and_accepts_the_demo_domain():
    assert parse_email(" Helene.Martin@Exemple.FR ".strip()) == "helene.martin@exemple.fr"
    assert parse_email("camille@demo.parcours.test") == "camille@demo.parcours.test"
    assert parse_email(None) is None


@pytest.mark.parametrize("text", ["jean.dupont@", "jean dupont@exemple.fr", "exemple.fr"])
def test_parse_email_rejects_invalid_addresses(text):
    with pytest.raises(CellError, match=text):
        parse_email(text)


def test_text_fields_are_limited_to_their_column_size():
    PARSERS["employee_number"]("X" * 30)
    with pytest.raises(CellError, match="30"):
        PARSERS["employee_number"]("X" * 31)
