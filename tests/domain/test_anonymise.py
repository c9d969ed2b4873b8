"""The anonymiser finds names however typed, and UPN- and date-of-birth-shaped text."""

from __future__ import annotations

from datetime import date

import pytest

from sencodesk.domain.anonymise import DATE_REMOVED, UPN_REMOVED, scrubber

TODAY = date(2026, 11, 22)
scrub = scrubber(["Zoë", "O'Brien", "Jo Smith-Łukasiewicz"], "P-7K2Q",
                 dob=date(2014, 3, 1), today=TODAY)


@pytest.mark.parametrize(("text", "expected"), [
    ("O’Brien settled well", "P-7K2Q settled well"),          # curly apostrophe
    ("OBrien and o'brien", "P-7K2Q and P-7K2Q"),              # none, and lower case
    ("Zoe read aloud; ZOË too; Zoe\u0308 as well", "P-7K2Q read aloud; P-7K2Q too; P-7K2Q as well"),
    ("Spoke with Jo about it", "Spoke with P-7K2Q about it"),  # a short parent name
    ("Mrs Lukasiewicz and Mr Smith", "Mrs P-7K2Q and Mr P-7K2Q"),
    ("Zoetrope and Joanne stay", "Zoetrope and Joanne stay"),  # whole words only
])
def test_names_are_matched_accent_case_and_apostrophe_insensitively(
    text: str, expected: str
) -> None:
    assert scrub(text) == expected


@pytest.mark.parametrize("text", [
    "UPN A801200001234 on file", "upn h80120000123a", "born 01/03/2014", "DOB 1.3.14",
    "2014-03-01", "born 1st March 2014", "born 1 Mar 2014", "dob 12/06/2010",
])
def test_upn_and_date_of_birth_shapes_are_removed(text: str) -> None:
    result = scrub(text)
    assert UPN_REMOVED in result or DATE_REMOVED in result, result
    assert not any(ch.isdigit() for ch in result.replace("P-7K2Q", "")), result


def test_recent_school_dates_stay() -> None:
    assert scrub("Reviewed on 12/09/2026 and 3 October 2025") == \
        "Reviewed on 12/09/2026 and 3 October 2025"
