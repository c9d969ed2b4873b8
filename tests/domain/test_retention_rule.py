"""Retention: date of birth + 31 years, and only for leavers."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from sencodesk.domain.retention import is_due, retention_ends


def test_thirty_one_years_and_leap_day_births() -> None:
    assert retention_ends(date(2010, 6, 15)) == date(2041, 6, 15)
    assert retention_ends(date(2012, 2, 29)) == date(2043, 2, 28)


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2060, 12, 31)))
def test_due_the_day_after_and_never_before_or_while_on_roll(dob: date) -> None:
    end = retention_ends(dob)
    assert end.year == dob.year + 31
    left = dob + timedelta(days=365 * 16)
    assert not is_due(dob, left, end)
    assert is_due(dob, left, end + timedelta(days=1))
    assert not is_due(dob, None, end + timedelta(days=3650))
