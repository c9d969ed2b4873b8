"""Term dates in the clock: holidays move school reminders; long closures suggest exceptions."""

from __future__ import annotations

from datetime import date

from sencodesk.domain.clock.ehcp import ehcp_timeline, suggested_exception
from sencodesk.domain.clock.terms import closure_exception, closures, last_school_day_on_or_before

TERMS = [(date(2026, 4, 13), date(2026, 7, 22)), (date(2026, 9, 3), date(2026, 10, 23)),
         (date(2026, 11, 2), date(2026, 12, 18))]


def test_a_holiday_day_moves_to_the_last_school_day_before_it() -> None:
    # Saturday 15/08/2026 in the summer holiday -> Wednesday 22/07/2026, the last day of term
    assert last_school_day_on_or_before(date(2026, 8, 15), TERMS) == date(2026, 7, 22)
    # Sunday 18/10/2026 in term -> Friday 16/10/2026
    assert last_school_day_on_or_before(date(2026, 10, 18), TERMS) == date(2026, 10, 16)
    # half term (24/10-01/11) -> Friday 23/10/2026
    assert last_school_day_on_or_before(date(2026, 10, 28), TERMS) == date(2026, 10, 23)
    # a school day stays; days the term dates do not reach stay
    assert last_school_day_on_or_before(date(2026, 9, 9), TERMS) == date(2026, 9, 9)
    assert last_school_day_on_or_before(date(2027, 1, 2), TERMS) == date(2027, 1, 2)


def test_only_closures_of_four_weeks_or_more_count() -> None:
    # summer: closed 23/07/2026, re-opens 03/09/2026 = 42 days; half term 24/10-01/11 = 9 days
    found = closures(TERMS)
    assert [(c.first_day, c.reopens, c.days) for c in found] == [
        (date(2026, 7, 23), date(2026, 9, 3), 42)]


def test_advice_asked_from_a_week_before_closure_to_a_week_before_reopening() -> None:
    # Reg 10(4)(a): from 23/07 - 7 = 16/07/2026 until 03/09 - 7 = 27/08/2026
    assert closure_exception(date(2026, 7, 15), TERMS) is None
    assert closure_exception(date(2026, 7, 16), TERMS) is not None
    assert closure_exception(date(2026, 8, 27), TERMS) is not None
    assert closure_exception(date(2026, 8, 28), TERMS) is None
    # half term is too short
    assert closure_exception(date(2026, 10, 20), TERMS) is None


def test_the_exception_is_suggested_on_open_time_limits_never_applied() -> None:
    hint = suggested_exception([date(2026, 7, 20)], TERMS)
    assert hint.startswith("possible exception, SENCO to confirm")
    assert "Reg 10(4)(a)" in hint and "23/07/2026-02/09/2026" in hint
    ms = {m.id: m for m in ehcp_timeline(date(2026, 6, 20), today=date(2026, 7, 25),
                                         advice_asked_on=date(2026, 7, 20),
                                         advice_asked_dates=[date(2026, 7, 20)], terms=TERMS)}
    assert ms["final_plan"].note == hint and ms["decision_not_to_issue"].note == hint
    assert ms["draft_target"].note == ""          # practice target: no exception applies
    assert all(m.status.value != "exception recorded" for m in ms.values())
    assert suggested_exception([date(2026, 6, 1)], TERMS) == ""
