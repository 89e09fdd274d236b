"""Reads what the engine needs for a whole population in a fixed number of queries
(employees, interviews, absences, mandates; the headcount when it is not a setting),
then runs the pure engine for everyone. No query per employee."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import aliased

from hr.compliance import engine
from hr.compliance.engine import DECLINED, HELD, OPEN, Event, Facts, Params, Person
from hr.compliance.models import Absence, LeaveType, Mandate
from hr.core.settings import all_settings
from hr.db import db
from hr.grids.models import InterviewType
from hr.interviews.models import Interview, Status
from hr.people.models import Employee

DUE_DATE = attrgetter("due_date")  # the key that finds a day in a list in due order

TYPES = ("career", "career_review", "workload", "probation_end", "contract_end")


@dataclass
class Evaluation:
    at: date
    params: Params
    people: dict[int, Person] = field(default_factory=dict)
    obligations: list[engine.Obligation] = field(default_factory=list)
    alerts: list[engine.Alert] = field(default_factory=list)

    _open: tuple[engine.Obligation, ...] | None = field(default=None, repr=False, compare=False)

    def of(self, employee_id: int) -> list[engine.Obligation]:
        return [o for o in self.obligations if o.employee_id == employee_id]

    def due_order(self, obligation: engine.Obligation) -> tuple:
        """The order lists show: soonest due first, then by name and kind."""
        return (obligation.due_date, self.people[obligation.employee_id].name, obligation.kind)

    def open_by_due(self) -> tuple[engine.Obligation, ...]:
        """The open obligations in `due_order`: sorted once per evaluation (a cached one
        serves every request until the next change, hence a tuple: shared, never
        changed)."""
        if self._open is None:
            opened = (o for o in self.obligations if o.is_open)
            self._open = tuple(sorted(opened, key=self.due_order))
        return self._open

    def open_due_between(
        self, first: date | None, last: date | None
    ) -> tuple[engine.Obligation, ...]:
        """`open_by_due` from `first` to `last`, both included (None: no bound)."""
        ordered = self.open_by_due()
        low = 0 if first is None else bisect_left(ordered, first, key=DUE_DATE)
        high = len(ordered) if last is None else bisect_right(ordered, last, key=DUE_DATE)
        return ordered[low:high]


def active_on(at: date):
    return sa.or_(Employee.left_on.is_(None), Employee.left_on > at)


def headcount(at: date) -> int:
    """The company's headcount for the legal thresholds: the setting when HR gave it,
    otherwise the people in Parcours who have not left."""
    value = all_settings().get("company_headcount")
    if value not in (None, ""):
        return int(value)
    return db.session.scalar(sa.select(sa.func.count(Employee.id)).where(active_on(at))) or 0


def params(at: date) -> Params:
    values = all_settings()
    return Params(
        interval_months=min(int(values.get("career_interval_months") or 48), 48),
        always_parental=bool(values.get("return_always_offer_parental", True)),
        mid_career_age=int(values.get("mid_career_age") or 45),
        headcount=headcount(at),
    )


def _people(at: date, where) -> dict[int, Person]:
    manager = aliased(Employee)
    query = (
        sa.select(
            Employee.id,
            Employee.employee_number,
            Employee.first_name,
            Employee.last_name,
            Employee.department_id,
            Employee.manager_id,
            manager.left_on,
            Employee.hire_date,
            Employee.birth_date,
            Employee.contract_type,
            Employee.contract_end_date,
            Employee.probation_end_date,
            Employee.forfait_jours,
            Employee.career_info_given_on,
            Employee.mid_career_visit_on,
        )
        .outerjoin(manager, manager.id == Employee.manager_id)
        .where(active_on(at), where)
        .order_by(Employee.last_name, Employee.first_name, Employee.id)
    )
    people = {}
    for row in db.session.execute(query):
        (pid, number, first, last, dept, mgr, mgr_left, *rest) = row
        people[pid] = Person(
            pid,
            number,
            f"{first} {last}",
            dept,
            mgr,
            mgr is not None and (mgr_left is None or mgr_left > at),
            *rest,
        )
    return people


SIGNED, CLOSED, DECLINED_, CANCELLED = (
    Status.SIGNED.value,
    Status.CLOSED.value,
    Status.DECLINED.value,
    Status.CANCELLED.value,
)


def _as_date(value) -> date | None:
    """A day as the driver returns it raw: a string on SQLite, a date on PostgreSQL."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value[:10])


def _event(row) -> Event | None:
    """(id, employee id, type code, status, day held or planned, copy given on, offered
    on, due date, created on) → the engine's view of the interview."""
    iid, _emp, code, status, day, copy_on, offered, due, created = row
    if status == SIGNED or (status == CLOSED and copy_on is not None):
        return Event(iid, code, _as_date(day or created), HELD)
    if status == DECLINED_:
        return Event(iid, code, _as_date(offered or created), DECLINED)
    if status in (CANCELLED, CLOSED):
        return None
    return Event(iid, code, _as_date(day or due or created), OPEN)


def _raw(column):
    """A column read without per-row type processing (thousands of rows): dates are
    parsed only for the rows that need them."""
    return sa.type_coerce(column, sa.String)


def _day(column):
    """The calendar day of a timestamp, computed by the database."""
    return _raw(sa.func.date(column))


def _facts(ids_query, people: dict[int, Person]) -> dict[int, Facts]:
    facts = {pid: Facts() for pid in people}
    rows = db.session.execute(
        sa.select(
            Interview.id,
            Interview.employee_id,
            InterviewType.code,
            _raw(Interview.status),
            _day(
                sa.func.coalesce(Interview.held_at, Interview.scheduled_start, Interview.locked_at)
            ),
            _raw(Interview.copy_available_on),
            _raw(Interview.offered_on),
            _raw(Interview.due_date),
            _day(Interview.created_at),
        )
        .join(InterviewType, InterviewType.id == Interview.interview_type_id)
        .where(
            InterviewType.code.in_(TYPES),
            Interview.status != Status.CANCELLED,
            Interview.employee_id.in_(ids_query),
        )
    )
    for row in rows:
        target = facts.get(row[1])
        event = _event(row) if target is not None else None
        if event is not None:
            target.events.setdefault(event.type_code, []).append(event)
    for target in facts.values():
        for events in target.events.values():
            events.sort(key=lambda e: (e.on, e.id))
    for aid, emp, leave, start, end in db.session.execute(
        sa.select(
            Absence.id,
            Absence.employee_id,
            Absence.leave_type,
            Absence.start_date,
            Absence.end_date,
        )
        .where(Absence.employee_id.in_(ids_query))
        .order_by(Absence.start_date, Absence.id)
    ):
        if emp in facts:
            facts[emp].absences.append((aid, LeaveType(leave), start, end))
    for mid, emp, start, end, share in db.session.execute(
        sa.select(
            Mandate.id,
            Mandate.employee_id,
            Mandate.start_date,
            Mandate.end_date,
            Mandate.delegation_share,
        )
        .where(Mandate.employee_id.in_(ids_query))
        .order_by(Mandate.start_date, Mandate.id)
    ):
        if emp in facts:
            facts[emp].mandates.append((mid, start, end, share))
    return facts


def evaluate(at: date, where=None, with_alerts: bool = True) -> Evaluation:
    """Obligations (and data-quality alerts) of every employee matching `where` (a
    WHERE clause on Employee, e.g. `security.visible_employees(user)`) as of `at`."""
    where = sa.true() if where is None else where
    result = Evaluation(at=at, params=params(at))
    result.people = _people(at, where)
    ids_query = sa.select(Employee.id).where(active_on(at), where)
    facts = _facts(ids_query, result.people)
    for pid, person in result.people.items():
        result.obligations += engine.obligations(person, facts[pid], result.params, at)
        if with_alerts:
            result.alerts += engine.alerts(person, facts[pid], result.params, at)
    return result


# --- a per-process cache of whole evaluations --------------------------------------------

_CACHE: OrderedDict = OrderedDict()
_CACHE_SIZE = 4


def _stamp():
    """The audit chain's head: every change in Parcours writes an audit event in its
    own transaction, so a new head means something may have changed."""
    from hr.audit.models import AuditEvent

    return db.session.execute(
        sa.select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).first()


def evaluate_cached(at: date, scope_key, where=None) -> Evaluation:
    """`evaluate`, kept per process until the next audited change (or the next day):
    the dashboard of 5,000 people then costs one query instead of a computation.
    Off in tests (factories write without audit events) unless COMPLIANCE_CACHE is set.
    Callers must not modify the result: it is shared."""
    if not current_app.config.get("COMPLIANCE_CACHE", not current_app.testing):
        return evaluate(at, where)
    key = (at, scope_key, tuple(_stamp() or ()))
    found = _CACHE.get(key)
    if found is None:
        found = evaluate(at, where)
        _CACHE[key] = found
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    else:
        _CACHE.move_to_end(key)
    return found
