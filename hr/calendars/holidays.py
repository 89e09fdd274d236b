"""French public holidays (jours fériés), from the maintained `holidays` library.

The company setting `holiday_subdivision` adds the local ones: Alsace and Moselle keep
Good Friday and 26 December (droit local), the overseas departments their abolition of
slavery days. Names follow the page's language.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import holidays as holidays_lib
from flask_babel import get_locale
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


@lru_cache(maxsize=64)
def _holidays(years: tuple[int, ...], subdivision: str, language: str) -> dict[date, str]:
    found = holidays_lib.country_holidays(
        "FR", subdiv=subdivision or None, years=years, language=language
    )
    return dict(found.items())


def _language() -> str:
    locale = get_locale()
    return "fr" if locale is None or locale.language == "fr" else "en_US"


def public_holidays(start: date, end: date) -> dict[date, str]:
    """Day → name of the public holidays from `start` to `end` (both included)."""
    subdivision = get_setting("holiday_subdivision") or ""
    if subdivision not in SUBDIVISIONS:
        subdivision = ""
    years = tuple(range(start.year, end.year + 1))
    return {
        d: n for d, n in _holidays(years, subdivision, _language()).items() if start <= d <= end
    }
