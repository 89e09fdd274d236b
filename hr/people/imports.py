"""Import employees from an HR export: validate everything, then apply all or nothing.

`plan_import` reads a table with a column mapping and returns what would change and
every row-level error, without writing anything. `apply_import` re-plans, refuses if
anything is wrong, then writes in the caller's transaction with one audit event per
created, updated or departed employee. Upsert is by employee number; a second import
of the same file finds everything unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _

from hr import audit
from hr.db import db
from hr.people.import_fields import FIELDS, FIELDS_BY_NAME, PARSERS, CellError
from hr.people.import_files import Table
from hr.people.models import ContractType, Department, DepartmentKind, Employee, Site, normalize
from hr.security import can

EMPLOYEE_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "job_title",
    "hire_date",
    "birth_date",
    "contract_type",
    "contract_end_date",
    "probation_end_date",
    "forfait_jours",
    "work_time_percent",
    "left_on",
)


class ImportRefused(ValueError):
    """The import has errors; nothing was written."""


@dataclass
class RowError:
    line: int | None
    message: str


@dataclass
class ImportPlan:
    errors: list[RowError] = field(default_factory=list)
    rows: list[tuple[int, dict]] = field(default_factory=list)  # (line, parsed values)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    leaving: list[Employee] = field(default_factory=list)
    new_departments: list[str] = field(default_factory=list)
    new_sites: list[str] = field(default_factory=list)
    # every employee number read from the file, rows with errors included
    numbers_in_file: set[str] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "left": len(self.leaving),
            "new_departments": self.new_departments,
            "new_sites": self.new_sites,
            "errors": len(self.errors),
        }


def mapping_errors(mapping: dict[str, str], headers: list[str]) -> list[RowError]:
    errors = [
        RowError(None, _("Choose the column for “%(field)s”.", field=f.label))
        for f in FIELDS
        if f.required and not mapping.get(f.name)
    ]
    used = [h for h in mapping.values() if h]
    errors += [
        RowError(None, _("Column “%(col)s” is not in the file.", col=h))
        for h in used
        if h not in headers
    ]
    errors += [
        RowError(None, _("Column “%(col)s” is chosen for two fields.", col=h))
        for h in sorted({h for h in used if used.count(h) > 1})
    ]
    return errors


def _parse_rows(table: Table, mapping: dict[str, str], plan: ImportPlan) -> None:
    """Parse every mapped cell; report every problem of a row, not just the first."""
    index = {f.name: table.headers.index(mapping[f.name]) for f in FIELDS if mapping.get(f.name)}
    for line, cells in zip(table.lines, table.rows, strict=True):
        if line in table.overflowing:
            plan.errors.append(
                RowError(
                    line,
                    _(
                        "This line has %(cells)d cells but the header line has %(columns)d "
                        "columns: a separator inside a value shifts the columns. "
                        "Put that value in quotes.",
                        cells=table.overflowing[line],
                        columns=len(table.headers),
                    ),
                )
            )
            continue
        values, ok = {}, True
        for name, col in index.items():
            field_ = FIELDS_BY_NAME[name]
            if field_.required and cells[col] is None:
                plan.errors.append(RowError(line, _("%(field)s is missing.", field=field_.label)))
                ok = False
                continue
            try:
                values[name] = PARSERS[name](cells[col])
            except CellError as error:
                message = _("%(field)s: %(error)s", field=field_.label, error=str(error))
                plan.errors.append(RowError(line, message))
                ok = False
        if values.get("employee_number"):
            plan.numbers_in_file.add(values["employee_number"])
        if ok:
            plan.rows.append((line, values))


def _check_duplicates(plan: ImportPlan, existing: dict[str, Employee]) -> None:
    seen_numbers: dict[str, int] = {}
    seen_emails: dict[str, int] = {}
    by_email = {e.email.lower(): e for e in existing.values() if e.email}
    for line, values in plan.rows:
        number, email = values["employee_number"], values.get("email")
        if number in seen_numbers:
            plan.errors.append(
                RowError(
                    line,
                    _(
                        "Employee number %(number)s appears twice (lines %(a)d and %(b)d).",
                        number=number,
                        a=seen_numbers[number],
                        b=line,
                    ),
                )
            )
        seen_numbers.setdefault(number, line)
        if email:
            if email in seen_emails:
                plan.errors.append(
                    RowError(
                        line,
                        _(
                            "E-mail %(email)s appears twice (lines %(a)d and %(b)d).",
                            email=email,
                            a=seen_emails[email],
                            b=line,
                        ),
                    )
                )
            seen_emails.setdefault(email, line)
            owner = by_email.get(email)
            if owner is not None and owner.employee_number != number:
                plan.errors.append(
                    RowError(
                        line,
                        _(
                            "E-mail %(email)s already belongs to employee %(number)s.",
                            email=email,
                            number=owner.employee_number,
                        ),
                    )
                )


def _check_managers(plan: ImportPlan, existing: dict[str, Employee], mapped: bool) -> None:
    """Unknown managers, self-management and cycles, on the hierarchy after import."""
    if not mapped:
        return
    file_numbers = plan.numbers_in_file
    id_to_number = {e.id: n for n, e in existing.items()}
    manager_of = {n: id_to_number.get(e.manager_id) for n, e in existing.items()}
    lines = {}
    for line, values in plan.rows:
        number, manager = values["employee_number"], values.get("manager_number")
        lines[number] = line
        if manager and manager not in file_numbers and manager not in existing:
            plan.errors.append(
                RowError(line, _("Unknown manager employee number %(number)s.", number=manager))
            )
            manager = None
        elif manager == number:
            plan.errors.append(RowError(line, _("An employee cannot be their own manager.")))
            manager = None
        manager_of[number] = manager
    # Walk up from each row; `done` holds the numbers already walked, so each person is
    # visited once and a deep hierarchy costs linear time.
    done: set[str] = set()
    for start in lines:
        path, on_path, node = [], set(), start
        while node is not None and node not in done and node not in on_path:
            path.append(node)
            on_path.add(node)
            node = manager_of.get(node)
        done.update(path)
        if node is not None and node in on_path:
            cycle = path[path.index(node) :]
            line = min(lines.get(n, 10**9) for n in cycle)
            plan.errors.append(
                RowError(line, _("Manager cycle: %(chain)s.", chain=" → ".join([*cycle, node])))
            )


def _lookup(value: str | None, cache: dict, new: list[str]):
    """An existing department/site by code or name, or the name of one to create.

    Spellings that differ only by case or accents ("Qualité", "QUALITE") name the same
    new one, under the first spelling met.
    """
    if value is None:
        return None
    key = normalize(value)
    if key not in cache:
        cache[key] = value
        new.append(value)
    return cache[key]


def _row_changes(emp: Employee | None, values: dict, resolved: dict) -> dict:
    """Field → new value for what differs from `emp` (everything when creating)."""
    target = {k: values[k] for k in EMPLOYEE_FIELDS if k in values}
    target.update(resolved)
    if emp is None:
        return target
    changes = {}
    for key, value in target.items():
        current = getattr(emp, key)
        if isinstance(current, ContractType):
            current = ContractType(current)
        if current != value:
            changes[key] = value
    return changes


def plan_import(table: Table, mapping: dict[str, str], full_export: bool = False) -> ImportPlan:
    """Everything the import would do, and every reason it cannot: no writes."""
    plan = ImportPlan(errors=mapping_errors(mapping, table.headers))
    if plan.errors:
        return plan
    if not table.rows:
        plan.errors.append(RowError(None, _("The file has a header line but no data rows.")))
        return plan
    _parse_rows(table, mapping, plan)
    existing = {e.employee_number: e for e in db.session.scalars(sa.select(Employee))}
    _check_duplicates(plan, existing)
    _check_managers(plan, existing, bool(mapping.get("manager_number")))
    departments = {}
    for d in db.session.scalars(sa.select(Department)):
        departments[normalize(d.name)] = d
        departments[normalize(d.code)] = d
    sites = {}
    for s in db.session.scalars(sa.select(Site)):
        sites[normalize(s.name)] = s
        sites[normalize(s.code)] = s
    for _line, values in plan.rows:
        emp = existing.get(values["employee_number"])
        resolved = {}
        if "department" in values:
            dept = _lookup(values["department"], departments, plan.new_departments)
            resolved["department_id"] = dept.id if isinstance(dept, Department) else dept
        if "site" in values:
            site = _lookup(values["site"], sites, plan.new_sites)
            resolved["site_id"] = site.id if isinstance(site, Site) else site
        if "manager_number" in values:
            manager = existing.get(values["manager_number"] or "")
            resolved["manager_id"] = manager.id if manager else values["manager_number"]
        changes = _row_changes(emp, values, resolved)
        values["_changes"] = changes
        if emp is None:
            plan.created += 1
        elif changes:
            plan.updated += 1
        else:
            plan.unchanged += 1
    # In file order (stable: a line's problems stay in field order), file-wide ones first.
    plan.errors.sort(key=lambda e: -1 if e.line is None else e.line)
    if full_export:
        plan.leaving = sorted(
            (e for n, e in existing.items() if n not in plan.numbers_in_file and e.left_on is None),
            key=lambda e: e.employee_number,
        )
    return plan


def _create_named(model, names: list[str], **extra) -> dict[str, int]:
    created = {}
    taken = set(db.session.scalars(sa.select(model.code)))
    for name in names:
        code = base = normalize(name).upper().replace(" ", "-")[:36] or "X"
        n = 2
        while code in taken:
            code, n = f"{base}-{n}", n + 1
        taken.add(code)
        obj = model(code=code, name=name, **extra)
        db.session.add(obj)
        created[name] = obj
    db.session.flush()
    return {name: obj.id for name, obj in created.items()}


def apply_import(
    actor,
    table: Table,
    mapping: dict[str, str],
    full_export: bool = False,
    today: date | None = None,
    source: str = "",
) -> ImportPlan:
    """Apply in the current transaction; raise ImportRefused (writing nothing) on errors.
    `actor` None is the system (command line); a user needs `people.import`."""
    if actor is not None and not can(actor, "people.import"):
        raise PermissionError("people.import")
    plan = plan_import(table, mapping, full_export)
    if not plan.ok:
        raise ImportRefused(_("The import has errors; nothing was changed."))
    today = today or date.today()
    dept_ids = _create_named(Department, plan.new_departments, kind=DepartmentKind.SERVICE)
    site_ids = _create_named(Site, plan.new_sites)
    for name, dept_id in dept_ids.items():
        audit.record(actor, "create", "department", dept_id, after={"name": name})
    for name, site_id in site_ids.items():
        audit.record(actor, "create", "site", site_id, after={"name": name})
    existing = {e.employee_number: e for e in db.session.scalars(sa.select(Employee))}
    touched: list[tuple[Employee, dict | None, dict]] = []
    for _line, values in plan.rows:
        changes = dict(values["_changes"])
        if isinstance(changes.get("department_id"), str):
            changes["department_id"] = dept_ids[changes["department_id"]]
        if isinstance(changes.get("site_id"), str):
            changes["site_id"] = site_ids[changes["site_id"]]
        manager_number = (
            changes.pop("manager_id", None) if isinstance(changes.get("manager_id"), str) else None
        )
        emp = existing.get(values["employee_number"])
        if emp is None:
            emp = Employee(employee_number=values["employee_number"])
            db.session.add(emp)
            existing[emp.employee_number] = emp
            before = None
        elif not changes and manager_number is None:
            continue
        else:
            before = emp.snapshot()
        for key, value in changes.items():
            setattr(emp, key, value)
        touched.append((emp, before, {"manager_number": manager_number}))
    db.session.flush()
    for emp, _before, extra in touched:
        if extra["manager_number"]:
            emp.manager_id = existing[extra["manager_number"]].id
    for emp in plan.leaving:
        before = emp.snapshot()
        emp.left_on = today
        touched.append((emp, before, {"action": "leave"}))
    db.session.flush()
    for emp, before, extra in touched:
        action = extra.get("action") or ("create" if before is None else "update")
        audit.record(
            actor,
            action,
            "employee",
            emp.id,
            before=before,
            after=emp.snapshot(),
            reason=source or None,
        )
    return plan
