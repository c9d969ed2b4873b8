"""Annual review and phase transfer clocks, with hand-worked dates."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sencodesk.domain.clock import MilestoneStatus, annual_review_timeline, phase_transfer
from sencodesk.domain.clock.calendar import months_after
from sencodesk.domain.clock.phase_transfer import teaches
from sencodesk.domain.codes import SchoolPhase, YearGroup

S = MilestoneStatus


@pytest.mark.parametrize(("start", "months", "expected"), [
    (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2024, 2, 29), 12, date(2025, 2, 28)),
    (date(2026, 11, 30), 3, date(2027, 2, 28)),
    (date(2026, 10, 25), 2, date(2026, 12, 25)),
])
def test_months_clamp_to_the_end_of_the_month(start: date, months: int, expected: date) -> None:
    assert months_after(start, months) == expected


def test_first_review_from_the_plan_issue() -> None:
    # issued 31/03/2025 -> meeting due 31/03/2026; invitations and advice 2 weeks before
    # (17/03/2026); report 2 weeks after (14/04/2026); LA decision 4 weeks after (28/04/2026).
    ms = {m.id: m for m in annual_review_timeline(today=date(2026, 1, 10),
                                                  plan_issued_on=date(2025, 3, 31))}
    assert ms["review_meeting"].due == date(2026, 3, 31)
    assert ms["review_invitations"].due == date(2026, 3, 17)
    assert ms["review_invitations"].rule == "Reg 20(3)"
    assert ms["review_advice"].due == date(2026, 3, 17)
    assert ms["review_advice"].rule == "Reg 20(4)"
    assert ms["review_report"].due == date(2026, 4, 14)
    assert ms["review_la_decision"].due == date(2026, 4, 28)
    assert "amended_plan" not in ms


def test_later_steps_count_from_the_meeting_held() -> None:
    # last review 10/02/2025 -> due 10/02/2026; held early on 20/01/2026: report due 03/02/2026.
    ms = {m.id: m for m in annual_review_timeline(
        today=date(2026, 1, 25), last_review_on=date(2025, 2, 10),
        done={"review_meeting": date(2026, 1, 20)})}
    assert ms["review_meeting"].status is S.DONE_ON_TIME
    assert ms["review_report"].due == date(2026, 2, 3)


def test_amendments_give_15_days_and_8_weeks() -> None:
    # proposed 01/05/2026: comments to 15/05/2026 (Reg 22(2)(c)); plan by 26/06/2026 (Reg 22(3)).
    ms = {m.id: m for m in annual_review_timeline(
        today=date(2026, 5, 2), last_review_on=date(2025, 4, 20),
        done={"review_meeting": date(2026, 4, 15)}, amendments_proposed_on=date(2026, 5, 1))}
    assert ms["amendment_comments_end"].due == date(2026, 5, 15)
    assert ms["amended_plan"].due == date(2026, 6, 26)
    assert ms["amended_plan"].rule == "Reg 22(3)"


def test_under_fives_every_six_months_and_year_9_prepares_for_adulthood() -> None:
    small = annual_review_timeline(today=date(2026, 1, 1), plan_issued_on=date(2025, 8, 31),
                                   under_five=True)
    # 31/08/2025 + 6 months = 28/02/2026 (clamped)
    assert next(m for m in small if m.id == "review_meeting").due == date(2026, 2, 28)
    teen = annual_review_timeline(today=date(2026, 1, 1), plan_issued_on=date(2025, 6, 1),
                                  year_group=YearGroup.Y9)
    meeting = next(m for m in teen if m.id == "review_meeting")
    assert "preparation for adulthood" in meeting.note


def test_a_meeting_booked_after_its_due_date_is_flagged_and_school_lead_times_added() -> None:
    ms = {m.id: m for m in annual_review_timeline(
        today=date(2026, 1, 1), last_review_on=date(2025, 3, 1), meeting_on=date(2026, 3, 10),
        lead_times={"request_reports": 56})}
    assert "after the date it is due" in ms["review_meeting"].note
    # reports requested 8 weeks before the booked meeting: 10/03/2026 - 56 days = 13/01/2026
    assert ms["lead_request_reports"].due == date(2026, 1, 13)
    assert ms["lead_request_reports"].rule == "school policy"


def test_no_plan_no_review() -> None:
    assert annual_review_timeline(today=date(2026, 1, 1)) == []


@pytest.mark.parametrize(("phase", "year", "expected"), [
    # on 22/11/2026 (academic year 2026/27)
    (SchoolPhase.SECONDARY, YearGroup.Y11, date(2027, 3, 31)),
    (SchoolPhase.SECONDARY, YearGroup.Y10, date(2028, 3, 31)),
    (SchoolPhase.SECONDARY, YearGroup.Y7, date(2031, 3, 31)),
    (SchoolPhase.PRIMARY, YearGroup.Y6, date(2027, 2, 15)),
    (SchoolPhase.PRIMARY, YearGroup.Y4, date(2029, 2, 15)),
    (SchoolPhase.PRIMARY, YearGroup.NURSERY, date(2027, 2, 15)),
    (SchoolPhase.INFANT, YearGroup.Y1, date(2028, 2, 15)),
    (SchoolPhase.JUNIOR, YearGroup.Y3, date(2030, 2, 15)),
    (SchoolPhase.MIDDLE, YearGroup.Y8, date(2027, 2, 15)),
    (SchoolPhase.ALL_THROUGH, YearGroup.Y6, date(2027, 2, 15)),
    (SchoolPhase.ALL_THROUGH, YearGroup.Y9, date(2029, 3, 31)),
])
def test_phase_transfer(phase: SchoolPhase, year: YearGroup, expected: date) -> None:
    m = phase_transfer(year_group=year, on=date(2026, 11, 22), phase=phase)
    assert m is not None and m.due == expected and m.rule == "Reg 18"


def test_no_transfer_after_the_last_year() -> None:
    assert phase_transfer(year_group=YearGroup.Y12, on=date(2026, 11, 22),
                          phase=SchoolPhase.SECONDARY) is None
    assert phase_transfer(year_group=YearGroup.Y7, on=date(2026, 11, 22),
                          phase=SchoolPhase.PRIMARY) is None


def test_transfer_in_the_summer_term_is_still_this_year() -> None:
    # Year 6 on 01/07/2027 is in academic year 2026/27: the deadline was 15/02/2027, now past.
    m = phase_transfer(year_group=YearGroup.Y6, on=date(2027, 7, 1), phase=SchoolPhase.PRIMARY)
    assert m is not None and m.due == date(2027, 2, 15) and m.status is S.OVERDUE


@given(st.sampled_from(list(SchoolPhase)), st.sampled_from(list(YearGroup)))
def test_no_transfer_is_given_for_a_year_group_the_school_does_not_teach(
    phase: SchoolPhase, year: YearGroup
) -> None:
    found = phase_transfer(year_group=year, on=date(2026, 11, 22), phase=phase)
    if not teaches(phase, year):
        assert found is None
