"""The graduated approach: APDR reviews, meetings with parents, passport reviews."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sencodesk.domain.clock.calendar import academic_year_of, months_after
from sencodesk.domain.clock.milestone import Milestone, make
from sencodesk.domain.clock.rules import citation, label

REVIEWS_A_YEAR = 3
#: Ends of the three terms (month, day), by which one more review is expected (CoP 6.65).
_TERM_ENDS = ((12, 31), (3, 31), (7, 31))


def apdr_review(review_due: date, *, reviewed_on: date | None, today: date) -> Milestone:
    return make("apdr_review", label("apdr_review"), review_due, citation("apdr_review"),
                today=today, done_on=reviewed_on)


def expected_by(today: date) -> int:
    """Reviews expected so far this academic year: one per term that has ended."""
    start = academic_year_of(today)
    ends = [date(start + (month < 9), month, day) for month, day in _TERM_ENDS]
    return sum(1 for end in ends if end < today)


def reviews_this_year_warning(review_dates: Sequence[date],
                              parent_meeting_dates: Sequence[date], *,
                              today: date) -> str | None:
    """A warning when a pupil on SEN support or an EHCP is falling behind three reviews and
    three meetings with parents a year (CoP 6.65): fewer so far this academic year than one per
    term ended. None when on track."""
    start = date(academic_year_of(today), 9, 1)
    reviews = sum(1 for d in review_dates if start <= d <= today)
    meetings = sum(1 for d in parent_meeting_dates if start <= d <= today)
    expected = expected_by(today)
    short = []
    if reviews < expected:
        short.append(f"{reviews} review{'s' if reviews != 1 else ''}")
    if meetings < expected:
        short.append(f"{meetings} meeting{'s' if meetings != 1 else ''} with parents")
    if not short:
        return None
    return (f"Only {' and '.join(short)} this academic year; {expected} expected by now "
            f"(at least {REVIEWS_A_YEAR} a year, CoP 6.65)")


def passport_review(written_on: date, *, today: date, reviewed_on: date | None = None,
                    every_months: int = 12) -> Milestone:
    """Passports are reviewed yearly by default (school practice, not statute)."""
    return make("passport_review", label("passport_review"),
                months_after(written_on, every_months), citation("passport_review"),
                today=today, done_on=reviewed_on)


def part_time_review(review_on: date, *, today: date) -> Milestone:
    """The next review of a part-time timetable in force, on the date the school set."""
    return make("part_time_review", label("part_time_review"), review_on,
                citation("part_time_review"), today=today)
