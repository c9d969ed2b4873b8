"""Taking a pupil's identity out of free text for the anonymised evidence pack.

Names are matched however they were typed: any case, with or without accents (Zoe for Zoë),
with a straight, curly or no apostrophe (O'Brien, O’Brien, OBrien), as whole words; each part
of a name is matched on its own (Łukasiewicz-Smith, and a parent's short first name such as
Jo). Anything shaped like a UPN (a letter, 11 digits, a digit or letter) or like a date of
birth (a full date at least :data:`DOB_YEARS` years before the pack, or the pupil's own date of
birth however it is written) is removed too. A person should still read the text before it is
shared: a nickname or a sibling's name cannot be known.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date

#: Dates this far back or more are shaped like a pupil's date of birth, not a school event.
DOB_YEARS = 3
UPN_REMOVED = "[UPN removed]"
DATE_REMOVED = "[date removed]"
APOSTROPHES = "'’‘`´ʼ′"
#: Letters that carry their accent in the letter itself (no decomposition), written plainly.
_PLAIN = {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th",
          "ħ": "h", "ŧ": "t"}
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")

_UPN = re.compile(r"(?<![0-9a-z])[a-z][0-9]{11}[0-9a-z](?![0-9a-z])")
_NUMERIC_DATE = re.compile(
    r"(?<![0-9])(?:(?P<d>[0-9]{1,2})[/.\-](?P<m>[0-9]{1,2})[/.\-](?P<y>[0-9]{4}|[0-9]{2})"
    r"|(?P<y2>[0-9]{4})-(?P<m2>[0-9]{1,2})-(?P<d2>[0-9]{1,2}))(?![0-9])")
_WORD_DATE = re.compile(
    r"(?<![0-9a-z])(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>" +
    "|".join(f"{m[:3]}(?:{m[3:]})?" for m in _MONTHS) +
    r")\.?,?\s+(?P<y>[0-9]{4})(?![0-9])")


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` case-folded without accents and with every apostrophe made straight, and for
    each character of the result the index of the character of ``text`` it came from."""
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char in APOSTROPHES:
            char = "'"
        for part in unicodedata.normalize("NFKD", char).casefold():
            if unicodedata.combining(part):
                continue
            for plain in _PLAIN.get(part, part):
                folded.append(plain)
                origin.append(index)
    return "".join(folded), origin


def name_parts(names: Iterable[str]) -> set[str]:
    """Each name and each part of it (split at spaces and hyphens), folded; single letters
    (initials) are left out, as they would match ordinary words."""
    found: set[str] = set()
    for name in names:
        whole = fold(name.strip())[0]
        for part in (whole, *re.split(r"[\s\-]+", whole)):
            if len(part.replace("'", "")) >= 2:
                found.add(part)
    return found


def _year(text: str) -> int:
    year = int(text)
    return year + (2000 if year < 100 else 0) if len(text) == 2 else year


def _is_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _dates(folded: str) -> Iterable[tuple[int, int, date]]:
    """Every full date in ``folded`` with its span."""
    for match in _NUMERIC_DATE.finditer(folded):
        if match["d"]:
            when = _is_date(_year(match["y"]), int(match["m"]), int(match["d"]))
        else:
            when = _is_date(int(match["y2"]), int(match["m2"]), int(match["d2"]))
        if when:
            yield match.start(), match.end(), when
    for match in _WORD_DATE.finditer(folded):
        month = next(i for i, m in enumerate(_MONTHS, 1) if m.startswith(match["month"][:3]))
        when = _is_date(int(match["y"]), month, int(match["d"]))
        if when:
            yield match.start(), match.end(), when


def scrubber(names: Iterable[str], code: str, *, dob: date | None,
             today: date) -> Callable[[str], str]:
    """A function replacing the pupil's names with ``code`` and removing UPN- and
    date-of-birth-shaped text, in any free text about them."""
    parts = sorted(name_parts(names), key=len, reverse=True)
    alternatives = ["'?".join(re.escape(piece) for piece in part.split("'")) for part in parts]
    pattern = (re.compile(r"(?<![\w'])(?:" + "|".join(alternatives) + r")(?![\w])")
               if alternatives else None)
    oldest = date(today.year - DOB_YEARS, today.month, min(today.day, 28))

    def scrub(text: str) -> str:
        folded, origin = fold(text)
        spans: list[tuple[int, int, str]] = []
        if pattern is not None:
            spans += [(m.start(), m.end(), code) for m in pattern.finditer(folded)]
        spans += [(m.start(), m.end(), UPN_REMOVED) for m in _UPN.finditer(folded)]
        spans += [(start, end, DATE_REMOVED) for start, end, when in _dates(folded)
                  if when <= oldest or when == dob]
        return _replace(text, origin, spans)

    return scrub


def _replace(text: str, origin: list[int], spans: list[tuple[int, int, str]]) -> str:
    """Replace the folded ``spans`` in the original ``text`` (overlaps: the first wins)."""
    out: list[str] = []
    at = 0
    for start, end, replacement in sorted(spans):
        first, last = origin[start], origin[end - 1] + 1
        if first < at:
            continue
        # a combining accent typed after the last letter belongs to the name too
        while last < len(text) and unicodedata.combining(text[last]):
            last += 1
        out += [text[at:first], replacement]
        at = last
    out.append(text[at:])
    return "".join(out)
