"""Date arithmetic for statutory clocks.

Conventions (SEND-RULES.md): days are calendar days; "N weeks after D" is D + 7N days;
"N months after D" keeps the day of the month, clamped to the month's last day
(31 January + 1 month = 28 or 29 February). Academic years run 1 September to 31 August.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import cache

import holidays


def weeks_after(start: date, weeks: int) -> date:
    return start + timedelta(days=7 * weeks)


def months_after(start: date, months: int) -> date:
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def period_last_day(start: date, months: int) -> date:
    """The last day of the period of ``months`` months starting with ``start``: the day before
    the corresponding date, or the last day of the month where there is no corresponding date
    (12 months starting with 29/02/2024 end on 28/02/2025)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    if start.day > last:
        return date(year, month, last)
    return date(year, month, start.day) - timedelta(days=1)


def academic_year_of(day: date) -> int:
    """The calendar year in which ``day``'s academic year began (2026-11-22 -> 2026)."""
    return day.year if day.month >= 9 else day.year - 1


def academic_year_bounds(day: date) -> tuple[date, date]:
    """1 September to 31 August of the academic year ``day`` falls in."""
    year = academic_year_of(day)
    return date(year, 9, 1), date(year + 1, 8, 31)


@cache
def _bank_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a bank holiday in England and Wales."""
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def first_working_day_from(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day
