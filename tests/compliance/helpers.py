"""Facts for the pure engine, without a database."""

from __future__ import annotations

from datetime import date
from itertools import count

from hr.compliance.engine import HELD, Event, Facts, Params, Person, obligations
from hr.people.models import ContractType

_ids = count(1)


def person(hire=date(2020, 3, 2), **changes) -> Person:
    values = dict(
        id=1,
        number="M00001",
        name="Élodie Salariée",
        department_id=None,
        manager_id=2,
        manager_active=True,
        hire=hire,
        birth=date(1985, 6, 15),
        contract_type=ContractType.CDI,
        contract_end=None,
        probation_end=None,
        forfait=False,
        info_given_on=hire,
        visit_on=None,
    )
    values.update(changes)
    return Person(**values)


def held(type_code: str, on: date, state: str = HELD) -> Event:
    return Event(next(_ids), type_code, on, state)


def facts(*events: Event, absences=(), mandates=()) -> Facts:
    result = Facts()
    for event in sorted(events, key=lambda e: e.on):
        result.events.setdefault(event.type_code, []).append(event)
    result.absences = [(next(_ids), *a) for a in absences]
    result.mandates = [(next(_ids), *m) for m in mandates]
    return result


def owed(p: Person, f: Facts | None = None, at=date(2026, 11, 26), **params):
    params.setdefault("headcount", 120)
    return obligations(p, f or Facts(), Params(**params), at)


def of_kind(items, kind):
    return [o for o in items if o.kind == kind]
