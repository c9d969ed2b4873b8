"""The school's term dates in the clock: school days, holidays and long closures.

A term is a (first day, last day) span, both school days. Days outside every term are holidays;
weekends and bank holidays inside a term are not school days either.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from sencodesk.domain.clock.calendar import is_working_day

Term = tuple[date, date]

#: Reg 5(4)(a) and 10(4)(a): a school "closed for a continuous period of not less than 4 weeks".
LONG_CLOSURE_DAYS = 28
#: ... advice asked "during a period beginning one week before" the closure "and ending one week
#: before the date on which it re-opens".
CLOSURE_MARGIN = timedelta(weeks=1)


@dataclass(frozen=True)
class Closure:
    """The school closed from ``first_day`` and re-opening on ``reopens``."""

    first_day: date
    reopens: date

    @property
    def days(self) -> int:
        return (self.reopens - self.first_day).days


def _sorted(terms: Sequence[Term]) -> list[Term]:
    return sorted(terms)


def in_term(day: date, terms: Sequence[Term]) -> bool:
    return any(start <= day <= end for start, end in terms)


def is_school_day(day: date, terms: Sequence[Term]) -> bool:
    return in_term(day, terms) and is_working_day(day)


def covers(day: date, terms: Sequence[Term]) -> bool:
    """Whether the term dates entered reach this day (before the first term or after the last,
    the school's calendar is unknown and nothing is moved)."""
    ordered = _sorted(terms)
    return bool(ordered) and ordered[0][0] <= day <= ordered[-1][1]


def last_school_day_on_or_before(day: date, terms: Sequence[Term]) -> date:
    """``day`` if the school is open that day, else the last school day before it. Unchanged
    where the term dates do not reach that far."""
    if not covers(day, terms):
        return day
    earliest = _sorted(terms)[0][0]
    moved = day
    while moved >= earliest and not is_school_day(moved, terms):
        moved -= timedelta(days=1)
    return moved if moved >= earliest else day


def closures(terms: Sequence[Term], *, min_days: int = LONG_CLOSURE_DAYS) -> list[Closure]:
    """Gaps between consecutive terms of at least ``min_days`` calendar days."""
    ordered = _sorted(terms)
    found = []
    for (_, end), (start, _) in pairwise(ordered):
        gap = Closure(end + timedelta(days=1), start)
        if gap.days >= min_days:
            found.append(gap)
    return found


def closure_exception(asked_on: date, terms: Sequence[Term]) -> Closure | None:
    """The long closure that makes advice asked of the school on ``asked_on`` fall within the
    Reg 5(4)(a) / 10(4)(a) exception (applied to the 20 weeks by Reg 13(3)): asked from one week
    before a closure of 4 weeks or more until one week before the school re-opens. None if not.
    """
    for closure in closures(terms):
        if closure.first_day - CLOSURE_MARGIN <= asked_on <= closure.reopens - CLOSURE_MARGIN:
            return closure
    return None
