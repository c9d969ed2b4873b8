"""Unique Pupil Number: format and check letter (DfE "Unique Pupil Numbers" guidance).

13 characters. Permanent: check letter + 12 digits. Temporary: check letter + 11 digits + a
final letter. Check letter: for positions 2..13 multiply each character's value by its position,
sum, take mod 23 and map 0..22 to the letter table (no I, O or S). A letter in position 13 takes
its value from the same table.
"""

from __future__ import annotations

from dataclasses import dataclass

LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
_VALUE = {letter: index for index, letter in enumerate(LETTERS)}


@dataclass(frozen=True)
class UpnCheck:
    upn: str
    valid: bool
    reason: str
    temporary: bool = False


def normalise(text: str) -> str:
    """Upper-case and strip spaces: MIS exports and people type UPNs both ways."""
    return "".join(text.split()).upper()


def check_letter(body: str) -> str:
    """The check letter for the 12 characters that follow it."""
    total = 0
    for position, char in enumerate(body, start=2):
        value = int(char) if char.isdigit() else _VALUE[char]
        total += value * position
    return LETTERS[total % 23]


def check(text: str) -> UpnCheck:
    """Say whether ``text`` is a valid UPN and, if not, exactly why."""
    upn = normalise(text)
    if len(upn) != 13:
        return UpnCheck(upn, False, f"a UPN has 13 characters, this has {len(upn)}")
    first, middle, last = upn[0], upn[1:12], upn[12]
    if first in "IOS" or last in "IOS":
        return UpnCheck(upn, False, "UPNs never use the letters I, O or S")
    if first not in _VALUE:
        return UpnCheck(upn, False, "the first character must be the check letter")
    if not middle.isdigit():
        return UpnCheck(upn, False, "characters 2 to 12 must be digits")
    temporary = last.isalpha()
    if not (last.isdigit() or last in _VALUE):
        return UpnCheck(upn, False, "the last character must be a digit or a letter")
    expected = check_letter(upn[1:])
    if expected != first:
        return UpnCheck(
            upn, False, f"check letter should be {expected}, not {first}", temporary
        )
    kind = "temporary" if temporary else "permanent"
    return UpnCheck(upn, True, f"valid {kind} UPN", temporary)


def with_check_letter(body: str) -> str:
    """Prefix 12 characters with their check letter (used to make demo and test UPNs)."""
    return check_letter(body) + body
