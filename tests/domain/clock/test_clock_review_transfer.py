"""Annual review and phase transfer clocks, with hand-worked dates."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sencodesk.domain.clock import MilestoneStatus, annual_review_timeline, phase_transfer
from sencodesk.domain.clock.calendar import months_after
from sencodesk.domain.clock.phase_transfer import Destination, teaches, why_no_transfer
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
    rule = "Reg 18(1)(a)" if expected.month == 3 else "Reg 18(1)(b)"
    assert m is not None and m.due == expected and m.rule == rule


def test_no_transfer_after_the_last_year() -> None:
    # Year 12 on 22/11/2026 leaves the sixth form at the end of Year 13, summer 2028: 31/03/2028
    sixth = phase_transfer(year_group=YearGroup.Y12, on=date(2026, 11, 22),
                           phase=SchoolPhase.SECONDARY)
    assert sixth is not None and sixth.due == date(2028, 3, 31)
    assert phase_transfer(year_group=YearGroup.Y14, on=date(2026, 11, 22),
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


@pytest.mark.parametrize(("destination", "expected", "rule"), [
    # Year 11 on 22/11/2026 moves in September 2027.
    (Destination.POST_16, date(2027, 3, 31), "Reg 18(1)(a)"),   # college or apprenticeship
    (Destination.SCHOOL, date(2027, 2, 15), "Reg 18(1)(b)"),    # another school: any other case
    (None, date(2027, 3, 31), "Reg 18(1)(a)"),                  # not recorded: 31 March assumed
])
def test_year_11_transfer_depends_on_the_destination(
    destination: Destination | None, expected: date, rule: str,
) -> None:
    m = phase_transfer(year_group=YearGroup.Y11, on=date(2026, 11, 22),
                       phase=SchoolPhase.SECONDARY, destination=destination)
    assert m is not None and (m.due, m.rule) == (expected, rule)
    assert ("destination not recorded" in m.note) is (destination is None)


def test_year_11_staying_in_the_own_sixth_form_has_no_reg_18_date() -> None:
    assert phase_transfer(year_group=YearGroup.Y11, on=date(2026, 11, 22),
                          phase=SchoolPhase.ALL_THROUGH,
                          destination=Destination.OWN_SIXTH_FORM) is None
    why = why_no_transfer(year_group=YearGroup.Y11, phase=SchoolPhase.SECONDARY,
                          destination=Destination.OWN_SIXTH_FORM)
    assert "own sixth form" in why and "no Reg 18 date" in why
    # the destination of the Year 11 move says nothing of a Year 6 move
    y6 = phase_transfer(year_group=YearGroup.Y6, on=date(2026, 11, 22),
                        phase=SchoolPhase.ALL_THROUGH, destination=Destination.OWN_SIXTH_FORM)
    assert y6 is not None and y6.due == date(2027, 2, 15)
