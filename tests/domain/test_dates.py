"""The one reader and writer of UK dates."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sencodesk.domain import dates
from sencodesk.domain.errors import ValidationError

TODAY = date(2026, 12, 2)


@given(st.dates(min_value=date(1000, 1, 1)))
def test_what_is_written_reads_back_as_the_same_day(day: date) -> None:
    assert dates.parse(dates.uk(day), today=TODAY) == day


@given(st.dates(min_value=date(1000, 1, 1)))
def test_iso_dates_read_as_themselves(day: date) -> None:
    assert dates.parse(day.isoformat(), today=TODAY) == day


@given(st.dates(min_value=date(TODAY.year - 79, 1, 1), max_value=date(TODAY.year + 20, 12, 31)),
       st.sampled_from(["/", ".", "-", " "]), st.booleans())
def test_typed_short_forms_read_as_the_day_meant(day: date, separator: str,
                                                 padded: bool) -> None:
    """1/10/26, 01.10.26, 011026 and 01102026 all mean 1 October 2026."""
    d, m = (f"{day:%d}", f"{day:%m}") if padded else (str(day.day), str(day.month))
    assert dates.parse(f"{d}{separator}{m}{separator}{day:%y}", today=TODAY) == day
    assert dates.parse(f"{day:%d%m%y}", today=TODAY) == day
    assert dates.parse(f"{day:%d%m%Y}", today=TODAY) == day
    assert dates.parse(f"  {dates.uk(day)}\n", today=TODAY) == day


@pytest.mark.parametrize(("typed", "meant"), [
    ("1/10/26", date(2026, 10, 1)), ("01/10/2026", date(2026, 10, 1)),
    ("011026", date(2026, 10, 1)), ("2026-10-01", date(2026, 10, 1)),
    ("14/03/2016", date(2016, 3, 14)), ("14/3/98", date(1998, 3, 14)),
    ("12/03/2027", date(2027, 3, 12)), ("1/1/46", date(2046, 1, 1)), ("1/1/47", date(1947, 1, 1)),
])
def test_examples(typed: str, meant: date) -> None:
    assert dates.parse(typed, today=TODAY) == meant


@pytest.mark.parametrize("typed", ["", "  ", "31/02/2026", "13/13/2026", "next tuesday",
                                   "1/10", "2026/10/01", "1/10/202", "12345", "10-2026-01"])
def test_what_cannot_be_read_is_refused_with_the_field_and_the_form(typed: str) -> None:
    with pytest.raises(ValidationError) as refused:
        dates.parse(typed, today=TODAY, field="review date")
    assert refused.value.field == "review date"
    assert "dd/mm/yyyy" in refused.value.message


def test_written_forms() -> None:
    assert dates.uk(date(2026, 3, 4)) == "04/03/2026"
    assert dates.uk(None) == "" and dates.uk(None, "not set") == "not set"
    assert dates.uk_time(datetime(2026, 3, 4, 9, 5)) == "04/03/2026 09:05"


def test_dates_are_written_dd_mm_yyyy_in_one_place() -> None:
    """Every date shown or printed goes through dates.uk (or uk_time), so a change of format,
    or a bug in it, is made once; only the MIS reader names the format to recognise it."""
    package = Path(dates.__file__).parents[1]
    allowed = {package / "domain" / "dates.py", package / "domain" / "mis_csv.py"}
    spelled = [f"{path.relative_to(package)}:{number}"
               for path in sorted(package.rglob("*.py")) if path not in allowed
               for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
               if "%d/%m/%Y" in line or "%d/%m/%y" in line]
    assert spelled == []
