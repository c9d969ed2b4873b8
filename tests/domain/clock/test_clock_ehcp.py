"""EHC needs assessment clock, with hand-worked dates."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from sencodesk.domain.clock import Milestone, MilestoneStatus, RecordedException, ehcp_timeline

S = MilestoneStatus


def _by_id(received: date, *, today: date = date(2026, 1, 6),
           **kwargs: Any) -> dict[str, Milestone]:
    return {m.id: m for m in ehcp_timeline(received, today=today, **kwargs)}


def test_request_on_a_monday() -> None:
    # 05/01/2026 + 6 weeks (42 days) = 16/02; + 14 weeks (98) = 13/04; + 16 weeks (112) = 27/04;
    # + 20 weeks (140) = 25/05/2026.
    ms = ehcp_timeline(date(2026, 1, 5), today=date(2026, 1, 6))
    assert [(m.id, m.due, m.rule) for m in ms] == [
        ("decision_to_assess", date(2026, 2, 16), "Reg 5(1)"),
        ("draft_target", date(2026, 4, 13),
         "practice: leaves the 15 days of Reg 13(1) before week 20"),
        ("decision_not_to_issue", date(2026, 4, 27), "Reg 10(1)"),
        ("final_plan", date(2026, 5, 25), "Reg 13(2)"),
    ]
    assert all(m.status is S.UPCOMING for m in ms)


def test_six_weeks_land_on_29_february_in_a_leap_year() -> None:
    # 18/01/2024 + 42 days = 29/02/2024 (2024 is a leap year).
    assert _by_id(date(2024, 1, 18))["decision_to_assess"].due == date(2024, 2, 29)


def test_request_received_in_the_summer_holiday_counts_calendar_days() -> None:
    # 20/07/2026 + 42 days = 31/08/2026; + 140 days = 07/12/2026. Holidays do not stop the clock.
    ms = _by_id(date(2026, 7, 20), today=date(2026, 9, 2))
    assert ms["decision_to_assess"].due == date(2026, 8, 31)
    assert ms["decision_to_assess"].status is S.OVERDUE
    assert ms["final_plan"].due == date(2026, 12, 7)


def test_advice_is_due_six_weeks_after_asking() -> None:
    # asked 02/03/2026 + 42 days = 13/04/2026 (Reg 8(1)).
    ms = _by_id(date(2026, 2, 2), advice_asked_on=date(2026, 3, 2))
    assert ms["advice_due"].due == date(2026, 4, 13)
    assert ms["advice_due"].rule == "Reg 8(1)"


def test_comment_window_is_15_days_beginning_with_the_day_served() -> None:
    # served 13/04/2026 is day 1, so day 15 is 27/04/2026.
    ms = _by_id(date(2026, 1, 5), draft_served_on=date(2026, 4, 13), today=date(2026, 4, 20))
    assert ms["draft_comments_end"].due == date(2026, 4, 27)
    assert ms["draft_target"].status is S.DONE_ON_TIME
    # a draft served is the LA's decision to issue: no refusal notice falls due (Reg 10(1))
    assert "decision_not_to_issue" not in ms


def test_done_dates_give_on_time_or_late() -> None:
    ms = _by_id(date(2026, 1, 5), today=date(2026, 6, 1),
                done={"decision_to_assess": date(2026, 2, 16), "final_plan": date(2026, 5, 26)})
    assert ms["decision_to_assess"].status is S.DONE_ON_TIME
    assert ms["final_plan"].status is S.DONE_LATE


def test_status_by_today() -> None:
    received = date(2026, 1, 5)  # decision due 16/02/2026
    assert _by_id(received, today=date(2026, 2, 1))["decision_to_assess"].status is S.UPCOMING
    assert _by_id(received, today=date(2026, 2, 2))["decision_to_assess"].status is S.DUE_SOON
    assert _by_id(received, today=date(2026, 2, 16))["decision_to_assess"].status is S.DUE_SOON
    assert _by_id(received, today=date(2026, 2, 17))["decision_to_assess"].status is S.OVERDUE


def test_an_exception_shows_instead_of_a_breach_without_moving_the_date() -> None:
    closure = RecordedException("Reg 10(4)(a)", "school closed for the summer",
                                date(2026, 7, 15), date(2026, 8, 31))
    ms = _by_id(date(2026, 7, 20), today=date(2026, 12, 10), exceptions=[closure])
    final = ms["final_plan"]
    assert final.due == date(2026, 12, 7)
    assert final.status is S.EXCEPTION
    assert final.note == "exception recorded: school closed for the summer (Reg 10(4)(a))"
    # the practical draft target is not a statutory limit, so no exception covers it
    assert ms["draft_target"].status is S.OVERDUE


def test_an_exception_for_one_milestone_only() -> None:
    absent = RecordedException("Reg 5(4)", "family abroad for 5 weeks", date(2026, 1, 10), None,
                               milestone_id="decision_to_assess")
    ms = _by_id(date(2026, 1, 5), today=date(2026, 6, 1), exceptions=[absent])
    assert ms["decision_to_assess"].status is S.EXCEPTION
    assert ms["final_plan"].status is S.OVERDUE


def test_an_exception_that_began_after_the_deadline_does_not_excuse_it() -> None:
    late = RecordedException("Reg 5(4)", "moved away", date(2026, 3, 1), None)
    ms = _by_id(date(2026, 1, 5), today=date(2026, 6, 1), exceptions=[late])
    assert ms["decision_to_assess"].status is S.OVERDUE
    assert ms["final_plan"].status is S.EXCEPTION


days = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))


@given(days, st.integers(0, 400), st.integers(0, 200))
def test_order_and_statuses_are_consistent(received: date, later: int, served_after: int) -> None:
    today = received + timedelta(days=later)
    served = received + timedelta(days=served_after)
    ms = {m.id: m for m in ehcp_timeline(received, today=today, draft_served_on=served)}
    assert ms["decision_to_assess"].due < ms["draft_target"].due < ms["final_plan"].due
    assert "decision_not_to_issue" not in ms
    assert ms["draft_comments_end"].due >= served
    assert (ms["draft_comments_end"].due - served).days == 14
    for m in ms.values():
        if m.done_on is None:
            assert (m.status is S.OVERDUE) == (today > m.due)


def test_the_comment_window_closes_by_itself_rather_than_going_overdue() -> None:
    ms = _by_id(date(2026, 1, 5), draft_served_on=date(2026, 4, 13), today=date(2026, 5, 1))
    assert ms["draft_comments_end"].status is S.DONE_ON_TIME
    assert ms["draft_comments_end"].note == "the window has closed"
