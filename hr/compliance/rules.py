"""The French rules on legal interviews, as data with effective dates plus small pure
functions (no database, no clock): each says which article of the Code du travail it
implements. See ../shared/design/LEGAL.md.

Two regimes: the 2014 one (loi n° 2014-288: a career interview every 2 years, the
review every 6 years, no 12-month exception on return from leave) and the current one
(loi n° 2025-989, art. 3, in force since 26 October 2025: first interview within
12 months of hire, then every 4 years at most, the review every 8 years, the mid-career
and before-60 interviews). History is judged by the rules of its time; deadlines still
running on 26 October 2025 follow the transition rule (Ministry Q&A, February 2026).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from hr.compliance.models import LeaveType

DAY = timedelta(days=1)


# --- calendar arithmetic -------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """`day` plus whole months; the 31st (or 29 February) becomes the month's last day.
    Hired on 29 February 2024: 12 months later is 28 February 2025."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    dom = day.day
    if dom > 28:  # called tens of thousands of times per evaluation: no calendar call
        dom = min(dom, _month_days(year, month))
    return date(year, month, dom)


_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_days(year: int, month: int) -> int:
    if month == 2 and calendar.isleap(year):
        return 29
    return _DAYS[month - 1]


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


def quarter_end_after(day: date) -> date:
    """The last day of the calendar quarter following the one of `day` (R6323-3)."""
    quarter = (day.month - 1) // 3
    first_of_next = date(day.year + (quarter + 1) // 4, ((quarter + 1) % 4) * 3 + 1, 1)
    return add_months(first_of_next, 3) - DAY


# --- the dated rule sets --------------------------------------------------------------


@dataclass(frozen=True)
class RuleSet:
    code: str
    effective_from: date
    first_interview_months: int  # from the hire date
    periodic_months: int  # the longest interval allowed
    review_years: int  # seniority between two reviews
    return_exception_months: int | None  # no interview owed if one was held this recently
    age_based: bool  # mid-career and before-60 interviews


REFORM_DAY = date(2025, 10, 26)
LAW_2014 = RuleSet("2014", date(2014, 3, 7), 24, 24, 6, None, False)
LAW_2025 = RuleSet("2025", REFORM_DAY, 12, 48, 8, 12, True)
RULE_SETS = (LAW_2014, LAW_2025)

# The 2014 cycle began on 7 March 2014 for people already employed; the first 6-year
# reviews (7 March 2020) were postponed to 30 June 2021 (ordonnance n° 2020-1501).
CYCLE_START = date(2014, 3, 7)
FIRST_REVIEWS_POSTPONED_TO = date(2021, 6, 30)

DUE_SOON_DAYS = 30
RETURN_DUE_MONTHS = 1  # the law sets no delay after a return: Parcours asks for one month
MANDATE_DUE_MONTHS = 1
MID_CAREER_DUE_MONTHS = 2  # after the occupational-health visit (L6315-1 I)
PRE60_WINDOW_YEARS = 2
HORIZON_YEARS = 1  # age-based interviews appear a year before their window opens
WORKLOAD_MONTHS = 12  # L3121-64: at least once a year
WORKLOAD_SINCE = date(2016, 8, 10)  # loi n° 2016-1088: the yearly interview of L3121-65
PENALTY_AMOUNT = 3000  # euros, R6323-3
PENALTY_HEADCOUNT = 50  # L6323-13
SECURED_MOBILITY_HEADCOUNT = 300  # L1222-12
MANDATE_SHARE_HEADCOUNT = 2000  # L2141-5: below it, only with ≥ 30 % delegation hours
MANDATE_MIN_SHARE = 30

# Leaves after which a career interview is offered on return (L6315-1 I).
RETURN_LEAVES = frozenset(
    {
        LeaveType.MATERNITY,
        LeaveType.PARENTAL,
        LeaveType.PARENTAL_PART_TIME,
        LeaveType.FAMILY_CARER,
        LeaveType.ADOPTION,
        LeaveType.SABBATICAL,
        LeaveType.SECURED_MOBILITY,
        LeaveType.LONG_SICK_LEAVE,
    }
)
# L1225-27 / L1225-57 (uncertain): the offer may be owed after these whatever the
# 12-month exception says; the setting `return_always_offer_parental` decides.
PARENTAL_LEAVES = frozenset({LeaveType.MATERNITY, LeaveType.PARENTAL, LeaveType.PARENTAL_PART_TIME})
# Share of a leave's days NOT counted as seniority for the 8-year review: suspensions
# that are not working time stop the clock (L6315-1 II); full-time parental education
# leave counts for half (L1225-54).
SENIORITY_EXCLUDED = {
    LeaveType.UNPAID: 1.0,
    LeaveType.SABBATICAL: 1.0,
    LeaveType.SECURED_MOBILITY: 1.0,
    LeaveType.OTHER_SUSPENSION: 1.0,
    LeaveType.PARENTAL: 0.5,
}

# Legal reference of each kind of obligation.
REFERENCES = {
    "hire_information": "L6315-1 I",
    "career_first": "L6315-1 I",
    "career_periodic": "L6315-1 I",
    "career_return": "L6315-1 I",
    "career_mid": "L6315-1 I, L4624-2-2",
    "career_pre60": "L6315-1 I",
    "career_mandate_end": "L2141-5, L6315-1 I",
    "career_review": "L6315-1 II",
    "workload": "L3121-64, L3121-65",
    "probation_end": "L1221-25",
    "contract_end": "L1243-1 s. (usage)",
}
KINDS = tuple(REFERENCES)
CAREER_KINDS = frozenset(k for k in KINDS if k.startswith("career_") and k != "career_review")


def rule_set_on(day: date) -> RuleSet:
    """The rule set in force on `day`."""
    current = LAW_2014
    for rules in RULE_SETS:
        if rules.effective_from <= day:
            current = rules
    return current


# --- one function per rule --------------------------------------------------------------


def first_interview_due(hire: date) -> date:
    """L6315-1 I: the first career interview within 12 months of hire (since
    26 October 2025); under the 2014 law, 2 years after hire. A first deadline still
    running on 26 October 2025 keeps its date: the transition moves deadlines counted
    from an interview held, and this one is counted from the hire."""
    return add_months(hire, rule_set_on(hire).first_interview_months)


def next_periodic_due(last: date, interval_months: int) -> date:
    """L6315-1 I: every 4 years at most (`interval_months` ≤ 48, an agreement may set
    less). Transition: a 2-year deadline of the 2014 law still running on 26 October
    2025 becomes 4 years (the interval) from the last interview held; a deadline missed
    before that day stays missed."""
    if last >= REFORM_DAY:
        return add_months(last, interval_months)
    old = add_months(last, LAW_2014.periodic_months)
    return old if old < REFORM_DAY else add_months(last, interval_months)


def return_due(return_day: date) -> date:
    """L6315-1 I: the interview is offered on return from the listed leaves; Parcours
    asks for it within a month of the return."""
    return add_months(return_day, RETURN_DUE_MONTHS)


def return_exempted(
    leave: LeaveType, return_day: date, last_interview: date | None, always_parental: bool
) -> bool:
    """L6315-1 I (2025): no return interview when a career interview took place in the
    12 months before the return — except, if the setting says so, after maternity or
    parental leave (L1225-27, L1225-57). The 2014 law had no such exception."""
    months = rule_set_on(return_day).return_exception_months
    if months is None or last_interview is None or last_interview >= return_day:
        return False
    if always_parental and leave in PARENTAL_LEAVES:
        return False
    return last_interview >= add_months(return_day, -months)


def return_owed(leave: LeaveType, headcount: int) -> bool:
    """L6315-1 I: the listed leaves; a voluntary secured mobility period only in
    companies of 300 or more (L1222-12)."""
    if leave not in RETURN_LEAVES:
        return False
    return leave != LeaveType.SECURED_MOBILITY or headcount >= SECURED_MOBILITY_HEADCOUNT


def mandate_end_owed(delegation_share: int, headcount: int) -> bool:
    """L2141-5: at the end of a mandate, an interview listing the skills acquired;
    below 2,000 employees only when delegation hours are ≥ 30 % of working time."""
    return headcount >= MANDATE_SHARE_HEADCOUNT or delegation_share >= MANDATE_MIN_SHARE


def mid_career_due(visit: date) -> date | None:
    """L6315-1 I (2025): a career interview within 2 months after the mid-career
    occupational-health visit (L4624-2-2). Visits before the reform create none."""
    if visit < REFORM_DAY:
        return None
    return add_months(visit, MID_CAREER_DUE_MONTHS)


def mid_career_visit_year(birth: date, age: int) -> int:
    """L4624-2-2: the visit takes place in the calendar year of the 45th birthday
    (or the age a branch agreement sets)."""
    return birth.year + age


def pre60_window(birth: date) -> tuple[date, date] | None:
    """L6315-1 I (2025): a career interview in the 2 years before the 60th birthday,
    on end-of-career topics. Returns (window start, due date: the day before the
    birthday), or None when the birthday came before the reform."""
    sixtieth = add_years(birth, 60)
    if sixtieth <= REFORM_DAY:
        return None
    return add_years(birth, 60 - PRE60_WINDOW_YEARS), sixtieth - DAY


def seniority_reached(hire: date, years: int, suspensions) -> date:
    """L6315-1 II: the day seniority, in completed years, reaches `years` — suspensions
    that are not working time stop the clock. `suspensions`: (start, end, share not
    counted) with `end` inclusive."""
    base = add_years(hire, years)
    if not suspensions:
        return base
    day = base
    for _ in range(20):
        excluded = 0.0
        for start, end, share in suspensions:
            lo, hi = max(start, hire), min(end, day)
            if hi >= lo:
                excluded += ((hi - lo).days + 1) * share
        later = base + timedelta(days=int(excluded + 0.999))
        if later == day:
            break
        day = later
    return day


def review_dues(hire: date, suspensions, until: date) -> list[tuple[date, RuleSet]]:
    """L6315-1 II: the review every 8 years of seniority (6 under the 2014 law, whose
    cycle began on 7 March 2014; the first ones were postponed to 30 June 2021). A
    6-year review still to come on 26 October 2025 becomes an 8-year one. Returns the
    due dates up to the first one after `until`."""
    start = max(hire, CYCLE_START)
    result, years = [], 0
    for _ in range(10):
        old = seniority_reached(start, years + LAW_2014.review_years, suspensions)
        if old < REFORM_DAY:
            due, rules = old, LAW_2014
            if due < FIRST_REVIEWS_POSTPONED_TO:
                due = FIRST_REVIEWS_POSTPONED_TO
        else:
            rules = LAW_2025
            due = seniority_reached(start, years + rules.review_years, suspensions)
        years += rules.review_years
        result.append((due, rules))
        if due > until:
            break
    return result


def workload_due(last: date) -> date:
    """L3121-64, L3121-65: at least one interview a year for a days-based contract
    (forfait jours) on workload, organisation, work/life balance and pay — counted, for
    the first one, from the hire or from 10 August 2016 (loi n° 2016-1088)."""
    return add_months(max(last, WORKLOAD_SINCE), WORKLOAD_MONTHS)


def probation_interview_due(hire: date, probation_end: date) -> date:
    """L1221-25: ending a probation needs notice — 24 h under 8 days of presence,
    48 h from 8 days to 1 month, 2 weeks after 1 month, 1 month after 3 months — and
    the notice cannot extend the probation. The interview must be held by the last day
    on which the notice then owed still fits before the probation ends."""
    regimes = (
        (hire, hire + 7 * DAY, lambda d: d - DAY),
        (hire + 8 * DAY, add_months(hire, 1), lambda d: d - 2 * DAY),
        (add_months(hire, 1) + DAY, add_months(hire, 3), lambda d: d - 14 * DAY),
        (add_months(hire, 3) + DAY, date.max, lambda d: add_months(d, -1)),
    )
    candidates = [
        min(back(probation_end), last)
        for first, last, back in regimes
        if back(probation_end) >= first
    ]
    candidates = [c for c in candidates if c >= hire] or [hire]
    return max(candidates)


def penalty_exposed(headcount: int, missing_interviews: bool, other_training: bool) -> bool:
    """L6323-13, R6323-3: in companies of 50 or more, €3,000 to the CPF when over the
    8 years the employee had neither the required interviews nor any non-mandatory
    training — both conditions together (Cass. soc. 21 January 2026, n° 24-12.972)."""
    return headcount >= PENALTY_HEADCOUNT and missing_interviews and not other_training


def status(due: date, at: date, done: bool = False, declined: bool = False) -> str:
    """done / declined / overdue (after the due date) / due_soon (within 30 days) /
    upcoming."""
    if done:
        return "done"
    if declined:
        return "declined"
    if at > due:
        return "overdue"
    if (due - at).days <= DUE_SOON_DAYS:
        return "due_soon"
    return "upcoming"
