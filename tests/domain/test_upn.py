from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sencodesk.domain import upn

digits = st.text(alphabet="0123456789", min_size=11, max_size=11)
final = st.sampled_from("0123456789" + upn.LETTERS)


def test_worked_example_from_the_rules() -> None:
    # 8x2 + 1x4 + 2x5 + 5x10 + 1x13 = 93; 93 mod 23 = 1 -> B
    assert upn.check_letter("801200005001") == "B"
    assert upn.check("B801200005001").valid


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("C801200005001", "check letter should be B, not C"),
        ("B80120000500", "13 characters, this has 12"),
        ("B8012000050011", "13 characters, this has 14"),
        ("I801200005001", "never use the letters I, O or S"),
        ("B80120000500O", "never use the letters I, O or S"),
        ("B8012X0005001", "must be digits"),
        ("1801200005001", "must be the check letter"),
    ],
)
def test_invalid_upns_say_why(text: str, reason: str) -> None:
    result = upn.check(text)
    assert not result.valid
    assert reason in result.reason


def test_spaces_and_lower_case_are_tolerated() -> None:
    assert upn.check(" b801 2000 05001 ").upn == "B801200005001"


def test_temporary_upn_letter_in_position_13() -> None:
    body = "80120000500A"
    made = upn.with_check_letter(body)
    result = upn.check(made)
    assert result.valid and result.temporary


@given(digits, final)
def test_every_generated_upn_is_valid(body: str, last: str) -> None:
    assert upn.check(upn.with_check_letter(body + last)).valid


@given(digits, final, st.sampled_from(upn.LETTERS))
def test_any_other_check_letter_is_refused(body: str, last: str, letter: str) -> None:
    good = upn.with_check_letter(body + last)
    if letter != good[0]:
        assert not upn.check(letter + good[1:]).valid


@given(digits, final, st.integers(1, 10), st.sampled_from("0123456789"))
def test_a_single_changed_digit_is_caught(body: str, last: str, index: int, digit: str) -> None:
    good = upn.with_check_letter(body + last)
    changed = good[:index] + digit + good[index + 1:]
    # weights 2..13 are all below 23 (prime), so one changed digit always changes the sum mod 23
    assert upn.check(changed).valid == (changed == good)
