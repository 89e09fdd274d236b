"""The demo company's compliance inputs, so that the compliance dashboard shows every
kind of obligation on a fresh `make run`: leaves (a return from maternity leave, long
sick leave ongoing and ended, a sabbatical, parental leave), the hire information,
mid-career visits, someone turning 58, a mandate ending, a probation ending soon,
trainings (with and without non-mandatory ones), progression.

Written in bulk (a few multi-row INSERTs and UPDATEs, and through
`hr.audit.services.record_many` the events the services would have written), so that
`seed-demo --employees 5000 --years 8` stays fast. Deterministic for (seed, today).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import sqlalchemy as sa

from hr.audit.services import record_many
from hr.auth.models import User
from hr.compliance.models import (
    Absence,
    LeaveType,
    Mandate,
    Progression,
    ProgressionKind,
    TrainingRecord,
)
from hr.compliance.rules import add_years
from hr.db import db
from hr.interviews.models import TrainingRequest, TrainingStatus
from hr.people.models import ContractType, Employee

NON_MANDATORY = (
    "Anglais professionnel",
    "Excel : tableaux croisés dynamiques",
    "Management d'équipe : les fondamentaux",
    "Lean manufacturing",
    "Prise de parole en public",
    "Gestion de projet",
    "Négociation commerciale",
)
MANDATORY = (
    "Habilitation électrique B1V",
    "CACES R489 chariots élévateurs",
    "Sauveteur secouriste du travail (recyclage)",
    "Travail en hauteur",
)
CERTIFICATIONS = ("TOEIC 850", "Green Belt Lean Six Sigma", "CQP Technicien de maintenance")
DAY = timedelta(days=1)


class _Demo:
    def __init__(self, today: date, seed: int, accounts: dict[int, str]):
        self.today, self.rng = today, random.Random(f"parcours-demo-compliance:{seed}")
        self.people = db.session.execute(
            sa.select(
                Employee.id,
                Employee.manager_id,
                Employee.hire_date,
                Employee.birth_date,
                Employee.contract_type,
                Employee.probation_end_date,
            )
            .where(Employee.left_on.is_(None))
            .order_by(Employee.id)
        ).all()
        self.accounts = accounts  # employee id → demo role
        self.me = {role: pid for pid, role in accounts.items()}
        self.events: list[tuple] = []
        self.used: set[int] = set(accounts) - {self.me.get("employee")}

    def pick(self, pool, n: int = 1) -> list:
        """n people not picked yet (nor a demo account but the employee's)."""
        free = [p for p in pool if p.id not in self.used and p.hire_date is not None]
        chosen = self.rng.sample(free, min(n, len(free)))
        self.used.update(p.id for p in chosen)
        return chosen

    def insert(self, model, rows: list[dict], entity: str) -> None:
        """One multi-row INSERT, then the "create" event of each row."""
        if not rows:
            return
        db.session.execute(sa.insert(model), rows)
        first = db.session.scalar(sa.select(sa.func.max(model.id))) - len(rows) + 1
        for n, row in enumerate(rows):
            after = {k: v for k, v in row.items() if k != "created_at"}
            self.events.append(("create", entity, first + n, None, after, "seed-demo"))

    # --- leaves -----------------------------------------------------------------------

    def leaves(self) -> None:
        t = self.today
        team = [p for p in self.people if p.manager_id == self.me.get("manager")]
        staff = [p for p in self.people if p.manager_id is not None]
        n = max(1, len(staff) // 60)
        rows = []

        def leave(person, kind: LeaveType, start: date, end: date | None) -> None:
            if person.hire_date and start > person.hire_date:
                rows.append(
                    {
                        "employee_id": person.id,
                        "leave_type": kind,
                        "start_date": start,
                        "end_date": end,
                    }
                )

        employee = next((p for p in self.people if p.id == self.me.get("employee")), None)
        if employee is not None:  # back from maternity leave 24 days ago (her return interview)
            leave(employee, LeaveType.MATERNITY, t - 136 * DAY, t - 25 * DAY)
        for person in self.pick([p for p in team if p.id != self.me.get("employee")], 1):
            leave(person, LeaveType.LONG_SICK_LEAVE, t - 130 * DAY, None)  # away, in the team
        for person in self.pick(staff, n):  # back from maternity a week ago: due soon
            leave(person, LeaveType.MATERNITY, t - 120 * DAY, t - 8 * DAY)
        for person in self.pick(staff, n):  # back two months ago, nobody saw them: overdue
            leave(person, LeaveType.PARENTAL, t - 400 * DAY, t - 62 * DAY)
        for person in self.pick(staff, n):
            leave(person, LeaveType.LONG_SICK_LEAVE, t - 300 * DAY, t - 45 * DAY)
        for person in self.pick(staff, n):
            leave(person, LeaveType.LONG_SICK_LEAVE, t - 90 * DAY, None)
        for person in self.pick(staff, 1):  # an absence never closed in the HR system
            leave(person, LeaveType.OTHER_SUSPENSION, t - 500 * DAY, None)
        for person in self.pick(staff, n):  # a sabbatical stops the 8-year review's clock
            leave(person, LeaveType.SABBATICAL, t - 700 * DAY, t - 520 * DAY)
        for person in self.pick(staff, n):
            leave(person, LeaveType.PARENTAL_PART_TIME, t - 200 * DAY, t + 160 * DAY)
        for person in self.pick(staff, n):
            leave(person, LeaveType.FAMILY_CARER, t - 70 * DAY, t - 10 * DAY)
        for person in self.pick(staff, n):
            leave(person, LeaveType.UNPAID, t - 900 * DAY, t - 840 * DAY)
        self.insert(Absence, rows, "absence")

    # --- dates on the employee record -----------------------------------------------------

    def dates(self) -> None:
        t, rng = self.today, self.rng
        staff = [p for p in self.people if p.manager_id is not None]
        # Told at hire, for almost everyone hired since 2014 (one UPDATE).
        recent = [p for p in staff if p.hire_date and p.hire_date >= date(2014, 3, 7)]
        forgotten = {p.id for p in self.pick(recent, max(1, len(staff) // 40))}
        self.used -= forgotten
        db.session.execute(
            sa.update(Employee)
            .where(
                Employee.hire_date >= date(2014, 3, 7),
                Employee.id.not_in(forgotten) if forgotten else sa.true(),
            )
            .values(career_info_given_on=Employee.hire_date)
            .execution_options(synchronize_session=False)
        )
        changes: list[tuple[int, dict]] = []
        n = max(1, len(staff) // 80)
        for person in self.pick(staff, n):  # turning 45 this year, visit done: interview due
            birth = date(t.year - 45, max(1, t.month - 2), 10)
            visit = max(date(t.year, 1, 5), t - 25 * DAY)
            changes.append((person.id, {"birth_date": birth, "mid_career_visit_on": visit}))
        for person in self.pick(staff, n):  # turning 45, visit not recorded: an alert
            changes.append((person.id, {"birth_date": date(t.year - 45, 11, 30)}))
        for person in self.pick(staff, n):  # 58: the before-60 window is open
            birth = add_years(t, -58) - rng.randint(20, 200) * DAY
            changes.append((person.id, {"birth_date": birth}))
        soon = [p for p in staff if p.contract_type == ContractType.CDI and p.hire_date]
        for person in self.pick([p for p in soon if p.hire_date > t - 60 * DAY], 1):
            changes.append((person.id, {"probation_end_date": t + 40 * DAY}))
        for employee_id, values in changes:
            db.session.execute(
                sa.update(Employee)
                .where(Employee.id == employee_id)
                .values(**values)
                .execution_options(synchronize_session=False)
            )
            self.events.append(("update", "employee", employee_id, None, values, "seed-demo"))

    def mandates(self) -> None:
        t = self.today
        staff = [p for p in self.people if p.manager_id is not None and p.hire_date]
        rows = []
        old = [p for p in staff if p.hire_date < t - 5 * 365 * DAY]
        for n, person in enumerate(self.pick(old, max(2, len(staff) // 100))):
            ended = n == 0
            rows.append(
                {
                    "employee_id": person.id,
                    "label": "Membre titulaire du CSE" if n % 2 == 0 else "Délégué(e) syndical(e)",
                    "start_date": t - 4 * 365 * DAY,
                    "end_date": t - 12 * DAY if ended else t + 300 * DAY,
                    "delegation_share": 35 if ended else 15,
                }
            )
        self.insert(Mandate, rows, "mandate")

    # --- trainings and progression ---------------------------------------------------------

    def trainings(self) -> None:
        t, rng = self.today, self.rng
        rows = []
        # One long-serving employee never had a non-mandatory training: with the career
        # interviews missed before the 2021 review, a case for the penalty page.
        veterans = [p for p in self.people if p.hire_date and p.hire_date < date(2014, 1, 1)]
        untrained = {p.id for p in self.pick(veterans, 1)}
        done = db.session.execute(
            sa.select(
                TrainingRequest.id,
                TrainingRequest.employee_id,
                TrainingRequest.subject,
                TrainingRequest.mandatory,
                TrainingRequest.done_on,
            ).where(TrainingRequest.status == TrainingStatus.DONE)
        ).all()
        for request_id, employee_id, subject, mandatory, done_on in done:
            if employee_id in untrained:
                continue
            rows.append(
                {
                    "employee_id": employee_id,
                    "title": subject[:300],
                    "start_date": done_on or t,
                    "end_date": done_on,
                    "hours": 14,
                    "mandatory": mandatory,
                    "certification": False,
                    "certification_name": None,
                    "training_request_id": request_id,
                }
            )
        for person in self.people:
            if person.hire_date is None or person.id in untrained:
                continue
            seniority = (t - person.hire_date).days
            if seniority < 200:
                continue
            span = min(seniority, 8 * 365)
            # most people followed a non-mandatory training; some never did
            for _ in range(rng.choice((0, 1, 1, 1, 2, 2, 3)) if rng.random() < 0.9 else 0):
                start = t - rng.randint(30, span) * DAY
                certified = rng.random() < 0.15
                rows.append(
                    {
                        "employee_id": person.id,
                        "title": rng.choice(NON_MANDATORY),
                        "start_date": start,
                        "end_date": start + rng.randint(0, 3) * DAY,
                        "hours": rng.choice((7, 14, 21, 35)),
                        "mandatory": False,
                        "certification": certified,
                        "certification_name": rng.choice(CERTIFICATIONS) if certified else None,
                        "training_request_id": None,
                    }
                )
            if rng.random() < 0.35:
                start = t - rng.randint(30, span) * DAY
                rows.append(
                    {
                        "employee_id": person.id,
                        "title": rng.choice(MANDATORY),
                        "start_date": start,
                        "end_date": start,
                        "hours": 7,
                        "mandatory": True,
                        "certification": False,
                        "certification_name": None,
                        "training_request_id": None,
                    }
                )
        self.insert(TrainingRecord, rows, "training_record")

    def progressions(self) -> None:
        t, rng = self.today, self.rng
        rows = []
        for person in self.people:
            if person.hire_date is None or (t - person.hire_date).days < 365:
                continue
            span = min((t - person.hire_date).days, 8 * 365)
            for _ in range(rng.choice((0, 1, 1, 2))):
                rows.append(
                    {
                        "employee_id": person.id,
                        "on": t - rng.randint(30, span) * DAY,
                        "kind": rng.choice(list(ProgressionKind)),
                        "note": None,
                    }
                )
        self.insert(Progression, rows, "progression")


def build_compliance(today: date, seed: int, accounts: dict[str, str]) -> None:
    """Write the compliance inputs in the current transaction (the caller commits).
    `accounts`: the demo logins, role → e-mail."""
    roles = {email: role for role, email in accounts.items()}
    by_employee = {
        employee_id: roles[email]
        for employee_id, email in db.session.execute(
            sa.select(User.employee_id, User.email).where(User.email.in_(roles))
        )
        if employee_id is not None
    }
    demo = _Demo(today, seed, by_employee)
    demo.leaves()
    demo.dates()
    demo.mandates()
    demo.trainings()
    demo.progressions()
    record_many(None, demo.events)
