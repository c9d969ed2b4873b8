"""The school census days of an academic year, and the next one from a given day.

The DfE sets three census days a year: autumn on the first Thursday of October, spring on the
third Thursday of January and summer on the third Thursday of May (DfE school census guide,
"census dates"; for example 6 October 2022, 19 January 2023 and 18 May 2023, and summer 2026 on
21 May 2026, as local authorities publish them). The DfE announces each year's dates; where it
ever moves one, the published date wins over this rule.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

#: Where the rule comes from, printed beside every census day.
RULE = "DfE school census guide: census dates"

#: (season, month, which Thursday of the month)
_SEASONS = (("Autumn", 10, 1), ("Spring", 1, 3), ("Summer", 5, 3))


@dataclass(frozen=True)
class CensusDay:
    season: str  # "Autumn", "Spring" or "Summer"
    on: date

    @property
    def label(self) -> str:
        return f"{self.season} census day"


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``th ``weekday`` (Monday 0 .. Sunday 6) of a month."""
    first = date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    found = first + timedelta(days=offset + 7 * (n - 1))
    if found.month != month:
        raise ValueError(f"{calendar.month_name[month]} {year} has no {n}th such day")
    return found


def census_days(academic_year: int) -> tuple[CensusDay, ...]:
    """The autumn, spring and summer census days of the year starting in September of
    ``academic_year``."""
    days = []
    for season, month, n in _SEASONS:
        year = academic_year if month >= 9 else academic_year + 1
        days.append(CensusDay(season, nth_weekday(year, month, calendar.THURSDAY, n)))
    return tuple(days)


def next_census_day(today: date) -> CensusDay:
    """The first census day on or after ``today``."""
    start = today.year - 1
    for academic_year in (start, start + 1):
        for day in census_days(academic_year):
            if day.on >= today:
                return day
    raise AssertionError("a census day always falls within two academic years")
