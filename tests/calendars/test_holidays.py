"""French public holidays: the days and names Parcours computes are those of the
maintained `holidays` library, which Parcours no longer imports at run time (it loads
~300 countries to give one)."""

from datetime import date

import holidays as reference
import pytest
from flask_babel import force_locale

from hr.calendars.holidays import SUBDIVISIONS, day_name, holidays_of, public_holidays
from hr.core.settings import update_settings

YEARS = range(1984, 2061)


def computed(subdivision: str) -> dict[date, str]:
    return {day: day_name(names) for year in YEARS for day, names in holidays_of(year, subdivision)}


@pytest.mark.parametrize("subdivision", list(SUBDIVISIONS))
@pytest.mark.parametrize("locale,language", [("fr", "fr"), ("en", "en_US")])
def test_same_days_and_names_as_the_holidays_library(app, subdivision, locale, language):
    expected = reference.country_holidays(
        "FR", subdiv=subdivision or None, years=YEARS, language=language
    )
    with app.test_request_context(), force_locale(locale):
        assert computed(subdivision) == dict(expected.items())


def test_known_days(app):
    with app.test_request_context(), force_locale("fr"):
        days = {day: day_name(names) for day, names in holidays_of(2008, "")}
        # Ascension fell on 1 May in 2008; Pentecost Monday was worked 2005–2007.
        assert days[date(2008, 5, 1)] == "Ascension; Fête du Travail"
        assert date(2006, 6, 5) not in dict(holidays_of(2006, ""))
        assert dict(holidays_of(2026, "57"))[date(2026, 4, 3)]  # Good Friday in Moselle
        assert date(2026, 4, 3) not in dict(holidays_of(2026, ""))


def test_public_holidays_span_years_and_follow_the_setting(company, app):
    with app.test_request_context(), force_locale("fr"):
        found = public_holidays(date(2026, 12, 20), date(2027, 1, 1))
        assert found == {date(2026, 12, 25): "Noël", date(2027, 1, 1): "Jour de l'an"}
        update_settings(None, {"holiday_subdivision": "974"})
        found = public_holidays(date(2026, 12, 20), date(2027, 1, 1))
        assert found[date(2026, 12, 20)] == "Abolition de l'esclavage"
        assert date(2026, 12, 26) not in found
