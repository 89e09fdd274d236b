"""French public holidays (jours fériés), by the rules of the law.

The eleven national ones (Code du travail, art. L3133-1), Easter-based ones from
`dateutil`'s Easter; Pentecost Monday was not a holiday from 2005 to 2007 (loi du
30 juin 2004, journée de solidarité). The company setting `holiday_subdivision` adds
the local ones: Alsace and Moselle keep Good Friday and 26 December (droit local,
art. L3134-13), the overseas departments the abolition of slavery (loi n° 83-550 du
30 juin 1983) and their own days. Names follow the page's language.

Days and names are those of the `holidays` library, which the test suite compares
them with for 1984–2060 (tests/calendars/test_holidays.py). We do not import it at
run time: its `countries` package loads all of its ~300 countries to give one, about
12 MiB in every worker.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter
from flask_babel import lazy_gettext as _l

from hr.core.settings import get_setting

# Setting value → label; "" is metropolitan France without local holidays.
SUBDIVISIONS = {
    "": _l("Metropolitan France"),
    "6AE": _l("Alsace (Bas-Rhin, Haut-Rhin)"),
    "57": _l("Moselle"),
    "971": _l("Guadeloupe"),
    "972": _l("Martinique"),
    "973": _l("French Guiana"),
    "974": _l("Réunion"),
    "976": _l("Mayotte"),
}

GOOD_FRIDAY = _l("Good Friday")
ABOLITION = _l("Abolition of Slavery")
SCHOELCHER = _l("Victor Schoelcher Day")
DROIT_LOCAL = (("easter", -2, GOOD_FRIDAY), ("fixed", (12, 26), _l("Saint Stephen's Day")))

# ("easter", days after Easter Sunday) or ("fixed", (month, day)).
NATIONAL = (
    ("fixed", (1, 1), _l("New Year's Day")),
    ("easter", 1, _l("Easter Monday")),
    ("easter", 50, _l("Pentecost Monday")),
    ("fixed", (5, 1), _l("Labor Day")),
    ("fixed", (5, 8), _l("Victory Day")),
    ("easter", 39, _l("Ascension Day")),
    ("fixed", (7, 14), _l("National Day")),
    ("fixed", (8, 15), _l("Assumption Day")),
    ("fixed", (11, 1), _l("All Saints' Day")),
    ("fixed", (11, 11), _l("Armistice Day")),
    ("fixed", (12, 25), _l("Christmas Day")),
)
LOCAL = {
    "": (),
    "6AE": DROIT_LOCAL,
    "57": DROIT_LOCAL,
    "971": (
        ("easter", -2, GOOD_FRIDAY),
        ("easter", -24, _l("Mi-Careme")),
        ("fixed", (5, 27), ABOLITION),
        ("fixed", (7, 21), SCHOELCHER),
    ),
    "972": (("fixed", (5, 22), ABOLITION), ("fixed", (7, 21), SCHOELCHER)),
    "973": (("fixed", (6, 10), ABOLITION),),
    "974": (("fixed", (12, 20), ABOLITION),),
    "976": (("fixed", (4, 27), ABOLITION),),
}
SOLIDARITY_YEARS = (2005, 2006, 2007)  # Pentecost Monday worked


@lru_cache(maxsize=128)
def holidays_of(year: int, subdivision: str = "") -> tuple[tuple[date, tuple], ...]:
    """(day, names) of the year's public holidays in `subdivision` (a key of
    SUBDIVISIONS), in calendar order; names are lazy strings (see `day_name`)."""
    sunday = easter(year)
    found: dict[date, list] = {}
    for kind, when, name in NATIONAL + LOCAL[subdivision]:
        if kind == "easter":
            if when == 50 and year in SOLIDARITY_YEARS:
                continue
            day = sunday + timedelta(days=when)
        else:
            day = date(year, *when)
        found.setdefault(day, []).append(name)
    return tuple((day, tuple(names)) for day, names in sorted(found.items()))


def day_name(names) -> str:
    """A day's name in the page's language: its holidays' names in alphabetical order
    ("Ascension; Fête du Travail" on 1 May 2008), as the `holidays` library writes it."""
    return "; ".join(sorted({str(name) for name in names}))


def public_holidays(start: date, end: date) -> dict[date, str]:
    """Day → name of the public holidays from `start` to `end` (both included)."""
    subdivision = get_setting("holiday_subdivision") or ""
    if subdivision not in SUBDIVISIONS:
        subdivision = ""
    return {
        day: day_name(names)
        for year in range(start.year, end.year + 1)
        for day, names in holidays_of(year, subdivision)
        if start <= day <= end
    }
