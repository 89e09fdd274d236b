"""A lived-in history for the demo company: past campaigns, this year's campaign in
progress, single interviews, objectives, training requests and follow-up actions.
Deterministic for a given (company, seed, today, years).

How it is written, and why:

- **One plan, two writers.** Every random choice (dates, answers, objectives,
  outcomes) is made first, into a `_Plan` per interview. A plan is then carried out
  either through the services, one interview at a time, as people would have done it
  on screen (`hr.interviews.services`, `hr.interviews.blocks`), or in bulk: a few
  multi-row statements plus, through `hr.audit.services.record_many`, the very audit
  events the services would have written, in the same order for each interview.
  Campaigns are always created, launched and closed by `hr.campaigns.services`.
- **Which writer.** Past campaigns are history: bulk (the benchmark data set holds
  8 years of them for 5,000 people, and the services refuse dates already past, see
  below). This year — the campaign in progress, single interviews, HR handling last
  year's training requests, owners completing their actions — goes through the
  services: all of it for the demo company, and at benchmark size for the interviews
  around the demo accounts and up to `SERVICE_INTERVIEWS` others; the rest of this
  year is written in bulk too (the services cost about 25 ms per interview).
- **Actors.** Whoever has an account acts as themselves (the four demo accounts).
  Everything else is done by the HR user, who may act on any interview
  (`interview.manage`) — except on the HR user's own interview, whose manager side
  is left to the system (actor None): nobody writes their own review.
- **What only the person may do.** The services let employees write their
  preparation, and each party sign, only from their own account. Most demo people
  have none: for them this module writes the row itself (`_typed_answer`,
  `_paper_signature`) with the audit event the service would have written,
  attributed to the HR user — the preparation and the signature were given on paper
  and recorded by HR. A signature row needs a user: it holds the HR user's id and the
  signer's name (`signer_name`), and its reason says so. With an account, the real
  service is used.
- **Dates the services refuse.** `blocks.add_objective` and `add_action` refuse a
  date already past and `set_training_status` a completion date to come, measured on
  the real clock. History needs both (an action now overdue), so such rows are
  written the same way, with the service's event (`_objective`, `_action`,
  `_training_move`).
- **Signatures verify.** Content hashes are `services.content_hash` (through the
  services) or the same serialisation of the same content built in memory (bulk):
  every report's fingerprint matches its signatures (the tests check it).
- **Time.** The services stamp "now", and so does the audit log (it records when the
  demo was generated). The rows' own dates are then set to the simulated ones —
  meetings (`scheduled_*`, `held_at`), signatures (`signed_at`, `locked_at`,
  `copy_available_on`), creation of campaigns, interviews, objectives, requests and
  actions, answers — so that pages read as a real history.
"""

from __future__ import annotations

import hashlib
import json
import random
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask_babel import gettext as _

from hr import audit
from hr.audit.services import record_many
from hr.auth.models import User
from hr.campaigns import services as campaign_services
from hr.campaigns.models import Campaign
from hr.campaigns.population import Criteria
from hr.core.settings import get_setting
from hr.db import db
from hr.demo import history_texts as texts
from hr.grids.models import (
    Grid,
    GridQuestion,
    GridSection,
    GridVersion,
    InterviewType,
    QuestionKind,
    VersionStatus,
)
from hr.interviews import blocks, services
from hr.interviews.models import (
    ActionStatus,
    Answer,
    FollowUpAction,
    Interview,
    Objective,
    ObjectiveStatus,
    Party,
    Signature,
    SignatureRole,
    Status,
    TrainingRequest,
    TrainingStatus,
)
from hr.people.models import Employee, Site, normalize

# Interviews of this year carried out through the services beyond those around the
# demo accounts (all of them in the default demo company).
SERVICE_INTERVIEWS = 150
SERVICE_FOLLOW_UPS = 120  # last year's training requests and actions moved on likewise
PAPER = "signed on the printed report; recorded by HR"
EVENT_CHUNK = 20_000  # audit events per record_many call (bounded memory at scale)

ROOMS = {
    "LYO": "Lyon — salle Fourvière",
    "VIL": "Villeurbanne — salle de réunion de l'atelier",
    "GRE": "Grenoble — salle Belledonne",
    "PAR": "Paris — salle Montmartre",
}
DURATIONS = {  # minutes
    "annual": 60,
    "career": 45,
    "workload": 45,
    "return": 45,
    "mobility": 60,
    "corrective": 45,
    "probation_end": 30,
}
GRIDS = {
    "annual": "annual-fr",
    "career": "career-fr",
    "probation_end": "probation-end-fr",
    "workload": "workload-fr",
    "return": "return-fr",
    "mobility": "mobility-fr",
    "corrective": "corrective-fr",
}
SLOTS = [9 * 60 + 30 * n for n in range(5)] + [14 * 60 + 30 * n for n in range(5)]
HOLIDAYS = {(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)}
# This year's campaign: share of each outcome (the rest stays to schedule).
LIVE_SHARES = [
    ("signed", 0.22),
    ("awaiting_employee", 0.05),
    ("awaiting_interviewer", 0.04),
    ("held", 0.05),
    ("in_preparation", 0.12),
    ("scheduled", 0.20),
    ("cancelled", 0.02),
    ("declined", 0.02),
]
# Where each target leaves the interview, and which steps lead there.
FINAL = {
    "to_schedule": Status.TO_SCHEDULE,
    "scheduled": Status.SCHEDULED,
    "in_preparation": Status.IN_PREPARATION,
    "held": Status.HELD,
    "awaiting_interviewer": Status.AWAITING_SIGNATURE,
    "awaiting_employee": Status.AWAITING_SIGNATURE,
    "signed": Status.SIGNED,
    "cancelled": Status.CANCELLED,
    "declined": Status.DECLINED,
}
HELD_OR_LATER = {"held", "awaiting_interviewer", "awaiting_employee", "signed"}
SENT_FOR_SIGNATURE = {"awaiting_interviewer", "awaiting_employee", "signed"}


def _shift_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _is_workday(day: date) -> bool:
    return day.weekday() < 5 and (day.month, day.day) not in HOLIDAYS


def _workday(day: date, step: int = 1) -> date:
    while not _is_workday(day):
        day += timedelta(days=step)
    return day


def _status(status, **changes) -> dict:
    """The part of `Interview.snapshot()` a change touches: the audit keeps only what
    changed, so the event is the same as with the whole snapshot."""
    return {"status": Status(status).value} | changes


def _hash(content: dict) -> str:
    """`services.content_hash` of content built in memory (same serialisation)."""
    payload = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


@dataclass
class _Person:
    id: int
    name: str
    number: str
    manager_id: int | None
    hire_date: date | None
    probation_end: date | None
    forfait: bool
    site: str | None


@dataclass
class _Window:
    opens: date
    preparation: date
    deadline: date
    signature: date


@dataclass
class _Plan:
    """What happens to one interview, decided before anything is written."""

    id: int
    type_code: str
    version_id: int
    employee_id: int
    interviewer_id: int | None
    target: str  # a key of FINAL
    created_at: datetime | None = None
    start: datetime | None = None
    end: datetime | None = None
    location: str | None = None
    video_link: str | None = None
    open_preparation: bool = False
    employee_answers: list = field(default_factory=list)  # (question, party, value)
    manager_answers: list = field(default_factory=list)
    reviews: list = field(default_factory=list)  # (objective dict, status, comment)
    objectives: list = field(default_factory=list)  # dicts, "id" once written
    trainings: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    interviewer_signed: datetime | None = None
    employee_signed: datetime | None = None
    comment: str | None = None
    disagreement: bool = False
    refused: bool = False
    declined_on: date | None = None
    cancel_reason: str | None = None
    note: str | None = None  # the comment given when declining
    digest: str = ""  # the content hash the signatures cover

    @property
    def final(self) -> Status:
        return Status.CLOSED if self.refused else FINAL[self.target]


class _History:
    def __init__(self, today: date, seed: int, accounts: dict[str, str]):
        self.today = today
        self.rng = random.Random(f"parcours-demo-history:{seed}")
        self.tz = ZoneInfo(get_setting("timezone"))
        sites = dict(db.session.execute(sa.select(Site.id, Site.code)).all())
        rows = db.session.execute(
            sa.select(
                Employee.id,
                Employee.first_name,
                Employee.last_name,
                Employee.employee_number,
                Employee.manager_id,
                Employee.hire_date,
                Employee.probation_end_date,
                Employee.forfait_jours,
                Employee.site_id,
            )
            .where(Employee.left_on.is_(None))
            .order_by(Employee.id)
        )
        self.people = {
            r.id: _Person(
                r.id,
                f"{r.first_name} {r.last_name}",
                r.employee_number,
                r.manager_id,
                r.hire_date,
                r.probation_end_date,
                r.forfait_jours,
                sites.get(r.site_id),
            )
            for r in rows
        }
        self.reports: dict[int, list[_Person]] = {}
        for person in self.people.values():
            if person.manager_id is not None:
                self.reports.setdefault(person.manager_id, []).append(person)
        self.ceo = next(p for p in self.people.values() if p.manager_id is None)
        users = db.session.scalars(sa.select(User).where(User.active.is_(True))).all()
        self.users: dict[int, User] = {u.employee_id: u for u in users if u.employee_id}
        by_email = {u.email: u for u in users}
        self.account = {role: by_email[email] for role, email in accounts.items()}
        self.hr = self.account["hr"]
        self.me = {role: user.employee_id for role, user in self.account.items()}
        self.types = {t.code: t for t in db.session.scalars(sa.select(InterviewType))}
        self.versions: dict[str, GridVersion] = {}
        self.questions: dict[int, list[GridQuestion]] = {}
        self.labels: dict[int, str] = {}
        self.answerable: dict[int, list[tuple]] = {}
        self.pools: dict[tuple[int, str], list[str]] = {}
        self.busy: set[tuple] = set()
        # Objectives still open, by employee (dicts with their id), to review next year.
        self.open_objectives: dict[int, list[dict]] = {}
        self.pending: list[tuple] = []  # bulk audit events: (actor, entry)
        self.last_year: list[_Plan] = []  # their requests and actions are handled this year
        self.service_budget = SERVICE_INTERVIEWS
        self.return_days: dict[int, date] = {}
        self.in_past = False  # planning a past campaign (written in bulk)

    # --- small helpers ----------------------------------------------------------------

    def version(self, type_code: str) -> GridVersion:
        code = GRIDS[type_code]
        if code not in self.versions:
            version = db.session.scalar(
                sa.select(GridVersion)
                .join(Grid)
                .where(Grid.code == code, GridVersion.status == VersionStatus.PUBLISHED)
                .order_by(GridVersion.number.desc())
                .limit(1)
            )
            self.versions[code] = version
            self.questions[version.id] = list(
                db.session.scalars(
                    sa.select(GridQuestion)
                    .join(GridSection)
                    .where(GridSection.version_id == version.id)
                    .order_by(GridSection.position, GridSection.id, GridQuestion.position)
                )
            )
            for q in self.questions[version.id]:
                self.labels[q.id] = normalize(q.label)
            # (question, kind, parties, required) of the questions answered in the grid.
            self.answerable[version.id] = [
                (q, kind, services.parties_for(q.answered_by), q.required)
                for q in self.questions[version.id]
                if (kind := QuestionKind(q.kind)) not in services.BLOCK_KINDS
            ]
        return self.versions[code]

    def at(self, day: date, minutes: int) -> datetime:
        local = datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=self.tz)
        return local.astimezone(UTC)

    def local_day(self, when: datetime) -> date:
        return when.astimezone(self.tz).date()

    def day_between(self, lo: date, hi: date) -> date:
        day = lo + timedelta(days=self.rng.randint(0, max((hi - lo).days, 0)))
        if not _is_workday(day):
            later = _workday(day)
            day = later if later <= hi else _workday(day, -1)
        return day

    def slot(self, interviewer_id, lo: date, hi: date, type_code: str):
        """A weekday meeting in working hours between lo and hi, not clashing with the
        interviewer's other interviews."""
        for _attempt in range(25):
            day, minutes = self.day_between(lo, hi), self.rng.choice(SLOTS)
            key = (interviewer_id, day, minutes)
            if key not in self.busy:
                break
        self.busy.add(key)
        start = self.at(day, minutes)
        return start, start + timedelta(minutes=DURATIONS.get(type_code, 60))

    def signing_time(self, after: datetime, days_lo: int, days_hi: int, limit: date) -> datetime:
        day = self.local_day(after) + timedelta(days=self.rng.randint(days_lo, days_hi))
        day = min(_workday(day), limit)
        minutes = self.rng.choice([8 * 60 + 45, 12 * 60 + 15, 17 * 60 + 20, 18 * 60 + 5])
        return max(self.at(day, minutes), after + timedelta(hours=1))

    def place(self, plan: _Plan) -> None:
        if self.rng.random() < 0.15:
            plan.video_link = f"https://visio.demo.parcours.test/entretien-{plan.id}"
        else:
            person = self.people.get(plan.employee_id)
            plan.location = ROOMS.get(person.site if person else None, ROOMS["LYO"])

    def manager_actor(self, interviewer_id, employee_id):
        """Who acts on the manager side: the interviewer's account, else HR — on HR's
        own interview, the system."""
        user = self.users.get(interviewer_id)
        if user is not None:
            return user
        return None if self.hr.employee_id == employee_id else self.hr

    def employee_actor(self, employee_id):
        return self.users.get(employee_id) or self.hr

    def window(self, years_ago: int, type_code: str) -> _Window:
        """Annual campaigns open 5 weeks before `today`'s date, career ones in spring."""
        opens = self.today - timedelta(days=35)
        if type_code == "career":
            opens -= timedelta(days=182)
        opens = _workday(_shift_years(opens, -years_ago))
        return _Window(
            opens=opens,
            preparation=opens + timedelta(days=49),
            deadline=opens + timedelta(days=63),
            signature=opens + timedelta(days=77),
        )

    @property
    def refusal_reason(self) -> str:
        return _("The employee refused to sign.")

    # --- answers ----------------------------------------------------------------------

    def pool(self, question, party: Party) -> list[str]:
        key = (question.id, party.value)
        if key not in self.pools:
            label, pool = self.labels[question.id], texts.GENERIC_TEXTS
            for words, by_party in texts.TEXTS:
                if words in label:
                    pool = by_party.get(party.value) or by_party.get("any")
                    pool = pool or next(iter(by_party.values()))
                    break
            self.pools[key] = pool
        return self.pools[key]

    def value(self, question, kind: QuestionKind, party: Party, ctx: dict):
        rng = self.rng
        options = question.options or {}
        label = self.labels[question.id]
        if kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT, QuestionKind.FINAL_COMMENT):
            return rng.choice(self.pool(question, party))
        if kind in (QuestionKind.RATING, QuestionKind.SKILLS_MATRIX):
            values = [lvl["value"] for lvl in options["scale"]["levels"]]
            weights = [1, 6, 3, 1] if "charge" in label else [1, 3, 6, 3]
            weights = (weights + [1] * len(values))[: len(values)]
            if kind == QuestionKind.RATING:
                return rng.choices(values, weights=weights)[0]
            return {
                skill["name"]: "na" if rng.random() < 0.04 else rng.choices(values, weights)[0]
                for skill in options.get("skills", [])
            }
        if kind == QuestionKind.SINGLE_CHOICE:
            choices = options.get("choices") or ["—"]
            if "decision" in label and rng.random() < 0.85:
                return choices[0]  # confirmed at the end of probation, mostly
            return rng.choice(choices)
        if kind == QuestionKind.MULTIPLE_CHOICE:
            choices = options.get("choices") or []
            none = [c for c in choices if c.startswith("Aucun")]
            others = [c for c in choices if not c.startswith("Aucun")]
            if (none and rng.random() < 0.3) or not others:
                return none[:1] or None
            return rng.sample(others, k=min(len(others), rng.choice([1, 1, 2])))
        if kind == QuestionKind.YES_NO:
            return rng.random() < (0.97 if party == Party.MANAGER else 0.88)
        if kind == QuestionKind.DATE:
            day = ctx["day"]
            if "periode d'essai" in label and ctx.get("probation_end"):
                day = ctx["probation_end"]
            elif "reprise" in label and ctx.get("return_day"):
                day = ctx["return_day"]
            elif "suivi" in label:
                day += timedelta(days=30)
            elif "prise de poste" in label:
                day += timedelta(days=45)
            return day.isoformat()
        if kind == QuestionKind.NUMBER:
            return rng.choice([205, 209, 212, 214, 216, 218])
        return rng.choice(texts.GENERIC_TEXTS)

    def answers(self, version_id: int, parties, ctx: dict, optional: float = 0.4) -> list:
        """Every required answer of these parties, and some optional ones."""
        items, random = [], self.rng.random
        for q, kind, answered_by, required in self.answerable[version_id]:
            for party in answered_by:
                if party in parties and (required or random() < optional):
                    value = self.value(q, kind, party, ctx)
                    if value is not None:
                        items.append((q, party, value))
        return items

    # --- objectives, requests, actions ------------------------------------------------

    def objective_specs(self, target: date) -> list[dict]:
        count = self.rng.choice([2, 3, 3])
        weights = {2: [50, 50], 3: [40, 30, 30]}[count]
        mid_year = date(target.year, 6, 30) if target.month > 6 else target
        return [
            {
                "title": title,
                "description": description,
                "indicator": indicator,
                "target_date": target if self.rng.random() < 0.6 else mid_year,
                "weight": weight,
            }
            for (title, indicator, description), weight in zip(
                self.rng.sample(texts.OBJECTIVES, count), weights, strict=True
            )
        ]

    def review(self) -> tuple[ObjectiveStatus, str | None]:
        status = self.rng.choices(
            [
                ObjectiveStatus.ACHIEVED,
                ObjectiveStatus.PARTIALLY,
                ObjectiveStatus.NOT_ACHIEVED,
                ObjectiveStatus.DROPPED,
            ],
            weights=[45, 30, 12, 13],
        )[0]
        comments = texts.REVIEW_COMMENTS[status]
        return status, self.rng.choice(comments) if self.rng.random() < 0.7 else None

    def training_spec(self) -> dict:
        subject, reason, priority, period, mandatory = self.rng.choice(texts.TRAININGS)
        return {
            "subject": subject,
            "reason": reason,
            "priority": priority,
            "wished_period": period,
            "mandatory": mandatory,
        }

    def action_spec(self, plan: _Plan, day: date) -> dict:
        choices = texts.TYPE_ACTIONS.get(plan.type_code) or texts.ACTIONS
        what, owner, days = self.rng.choice(choices)
        owner_id = plan.interviewer_id
        if owner == "employee" or owner_id is None:
            owner_id = plan.employee_id
        return {"what": what, "owner_id": owner_id, "due_date": day + timedelta(days=days)}

    # === planning ========================================================================

    def plan(
        self,
        row,
        target: str,
        lo: date,
        hi: date,
        objectives_until: date | None = None,
        outcome: dict | None = None,
        created_at: datetime | None = None,
    ) -> _Plan:
        """Decide what happens to one interview: `row` is (id, type code, version id,
        employee id, interviewer id); the meeting falls between lo and hi."""
        rng = self.rng
        plan = _Plan(*row, target=target, created_at=created_at)
        if (
            not self.in_past
            and self.manager_actor(plan.interviewer_id, plan.employee_id) is None
            and target not in ("to_schedule", "scheduled", "in_preparation")
        ):
            # HR's own interview this year: the services would need their manager.
            plan.target = target = "to_schedule"
        if target == "to_schedule":
            return plan
        if target == "declined":
            plan.declined_on = self.day_between(lo, hi)
            plan.note = rng.choice(texts.DECLINE_COMMENTS)
            return plan
        if target != "cancelled" or rng.random() < 0.5:
            plan.start, plan.end = self.slot(plan.interviewer_id, lo, hi, plan.type_code)
            self.place(plan)
        if target == "cancelled":
            plan.cancel_reason = rng.choice(texts.CANCEL_REASONS)
            return plan
        day = self.local_day(plan.start)
        person = self.people.get(plan.employee_id)
        ctx = {
            "day": day,
            "probation_end": person.probation_end if person else None,
            "return_day": self.return_days.get(plan.id),
        }
        mine = self.answers(plan.version_id, (Party.EMPLOYEE,), ctx)
        if target == "scheduled":
            return plan
        plan.open_preparation = target == "in_preparation" or rng.random() < 0.6
        if target == "in_preparation":
            plan.employee_answers = mine[: max(1, len(mine) * 2 // 3)] if mine else []
            return plan
        plan.employee_answers = mine
        theirs = self.answers(plan.version_id, (Party.MANAGER, Party.SHARED), ctx)
        if target == "held":  # the report is still being written
            theirs = theirs[: max(1, len(theirs) * 2 // 3)]
        plan.manager_answers = theirs
        if plan.type_code == "annual":
            still_open = []
            for objective in self.open_objectives.pop(plan.employee_id, []):
                if target == "held" and rng.random() < 0.4:
                    still_open.append(objective)  # not reviewed yet
                else:
                    plan.reviews.append((objective, *self.review()))
            if still_open:
                self.open_objectives[plan.employee_id] = still_open
            if objectives_until and (target != "held" or rng.random() < 0.5):
                plan.objectives = self.objective_specs(objectives_until)
        if rng.random() < {"annual": 0.3, "career": 0.45}.get(plan.type_code, 0.5):
            plan.trainings.append(self.training_spec())
        if rng.random() < {"annual": 0.25, "career": 0.4}.get(plan.type_code, 0.8):
            plan.actions.append(self.action_spec(plan, day))
        if target not in SENT_FOR_SIGNATURE or target == "awaiting_interviewer":
            return plan
        limit = min(hi + timedelta(days=14), self.today - timedelta(days=1))
        plan.interviewer_signed = self.signing_time(plan.end, 1, 3, limit)
        if target == "signed":
            plan.employee_signed = self.signing_time(plan.interviewer_signed, 0, 5, limit)
            if outcome is None:
                roll = rng.random()
                if roll < 0.08:
                    outcome = {"comment": rng.choice(texts.SIGN_COMMENTS)}
                elif roll < 0.1 and plan.employee_id not in self.users:
                    outcome = {"comment": rng.choice(texts.DISAGREEMENTS), "disagreement": True}
            for key, value in (outcome or {}).items():
                setattr(plan, key, value)
        return plan

    def signing_outcomes(self, count: int, strict: bool) -> list[dict]:
        """A few comments, one or two disagreements, one refusal (last year's annual
        campaign); the same rates elsewhere."""
        outcomes: list[dict] = [{} for _ in range(count)]
        order = list(range(count))
        self.rng.shuffle(order)
        refusals = max(1 if strict else 0, round(count * 0.003))
        disagreements = max((2 if count >= 20 else 1) if strict else 0, round(count * 0.015))
        comments = round(count * 0.1)
        for n, i in enumerate(order):
            if n < refusals:
                outcomes[i] = {"comment": texts.REFUSAL, "disagreement": True, "refused": True}
            elif n < refusals + disagreements:
                outcomes[i] = {
                    "comment": self.rng.choice(texts.DISAGREEMENTS),
                    "disagreement": True,
                }
            elif n < refusals + disagreements + comments:
                outcomes[i] = {"comment": self.rng.choice(texts.SIGN_COMMENTS)}
        return outcomes

    # === campaigns =======================================================================

    def launch(self, type_code: str, window: _Window, name: str) -> tuple[Campaign, list]:
        """Create and launch a campaign for everyone below the head of the company hired
        before it opens; return it with its interviews' rows for `plan`."""
        version = self.version(type_code)
        values = campaign_services.CampaignValues(
            name=name,
            interview_type=self.types[type_code],
            grid_version=version,
            criteria=Criteria(manager_ids=(self.ceo.id,), hired_before=window.opens),
            opens_on=window.opens,
            preparation_deadline=window.preparation,
            interview_deadline=window.deadline,
            signature_deadline=window.signature,
            instructions_managers="Planifiez les entretiens de votre équipe dès l'ouverture "
            "et envoyez le compte rendu à signer dans la semaine qui suit.",
            instructions_employees="Préparez votre entretien dans Parcours : votre "
            "préparation reste privée jusqu'au début de l'entretien.",
        )
        campaign = campaign_services.create_campaign(self.hr, values)
        campaign_services.launch(self.hr, campaign)
        campaign.created_at = self.at(window.opens - timedelta(days=10), 11 * 60)
        campaign.launched_at = self.at(window.opens, 8 * 60 + 30)
        db.session.execute(
            sa.update(Interview)
            .where(Interview.campaign_id == campaign.id)
            .values(created_at=campaign.launched_at, updated_at=campaign.launched_at)
            .execution_options(synchronize_session=False)
        )
        rows = [
            (i, type_code, version.id, e, m)
            for i, e, m in db.session.execute(
                sa.select(Interview.id, Interview.employee_id, Interview.interviewer_id)
                .where(Interview.campaign_id == campaign.id)
                .order_by(Interview.id)
            )
        ]
        return campaign, rows

    def past_campaign(self, type_code: str, years_ago: int, name: str) -> None:
        """A campaign of `years_ago` years back: every interview held and signed."""
        window = self.window(years_ago, type_code)
        campaign, rows = self.launch(type_code, window, name)
        self.in_past = True
        outcomes = self.signing_outcomes(len(rows), strict=type_code == "annual" and years_ago == 1)
        next_deadline = self.window(years_ago - 1, type_code).deadline
        lo, hi = window.opens + timedelta(days=3), window.deadline
        plans = [
            self.plan(
                row,
                "signed",
                lo,
                hi,
                objectives_until=next_deadline if type_code == "annual" else None,
                outcome=outcome,
                created_at=campaign.launched_at,
            )
            for row, outcome in zip(rows, outcomes, strict=True)
        ]
        self.in_past = False
        self.manager_keeps_an_action(plans, years_ago)
        self.write_bulk(plans)
        if years_ago > 1:
            self.settle(plans, last_year=False)
        else:
            self.last_year += plans
        campaign_services.close(self.hr, campaign)
        campaign.closed_at = self.at(window.signature + timedelta(days=3), 10 * 60)
        db.session.flush()

    def manager_keeps_an_action(self, plans: list[_Plan], years_ago: int) -> None:
        """Last year, the demo manager took on an action they still owe."""
        manager_id = self.me["manager"]
        mine = [p for p in plans if p.interviewer_id == manager_id and p.type_code == "annual"]
        if years_ago == 1 and mine:
            day = self.local_day(mine[0].start)
            mine[0].actions.append(
                {
                    "what": "Mettre à jour la fiche de poste",
                    "owner_id": manager_id,
                    "due_date": day + timedelta(days=60),
                }
            )

    def live_campaign(self) -> None:
        """This year's annual campaign, in progress: interviews in every state."""
        window = self.live_window = self.window(0, "annual")
        campaign, rows = self.launch("annual", window, f"Entretiens annuels {window.opens.year}")
        # Demo accounts hired since the opening are added to the campaign by HR.
        present, created = {row[3] for row in rows}, {}
        for employee_id in dict.fromkeys(self.me.values()):
            if employee_id not in present and employee_id != self.ceo.id:
                employee = db.session.get(Employee, employee_id)
                interview = campaign_services.add_person(self.hr, campaign, employee)
                created[interview.id] = self.at(max(employee.hire_date, window.opens), 9 * 60)
                rows.append((interview.id, "annual", interview.grid_version_id, employee_id))
                rows[-1] += (interview.interviewer_id,)
        targets = self.live_targets(rows)
        # The demo accounts' surroundings first: they go through the services.
        rows.sort(key=lambda row: (row[0] not in self.forced, self.order[row[0]]))
        objectives_until = _shift_years(window.deadline, 1)
        today = self.today
        plans = []
        for row in rows:
            target = targets[row[0]]
            lo, hi = today + timedelta(days=1), window.deadline - timedelta(days=1)
            if target == "declined":
                lo, hi = window.opens + timedelta(days=2), today - timedelta(days=1)
            elif target == "in_preparation_soon":  # the demo employee: this week
                target, hi = "in_preparation", _workday(today + timedelta(days=4))
            elif target == "scheduled_next_week":
                target, lo, hi = "scheduled", today + timedelta(days=6), today + timedelta(days=13)
            elif target in ("held", "awaiting_interviewer"):
                lo, hi = today - timedelta(days=9), today - timedelta(days=1)
            elif target == "awaiting_employee":
                lo, hi = today - timedelta(days=16), today - timedelta(days=5)
            elif target == "signed":
                lo = window.opens + timedelta(days=3)
                hi = max(lo, today - timedelta(days=9))
            when = created.get(row[0], campaign.launched_at)
            plans.append(self.plan(row, target, lo, hi, objectives_until, created_at=when))
        # The demo manager decided, in one of this year's interviews, an action to come.
        manager_id = self.me["manager"]
        decided = [p for p in plans if p.interviewer_id == manager_id and p.target == "signed"]
        if decided and not any(a["owner_id"] == manager_id for a in decided[0].actions):
            decided[0].actions.append(
                {
                    "what": "Point d'étape sur les objectifs",
                    "owner_id": manager_id,
                    "due_date": self.local_day(decided[0].start) + timedelta(days=120),
                }
            )
        self.carry_out(plans, always=self.forced)

    def live_targets(self, rows: list) -> dict[int, str]:
        """Every state of the life cycle, and something to do for each demo account."""
        me = self.me
        by_employee = {row[3]: row[0] for row in rows}
        wanted = {
            me["employee"]: "in_preparation_soon",
            me["admin"]: "scheduled_next_week",
            me["manager"]: "scheduled_next_week",
            me["hr"]: "in_preparation",
        }
        team_plan = [
            "awaiting_interviewer",
            "to_schedule",
            "to_schedule",
            "signed",
            "held",
            "awaiting_employee",
            "scheduled",
        ]
        for person in sorted(self.reports.get(me["manager"], []), key=lambda p: p.number):
            if person.id not in wanted and team_plan:
                wanted[person.id] = team_plan.pop(0)
        for person in self.reports.get(me["hr"], []):  # HR also leads a small team
            wanted.setdefault(person.id, self.rng.choice(["signed", "awaiting_interviewer"]))
        targets = {by_employee[e]: t for e, t in wanted.items() if e in by_employee}
        self.forced = set(targets)
        rest = [row[0] for row in rows if row[0] not in targets]
        self.rng.shuffle(rest)
        self.order = {interview_id: n for n, interview_id in enumerate(rest)}
        self.order.update({interview_id: -1 for interview_id in self.forced})
        queue = [t for t, share in LIVE_SHARES for _ in range(max(1, round(share * len(rows))))]
        for interview_id in rest:
            targets[interview_id] = queue.pop(0) if queue else "to_schedule"
        return targets

    # === single interviews ===============================================================

    def singles(self) -> None:
        """Interviews outside campaigns: end of probation, forfait-jours workload, return
        from leave, internal mobility, corrective (confidential)."""
        rng, today, me = self.rng, self.today, self.me
        day = timedelta(days=1)
        staff = [p for p in self.people.values() if p.manager_id is not None and p.hire_date]
        plans, always = [], set()

        def add(type_code, person_id, due, target, lo, hi, created, return_day=None, key=False):
            employee = db.session.get(Employee, person_id)
            interview = services.create_interview(
                self.hr, employee, self.types[type_code], self.version(type_code), due_date=due
            )
            if return_day:
                self.return_days[interview.id] = return_day
            row = (interview.id, type_code, interview.grid_version_id, person_id)
            row += (interview.interviewer_id,)
            created_at = self.at(min(created, today), 9 * 60)
            plans.append(self.plan(row, target, lo, hi, created_at=created_at))
            if key:
                always.add(interview.id)

        # End of probation, planned at hire: held for those whose probation just ended,
        # coming for those whose probation ends soon.
        for person in sorted(staff, key=lambda p: (p.probation_end or date.max, p.id)):
            end = person.probation_end
            if end is None or not today - 25 * day <= end <= today + 120 * day:
                continue
            created = person.hire_date + 3 * day
            if end < today:
                lo = max(person.hire_date + 20 * day, end - 12 * day)
                add("probation_end", person.id, end - 5 * day, "signed", lo, end - day, created)
            elif end <= today + 10 * day:
                add(
                    "probation_end",
                    person.id,
                    end - 5 * day,
                    "scheduled",
                    today + day,
                    end,
                    created,
                )
            else:
                add("probation_end", person.id, end - 5 * day, "to_schedule", today, end, created)
        # Forfait jours: the yearly workload interview (the first one overdue).
        choices = ["signed"] * 11 + ["awaiting_employee"] * 2 + ["scheduled"] * 3
        choices += ["to_schedule"] * 4
        forfait = [p for p in staff if p.forfait and p.hire_date < today - 120 * day]
        for n, person in enumerate(forfait):
            target = "to_schedule" if n == 0 else rng.choice(choices)
            if target == "signed":
                seniority = (today - person.hire_date).days
                held = today - rng.randint(30, min(300, seniority - 30)) * day
                add(
                    "workload",
                    person.id,
                    held + 20 * day,
                    target,
                    held,
                    held + 4 * day,
                    held - 20 * day,
                )
            elif target == "awaiting_employee":
                add(
                    "workload",
                    person.id,
                    today + 10 * day,
                    target,
                    today - 14 * day,
                    today - 6 * day,
                    today - 40 * day,
                )
            elif target == "scheduled":
                add(
                    "workload",
                    person.id,
                    today + 30 * day,
                    target,
                    today + 2 * day,
                    today + 25 * day,
                    today - 20 * day,
                )
            else:
                overdue = n == 0 or rng.random() < 0.5
                due = today - rng.randint(5, 40) * day if overdue else today + 45 * day
                add("workload", person.id, due, target, today, due, min(due, today) - 45 * day)
        # Return from leave: the demo employee's report waits for their signature.
        add(
            "return",
            me["employee"],
            today + 10 * day,
            "awaiting_employee",
            today - 12 * day,
            today - 8 * day,
            today - 26 * day,
            return_day=today - 24 * day,
            key=True,
        )
        demo = set(me.values())
        others = [p for p in staff if p.id not in demo and p.manager_id not in demo]
        rng.shuffle(others)
        n = max(1, len(staff) // 80)
        batches = [others[i * n : (i + 1) * n] for i in range(5)]
        for person in batches[0]:  # back from leave, not seen yet: overdue
            add("return", person.id, today - 6 * day, "to_schedule", today, today, today - 32 * day)
        for person in batches[1]:
            add(
                "return",
                person.id,
                today + 20 * day,
                "signed",
                today - 4 * day,
                today - 2 * day,
                today - 5 * day,
                return_day=today - 4 * day,
            )
        for person in batches[2]:  # internal mobility, decided last month
            add(
                "mobility",
                person.id,
                today - 20 * day,
                "signed",
                today - 50 * day,
                today - 35 * day,
                today - 60 * day,
            )
        for person in batches[3]:
            add(
                "mobility",
                person.id,
                today + 15 * day,
                "in_preparation",
                today + 3 * day,
                today + 12 * day,
                today - 5 * day,
            )
        # Corrective, confidential: one in the demo manager's team, held by them (its
        # follow-up is now overdue), one elsewhere, coming.
        team = sorted(self.reports.get(me["manager"], []), key=lambda p: p.number)
        team = [p for p in team if p.id != me["employee"]]
        if team:
            add(
                "corrective",
                team[-1].id,
                today - 30 * day,
                "signed",
                today - 45 * day,
                today - 38 * day,
                today - 50 * day,
                key=True,
            )
        for person in batches[4]:
            add(
                "corrective",
                person.id,
                today + 10 * day,
                "scheduled",
                today + 2 * day,
                today + 9 * day,
                today - 2 * day,
            )
        self.carry_out(plans, always=always)

    # === carrying plans out ==============================================================

    def carry_out(self, plans: list[_Plan], always: set[int]) -> None:
        """Through the services: the plans in `always`, then others while the budget
        lasts; the rest in bulk."""
        bulk = []
        for plan in plans:
            if plan.id in always or self.service_budget > 0:
                if plan.id not in always and plan.target != "to_schedule":
                    self.service_budget -= 1
                self.through_services(plan)
            else:
                bulk.append(plan)
        db.session.flush()
        self.write_bulk(bulk)

    # --- through the services ---------------------------------------------------------

    def through_services(self, plan: _Plan) -> None:
        hr = self.hr
        interview = db.session.get(Interview, plan.id)
        if plan.created_at is not None:
            interview.created_at = plan.created_at
        manager = self.manager_actor(plan.interviewer_id, plan.employee_id)
        target = plan.target
        if target == "to_schedule":
            return
        if target == "declined":
            services.decline(hr, interview, plan.declined_on, plan.note)
            return
        if plan.start is not None:
            services.schedule(
                manager, interview, plan.start, plan.end, plan.location, plan.video_link
            )
        if target == "cancelled":
            services.cancel(hr, interview, plan.cancel_reason)
            return
        if target == "scheduled":
            return
        if plan.open_preparation:
            services.open_preparation(manager, interview)
        self.write_answers(interview, plan.employee_answers, plan.start - timedelta(days=2))
        if target == "in_preparation":
            db.session.expire(interview, ["answers"])
            return
        services.start(manager, interview)
        interview.held_at = plan.start
        self.write_answers(interview, plan.manager_answers, plan.end)
        for spec, status, comment in plan.reviews:
            objective = db.session.get(Objective, spec["id"])
            blocks.review_objective(manager, interview, objective, status.value, comment)
        for spec in plan.objectives:
            spec["id"] = self._objective(manager, interview, spec, plan.end).id
        for spec in plan.trainings:
            request = blocks.add_training_request(
                manager,
                interview,
                spec["subject"],
                spec["reason"].value,
                spec["priority"],
                spec["wished_period"],
                spec["mandatory"],
            )
            request.created_at = request.updated_at = plan.end
            spec["id"] = request.id
        for spec in plan.actions:
            spec["id"] = self._action(manager, interview, spec, plan.end).id
        db.session.expire(interview, ["answers"])
        if target == "held":
            return
        services.request_signatures(manager, interview)
        if plan.interviewer_signed is not None:
            self.sign_interviewer(interview, plan.interviewer_signed)
        if plan.employee_signed is not None:
            self.sign_employee(interview, plan)

    def write_answers(self, interview: Interview, items: list, when: datetime) -> None:
        """Each answer through `save_answer` as the person who gives it when they have
        an account; an employee's without one is typed in by HR."""
        for q, party, value in items:
            if party == Party.EMPLOYEE and interview.employee_id not in self.users:
                answer = self._typed_answer(interview, q, party, value)
            else:
                actor = (
                    self.users[interview.employee_id]
                    if party == Party.EMPLOYEE
                    else self.manager_actor(interview.interviewer_id, interview.employee_id)
                )
                answer = services.save_answer(actor, interview, q, party, value, 0)
            answer.updated_at = when

    def _typed_answer(self, interview: Interview, question, party: Party, value) -> Answer:
        """What `services.save_answer` writes for a new answer, for someone without an
        account (their paper preparation, typed in by HR)."""
        answer = Answer(
            interview_id=interview.id,
            question_id=question.id,
            party=party,
            value=value,
            version=1,
            updated_by_id=self.hr.id,
        )
        db.session.add(answer)
        audit.record(
            self.hr,
            "answer",
            "interview",
            interview.id,
            after={f"q{question.id}.{party.value}": value},
        )
        return answer

    def _objective(self, actor, interview: Interview, spec: dict, when) -> Objective:
        """`blocks.add_objective`, or its row and event when the target date is already
        past on the real clock."""
        fields = {k: v for k, v in spec.items() if k != "id"}
        if fields["target_date"] is None or fields["target_date"] >= date.today():
            objective = blocks.add_objective(actor, interview, **fields)
        else:
            blocks.require_editable(actor, interview, QuestionKind.NEW_OBJECTIVES)
            objective = Objective(
                employee_id=interview.employee_id,
                interview_id=interview.id,
                status=ObjectiveStatus.OPEN,
                **fields,
            )
            db.session.add(objective)
            db.session.flush()
            after = blocks._objective_snapshot(objective)
            audit.record(actor, "create", "objective", objective.id, after=after)
        objective.created_at = when
        return objective

    def _action(self, actor, interview: Interview, spec: dict, when) -> FollowUpAction:
        """`blocks.add_action`, or its row and event when the due date is already past
        on the real clock (an action now overdue)."""
        owner = db.session.get(Employee, spec["owner_id"]) if spec["owner_id"] else None
        if spec["due_date"] is None or spec["due_date"] >= date.today():
            action = blocks.add_action(actor, interview, spec["what"], owner, spec["due_date"])
        else:
            blocks.require_editable(actor, interview, QuestionKind.DECISIONS)
            action = FollowUpAction(
                interview_id=interview.id,
                what=spec["what"],
                owner_id=spec["owner_id"],
                due_date=spec["due_date"],
                status=ActionStatus.OPEN,
            )
            db.session.add(action)
            db.session.flush()
            after = blocks._action_snapshot(action)
            audit.record(actor, "create", "follow_up_action", action.id, after=after)
        action.created_at = when
        return action

    def sign_interviewer(self, interview: Interview, when: datetime) -> None:
        user = self.users.get(interview.interviewer_id)
        if user is not None:
            signature = services.sign_as_interviewer(user, interview)
        else:
            signature = self._paper_signature(interview, SignatureRole.INTERVIEWER)
        signature.signed_at = when

    def sign_employee(self, interview: Interview, plan: _Plan) -> None:
        user = self.users.get(interview.employee_id)
        args = (plan.comment, plan.disagreement, plan.refused)
        if user is not None:
            signature = services.sign_as_employee(user, interview, *args)
        else:
            signature = self._paper_signature(interview, SignatureRole.EMPLOYEE, *args)
        if interview.status == Status.AWAITING_VALIDATION:  # a type set to need it
            services.validate(self.hr, interview)
        signature.signed_at = interview.locked_at = plan.employee_signed
        interview.copy_available_on = self.local_day(plan.employee_signed)

    def _paper_signature(
        self,
        interview: Interview,
        role: SignatureRole,
        comment: str | None = None,
        disagreement: bool = False,
        refuse: bool = False,
    ) -> Signature:
        """`services.sign_as_interviewer` / `sign_as_employee` for a signer without an
        account: they signed the printed report and HR recorded it."""
        person_id = (
            interview.interviewer_id if role == SignatureRole.INTERVIEWER else interview.employee_id
        )
        signature = Signature(
            role=role,
            user_id=self.hr.id,
            signer_name=self.people[person_id].name,
            content_hash=services.content_hash(interview),
        )
        if role == SignatureRole.INTERVIEWER:
            interview.signatures.append(signature)
            db.session.flush()
            audit.record(
                self.hr,
                "sign_interviewer",
                "interview",
                interview.id,
                after={"content_hash": signature.content_hash},
                reason=PAPER,
            )
            return signature
        signature.comment = (comment or "").strip() or None
        signature.disagreement, signature.refused = disagreement or refuse, refuse
        interview.signatures.append(signature)
        db.session.flush()
        before = interview.snapshot()
        if refuse:
            interview.status, interview.close_reason = Status.CLOSED, self.refusal_reason
            services._lock(interview)
        elif interview.interview_type.extra_validation:
            interview.status = Status.AWAITING_VALIDATION
        else:
            interview.status = Status.SIGNED
            services._lock(interview)
        interview.sequence += 1
        db.session.flush()
        audit.record(
            self.hr,
            "refuse_signature" if refuse else "sign_employee",
            "interview",
            interview.id,
            before=before,
            after=interview.snapshot(),
            reason=f"{PAPER}: {signature.comment}" if signature.comment else PAPER,
        )
        return signature

    # --- in bulk ----------------------------------------------------------------------

    def write_bulk(self, plans: list[_Plan]) -> None:
        """Carry plans out with a few multi-row statements, then write the events the
        services would have written."""
        plans = [p for p in plans if p.target != "to_schedule" or p.created_at is not None]
        if not plans:
            return
        db.session.execute(sa.update(Interview), [self.interview_row(p) for p in plans])
        # Objectives, requests and actions first: their ids are part of what is signed.
        self.insert_with_ids(
            Objective,
            [
                (o, {"employee_id": p.employee_id, "interview_id": p.id, "created_at": p.end})
                for p in plans
                for o in p.objectives
            ],
            status=ObjectiveStatus.OPEN,
        )
        self.insert_with_ids(
            TrainingRequest,
            [
                (
                    t,
                    {
                        "employee_id": p.employee_id,
                        "interview_id": p.id,
                        "created_at": p.end,
                        "updated_at": p.end,
                    },
                )
                for p in plans
                for t in p.trainings
            ],
            status=TrainingStatus.REQUESTED,
        )
        self.insert_with_ids(
            FollowUpAction,
            [(a, {"interview_id": p.id, "created_at": p.end}) for p in plans for a in p.actions],
            status=ActionStatus.OPEN,
        )
        reviews = [
            {
                "id": o["id"],
                "review_status": status,
                "review_comment": comment,
                "reviewed_in_id": p.id,
                # Reviews take effect when the interview is locked.
                "status": status if p.employee_signed else ObjectiveStatus.OPEN,
            }
            for p in plans
            for o, status, comment in p.reviews
        ]
        if reviews:
            db.session.execute(sa.update(Objective), reviews)
        answers = [
            {
                "interview_id": p.id,
                "question_id": q.id,
                "party": party,
                "value": value,
                "version": 1,
                "updated_by_id": getattr(
                    self.employee_actor(p.employee_id)
                    if party == Party.EMPLOYEE
                    else self.manager_actor(p.interviewer_id, p.employee_id),
                    "id",
                    None,
                ),
                "updated_at": p.end if party != Party.EMPLOYEE else p.start - timedelta(days=2),
            }
            for p in plans
            for q, party, value in (*p.employee_answers, *p.manager_answers)
        ]
        if answers:
            db.session.execute(sa.insert(Answer).execution_options(render_nulls=True), answers)
        signatures = []
        for p in plans:
            if p.interviewer_signed is None:
                continue
            p.digest = _hash(self.content(p))
            signatures.append(self.signature_row(p, SignatureRole.INTERVIEWER))
            if p.employee_signed is not None:
                signatures.append(self.signature_row(p, SignatureRole.EMPLOYEE))
        if signatures:
            db.session.execute(
                sa.insert(Signature).execution_options(render_nulls=True), signatures
            )
        for p in plans:
            self.events(p)
            if p.objectives:
                self.open_objectives[p.employee_id] = p.objectives
        self.flush_events()
        _forget(Interview, Objective, TrainingRequest, FollowUpAction)

    def interview_row(self, p: _Plan) -> dict:
        steps = [p.start is not None, p.open_preparation, p.target in HELD_OR_LATER]
        steps += [p.target in SENT_FOR_SIGNATURE, p.employee_signed is not None]
        steps += [p.target in ("cancelled", "declined")]
        locked = p.employee_signed
        return {
            "id": p.id,
            "status": p.final,
            "sequence": sum(steps),
            "created_at": p.created_at,
            "updated_at": locked or p.end or p.created_at,
            "scheduled_start": p.start,
            "scheduled_end": p.end,
            "location": p.location,
            "video_link": p.video_link,
            "held_at": p.start if p.target in HELD_OR_LATER else None,
            "locked_at": locked,
            "copy_available_on": self.local_day(locked) if locked else None,
            "close_reason": self.refusal_reason if p.refused else None,
            "declined_on": p.declined_on,
            "cancel_reason": p.cancel_reason,
        }

    def signature_row(self, p: _Plan, role: SignatureRole) -> dict:
        person_id = p.interviewer_id if role == SignatureRole.INTERVIEWER else p.employee_id
        user = self.users.get(person_id)
        employee = role == SignatureRole.EMPLOYEE
        return {
            "interview_id": p.id,
            "role": role,
            "user_id": user.id if user else self.hr.id,
            "signer_name": self.people[person_id].name,
            "signed_at": p.employee_signed if employee else p.interviewer_signed,
            "content_hash": p.digest,
            "comment": p.comment if employee else None,
            "disagreement": p.disagreement if employee else False,
            "refused": p.refused if employee else False,
        }

    def insert_with_ids(self, model, items: list[tuple], status) -> None:
        """Insert rows (spec, extra columns) and give each spec its new id, in order."""
        if not items:
            return
        last = db.session.scalar(sa.select(sa.func.max(model.id))) or 0
        rows = [
            {k: v for k, v in spec.items() if k != "id"} | extra | {"status": status}
            for spec, extra in items
        ]
        # render_nulls: one batch, in order (None columns would otherwise split it).
        db.session.execute(sa.insert(model).execution_options(render_nulls=True), rows)
        ids = db.session.scalars(
            sa.select(model.id).where(model.id > last).order_by(model.id)
        ).all()
        for (spec, _extra), new_id in zip(items, ids, strict=True):
            spec["id"] = new_id

    def content(self, p: _Plan) -> dict:
        """What `services.content_of` returns for this interview once written."""
        answers = [*p.employee_answers, *p.manager_answers]
        return {
            "interview": p.id,
            "employee": p.employee_id,
            "interviewer": p.interviewer_id,
            "grid_version": p.version_id,
            "answers": sorted(
                ([q.id, party.value, value] for q, party, value in answers),
                key=lambda r: (r[0], r[1]),
            ),
            "objectives": [
                [
                    o["id"],
                    o["title"],
                    o["description"],
                    o["indicator"],
                    str(o["target_date"]),
                    o["weight"],
                ]
                for o in sorted(p.objectives, key=lambda o: o["id"])
            ],
            "reviews": [
                [o["id"], str(status), comment]
                for o, status, comment in sorted(p.reviews, key=lambda r: r[0]["id"])
            ],
            "trainings": [
                [
                    t["id"],
                    t["subject"],
                    str(t["reason"]),
                    t["priority"],
                    t["wished_period"],
                    t["mandatory"],
                ]
                for t in p.trainings
            ],
            "actions": [[a["id"], a["what"], a["owner_id"], str(a["due_date"])] for a in p.actions],
        }

    def event(self, actor, *entry) -> None:
        self.pending.append((actor, entry))

    def events(self, p: _Plan) -> None:
        """The events the services would have written for this plan, in order."""
        ev, hr = self.event, self.hr
        manager = self.manager_actor(p.interviewer_id, p.employee_id)
        status = Status.TO_SCHEDULE
        if p.target == "declined":
            ev(
                hr,
                "decline",
                "interview",
                p.id,
                _status(status, declined_on=None),
                _status(Status.DECLINED, declined_on=p.declined_on),
                p.note,
            )
            return
        if p.start is not None:
            ev(
                manager,
                "schedule",
                "interview",
                p.id,
                _status(status, scheduled_start=None, scheduled_end=None)
                | {"location": None, "video_link": None},
                _status(Status.SCHEDULED, scheduled_start=p.start, scheduled_end=p.end)
                | {"location": p.location, "video_link": p.video_link},
                None,
            )
            status = Status.SCHEDULED
        if p.target == "cancelled":
            ev(
                hr,
                "cancel",
                "interview",
                p.id,
                _status(status, cancel_reason=None),
                _status(Status.CANCELLED, cancel_reason=p.cancel_reason),
                p.cancel_reason,
            )
            return
        if p.open_preparation:
            ev(
                manager,
                "open_preparation",
                "interview",
                p.id,
                _status(status),
                _status(Status.IN_PREPARATION),
                None,
            )
            status = Status.IN_PREPARATION
        employee = self.employee_actor(p.employee_id)
        for q, party, value in p.employee_answers:
            ev(employee, "answer", "interview", p.id, None, {f"q{q.id}.{party.value}": value}, None)
        if p.target not in HELD_OR_LATER:
            return
        ev(manager, "start", "interview", p.id, _status(status), _status(Status.HELD), None)
        for q, party, value in p.manager_answers:
            ev(manager, "answer", "interview", p.id, None, {f"q{q.id}.{party.value}": value}, None)
        for o, review, comment in p.reviews:
            before = {"review_status": None, "review_comment": None, "reviewed_in_id": None}
            after = {
                "review_status": review.value,
                "review_comment": comment,
                "reviewed_in_id": p.id,
            }
            ev(manager, "review", "objective", o["id"], before, after, None)
        for o in p.objectives:
            ev(manager, "create", "objective", o["id"], None, self.objective_snapshot(o, p), None)
        for t in p.trainings:
            ev(
                manager,
                "create",
                "training_request",
                t["id"],
                None,
                self.training_snapshot(t, p),
                None,
            )
        for a in p.actions:
            ev(
                manager,
                "create",
                "follow_up_action",
                a["id"],
                None,
                self.action_snapshot(a, p),
                None,
            )
        if p.target not in SENT_FOR_SIGNATURE:
            return
        ev(
            manager,
            "request_signatures",
            "interview",
            p.id,
            _status(Status.HELD),
            _status(Status.AWAITING_SIGNATURE),
            None,
        )
        if p.interviewer_signed is None:
            return
        signer = self.users.get(p.interviewer_id)
        after = {"content_hash": p.digest}
        ev(
            signer or hr,
            "sign_interviewer",
            "interview",
            p.id,
            None,
            after,
            None if signer else PAPER,
        )
        if p.employee_signed is None:
            return
        signer = self.users.get(p.employee_id)
        reason = p.comment if signer else (f"{PAPER}: {p.comment}" if p.comment else PAPER)
        ev(
            signer or hr,
            "refuse_signature" if p.refused else "sign_employee",
            "interview",
            p.id,
            _status(Status.AWAITING_SIGNATURE, copy_available_on=None, close_reason=None),
            _status(
                p.final,
                copy_available_on=self.local_day(p.employee_signed),
                close_reason=self.refusal_reason if p.refused else None,
            ),
            reason,
        )
        for o, review, _comment in p.reviews:  # they take effect as it is locked
            ev(
                signer or hr,
                "apply_review",
                "objective",
                o["id"],
                {"status": ObjectiveStatus.OPEN.value},
                {"status": review.value},
                f"interview {p.id} locked",
            )

    def objective_snapshot(self, o: dict, p: _Plan) -> dict:
        fields = ("title", "description", "indicator", "target_date", "weight")
        return (
            {"employee_id": p.employee_id, "interview_id": p.id}
            | {k: o[k] for k in fields}
            | {"status": ObjectiveStatus.OPEN.value}
        )

    def training_snapshot(self, t: dict, p: _Plan, **changes) -> dict:
        return {
            "employee_id": p.employee_id,
            "interview_id": p.id,
            "subject": t["subject"],
            "reason": t["reason"].value,
            "priority": t["priority"],
            "wished_period": t["wished_period"],
            "mandatory": t["mandatory"],
            "status": TrainingStatus.REQUESTED.value,
            "status_note": None,
            "done_on": None,
        } | changes

    def action_snapshot(self, a: dict, p: _Plan, **changes) -> dict:
        return {
            "interview_id": p.id,
            "what": a["what"],
            "owner_id": a["owner_id"],
            "due_date": a["due_date"],
            "status": ActionStatus.OPEN.value,
            "done_at": None,
            "done_by_id": None,
        } | changes

    def flush_events(self) -> None:
        """Write the pending events in order, one record_many per run of one actor."""
        run_actor, run = None, []
        for actor, entry in self.pending:
            if run and (actor is not run_actor or len(run) >= EVENT_CHUNK):
                record_many(run_actor, run)
                run = []
            run_actor = actor
            run.append(entry)
        if run:
            record_many(run_actor, run)
        self.pending = []

    # === what became of training requests and actions ===================================

    def training_path(self, last_year: bool, n: int) -> list[TrainingStatus]:
        """The moves HR made on a request: older ones were completed or refused; last
        year's are in every state (the first five cover them all)."""
        if not last_year:
            if self.rng.random() < 0.2:
                return [TrainingStatus.REFUSED]
            return [TrainingStatus.APPROVED, TrainingStatus.DONE]
        outcomes = ["done", "refused", "planned", "approved", "requested"]
        outcome = outcomes[n] if n < len(outcomes) else None
        outcome = outcome or self.rng.choices(outcomes, weights=[30, 15, 20, 15, 20])[0]
        return {
            "done": [TrainingStatus.APPROVED, TrainingStatus.PLANNED, TrainingStatus.DONE],
            "refused": [TrainingStatus.REFUSED],
            "planned": [TrainingStatus.APPROVED, TrainingStatus.PLANNED],
            "approved": [TrainingStatus.APPROVED],
            "requested": [],
        }[outcome]

    def settle(self, plans: list[_Plan], last_year: bool) -> None:
        """HR moved the training requests on and owners completed their actions: for
        last year's, through the services while the budget lasts; older ones in bulk."""
        rng, hr = self.rng, self.hr
        limit = self.today - timedelta(days=1)
        budget = SERVICE_FOLLOW_UPS if last_year else 0
        manager_id, manager_kept = self.me["manager"], False
        trainings, actions = [], []
        n = 0
        for p in plans:
            day = self.local_day(p.start)
            for t in p.trainings:
                path = self.training_path(last_year, n)
                n += 1
                done_on = min(day + timedelta(days=rng.randint(45, 300)), limit)
                notes = [
                    rng.choice(texts.TRAINING_NOTES[s])
                    if s == TrainingStatus.REFUSED
                    else texts.TRAINING_NOTES.get(s)
                    for s in path
                ]
                if path and budget > 0:
                    budget -= 1
                    request = db.session.get(TrainingRequest, t["id"])
                    for status, note in zip(path, notes, strict=True):
                        self._training_move(
                            request,
                            status,
                            note,
                            done_on if status == TrainingStatus.DONE else None,
                        )
                    continue
                snapshot = self.training_snapshot(t, p)
                for status, note in zip(path, notes, strict=True):
                    after = snapshot | {"status": status.value}
                    if note is not None:
                        after["status_note"] = note
                    if status == TrainingStatus.DONE:
                        after["done_on"] = done_on
                    self.event(hr, "set_status", "training_request", t["id"], snapshot, after, note)
                    snapshot = after
                if path:
                    trainings.append(
                        {
                            "id": t["id"],
                            "status": path[-1],
                            "status_note": snapshot["status_note"],
                            "done_on": snapshot["done_on"],
                            "updated_at": self.at(min(done_on, limit), 11 * 60),
                        }
                    )
            for a in p.actions:
                if last_year and a["owner_id"] == manager_id and not manager_kept:
                    manager_kept = True  # the demo manager still owes this one
                    continue
                if rng.random() >= (0.55 if last_year else 0.96):
                    continue  # still open: overdue
                done_day = min(a["due_date"] - timedelta(days=rng.randint(0, 12)), limit)
                done_at = self.at(max(done_day, day + timedelta(days=1)), 16 * 60)
                user = self.users.get(a["owner_id"])
                if budget > 0:
                    budget -= 1
                    action = db.session.get(FollowUpAction, a["id"])
                    blocks.complete_action(
                        user if user and blocks.can_complete(user, action) else hr, action
                    )
                    action.done_at = done_at
                    continue
                user = user or hr
                before = self.action_snapshot(a, p)
                after = before | {
                    "status": ActionStatus.DONE.value,
                    "done_at": done_at,
                    "done_by_id": user.id,
                }
                self.event(user, "complete", "follow_up_action", a["id"], before, after, None)
                actions.append(
                    {
                        "id": a["id"],
                        "status": ActionStatus.DONE,
                        "done_at": done_at,
                        "done_by_id": user.id,
                    }
                )
        db.session.flush()
        if trainings:
            db.session.execute(sa.update(TrainingRequest), trainings)
        if actions:
            db.session.execute(sa.update(FollowUpAction), actions)
        self.flush_events()
        _forget(TrainingRequest, FollowUpAction)

    def _training_move(self, request, status: TrainingStatus, note, done_on=None) -> None:
        """`blocks.set_training_status`, or its row change and event when the completion
        date is after the real today (a demo dated in the future)."""
        if done_on is None or done_on <= date.today():
            blocks.set_training_status(self.hr, request, status.value, note, done_on)
        else:
            before = blocks._training_snapshot(request)
            request.status, request.done_on = status, done_on
            db.session.flush()
            after = blocks._training_snapshot(request)
            audit.record(self.hr, "set_status", "training_request", request.id, before, after)
        request.updated_at = self.at(min(done_on or self.today, self.today), 11 * 60)


def _forget(*models) -> None:
    """Expire the objects of these classes held by the session: bulk statements went
    around them (the session lives on in tests, across requests)."""
    for obj in list(db.session.identity_map.values()):
        if isinstance(obj, models):
            db.session.expire(obj)


@contextmanager
def _large_page_cache():
    """SQLite keeps 2 MB of pages by default: the indexes of a history of several
    hundred megabytes then go back and forth to disk. A larger cache while building,
    on this connection only, restored afterwards."""
    if db.session.get_bind().dialect.name != "sqlite":
        yield
        return
    before = db.session.execute(sa.text("PRAGMA cache_size")).scalar()
    db.session.execute(sa.text("PRAGMA cache_size = -262144"))  # 256 MiB
    try:
        yield
    finally:
        db.session.execute(sa.text(f"PRAGMA cache_size = {int(before)}"))


def build_history(today: date, seed: int, years: int, accounts: dict[str, str]) -> dict:
    """Write the demo company's history in the current transaction (the caller
    commits): `years` past years of campaigns (annual every year, career every other
    year from last year on), this year's annual campaign in progress, single
    interviews, and what became of last year's training requests and actions.
    Returns the number of interviews by status."""
    history = _History(today, seed, accounts)
    with _large_page_cache():
        for years_ago in range(years, 0, -1):
            year = history.window(years_ago, "annual").opens.year
            if years_ago % 2 == 1:
                history.past_campaign("career", years_ago, f"Entretiens professionnels {year}")
            history.past_campaign("annual", years_ago, f"Entretiens annuels {year}")
        history.live_campaign()
        history.singles()
        history.settle(history.last_year, last_year=True)
        db.session.flush()
    return {
        Status(status).value: count
        for status, count in db.session.execute(
            sa.select(Interview.status, sa.func.count()).group_by(Interview.status)
        )
    }
