"""Calendar arithmetic for the pages: months as weeks (Monday first, as in France),
parsing the periods found in URLs, previous and next."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

MIN_YEAR, MAX_YEAR = 1970, 2100
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEKS = calendar.Calendar(firstweekday=calendar.MONDAY)


def parse_month(text: str) -> date | None:
    """'2026-12' → date(2026, 12, 1); None when it is not a real month in range."""
    match = _MONTH.match(text or "")
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return None
    return date(year, month, 1)


def parse_day(text: str | None) -> date | None:
    """'2026-12-03' → date; None when empty, malformed or out of range."""
    if not text or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    return day if MIN_YEAR <= day.year <= MAX_YEAR else None


def valid_year(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_end(first: date) -> date:
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def add_months(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def weeks(first: date) -> list[list[date | None]]:
    """The month as weeks of seven days, Monday first; None outside the month."""
    return [
        [day if day.month == first.month else None for day in week]
        for week in _WEEKS.monthdatescalendar(first.year, first.month)
    ]


def week_days(first_monday: date | None = None) -> list[date]:
    """Seven dates Monday to Sunday, for the column headers."""
    monday = first_monday or date(2024, 1, 1)  # a Monday
    return [monday + timedelta(days=i) for i in range(7)]


def in_range(day: date) -> bool:
    return MIN_YEAR <= day.year <= MAX_YEAR
