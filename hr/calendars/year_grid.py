"""The year view's 365 day cells, prepared in Python: the template then only writes
them (a cell's classes and spoken label written by Jinja cost three times as much)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from flask_babel import ngettext

from hr.calendars import periods
from hr.i18n import day_writer


@dataclass(slots=True)
class DayCell:
    day: date
    css: str  # weekend, holiday, today, has-int, has-dl
    url: str
    label: str  # for screen readers: the full date, the counts, the holiday
    holiday: str | None
    interviews: int
    deadlines: int


def months(
    year: int, counts: dict, holidays: dict[date, str], today: date, day_url: Callable
) -> list[tuple[date, list[list[DayCell | None]]]]:
    """(first day, weeks of cells — None outside the month) for each month of `year`;
    `counts` maps a day to its `events.DayCount`."""
    grid, write = [], day_writer("full")
    for first in (date(year, month, 1) for month in range(1, 13)):
        weeks = [[_cell(d, counts, holidays, today, day_url, write) if d else None for d in week]
                 for week in periods.weeks(first)]  # fmt: skip
        grid.append((first, weeks))
    return grid


def _cell(
    day: date, counts: dict, holidays: dict, today: date, day_url: Callable, write: Callable
) -> DayCell:
    count = counts.get(day)
    interviews = count.interviews if count else 0
    deadlines = count.deadlines if count else 0
    holiday = holidays.get(day)
    css = "weekend" if day.isoweekday() > 5 else ""
    label = write(day)
    if holiday:
        css += " holiday"
    if day == today:
        css += " today"
    if interviews:
        css += " has-int"
        label += ", " + ngettext("%(num)d interview", "%(num)d interviews", interviews)
    if deadlines:
        css += " has-dl"
        label += ", " + ngettext("%(num)d deadline", "%(num)d deadlines", deadlines)
    if holiday:
        label += f", {holiday}"
    return DayCell(day, css, day_url(day), label, holiday, interviews, deadlines)
