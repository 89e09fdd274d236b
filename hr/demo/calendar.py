"""Calendar content for the demo company, on top of its history (hr.demo.history).

The history leaves this year's campaign in progress; this adds what a calendar needs
to look lived-in over the coming months:

- an end-of-contract interview for every fixed-term contract (CDD, apprenticeship,
  professionalisation) ending within a year — due ten days before the end, so the year
  view has deadlines in every season; those ending within six weeks are already
  scheduled by the manager;
- an internal mobility interview for the demo employee in about three weeks, with the
  demo manager and HR, so that every feed scope (mine, team, all) shows a meeting.

Written in bulk (multi-row inserts and `audit.record_many`), so a company of thousands
costs a few statements; deterministic for a given (today, seed).
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from hr.audit.services import record_many
from hr.auth.models import User
from hr.calendars.holidays import holidays_of
from hr.core.settings import get_setting
from hr.db import db
from hr.grids.models import InterviewType
from hr.interviews import services
from hr.interviews.models import Interview, Status
from hr.people.models import ContractType, Employee

FIXED_TERM = (ContractType.CDD, ContractType.APPRENTICESHIP, ContractType.PROFESSIONALISATION)
SCHEDULE_WITHIN = timedelta(weeks=6)
SLOTS = (9 * 60, 10 * 60 + 30, 14 * 60, 15 * 60 + 30)  # local start times, in minutes


class _Days:
    """Working days (Monday to Friday, French public holidays off) and free slots."""

    def __init__(self, today: date, rng: random.Random):
        self.today, self.rng = today, rng
        self.zone = ZoneInfo(get_setting("timezone"))
        self.holidays = {
            day for year in (today.year, today.year + 1) for day, _names in holidays_of(year)
        }
        self.taken: set[tuple[int, date, int]] = set()

    def workday(self, day: date, step: int = 1) -> date:
        while day.isoweekday() > 5 or day in self.holidays:
            day += timedelta(days=step)
        return day

    def slot(self, people: tuple[int, ...], lo: date, hi: date) -> tuple[datetime, datetime]:
        """An hour on a working day in [lo, hi] that none of `people` has taken."""
        span = max((hi - lo).days, 0)
        for _attempt in range(40):
            day = self.workday(lo + timedelta(days=self.rng.randint(0, span)))
            minutes = self.rng.choice(SLOTS)
            if not any((p, day, minutes) in self.taken for p in people):
                break
        self.taken.update((p, day, minutes) for p in people)
        start = datetime.combine(day, time(minutes // 60, minutes % 60), self.zone)
        return start.astimezone(UTC), (start + timedelta(hours=1)).astimezone(UTC)

    def block_existing(self) -> None:
        """Slots already taken by the history's interviews in the coming weeks."""
        low = datetime.combine(self.today, time(0), self.zone).astimezone(UTC)
        rows = db.session.execute(
            sa.select(
                Interview.employee_id, Interview.interviewer_id, Interview.scheduled_start
            ).where(
                Interview.scheduled_start >= low,
                Interview.scheduled_start < low + SCHEDULE_WITHIN + timedelta(days=7),
            )
        )
        for employee_id, interviewer_id, start in rows:
            local = start.astimezone(self.zone)
            minutes = local.hour * 60 + local.minute
            for person in (employee_id, interviewer_id):
                if person is not None:
                    self.taken.add((person, local.date(), minutes))


def _snapshot(row: dict) -> dict:
    return {
        key: (value.value if isinstance(value, Status) else value)
        for key, value in row.items()
        if key
        in (
            "status",
            "interviewer_id",
            "due_date",
            "scheduled_start",
            "scheduled_end",
            "location",
        )
    }


def _contract_end_interviews(days: _Days, hr: User) -> int:
    """End-of-contract interviews for the fixed-term contracts ending within a year."""
    contract_end = db.session.scalar(
        sa.select(InterviewType).where(InterviewType.code == "contract_end")
    )
    version = services.published_version_for(contract_end) if contract_end else None
    if version is None:
        return 0
    today = days.today
    already = sa.select(Interview.employee_id).where(Interview.interview_type_id == contract_end.id)
    people = db.session.execute(
        sa.select(Employee.id, Employee.manager_id, Employee.contract_end_date)
        .where(
            Employee.left_on.is_(None),
            Employee.contract_type.in_(FIXED_TERM),
            Employee.contract_end_date > today + timedelta(days=12),
            Employee.contract_end_date <= today + timedelta(days=365),
            Employee.manager_id.is_not(None),
            Employee.id.not_in(already),
        )
        .order_by(Employee.contract_end_date, Employee.id)
    ).all()
    now = datetime.combine(today, time(8), days.zone).astimezone(UTC)
    rows = []
    for employee_id, manager_id, ends in people:
        due = days.workday(ends - timedelta(days=10), -1)
        row = {
            "interview_type_id": contract_end.id,
            "employee_id": employee_id,
            "interviewer_id": manager_id,
            "grid_version_id": version.id,
            "status": Status.TO_SCHEDULE,
            "due_date": due,
            "scheduled_start": None,
            "scheduled_end": None,
            "location": None,
            "sequence": 0,
            "created_by_id": hr.id,
            "created_at": now,
            "updated_at": now,
        }
        if due <= today + SCHEDULE_WITHIN:
            start, end = days.slot((employee_id, manager_id), today + timedelta(days=2), due)
            row |= {
                "status": Status.SCHEDULED,
                "scheduled_start": start,
                "scheduled_end": end,
                "location": "Bureau du manager",
                "sequence": 1,
            }
        rows.append(row)
    if not rows:
        return 0
    ids = db.session.scalars(sa.insert(Interview).returning(Interview.id), rows).all()
    entries = []
    for interview_id, row in zip(ids, rows, strict=True):
        created = row | {"status": Status.TO_SCHEDULE, "scheduled_start": None}
        created |= {"scheduled_end": None, "location": None}
        entries.append(
            (
                "create",
                "interview",
                interview_id,
                None,
                _snapshot(created) | {"interview_type": "contract_end"},
                "seed-demo",
            )
        )
        if row["status"] == Status.SCHEDULED:
            entries.append(
                ("schedule", "interview", interview_id, _snapshot(created), _snapshot(row), None)
            )
    record_many(hr, entries)
    return len(rows)


def _mobility_for_demo_employee(days: _Days, accounts: dict[str, str]) -> int:
    """The demo employee asked for an internal mobility interview: in about three
    weeks, with their manager and HR (through the services, like a real one)."""
    users = {
        u.email: u
        for u in db.session.scalars(sa.select(User).where(User.email.in_(accounts.values())))
    }
    hr, employee_user = users.get(accounts.get("hr")), users.get(accounts.get("employee"))
    if hr is None or employee_user is None or employee_user.employee is None:
        return 0
    employee = employee_user.employee
    mobility = db.session.scalar(sa.select(InterviewType).where(InterviewType.code == "mobility"))
    if mobility is None or employee.manager is None:
        return 0
    interview = services.create_interview(
        hr,
        employee,
        mobility,
        interviewer=employee.manager,
        second_participant=hr.employee,
        due_date=days.workday(days.today + timedelta(days=35)),
        offered_on=days.today,
    )
    lo = days.workday(days.today + timedelta(days=19))
    people = (employee.id, employee.manager_id, hr.employee_id)
    start, end = days.slot(people, lo, lo + timedelta(days=4))
    services.schedule(hr, interview, start, end, "Salle Rhône (2e étage)")
    return 1


def add_calendar(today: date, seed: int, accounts: dict[str, str]) -> dict[str, int]:
    """Add the calendar content; returns the number of interviews by status (all of
    them, as `build_history` does, which it replaces in the seed's result)."""
    rng = random.Random(f"parcours-demo-calendar:{seed}")
    days = _Days(today, rng)
    days.block_existing()
    hr = db.session.scalar(sa.select(User).where(User.email == accounts.get("hr")))
    if hr is not None:
        _contract_end_interviews(days, hr)
        _mobility_for_demo_employee(days, accounts)
        db.session.flush()
    return {
        Status(status).value: count
        for status, count in db.session.execute(
            sa.select(Interview.status, sa.func.count()).group_by(Interview.status)
        )
    }
