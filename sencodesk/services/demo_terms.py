"""Term dates for the demo school that look like a real English school's: six half terms,
starting and ending on weekdays, a week off at each half term, two weeks at Christmas and
Easter, and the summer holiday from late July to early September."""

from __future__ import annotations

from datetime import date, timedelta

from sencodesk.domain.clock.calendar import first_working_day_from, is_working_day

_FRIDAY = 4


def _weekday_on_or_before(day: date) -> date:
    """The last working day on or before ``day`` (a term never ends on Good Friday)."""
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def _friday_on_or_before(day: date) -> date:
    return _weekday_on_or_before(day - timedelta(days=(day.weekday() - _FRIDAY) % 7))


def _back_after(end: date, weeks_off: int) -> date:
    """The first working day after ``weeks_off`` weeks' holiday following a term ending on
    ``end`` (the holiday starts on the Monday after it)."""
    monday = end + timedelta(days=7 - end.weekday())
    return first_working_day_from(monday + timedelta(weeks=weeks_off))


def half_terms(year: int) -> list[tuple[str, date, date]]:
    """The six half terms of the academic year starting in September ``year``."""
    autumn1 = (first_working_day_from(date(year, 9, 3)),
               _friday_on_or_before(date(year, 10, 24)))
    autumn2 = (_back_after(autumn1[1], 1), _friday_on_or_before(date(year, 12, 19)))
    spring1 = (first_working_day_from(date(year + 1, 1, 5)),
               _friday_on_or_before(date(year + 1, 2, 14)))
    spring2 = (_back_after(spring1[1], 1), _friday_on_or_before(date(year + 1, 3, 28)))
    summer1 = (_back_after(spring2[1], 2), _friday_on_or_before(date(year + 1, 5, 23)))
    summer2 = (_back_after(summer1[1], 1), _weekday_on_or_before(date(year + 1, 7, 22)))
    return [("Autumn 1", *autumn1), ("Autumn 2", *autumn2), ("Spring 1", *spring1),
            ("Spring 2", *spring2), ("Summer 1", *summer1), ("Summer 2", *summer2)]


def whole_terms(year: int) -> list[tuple[date, date]]:
    """Autumn, spring and summer as wholes (a support plan cycle usually runs a term)."""
    halves = half_terms(year)
    return [(halves[i][1], halves[i + 1][2]) for i in (0, 2, 4)]
