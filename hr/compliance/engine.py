"""The compliance engine: for each employee, every legal interview owed — kind, due
date, status, the rule and its reference — computed by pure functions from facts
(`Person`, `Facts`, `Params`) that `hr.compliance.loading` reads in a fixed number of
queries, whatever the number of employees.

An interview counts only when it took place and its report exists: signed, or closed
with the copy given to the employee. One declined by the employee (with the date of
the offer) makes the obligation `declined`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from hr.compliance import rules
from hr.compliance.models import LeaveType
from hr.compliance.rules import DAY, add_months, add_years
from hr.people.models import ContractType

HELD, DECLINED, OPEN = "held", "declined", "open"
FIXED_TERM = frozenset(
    {
        ContractType.CDD,
        ContractType.APPRENTICESHIP,
        ContractType.PROFESSIONALISATION,
        ContractType.TEMPORARY,
    }
)
# Which interview type satisfies each kind (career kinds: any career interview, the
# 8-year review included — it is itself a career interview, L6315-1 II).
TYPE_OF_KIND = {kind: "career" for kind in rules.CAREER_KINDS} | {
    "career_review": "career_review",
    "workload": "workload",
    "probation_end": "probation_end",
    "contract_end": "contract_end",
}


@dataclass(slots=True)
class Person:
    id: int
    number: str
    name: str
    department_id: int | None
    manager_id: int | None
    manager_active: bool
    hire: date | None
    birth: date | None
    contract_type: str
    contract_end: date | None
    probation_end: date | None
    forfait: bool
    info_given_on: date | None
    visit_on: date | None


@dataclass(slots=True)
class Event:
    """An interview as the engine sees it: `on` is the day it was held (HELD), offered
    (DECLINED), or planned or created (OPEN)."""

    id: int
    type_code: str
    on: date
    state: str


@dataclass(slots=True)
class Facts:
    events: dict[str, list[Event]] = field(default_factory=dict)  # by type, by date
    absences: list[tuple] = field(default_factory=list)  # (id, LeaveType, start, end)
    mandates: list[tuple] = field(default_factory=list)  # (id, start, end, share)


@dataclass(frozen=True)
class Params:
    interval_months: int = 48
    always_parental: bool = True
    mid_career_age: int = 45
    headcount: int = 0


@dataclass(slots=True)
class Obligation:
    employee_id: int
    kind: str
    due_date: date
    status: str
    regime: str
    why: str  # key of the explanation shown to people (hr.compliance.texts)
    window_start: date | None = None
    done_by: int | None = None
    done_on: date | None = None
    offered_on: date | None = None
    open_interview: int | None = None
    detail: dict = field(default_factory=dict)

    @property
    def reference(self) -> str:
        return rules.REFERENCES[self.kind]

    @property
    def key(self) -> str:
        return f"{self.employee_id}:{self.kind}:{self.due_date.isoformat()}"

    @property
    def is_open(self) -> bool:
        return self.status not in ("done", "declined")


@dataclass(slots=True)
class Alert:
    employee_id: int
    code: str
    detail: dict = field(default_factory=dict)


def _career_events(facts: Facts) -> list[Event]:
    merged = facts.events.get("career", []) + facts.events.get("career_review", [])
    return sorted(merged, key=lambda e: (e.on, e.id))


def _match(events: list[Event], since: date, used: set[int] | None = None):
    """The first interview held on or after `since`, else the first declined offer."""
    declined = None
    for event in events:
        if event.on < since or (used and event.id in used):
            continue
        if event.state == HELD:
            return event, None
        if event.state == DECLINED and declined is None:
            declined = event
    return None, declined


class _Builder:
    def __init__(self, person: Person, facts: Facts, params: Params, at: date):
        self.p, self.f, self.params, self.at = person, facts, params, at
        self.out: list[Obligation] = []
        self.opened = {
            code: next((e.id for e in events if e.state == OPEN), None)
            for code, events in facts.events.items()
        }

    def add(self, kind, due, regime, why, held=None, declined=None, **extra) -> Obligation:
        ob = Obligation(
            employee_id=self.p.id,
            kind=kind,
            due_date=due,
            status=rules.status(due, self.at, held is not None, declined is not None),
            regime=regime,
            why=why,
            **extra,
        )
        if held is not None:
            ob.done_by, ob.done_on = held.id, held.on
        elif declined is not None:
            ob.offered_on = declined.on
        else:
            ob.open_interview = self.opened.get(TYPE_OF_KIND.get(kind))
        self.out.append(ob)
        return ob


def _career_cycle(b: _Builder, career: list[Event]) -> None:
    """First interview, then the periodic ones, each counted from the one before. For
    people hired before the 2014 law, its cycle began on 7 March 2014."""
    hire = max(b.p.hire, rules.CYCLE_START)
    due, kind, anchor = rules.first_interview_due(hire), "career_first", None
    decisive = [e for e in career if e.state != OPEN and e.on >= hire]
    index = 0
    for _ in range(60):
        while index < len(decisive) and anchor is not None and decisive[index].on <= anchor:
            index += 1
        event = decisive[index] if index < len(decisive) else None
        regime = rules.rule_set_on(anchor or hire).code if due < rules.REFORM_DAY else "2025"
        why = kind if anchor is None or anchor >= rules.REFORM_DAY else f"{kind}_transition"
        if event is None:
            b.add(kind, due, regime, why)
            return
        b.add(
            kind,
            due,
            regime,
            why,
            held=event if event.state == HELD else None,
            declined=event if event.state == DECLINED else None,
        )
        anchor, index = event.on, index + 1
        due, kind = rules.next_periodic_due(anchor, b.params.interval_months), "career_periodic"


def _returns(b: _Builder, career: list[Event]) -> None:
    held = [e for e in career if e.state == HELD]
    for absence_id, leave, start, end in b.f.absences:
        if end is None or not rules.return_owed(leave, b.params.headcount):
            continue
        back = end + DAY
        if back < b.p.hire or back < rules.CYCLE_START:
            continue
        before = [e for e in held if e.on < back]
        last = before[-1] if before else None
        detail = {"leave_type": LeaveType(leave).value, "absence_id": absence_id, "back": back}
        regime = rules.rule_set_on(back).code
        if rules.return_exempted(leave, back, last.on if last else None, b.params.always_parental):
            b.add(
                "career_return",
                rules.return_due(back),
                regime,
                "return_exempt",
                held=last,
                detail=detail,
            )
            continue
        done, declined = _match(career, start)
        b.add(
            "career_return",
            rules.return_due(back),
            regime,
            "career_return",
            done,
            declined,
            window_start=start,
            detail=detail,
        )


def _age_based(b: _Builder, career: list[Event]) -> None:
    p = b.p
    if p.visit_on is not None:
        due = rules.mid_career_due(p.visit_on)
        if due is not None:
            done, declined = _match(career, p.visit_on)
            b.add(
                "career_mid",
                due,
                "2025",
                "career_mid",
                done,
                declined,
                window_start=p.visit_on,
                detail={"visit": p.visit_on},
            )
    if p.birth is not None:
        window = rules.pre60_window(p.birth)
        if window and b.at >= add_years(window[0], -rules.HORIZON_YEARS) and window[1] >= p.hire:
            since = max(window[0], p.hire)
            done, declined = _match(career, since)
            b.add(
                "career_pre60",
                window[1],
                "2025",
                "career_pre60",
                done,
                declined,
                window_start=since,
            )


def _mandates(b: _Builder, career: list[Event]) -> None:
    for mandate_id, _start, end, share in b.f.mandates:
        if end is None or not rules.mandate_end_owed(share, b.params.headcount):
            continue
        since = add_months(end, -2)
        done, declined = _match(career, since)
        b.add(
            "career_mandate_end",
            add_months(end, rules.MANDATE_DUE_MONTHS),
            rules.rule_set_on(end).code,
            "career_mandate_end",
            done,
            declined,
            window_start=since,
            detail={"mandate_id": mandate_id, "end": end},
        )


def _reviews(b: _Builder) -> None:
    suspensions = [
        (start, end or b.at, rules.SENIORITY_EXCLUDED[leave])
        for _id, leave, start, end in b.f.absences
        if leave in rules.SENIORITY_EXCLUDED
    ]
    events = b.f.events.get("career_review", [])
    used: set[int] = set()
    previous = None
    for due, rule_set in rules.review_dues(b.p.hire, suspensions, b.at):
        since = max(add_years(due, -1), previous or b.p.hire)
        done, declined = _match(events, since, used)
        if done:
            used.add(done.id)
        b.add(
            "career_review",
            due,
            rule_set.code,
            f"career_review_{rule_set.code}",
            done,
            declined,
            window_start=since,
            detail={"years": rule_set.review_years},
        )
        previous = due


def _repeating(b: _Builder, kind: str, first_due: date, step) -> None:
    """A yearly interview counted from the last one held (or offered and declined)."""
    events = [e for e in b.f.events.get(TYPE_OF_KIND[kind], []) if e.state != OPEN]
    due, anchor = first_due, b.p.hire
    for _ in range(60):
        later = [e for e in events if e.on > anchor or (anchor == b.p.hire and e.on >= anchor)]
        done, declined = _match(later, anchor)
        b.add(kind, due, "2025" if due >= rules.REFORM_DAY else "2014", kind, done, declined)
        event = done or declined
        if event is None:
            return
        anchor, due = event.on, step(event.on)


def obligations(person: Person, facts: Facts, params: Params, at: date) -> list[Obligation]:
    """Every obligation of one employee as of `at` (pure: no database, no clock)."""
    if person.hire is None or person.hire > at:
        return []
    b = _Builder(person, facts, params, at)
    career = _career_events(facts)
    if person.hire >= rules.CYCLE_START:
        info = b.add(
            "hire_information", person.hire, rules.rule_set_on(person.hire).code, "hire_info"
        )
        if person.info_given_on is not None:
            info.status, info.done_on = "done", person.info_given_on
    _career_cycle(b, career)
    _returns(b, career)
    _age_based(b, career)
    _mandates(b, career)
    _reviews(b)
    if person.forfait:
        _repeating(b, "workload", rules.workload_due(person.hire), rules.workload_due)
    if person.probation_end is not None and person.probation_end >= person.hire:
        done, declined = _match(facts.events.get("probation_end", []), person.hire)
        b.add(
            "probation_end",
            rules.probation_interview_due(person.hire, person.probation_end),
            "2025",
            "probation_end",
            done,
            declined,
            detail={"end": person.probation_end},
        )
    if person.contract_type in FIXED_TERM and person.contract_end is not None:
        since = add_months(person.contract_end, -3)
        done, declined = _match(facts.events.get("contract_end", []), since)
        b.add(
            "contract_end",
            person.contract_end,
            "2025",
            "contract_end",
            done,
            declined,
            window_start=since,
            detail={"end": person.contract_end},
        )
    return b.out


def alerts(person: Person, facts: Facts, params: Params, at: date) -> list[Alert]:
    """What stops the engine from judging this employee, never silently skipped."""
    found = []
    if person.hire is None:
        found.append(Alert(person.id, "no_hire_date"))
    if person.birth is None:
        found.append(Alert(person.id, "no_birth_date"))
    if person.manager_id is None or not person.manager_active:
        found.append(Alert(person.id, "no_manager"))
    for absence_id, leave, start, end in facts.absences:
        if end is None and start < add_months(at, -12):
            found.append(
                Alert(
                    person.id,
                    "open_absence",
                    {"since": start, "leave_type": str(leave), "absence_id": absence_id},
                )
            )
    if person.birth is not None and person.visit_on is None:
        year = rules.mid_career_visit_year(person.birth, params.mid_career_age)
        if rules.REFORM_DAY.year <= year and at.year - 1 <= year <= at.year:
            found.append(Alert(person.id, "no_mid_career_visit", {"year": year}))
    return found
