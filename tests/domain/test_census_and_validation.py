from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sencodesk.domain import census, validation
from sencodesk.domain.codes import NeedType, SenStatus, YearGroup
from sencodesk.domain.errors import ValidationError

K, E, N = SenStatus.SUPPORT, SenStatus.EHCP, SenStatus.NONE


@pytest.mark.parametrize(("code", "status", "note"), [
    ("K", K, None), ("e", E, None), ("N", N, None),
    ("A", K, "historical code A recorded as K"), ("P", K, "historical code P recorded as K"),
    ("S", E, "historical code S recorded as E"),
])
def test_status_codes_including_historical(code: str, status: SenStatus, note: str) -> None:
    assert census.parse_status(code) == (status, note)


def test_unknown_status_names_the_field() -> None:
    with pytest.raises(ValidationError) as caught:
        census.parse_status("X", field="SEN Status")
    assert caught.value.field == "SEN Status"


@pytest.mark.parametrize(("status", "needs", "message"), [
    (K, (), "primary need is required"),
    (E, (), "primary need is required"),
    (N, (NeedType.ASD,), "status N has no need"),
    (E, (NeedType.NSA,), "NSA is used only with SEN support"),
    (K, (NeedType.NSA, NeedType.ASD), "NSA cannot be combined"),
    (K, (NeedType.ASD, NeedType.ASD), "repeats"),
    (K, (NeedType.ASD, NeedType.SLCN, NeedType.MLD), "at most two"),
])
def test_census_need_rules(status: SenStatus, needs: tuple[NeedType, ...], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        census.check_needs(status, needs)


@given(st.sampled_from([K, E]),
       st.lists(st.sampled_from([n for n in NeedType if n is not NeedType.NSA]),
                min_size=1, max_size=2, unique=True))
def test_any_one_or_two_distinct_needs_are_fine_for_k_and_e(
    status: SenStatus, needs: list[NeedType]
) -> None:
    census.check_needs(status, tuple(needs))


@pytest.mark.parametrize("name", ["O'Brien", "Zoë", "Łukasiewicz-Smith", "St. John",
                                  "Nguyễn", "Ní Bhriain", "O’Neill"])
def test_real_names_are_accepted(name: str) -> None:
    assert validation.name("surname", name) == name


@pytest.mark.parametrize("name", ["R2D2", "-Smith", "<script>", "Smith;", "   "])
def test_odd_names_are_refused(name: str) -> None:
    with pytest.raises(ValidationError):
        validation.name("surname", name)


def test_text_too_long_says_how_long() -> None:
    with pytest.raises(ValidationError, match="4,001 characters long; the most allowed is 4,000"):
        validation.text("summary", "x" * 4001)


def test_dates() -> None:
    today = date(2026, 11, 22)
    with pytest.raises(ValidationError, match="in the future"):
        validation.date_of_birth(date(2026, 11, 23), today=today)
    with pytest.raises(ValidationError, match="before the start date 02/09/2026"):
        validation.period(date(2026, 9, 2), date(2026, 9, 1))
    validation.period(date(2026, 9, 2), None)


@pytest.mark.parametrize(("text", "year"), [("N", YearGroup.NURSERY), ("R", YearGroup.RECEPTION),
                                            ("Reception", YearGroup.RECEPTION), ("Y7", 7),
                                            ("Year 11", 11), ("NC 3", 3), ("14", 14)])
def test_year_groups_parse(text: str, year: int) -> None:
    assert YearGroup.parse(text) == year


@pytest.mark.parametrize("text", ["15", "Year", "", "-3"])
def test_bad_year_groups(text: str) -> None:
    with pytest.raises(ValueError, match="not a year group"):
        YearGroup.parse(text)


@pytest.mark.parametrize(("typed", "code"), [
    ("M", "M"), ("male", "M"), (" Boy ", "M"), ("F", "F"), ("Female", "F"), ("girl", "F"),
    ("", ""), ("Not  known", ""), ("U", "")])
def test_sex_is_read_as_the_census_codes(typed: str, code: str) -> None:
    assert validation.sex(typed) == code


def test_an_unknown_sex_is_refused_naming_the_value() -> None:
    with pytest.raises(ValidationError, match="'X' is not M or F"):
        validation.sex("X")


def test_year_for_age_follows_the_september_cohorts() -> None:
    # born 01/03/2014: Reception from September 2018, so Year 8 in 2026/27
    assert validation.year_for_age(date(2014, 3, 1), date(2026, 11, 22)) == 8
    # born 31/08/2014 (the youngest of that cohort) and 01/09/2014 (the oldest of the next)
    assert validation.year_for_age(date(2014, 8, 31), date(2026, 11, 22)) == 8
    assert validation.year_for_age(date(2014, 9, 1), date(2026, 11, 22)) == 7


@given(st.dates(date(2001, 1, 1), date(2024, 8, 31)), st.integers(-2, 2))
def test_a_year_group_within_two_of_the_age_cohort_fits(dob: date, off: int) -> None:
    today = date(2026, 11, 22)
    expected = min(validation.year_for_age(dob, today), 14)
    year = expected + off
    if int(YearGroup.NURSERY) <= year <= int(YearGroup.Y14):
        validation.year_group_fits(dob, YearGroup(year), today=today)


def test_a_date_of_birth_typed_with_this_year_is_refused() -> None:
    with pytest.raises(ValidationError, match="01/01/2026 puts the pupil in no year group yet"):
        validation.year_group_fits(date(2026, 1, 1), YearGroup.Y8, today=date(2026, 11, 22))
    with pytest.raises(ValidationError, match="in Year 8 by age, not Year 3"):
        validation.year_group_fits(date(2014, 3, 1), YearGroup.Y3, today=date(2026, 11, 22))
    # a 21-year-old with an EHC plan in Year 14 is fine
    validation.year_group_fits(date(2005, 6, 1), YearGroup.Y14, today=date(2026, 11, 22))
