"""Dated scenarios: each one names the rule (and article) it checks. Pure engine, no
database: the facts are built by hand."""

from __future__ import annotations

from datetime import date

import pytest

from hr.compliance import rules
from hr.compliance.engine import DECLINED
from hr.compliance.models import LeaveType
from hr.compliance.penalty import exposure
from hr.people.models import ContractType
from tests.compliance.helpers import facts, held, of_kind, owed, person

D = date


@pytest.mark.parametrize(
    ("hire", "at", "due", "status"),
    [
        # L6315-1 I (2025): first interview within 12 months of hire.
        (D(2026, 1, 31), D(2026, 6, 1), D(2027, 1, 31), "upcoming"),
        # exactly 12 months, from the last day of February of a leap year
        (D(2028, 2, 29), D(2028, 3, 1), D(2029, 2, 28), "upcoming"),
        # the due day itself is still "due soon"; the day after is overdue
        (D(2025, 11, 30), D(2026, 11, 30), D(2026, 11, 30), "due_soon"),
        (D(2025, 11, 30), D(2026, 12, 1), D(2026, 11, 30), "overdue"),
        # 31 days before the due date: still "upcoming"
        (D(2025, 12, 31), D(2026, 11, 30), D(2026, 12, 31), "upcoming"),
        # L6315-1 I (2014, transition): hired before the reform, the 2-year deadline stays
        (D(2024, 2, 29), D(2025, 1, 1), D(2026, 2, 28), "upcoming"),
    ],
)
def test_first_career_interview(hire, at, due, status):
    first = of_kind(owed(person(hire=hire), at=at), "career_first")
    assert [(o.due_date, o.status) for o in first] == [(due, status)]
    assert first[0].reference == "L6315-1 I"


@pytest.mark.parametrize(
    ("held_on", "next_due", "status"),
    [
        # Transition (Ministry Q&A 2026): a 2-year deadline still running on
        # 26 October 2025 becomes 4 years from the last interview: 2023 → 2027.
        (D(2023, 12, 1), D(2027, 12, 1), "upcoming"),
        (D(2023, 10, 26), D(2027, 10, 26), "upcoming"),  # due on the reform day: running
        # a deadline missed before the reform stays missed (2 years: 25 Oct 2025)
        (D(2023, 10, 25), D(2025, 10, 25), "overdue"),
        # L6315-1 I (2025): 4 years after an interview held under the new law
        (D(2026, 2, 28), D(2030, 2, 28), "upcoming"),
    ],
)
def test_periodic_career_interview_and_transition(held_on, next_due, status):
    f = facts(held("career", D(2021, 2, 1)), held("career", held_on))
    periodic = of_kind(owed(person(hire=D(2020, 3, 2)), f), "career_periodic")
    assert periodic[-1].due_date == next_due
    assert periodic[-1].status == status
    # the interview held counts for the obligation before it, by its id
    assert periodic[-2].status == "done" and periodic[-2].done_on == held_on


def test_interval_setting_shortens_the_cycle():
    """L6315-1 I: an agreement may set less than 4 years (setting, 48 at most)."""
    f = facts(held("career", D(2026, 1, 15)))
    periodic = of_kind(owed(person(hire=D(2020, 3, 2)), f, interval_months=24), "career_periodic")
    assert periodic[-1].due_date == D(2028, 1, 15)


def test_declined_interview_keeps_the_offer_date():
    """An interview the employee declined: `declined`, with the date of the offer."""
    f = facts(held("career", D(2021, 2, 1)), held("career", D(2025, 1, 10), DECLINED))
    periodic = of_kind(owed(person(hire=D(2020, 3, 2)), f), "career_periodic")
    assert periodic[0].status == "declined"
    assert periodic[0].offered_on == D(2025, 1, 10)


MATERNITY = (LeaveType.MATERNITY, D(2026, 1, 5), D(2026, 5, 31))  # back on 1 June 2026


@pytest.mark.parametrize(
    ("leave", "last_interview", "always_parental", "status", "why"),
    [
        # L6315-1 I: offered on return; due a month after the return (1 July)
        (MATERNITY, None, True, "overdue", "career_return"),
        # 12-month exception … but maternity always gets the offer (L1225-27, setting)
        (MATERNITY, D(2025, 9, 1), True, "overdue", "career_return"),
        # setting off: the interview 9 months before the return exempts it
        (MATERNITY, D(2025, 9, 1), False, "done", "return_exempt"),
        # sabbatical: exempt by an interview exactly 12 months before the return
        (
            (LeaveType.SABBATICAL, D(2025, 12, 1), D(2026, 5, 31)),
            D(2025, 6, 1),
            True,
            "done",
            "return_exempt",
        ),
        # one day more than 12 months: owed
        (
            (LeaveType.SABBATICAL, D(2025, 12, 1), D(2026, 5, 31)),
            D(2025, 5, 31),
            True,
            "overdue",
            "career_return",
        ),
    ],
)
def test_return_from_leave(leave, last_interview, always_parental, status, why):
    events = [held("career", D(2021, 2, 1))]
    if last_interview:
        events.append(held("career", last_interview))
    f = facts(*events, absences=[leave])
    ret = of_kind(
        owed(person(), f, at=D(2026, 7, 2), always_parental=always_parental), "career_return"
    )
    assert [(o.due_date, o.status, o.why) for o in ret] == [(D(2026, 7, 1), status, why)]


def test_return_interview_held_after_return_counts():
    f = facts(held("career", D(2026, 6, 20)), absences=[MATERNITY])
    (ret,) = of_kind(owed(person(), f, at=D(2026, 7, 2)), "career_return")
    assert ret.status == "done" and ret.done_on == D(2026, 6, 20)


def test_long_sick_leave_return():
    """L6315-1 I: arrêt longue maladie (CSS L324-1); no medical detail, only dates."""
    f = facts(absences=[(LeaveType.LONG_SICK_LEAVE, D(2025, 12, 1), D(2026, 3, 31))])
    (ret,) = of_kind(owed(person(), f, at=D(2026, 6, 1)), "career_return")
    assert (ret.due_date, ret.status) == (D(2026, 5, 1), "overdue")
    assert ret.detail["leave_type"] == "long_sick_leave"


def test_long_sick_leave_still_running_owes_nothing_yet_and_old_one_is_an_alert():
    from hr.compliance.engine import Params, alerts

    f = facts(absences=[(LeaveType.LONG_SICK_LEAVE, D(2025, 1, 10), None)])
    assert of_kind(owed(person(), f), "career_return") == []
    codes = [a.code for a in alerts(person(), f, Params(), D(2026, 11, 26))]
    assert "open_absence" in codes


def test_secured_mobility_only_from_300_employees():
    """L6315-1 I / L1222-12: voluntary secured mobility only in companies ≥ 300."""
    f = facts(absences=[(LeaveType.SECURED_MOBILITY, D(2025, 11, 1), D(2026, 4, 30))])
    assert of_kind(owed(person(), f, headcount=299), "career_return") == []
    assert len(of_kind(owed(person(), f, headcount=300), "career_return")) == 1


@pytest.mark.parametrize(
    ("absences", "due"),
    [
        # L6315-1 II: hired 15 Jan 2020 → 6 years would fall after the reform: 8 years
        ([], D(2028, 1, 15)),
        # a 181-day sabbatical (1 Jan–30 Jun 2022) stops the clock: 181 days later
        ([(LeaveType.SABBATICAL, D(2022, 1, 1), D(2022, 6, 30))], D(2028, 7, 14)),
        # maternity leave counts as working time: no shift
        ([(LeaveType.MATERNITY, D(2022, 1, 1), D(2022, 6, 30))], D(2028, 1, 15)),
        # full-time parental education leave counts for half (L1225-54): 90.5 → 91 days
        ([(LeaveType.PARENTAL, D(2022, 1, 1), D(2022, 6, 30))], D(2028, 4, 15)),
    ],
)
def test_eight_year_review_clock(absences, due):
    f = facts(absences=absences)
    reviews = of_kind(owed(person(hire=D(2020, 1, 15)), f), "career_review")
    assert reviews[0].due_date == due
    assert reviews[0].regime == "2025" and reviews[0].reference == "L6315-1 II"


def test_review_under_the_2014_law_before_the_reform():
    """L6315-1 II (2014): 6 years, the cycle starting on 7 March 2014 at the earliest."""
    reviews = of_kind(owed(person(hire=D(2018, 5, 2))), "career_review")
    assert (reviews[0].due_date, reviews[0].regime) == (D(2024, 5, 2), "2014")
    # the next one, 8 years of seniority later
    assert reviews[1].due_date == D(2032, 5, 2)


def test_mid_career_interview_two_months_after_the_visit():
    """L6315-1 I (2025), L4624-2-2: within 2 months after the visit (turning 45)."""
    p = person(birth=D(1981, 3, 31), visit_on=D(2026, 3, 31))
    (mid,) = of_kind(owed(p, at=D(2026, 4, 15)), "career_mid")
    assert (mid.due_date, mid.status) == (D(2026, 5, 31), "upcoming")
    f = facts(held("career", D(2026, 4, 20)))
    (mid,) = of_kind(owed(p, f, at=D(2026, 6, 1)), "career_mid")
    assert mid.status == "done"


def test_turning_45_without_a_visit_date_is_an_alert():
    from hr.compliance.engine import Params, alerts

    p = person(birth=D(1981, 7, 1), visit_on=None)
    codes = [a.code for a in alerts(p, facts(), Params(), D(2026, 11, 26))]
    assert "no_mid_career_visit" in codes
    assert of_kind(owed(p), "career_mid") == []


def test_turning_58_opens_the_before_60_window():
    """L6315-1 I (2025): in the 2 years before the 60th birthday (29 Feb birthday)."""
    p = person(birth=D(1968, 2, 29))
    (pre60,) = of_kind(owed(p, at=D(2026, 6, 1)), "career_pre60")
    assert pre60.window_start == D(2026, 2, 28)
    assert pre60.due_date == D(2028, 2, 28)  # the day before the 60th birthday
    assert pre60.status == "upcoming"
    # an interview held before the window does not count
    f = facts(held("career", D(2025, 12, 1)))
    assert of_kind(owed(p, f, at=D(2026, 6, 1)), "career_pre60")[0].status == "upcoming"


def test_not_yet_57_no_before_60_interview_shown():
    assert of_kind(owed(person(birth=D(1970, 1, 1))), "career_pre60") == []


def test_forfait_jours_yearly_workload():
    """L3121-64: at least one workload interview a year."""
    p = person(hire=D(2024, 1, 31), forfait=True)
    f = facts(held("workload", D(2025, 1, 20)))
    workload = of_kind(owed(p, f, at=D(2026, 2, 1)), "workload")
    assert [(o.due_date, o.status) for o in workload] == [
        (D(2025, 1, 31), "done"),
        (D(2026, 1, 20), "overdue"),
    ]


def test_workload_counted_from_2016_for_older_contracts():
    """L3121-65 (loi n° 2016-1088): the yearly interview, first due a year after
    10 August 2016 for days-based contracts older than that."""
    (first,) = of_kind(owed(person(hire=D(2009, 5, 4), forfait=True)), "workload")
    assert (first.due_date, first.status) == (D(2017, 8, 10), "overdue")


@pytest.mark.parametrize(
    ("hire", "end", "due"),
    [
        # L1221-25: 4-month probation: on 1 Dec (3 months of presence) 2 weeks still do
        (D(2026, 9, 1), D(2026, 12, 31), D(2026, 12, 1)),
        # 2-month probation: 2 weeks' notice
        (D(2026, 9, 1), D(2026, 10, 31), D(2026, 10, 17)),
        # 10-day trial: 24 h while under 8 days of presence
        (D(2026, 9, 1), D(2026, 9, 10), D(2026, 9, 8)),
        # 6 months: a month's notice
        (D(2026, 1, 31), D(2026, 7, 31), D(2026, 6, 30)),
    ],
)
def test_end_of_probation_leaves_room_for_the_notice(hire, end, due):
    assert rules.probation_interview_due(hire, end) == due
    p = person(hire=hire, probation_end=end)
    (probation,) = of_kind(owed(p, at=hire), "probation_end")
    assert probation.due_date == due


def test_fixed_term_contract_end():
    p = person(hire=D(2026, 3, 1), contract_type=ContractType.CDD, contract_end=D(2026, 12, 31))
    (end,) = of_kind(owed(p, at=D(2026, 12, 5)), "contract_end")
    assert (end.due_date, end.status) == (D(2026, 12, 31), "due_soon")


def test_mandate_end_share_rule():
    """L2141-5: below 2,000 employees only with ≥ 30 % delegation hours."""
    mandate = (D(2022, 1, 1), D(2026, 6, 30))
    f_low = facts(mandates=[(*mandate, 20)])
    f_high = facts(mandates=[(*mandate, 30)])
    assert of_kind(owed(person(), f_low), "career_mandate_end") == []
    assert of_kind(owed(person(), f_low, headcount=2000), "career_mandate_end") != []
    (end,) = of_kind(owed(person(), f_high), "career_mandate_end")
    assert end.due_date == D(2026, 7, 30)


def test_hire_information():
    """L6315-1 I: told at hire; not recorded → overdue."""
    (info,) = of_kind(owed(person(hire=D(2026, 5, 4), info_given_on=None)), "hire_information")
    assert (info.due_date, info.status) == (D(2026, 5, 4), "overdue")
    (info,) = of_kind(owed(person(hire=D(2026, 5, 4))), "hire_information")
    assert info.status == "done"


def test_only_counted_interviews_are_done():
    """An interview counts only when held with its report: signed or closed with copy."""
    from hr.compliance.loading import _event
    from hr.interviews.models import Status

    row = [1, 1, "career", None, "2026-03-02", None, None, None, "2026-02-01"]

    def state(status, copy=None):
        row[3], row[5] = status.value, copy
        event = _event(tuple(row))
        return (event.state, event.on) if event else None

    assert state(Status.SIGNED) == ("held", D(2026, 3, 2))
    assert state(Status.CLOSED, "2026-03-05") == ("held", D(2026, 3, 2))
    assert state(Status.CLOSED) is None  # closed without the copy given: not counted
    assert state(Status.AWAITING_SIGNATURE) == ("open", D(2026, 3, 2))
    assert state(Status.DECLINED) == ("declined", D(2026, 2, 1))
    assert state(Status.CANCELLED) is None


# --- penalty: L6323-13, R6323-3, Cass. soc. 21 January 2026 -----------------------------


def _penalty(interviews: bool, training: bool, headcount: int = 120):
    hire = D(2018, 1, 15)  # 6-year review on 15 January 2024 (2014 law)
    events = [
        held("career", D(2020, 1, 10)),
        held("career", D(2022, 1, 5)),
        held("career_review", D(2024, 1, 10)),  # the review is itself a career interview
    ]
    events = events if interviews else []
    items = owed(person(hire=hire), facts(*events), at=D(2024, 2, 1), headcount=headcount)
    review = of_kind(items, "career_review")[0]
    trainings = [(D(2021, 5, 3), False)] if training else [(D(2021, 5, 3), True)]
    return exposure(review, items, trainings, headcount, D(2024, 2, 1))


def test_penalty_when_both_conditions_hold():
    item = _penalty(interviews=False, training=False)
    assert item.amount == 3000
    assert item.review_day == D(2024, 1, 15)
    assert item.due_by == D(2024, 6, 30)  # last day of the quarter after the review
    assert item.missing


@pytest.mark.parametrize(("interviews", "training"), [(True, False), (False, True)])
def test_no_penalty_when_only_one_condition_holds(interviews, training):
    assert _penalty(interviews, training) is None


def test_no_penalty_under_50_employees():
    assert _penalty(interviews=False, training=False, headcount=49) is None


@pytest.mark.parametrize(
    ("day", "deadline"),
    [
        (D(2026, 11, 15), D(2027, 3, 31)),
        (D(2026, 3, 31), D(2026, 6, 30)),
        (D(2024, 2, 29), D(2024, 6, 30)),
        (D(2026, 12, 31), D(2027, 3, 31)),
    ],
)
def test_payment_deadline_is_the_end_of_the_following_quarter(day, deadline):
    assert rules.quarter_end_after(day) == deadline
