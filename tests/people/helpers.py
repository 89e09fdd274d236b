"""Building HR export files in memory, and counting what an import wrote."""

from __future__ import annotations

import io

import sqlalchemy as sa
from openpyxl import Workbook

from hr.audit.models import AuditEvent
from hr.extensions import db
from hr.people.import_fields import guess_mapping
from hr.people.import_files import read_table
from hr.people.models import Department, Employee, Site

# The header of a typical French payroll export.
HEADER = [
    "Matricule",
    "Nom",
    "Prénom",
    "E-mail",
    "Emploi",
    "Service",
    "Site",
    "Matricule manager",
    "Date d'entrée",
    "Date de naissance",
    "Type de contrat",
    "Date de fin de contrat",
    "Forfait jours",
    "Temps de travail",
]


def person(number, last, first, email=None, manager="", **extra):
    """One row in HEADER order; `extra` by header name."""
    row = dict.fromkeys(HEADER, "")
    row.update(
        {
            "Matricule": number,
            "Nom": last,
            "Prénom": first,
            "E-mail": f"{number.lower()}@exemple.fr" if email is None else email,
            "Matricule manager": manager,
            "Date d'entrée": "01/09/2021",
            "Type de contrat": "CDI",
        }
    )
    row.update(extra)
    return [row[h] for h in HEADER]


def csv_bytes(rows, header=HEADER, sep=";", encoding="utf-8", bom=False, newline="\r\n") -> bytes:
    def cell(value):
        value = str(value)
        if sep in value or '"' in value or "\n" in value:
            return '"' + value.replace('"', '""') + '"'
        return value

    text = newline.join(sep.join(cell(v) for v in row) for row in [header, *rows]) + newline
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding)


def xlsx_bytes(rows, header=HEADER, leading_rows=()) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in leading_rows:
        sheet.append(list(row))
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def table_of(content: bytes, filename="export.csv", max_rows=50_000):
    return read_table(filename, content, max_rows)


def mapping_of(table, **overrides):
    mapping = guess_mapping(table.headers)
    mapping.update(overrides)
    return {k: v for k, v in mapping.items() if v}


def count(model, *where) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).where(*where))


def employee(number) -> Employee | None:
    return db.session.scalar(sa.select(Employee).where(Employee.employee_number == number))


def audit_events(*where) -> list[AuditEvent]:
    return list(db.session.scalars(sa.select(AuditEvent).where(*where).order_by(AuditEvent.id)))


def state() -> dict:
    """What an import can change, to compare before/after a refused one."""
    db.session.expire_all()
    return {
        "employees": count(Employee),
        "departments": count(Department),
        "sites": count(Site),
        "audit": count(AuditEvent),
        "snapshots": sorted(
            (e.employee_number, repr(e.snapshot())) for e in db.session.scalars(sa.select(Employee))
        ),
    }
