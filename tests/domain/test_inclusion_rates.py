"""Attendance, persistent absence, suspension and exclusion rates, worked by hand."""

from __future__ import annotations

from datetime import date

import pytest

from sencodesk.domain.codes import SenStatus
from sencodesk.domain.evidence import StatusSpan
from sencodesk.domain.inclusion import AttendanceRecord, ExclusionKind, ExclusionRecord, Term
from sencodesk.domain.inclusion_rates import (
    PupilYear,
    attendance_rate,
    census_day,
    group_rates,
    is_persistent_absentee,
    pupil_years,
)

K, E, N = SenStatus.SUPPORT, SenStatus.EHCP, SenStatus.NONE


def test_persistent_absence_is_ten_percent_or_more_of_possible_sessions() -> None:
    # 38 / 380 = 10.0% exactly: persistent; 37 / 380 = 9.74%: not
    assert is_persistent_absentee(38, 380)
    assert not is_persistent_absentee(37, 380)
    assert not is_persistent_absentee(0, 0)
    assert attendance_rate(342, 380) == 90.0
    assert attendance_rate(0, 0) is None


def test_group_rates_by_hand() -> None:
    pupils = [
        PupilYear(1, K, possible=380, attended=342, absent=38, suspensions=1),  # PA (10%)
        PupilYear(2, K, possible=380, attended=361, absent=19),                 # 5%
        PupilYear(3, K, possible=190, attended=150, absent=40,                  # PA (21%)
                  permanent_exclusions=1),
        PupilYear(4, K, suspensions=2),                                          # no sessions
        PupilYear(5, E, possible=380, attended=380),
    ]
    k = group_rates(K, pupils)
    # sessions: 380 + 380 + 190 = 950 possible, 342 + 361 + 150 = 853 attended
    assert (k.pupils, k.with_attendance, k.possible, k.attended) == (4, 3, 950, 853)
    assert k.attendance_rate == pytest.approx(89.789, abs=0.001)
    # 2 persistent absentees of the 3 with sessions
    assert k.persistent_absence_rate == pytest.approx(66.667, abs=0.001)
    # 3 suspensions among 4 pupils = 75 per 100; 2 pupils suspended; 1 exclusion = 25
    assert (k.suspensions, k.pupils_suspended, k.suspension_rate) == (3, 2, 75.0)
    assert k.permanent_exclusion_rate == 25.0
    e = group_rates(E, pupils)
    assert (e.attendance_rate, e.persistent_absence_rate, e.suspension_rate) == (100.0, 0.0,
                                                                                 0.0)
    n = group_rates(N, pupils)
    assert (n.pupils, n.attendance_rate, n.suspension_rate) == (0, None, None)


def test_pupils_are_grouped_by_their_status_at_the_spring_census() -> None:
    assert census_day(2025) == date(2026, 1, 15)  # 1 January 2026 was a Thursday
    spans = {1: [StatusSpan(1, K, date(2024, 9, 1), date(2026, 1, 10)),
                 StatusSpan(1, E, date(2026, 1, 11), None)],
             2: [StatusSpan(2, K, date(2026, 1, 16), None)]}
    attendance = {1: [AttendanceRecord(2025, Term.AUTUMN, 140, 120, 15, 5),
                      AttendanceRecord(2025, Term.SPRING, 120, 110, 10, 0),
                      AttendanceRecord(2024, Term.SUMMER, 100, 100, 0, 0)]}
    exclusions = {1: [ExclusionRecord(1, ExclusionKind.SUSPENSION, date(2025, 8, 30), 1, "DB"),
                      ExclusionRecord(2, ExclusionKind.SUSPENSION, date(2025, 9, 3), 1, "DB")]}
    one, two = pupil_years(2025, [1, 2], spans, attendance, exclusions)
    # the 2024/25 term and the suspension of 30/08/2025 belong to the year before
    assert one == PupilYear(1, E, possible=260, attended=230, absent=30, suspensions=1)
    assert two == PupilYear(2, N)  # joined the register after the census day
