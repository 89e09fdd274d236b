"""The compliance dashboard: HR sees the company, a manager their team — counts of
obligations overdue and due within 30 / 90 days by kind and by department, the list
with filters, and from a selection: create the interviews, or add them to a campaign."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from operator import attrgetter

import sqlalchemy as sa
from flask import abort, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from hr.campaigns.models import Campaign, CampaignStatus
from hr.compliance import bp, rules, services, texts
from hr.compliance.loading import DUE_DATE, evaluate, evaluate_cached
from hr.db import db
from hr.htmx import render
from hr.people import org
from hr.people.models import Department, Employee, normalize
from hr.security import can, require

STATUSES = ("open", "overdue", "due_soon", "upcoming", "declined", "done")
WITHIN = {"30": 30, "90": 90, "365": 365, "all": None}
KEY = re.compile(r"^(\d{1,12}):([a-z0-9_]{1,40}):(\d{4}-\d{2}-\d{2})$")


def scope(user):
    """Whose obligations the user sees here: everyone for HR, else their reports."""
    if user.is_hr:
        return sa.true()
    return Employee.id.in_(org.reports_below(user.employee_id))


def scoped_evaluation(user):
    """The evaluation of the user's scope as of today (cached until the next change)."""
    key = "all" if user.is_hr else ("team", user.employee_id)
    return evaluate_cached(date.today(), key, scope(user))


TOP_DEPARTMENTS = 12


@dataclass
class Filters:
    kind: str = ""
    status: str = "open"
    within: str = "90"
    department_id: int | None = None
    q: str = ""
    page: int = 1

    @classmethod
    def from_args(cls, args) -> Filters:
        kind = args.get("kind", "")
        status = args.get("status", "open")
        within = args.get("within", "90")
        try:
            department_id = int(args["department"]) if args.get("department") else None
            page = max(1, min(int(args.get("page", 1)), 100_000))
        except ValueError:
            department_id, page = None, 1
        return cls(
            kind=kind if kind in rules.KINDS else "",
            status=status if status in STATUSES else "open",
            within=within if within in WITHIN else "90",
            department_id=department_id,
            q=(args.get("q") or "").strip()[:100],
            page=page,
        )

    def as_args(self) -> dict:
        args = {"kind": self.kind, "status": self.status, "within": self.within, "q": self.q}
        if self.department_id:
            args["department"] = self.department_id
        return {k: v for k, v in args.items() if v}

    def departments(self) -> set[int] | None:
        """The filtered department and everything below it (one query), or None."""
        if not self.department_id:
            return None
        return set(db.session.scalars(org.department_subtree(self.department_id)))

    @property
    def narrows(self) -> bool:
        """Filters other than status and period (those pick the open list's range)."""
        return bool(self.kind or self.department_id or self.q)

    def keep(self, ob, person, today: date, departments: set[int] | None) -> bool:
        if departments is not None and person.department_id not in departments:
            return False
        if self.kind and ob.kind != self.kind:
            return False
        if self.status == "open":
            if not ob.is_open:
                return False
        elif ob.status != self.status:
            return False
        days = WITHIN[self.within]
        if days is not None and ob.is_open and ob.due_date > today + timedelta(days=days):
            return False
        if self.q:
            needle = normalize(self.q)
            return needle in normalize(person.name) or needle in person.number.lower()
        return True


def counts(obligations: Sequence, today: date, key) -> dict:
    """{group: [overdue, within 30 days, within 90 days]} of open obligations in due
    date order, none due after 90 days (a range of `Evaluation.open_by_due`): the three
    figures are counts over three slices of it."""
    start = bisect_left(obligations, today, key=DUE_DATE)
    soon_end = bisect_right(obligations, today + timedelta(days=30), key=DUE_DATE)
    overdue = Counter(map(key, obligations[:start]))
    soon = Counter(map(key, obligations[start:soon_end]))
    within = Counter(map(key, obligations[start:]))
    return {group: [overdue[group], soon[group], within[group]] for group in overdue | within}


def _name(department) -> str:
    return department.name if department is not None else ""


@bp.get("/")
@login_required
def index():
    """Counts, then the list (the htmx request for filters gets the list alone)."""
    require(current_user, "compliance.view")
    filters = Filters.from_args(request.args)
    today = date.today()
    result = scoped_evaluation(current_user)
    people = result.people
    departments = {  # rows, not entities: a large company has hundreds
        d.id: d
        for d in db.session.execute(
            sa.select(Department.id, Department.name).order_by(Department.name)
        )
    }
    subtree = filters.departments()

    def kept(obligations):
        return [o for o in obligations if filters.keep(o, people[o.employee_id], today, subtree)]

    if filters.status == "open":  # the usual view: a range of the sorted open list
        days = WITHIN[filters.within]
        rows = result.open_due_between(None, None if days is None else today + timedelta(days=days))
        if filters.narrows:
            rows = kept(rows)
    else:  # done, declined…: the few that match, then sorted
        rows = sorted(kept(result.obligations), key=result.due_order)
    size = current_app.config["PAGE_SIZE"]
    pages = max(1, -(-len(rows) // size))
    page = min(filters.page, pages)
    # The counts are about open obligations due within 90 days (or overdue).
    in_scope = [
        o
        for o in result.open_due_between(None, today + timedelta(days=90))
        if subtree is None or people[o.employee_id].department_id in subtree
    ]
    by_department = sorted(
        counts(in_scope, today, lambda o: people[o.employee_id].department_id).items(),
        key=lambda item: (*(-n for n in item[1]), _name(departments.get(item[0])), item[0] or 0),
    )
    return render(
        "compliance/index.html",
        "compliance/_results.html",
        filters=filters,
        rows=rows[(page - 1) * size : page * size],
        total=len(rows),
        page=page,
        pages=pages,
        people=people,
        departments=departments,
        by_kind=counts(in_scope, today, attrgetter("kind")),
        by_department=by_department[:TOP_DEPARTMENTS],
        more_departments=max(0, len(by_department) - TOP_DEPARTMENTS),
        alerts=len(result.alerts),
        params=result.params,
        campaigns=services.running_campaigns() if can(current_user, "campaigns.manage") else [],
        texts=texts,
        kinds=rules.KINDS,
        today=today,
    )


def parse_keys(values) -> list[tuple[int, str, date]]:
    keys = []
    for value in values[:500]:
        match = KEY.match(value or "")
        if not match:
            abort(400)
        try:
            keys.append((int(match[1]), match[2], date.fromisoformat(match[3])))
        except ValueError:
            abort(400)
    return keys


def selected_obligations(user, keys):
    """The open obligations behind the keys, re-computed now, among those the user sees."""
    ids = {k[0] for k in keys}
    result = evaluate(date.today(), sa.and_(scope(user), Employee.id.in_(ids)), with_alerts=False)
    by_key = {(o.employee_id, o.kind, o.due_date): o for o in result.obligations}
    return [by_key.get(k) for k in keys if k in by_key], len(keys) - sum(k in by_key for k in keys)


@bp.post("/interviews")
@login_required
def create_interviews():
    """Create the selected obligations' interviews, or add them to a running campaign."""
    require(current_user, "compliance.view")
    keys = parse_keys(request.form.getlist("key"))
    back = url_for(
        "compliance.index",
        **{
            k: v
            for k, v in request.form.items()
            if k in ("kind", "status", "within", "department", "q")
        },
    )
    if not keys:
        flash(_("Select at least one obligation."), "error")
        return redirect(back, 303)
    obligations, gone = selected_obligations(current_user, keys)
    if request.form.get("action") == "campaign":
        require(current_user, "campaigns.manage")
        try:
            campaign_id = int(request.form.get("campaign_id", ""))
        except ValueError:
            flash(_("Choose the campaign."), "error")
            return redirect(back, 303)
        campaign = db.session.get(Campaign, campaign_id)
        if campaign is None or campaign.status != CampaignStatus.LAUNCHED:
            abort(404)
        result = services.add_to_campaign(current_user, campaign, obligations)
        message = ngettext(
            "%(num)d person added to the campaign.",
            "%(num)d people added to the campaign.",
            len(result.created),
        )
    else:
        result = services.create_interviews(current_user, obligations)
        message = ngettext(
            "%(num)d interview created.", "%(num)d interviews created.", len(result.created)
        )
    db.session.commit()
    flash(message, "success" if result.created else "info")
    for problem in result.problems[:10]:
        flash(problem, "error")
    if gone:
        flash(_("Some obligations changed in the meantime: reload the list."), "info")
    return redirect(back, 303)


@bp.get("/alerts")
@login_required
def alerts():
    """Data-quality alerts: whom the engine cannot judge, and why."""
    require(current_user, "compliance.view")
    result = scoped_evaluation(current_user)
    return render(
        "compliance/alerts.html",
        alerts=sorted(result.alerts, key=lambda a: (result.people[a.employee_id].name, a.code)),
        people=result.people,
        texts=texts,
        params=result.params,
    )
