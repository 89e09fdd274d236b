"""What people read about obligations: the kind, the status, and why it is owed —
the rule in plain words with its article of the Code du travail."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

KIND_LABELS = {
    "hire_information": _l("Information at hire"),
    "career_first": _l("First career interview"),
    "career_periodic": _l("Periodic career interview"),
    "career_return": _l("Career interview on return from leave"),
    "career_mid": _l("Mid-career interview"),
    "career_pre60": _l("Career interview before 60"),
    "career_mandate_end": _l("Career interview at the end of a mandate"),
    "career_review": _l("8-year career review (état des lieux récapitulatif)"),
    "workload": _l("Forfait-jours workload interview"),
    "probation_end": _l("End-of-probation interview"),
    "contract_end": _l("End-of-contract interview"),
}

STATUS_LABELS = {
    "done": _l("Done"),
    "upcoming": _l("Upcoming"),
    "due_soon": _l("Due within 30 days"),
    "overdue": _l("Overdue"),
    "declined": _l("Declined by the employee"),
}

WHY = {
    "hire_info": _l(
        "At hire, the employee is told that a career interview will take place "
        "(Code du travail L6315-1 I). Record the date the information was given."
    ),
    "career_first": _l(
        "A first career interview within 12 months of hire since 26 October 2025, "
        "2 years under the earlier law (L6315-1 I)."
    ),
    "career_first_transition": _l(
        "First career interview: the deadline set under the earlier law keeps its date "
        "(L6315-1 I, transition)."
    ),
    "career_periodic": _l(
        "A career interview at least every %(months)d months after the previous one "
        "(L6315-1 I; 4 years at most, an agreement may set less)."
    ),
    "career_periodic_transition": _l(
        "Counted from the previous interview, held before 26 October 2025: a 2-year "
        "deadline still running on that day becomes 4 years from it; a deadline missed "
        "before stays missed (L6315-1 I, transition)."
    ),
    "career_return": _l(
        "A career interview is offered on return from this leave (L6315-1 I); it may "
        "take place before the return at the employee's request."
    ),
    "return_exempt": _l(
        "Not required on this return: a career interview took place in the 12 months "
        "before it (L6315-1 I)."
    ),
    "career_mid": _l(
        "A career interview within 2 months after the mid-career occupational-health "
        "visit (L6315-1 I, L4624-2-2)."
    ),
    "career_pre60": _l(
        "A career interview in the 2 years before the 60th birthday, on end-of-career "
        "topics (L6315-1 I)."
    ),
    "career_mandate_end": _l(
        "At the end of a staff or union mandate, a career interview that lists the "
        "skills acquired (L2141-5)."
    ),
    "career_review_2025": _l(
        "Every 8 years of seniority (suspensions not counted as working time stop the "
        "clock), a review of the career interviews, training, certifications and "
        "progression (L6315-1 II)."
    ),
    "career_review_2014": _l(
        "Review after 6 years of seniority under the earlier law (L6315-1 II, "
        "version before 26 October 2025)."
    ),
    "workload": _l(
        "Days-based contract (forfait jours): at least one interview a year on workload, "
        "organisation, work/life balance and pay (L3121-64, L3121-65)."
    ),
    "probation_end": _l(
        "Held early enough for the notice an employer owes to end a probation: 24 h, "
        "48 h, 2 weeks or 1 month depending on the time spent (L1221-25)."
    ),
    "contract_end": _l(
        "Before a fixed-term contract ends: review of the period and what comes next "
        "(usual practice, not required by law)."
    ),
}

ALERTS = {
    "no_hire_date": _l("No hire date: no legal interview can be computed."),
    "no_birth_date": _l(
        "No birth date: the mid-career and before-60 interviews cannot be planned."
    ),
    "no_manager": _l("No manager (or the manager has left): nobody to hold the interviews."),
    "open_absence": _l("An absence started more than a year ago has no end date."),
    "no_mid_career_visit": _l(
        "Mid-career occupational-health visit due this year or last (age %(age)d): record "
        "its date (only the date)."
    ),
}


def why(ob, params) -> str:
    """The rule behind an obligation, in plain words."""
    text = str(WHY[ob.why])
    return text % {"months": params.interval_months} if "%(months)d" in text else text


def alert_text(alert, params) -> str:
    text = str(ALERTS[alert.code])
    return text % {"age": params.mid_career_age} if "%(age)d" in text else text
