"""Import absences (employee number, leave type, start, end) from the HR system's export,
read by the employee import's machinery (`hr.people.import_files`): every row checked
first, each problem reported with its line, then all or nothing.

Only the type of leave and its dates are stored — never a reason, a diagnosis or any
other medical information: other columns of the file are ignored.
An absence is identified by (employee, type, start date): importing it again with an
end date completes it; importing the same file twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa
from flask_babel import gettext as _

from hr import audit
from hr.compliance.models import Absence, LeaveType
from hr.db import db
from hr.people.import_fields import CellError, header_key, parse_date
from hr.people.import_files import Table
from hr.people.imports import RowError
from hr.people.models import Employee
from hr.security import can

COLUMNS = {
    "employee_number": ("matricule", "matricule salarie", "employee number", "n salarie"),
    "leave_type": ("type", "type d absence", "type de conge", "motif", "absence", "leave type"),
    "start_date": ("debut", "date de debut", "date debut", "du", "start", "start date"),
    "end_date": ("fin", "date de fin", "date fin", "au", "end", "end date"),
}
REQUIRED = ("employee_number", "leave_type", "start_date")
LEAVE_WORDS = {
    "maternite": LeaveType.MATERNITY,
    "conge maternite": LeaveType.MATERNITY,
    "conge de maternite": LeaveType.MATERNITY,
    "parental": LeaveType.PARENTAL,
    "conge parental": LeaveType.PARENTAL,
    "conge parental d education": LeaveType.PARENTAL,
    "temps partiel parental": LeaveType.PARENTAL_PART_TIME,
    "parental temps partiel": LeaveType.PARENTAL_PART_TIME,
    "proche aidant": LeaveType.FAMILY_CARER,
    "conge de proche aidant": LeaveType.FAMILY_CARER,
    "adoption": LeaveType.ADOPTION,
    "conge d adoption": LeaveType.ADOPTION,
    "sabbatique": LeaveType.SABBATICAL,
    "conge sabbatique": LeaveType.SABBATICAL,
    "mobilite volontaire securisee": LeaveType.SECURED_MOBILITY,
    "mobilite securisee": LeaveType.SECURED_MOBILITY,
    "longue maladie": LeaveType.LONG_SICK_LEAVE,
    "arret longue maladie": LeaveType.LONG_SICK_LEAVE,
    "sans solde": LeaveType.UNPAID,
    "conge sans solde": LeaveType.UNPAID,
    "suspension": LeaveType.OTHER_SUSPENSION,
    "autre suspension": LeaveType.OTHER_SUSPENSION,
} | {header_key(t.value): t for t in LeaveType}


@dataclass
class AbsencePlan:
    errors: list[RowError] = field(default_factory=list)
    rows: list[tuple[int, dict]] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def columns(headers: list[str]) -> dict[str, int]:
    by_key = {header_key(h): i for i, h in enumerate(headers) if h}
    found = {}
    for name, synonyms in COLUMNS.items():
        for synonym in (name.replace("_", " "), *synonyms):
            if synonym in by_key:
                found[name] = by_key[synonym]
                break
    return found


def parse_leave(value) -> LeaveType:
    leave = LEAVE_WORDS.get(header_key(str(value))) if value is not None else None
    if leave is None:
        raise CellError(
            _(
                "Unknown leave type “%(value)s” (maternité, parental, temps partiel parental, "
                "proche aidant, adoption, sabbatique, mobilité volontaire sécurisée, longue "
                "maladie, sans solde, suspension). Only the type of leave is recorded.",
                value=value,
            )
        )
    return leave


def _parse(table: Table, plan: AbsencePlan) -> None:
    index = columns(table.headers)
    labels = {
        "employee_number": _("employee number"),
        "leave_type": _("leave type"),
        "start_date": _("start date"),
    }
    missing = [labels[name] for name in REQUIRED if name not in index]
    if missing:
        plan.errors.append(
            RowError(None, _("Columns missing in the file: %(names)s.", names=", ".join(missing)))
        )
        return
    parsers = {
        "employee_number": lambda v: str(v).strip() if v is not None else None,
        "leave_type": parse_leave,
        "start_date": parse_date,
        "end_date": parse_date,
    }
    for line, cells in zip(table.lines, table.rows, strict=True):
        if line in table.overflowing:
            plan.errors.append(
                RowError(line, _("This line has more cells than the header line: check quotes."))
            )
            continue
        values, ok = {}, True
        for name, col in index.items():
            try:
                values[name] = parsers[name](cells[col])
            except CellError as error:
                plan.errors.append(RowError(line, str(error)))
                ok = False
        if ok and (not values.get("employee_number") or values.get("start_date") is None):
            plan.errors.append(RowError(line, _("Employee number and start date are required.")))
            ok = False
        end, start = values.get("end_date"), values.get("start_date")
        if ok and end is not None and end < start:
            plan.errors.append(RowError(line, _("The absence ends before it starts.")))
            ok = False
        if ok:
            plan.rows.append((line, values))


def plan_absences(table: Table) -> AbsencePlan:
    """Check every row against the file and the database; write nothing."""
    plan = AbsencePlan()
    _parse(table, plan)
    numbers = {v["employee_number"] for _line, v in plan.rows}
    employees = dict(
        db.session.execute(
            sa.select(Employee.employee_number, Employee.id).where(
                Employee.employee_number.in_(numbers)
            )
        ).all()
    )
    existing = {
        (a.employee_id, LeaveType(a.leave_type), a.start_date): a
        for a in db.session.scalars(
            sa.select(Absence).where(Absence.employee_id.in_(list(employees.values())))
        )
    }
    seen: dict[int, list[tuple]] = {}
    for line, values in plan.rows:
        employee_id = employees.get(values["employee_number"])
        if employee_id is None:
            plan.errors.append(
                RowError(line, _("Unknown employee number “%(n)s”.", n=values["employee_number"]))
            )
            continue
        start, end = values["start_date"], values.get("end_date")
        for other_line, other_start, other_end in seen.get(employee_id, []):
            if start <= (other_end or start) and (end or other_start) >= other_start:
                plan.errors.append(
                    RowError(line, _("Overlaps the absence on line %(line)d.", line=other_line))
                )
                break
        seen.setdefault(employee_id, []).append((line, start, end))
        values["employee_id"] = employee_id
        known = existing.get((employee_id, values["leave_type"], start))
        if known is None:
            plan.created += 1
        elif known.end_date == end:
            plan.unchanged += 1
        else:
            plan.updated += 1
    return plan


def apply_absences(actor, table: Table, source: str) -> AbsencePlan:
    """Re-check, then write every absence in the caller's transaction — or nothing."""
    if actor is not None and not can(actor, "compliance.manage"):
        raise PermissionError("compliance.manage")
    plan = plan_absences(table)
    if not plan.ok:
        return plan
    ids = {v["employee_id"] for _line, v in plan.rows}
    existing = {
        (a.employee_id, LeaveType(a.leave_type), a.start_date): a
        for a in db.session.scalars(sa.select(Absence).where(Absence.employee_id.in_(ids)))
    }
    for _line, values in plan.rows:
        key = (values["employee_id"], values["leave_type"], values["start_date"])
        absence = existing.get(key)
        if absence is None:
            absence = Absence(
                employee_id=key[0],
                leave_type=key[1],
                start_date=key[2],
                end_date=values.get("end_date"),
                created_by_id=getattr(actor, "id", None),
            )
            db.session.add(absence)
            db.session.flush()
            audit.record(
                actor, "create", "absence", absence.id, after=absence.snapshot(), reason=source
            )
        elif absence.end_date != values.get("end_date"):
            before = absence.snapshot()
            absence.end_date = values.get("end_date")
            db.session.flush()
            audit.record(
                actor,
                "update",
                "absence",
                absence.id,
                before=before,
                after=absence.snapshot(),
                reason=source,
            )
    audit.record(
        actor,
        "import",
        "absences",
        source[:60],
        after={"created": plan.created, "updated": plan.updated, "unchanged": plan.unchanged},
    )
    return plan
