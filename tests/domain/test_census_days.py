"""Census days worked by hand from a calendar: autumn is the first Thursday of October, spring
and summer the third Thursday of January and of May."""

from __future__ import annotations

from datetime import date

import pytest

from sencodesk.domain.census_days import census_days, next_census_day, nth_weekday


@pytest.mark.parametrize(("academic_year", "autumn", "spring", "summer"), [
    # 1 Oct 2020 was a Thursday; 1 Jan 2021 a Friday (7, 14, 21); 1 May 2021 a Saturday (6, 13, 20)
    (2020, date(2020, 10, 1), date(2021, 1, 21), date(2021, 5, 20)),
    # the dates the DfE published for 2022 to 2023: 6 Oct 2022, 19 Jan 2023, 18 May 2023
    (2022, date(2022, 10, 6), date(2023, 1, 19), date(2023, 5, 18)),
    # 1 Oct 2024 a Tuesday (3rd); 1 Jan 2025 a Wednesday (2, 9, 16); 1 May 2025 a Thursday (15th)
    (2024, date(2024, 10, 3), date(2025, 1, 16), date(2025, 5, 15)),
    # 1 Oct 2025 a Wednesday (2nd); 1 Jan 2026 a Thursday (15th); 1 May 2026 a Friday (21st, as
    # local authorities publish the summer 2026 census day)
    (2025, date(2025, 10, 2), date(2026, 1, 15), date(2026, 5, 21)),
    # 1 Oct 2026 a Thursday; 1 Jan 2027 a Friday (21st); 1 May 2027 a Saturday (20th)
    (2026, date(2026, 10, 1), date(2027, 1, 21), date(2027, 5, 20)),
])
def test_census_days_of_the_year(academic_year: int, autumn: date, spring: date,
                                 summer: date) -> None:
    days = census_days(academic_year)
    assert [d.season for d in days] == ["Autumn", "Spring", "Summer"]
    assert [d.on for d in days] == [autumn, spring, summer]
    assert all(d.on.weekday() == 3 for d in days)


def test_next_census_day_counts_today_and_crosses_the_year() -> None:
    assert next_census_day(date(2026, 11, 22)).on == date(2027, 1, 21)
    assert next_census_day(date(2027, 1, 21)).on == date(2027, 1, 21)
    assert next_census_day(date(2027, 1, 22)).on == date(2027, 5, 20)
    assert next_census_day(date(2026, 5, 22)).on == date(2026, 10, 1)
    assert next_census_day(date(2026, 8, 31)).label == "Autumn census day"


def test_a_month_without_a_fifth_thursday_says_so() -> None:
    with pytest.raises(ValueError, match="no 5th"):
        nth_weekday(2026, 2, 3, 5)
