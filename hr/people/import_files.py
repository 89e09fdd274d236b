"""Reading HR exports: CSV (`;`, `,` or tab; UTF-8 or Windows-1252) and XLSX.

Returns a header row and data rows as strings (or dates from XLSX cells), or raises
`ImportFileError` with a message the user can act on. Nothing here touches the database.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from flask_babel import gettext as _


class ImportFileError(ValueError):
    """The file as a whole cannot be read."""


@dataclass
class Table:
    headers: list[str]
    rows: list[list]  # each row as long as headers; cells are str, date or None
    lines: list[int]  # the file line (or sheet row) of each row, for error messages
    encoding: str | None = None
    delimiter: str | None = None
    # line → cell count, for rows with values beyond the last column of the header
    # (usually a separator inside an unquoted value, which shifts every later column)
    overflowing: dict[int, int] = field(default_factory=dict)


def _decode(content: bytes) -> tuple[str, str]:
    offset = 0
    if content.startswith(b"\xef\xbb\xbf"):
        content, offset = content[3:], 3
    if content.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in content:
        raise ImportFileError(
            _(
                "This file is not a text CSV file (binary content or UTF-16). "
                "Export it as CSV in UTF-8 or Windows-1252, or as XLSX."
            )
        )
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _(
                "The file's encoding is neither UTF-8 nor Windows-1252 (byte %(pos)d). "
                "Export it again as CSV UTF-8.",
                pos=error.start + offset + 1,
            )
        ) from error


def _excel_separator(first_line: str) -> str | None:
    """Excel's "sep=;" hint line, which some exports put before the header."""
    line = first_line.strip()
    if len(line) == 5 and line.lower().startswith("sep=") and line[4] in ";,\t|":
        return line[4]
    return None


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    if counts[best] == 0:
        raise ImportFileError(_("No column separator found in the first line: use ';' or ','."))
    return best


def _clean(cell):
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if cell is None:
        return None
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = str(cell).strip()
    return text or None


def _table(raw_rows, max_rows: int, **info) -> Table:
    raw_rows = enumerate(raw_rows, start=1)
    headers = None
    for _line, row in raw_rows:
        if any(_clean(c) for c in row):
            headers = [str(_clean(c) or "") for c in row]
            break
    if not headers:
        raise ImportFileError(_("The file is empty."))
    seen = set()
    for header in headers:
        if header and header.lower() in seen:
            raise ImportFileError(
                _("Two columns are named “%(name)s” in the header line.", name=header)
            )
        seen.add(header.lower())
    rows, lines, overflowing = [], [], {}
    for line, row in raw_rows:
        cells = [_clean(c) for c in row]
        if not any(cells):
            continue
        if len(rows) >= max_rows:
            raise ImportFileError(_("The file has more than %(n)d rows; split it.", n=max_rows))
        if any(cells[len(headers) :]):
            overflowing[line] = len(cells)
        cells = (cells + [None] * len(headers))[: len(headers)]
        rows.append(cells)
        lines.append(line)
    return Table(headers=headers, rows=rows, lines=lines, overflowing=overflowing, **info)


def _without_hint_line(rows):
    """The rows with the "sep=" line blanked, so that line numbers stay the file's."""
    blanked = False
    for row in rows:
        if not blanked and any(cell.strip() for cell in row):
            blanked = True
            yield []
        else:
            yield row


def _records(reader, position: dict):
    """The reader's rows, keeping in `position` the line where the current one starts
    (a quote left open makes the error surface lines later, at the end of the file)."""
    while True:
        position["line"] = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        yield row


def read_csv(content: bytes, max_rows: int) -> Table:
    text, encoding = _decode(content)
    if not text.strip():
        raise ImportFileError(_("The file is empty."))
    first_line = text.lstrip().split("\n", 1)[0]
    delimiter = _excel_separator(first_line)
    hint_line = delimiter is not None
    if not hint_line:
        delimiter = _delimiter(first_line)
    # strict: an unclosed quote is an error, not the rest of the file in one cell.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    position = {"line": 1}
    rows = _records(reader, position)
    if hint_line:
        rows = _without_hint_line(rows)
    try:
        return _table(rows, max_rows, encoding=encoding, delimiter=delimiter)
    except csv.Error as error:
        raise ImportFileError(
            _(
                "The CSV file is malformed near line %(line)d (%(error)s). "
                'Check the quotes (") on that line.',
                line=position["line"],
                error=str(error),
            )
        ) from error


def read_xlsx(content: bytes, max_rows: int) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ImportFileError(_("This file is not a valid Excel (XLSX) workbook.")) from error
    try:
        sheet = workbook.worksheets[0]
        return _table(sheet.iter_rows(values_only=True), max_rows)
    finally:
        workbook.close()


def read_table(filename: str, content: bytes, max_rows: int) -> Table:
    """Read an upload by its extension (.csv, .txt, .xlsx)."""
    name = (filename or "").lower()
    if not content:
        raise ImportFileError(_("The file is empty."))
    if name.endswith(".xlsx"):
        return read_xlsx(content, max_rows)
    if name.endswith((".csv", ".txt")):
        return read_csv(content, max_rows)
    raise ImportFileError(_("Unsupported file type: upload a .csv or .xlsx file."))
