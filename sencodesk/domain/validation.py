"""Field checks shared by every form, import and command. Each raises ValidationError naming
the field, so the GUI can put the message beside it and an import can name the CSV column."""

from __future__ import annotations

import unicodedata
from datetime import date

from sencodesk.domain import scripts
from sencodesk.domain import upn as upn_rules
from sencodesk.domain.clock.calendar import academic_year_of
from sencodesk.domain.codes import YearGroup
from sencodesk.domain.dates import uk
from sencodesk.domain.errors import ValidationError

#: Besides letters (with their accents and vowel signs), what a name may hold: spaces,
#: apostrophes (straight or curly), hyphens and full stops (O'Brien, Zoë Łukasiewicz-Smith,
#: St. John, Nguyễn), and the zero-width joiners some scripts' spelling needs.
_NAME_PUNCTUATION = " '’-.\u200c\u200d"

MAX_NAME = 100
MAX_SHORT = 200
MAX_TEXT = 4000
OLDEST_PUPIL_YEARS = 26  # the Code of Practice runs to age 25


def text(field: str, value: str, *, max_length: int = MAX_TEXT, required: bool = False) -> str:
    """Trim ``value``; refuse it if required and blank, or longer than ``max_length``."""
    cleaned = unicodedata.normalize("NFC", value.strip())
    if required and not cleaned:
        raise ValidationError(field, "this is required")
    if len(cleaned) > max_length:
        raise ValidationError(
            field, f"is {len(cleaned):,} characters long; the most allowed is {max_length:,}"
        )
    if "\x00" in cleaned:
        raise ValidationError(field, "contains a NUL character")
    refused = scripts.refusal(cleaned)
    if refused:
        raise ValidationError(field, refused)
    return cleaned


def _name_problem(value: str) -> str | None:
    """Why ``value`` is not a name, or None: it must start with a letter and hold only
    letters (any script the documents print), their accents and vowel signs, and
    :data:`_NAME_PUNCTUATION`."""
    if not unicodedata.category(value[0]).startswith("L"):
        return "should start with a letter"
    for index, char in enumerate(value):
        kind = unicodedata.category(char)
        if kind.startswith("L") or char in _NAME_PUNCTUATION:
            continue
        if kind.startswith("M") and unicodedata.category(value[index - 1])[0] in "LM":
            continue  # an accent or vowel sign on the letter before it
        shown = "a digit" if kind == "Nd" else repr(char)
        return (f"has {shown}; a name holds only letters, spaces, apostrophes, hyphens and "
                "full stops")
    return None


def name(field: str, value: str, *, required: bool = True) -> str:
    cleaned = text(field, value, max_length=MAX_NAME, required=required)
    if cleaned:
        problem = _name_problem(cleaned)
        if problem:
            raise ValidationError(field, f"{cleaned!r} {problem}")
    return cleaned


# How MIS exports and forms write a pupil's sex, to the school census codes (M, F); blank or
# "not known" is kept blank. CTFs carry only M or F (DfE CTF specification).
_SEXES = {"m": "M", "male": "M", "boy": "M", "f": "F", "female": "F", "girl": "F",
          "": "", "u": "", "unknown": "", "not known": ""}


def sex(value: str, *, field: str = "gender") -> str:
    """M, F or blank, from the ways an MIS or a person writes it."""
    cleaned = " ".join(value.split()).casefold()
    if cleaned not in _SEXES:
        raise ValidationError(field, f"{value.strip()!r} is not M or F (Male and Female are "
                              "read too; leave it blank if not known)")
    return _SEXES[cleaned]


#: How far a pupil's year group may be from the one their age puts them in: pupils with SEN are
#: sometimes taught a year or two out of their cohort; more than that is a typing slip.
YEARS_OUT_OF_COHORT = 2


def year_for_age(dob: date, on: date) -> int:
    """The year group a child born on ``dob`` is in on ``on`` by age: Reception in the
    academic year (from 1 September) after they turn four (0 = Reception, -1 = Nursery)."""
    return academic_year_of(on) - academic_year_of(dob) - 5


def year_group_fits(dob: date, year_group: YearGroup, *, today: date) -> None:
    """Refuse a date of birth and year group that are too far apart to both be right. Young
    people with an EHC plan may stay to 25, so anyone past Year 14 by age fits Years 12-14."""
    expected = min(year_for_age(dob, today), int(YearGroup.Y14))
    if abs(int(year_group) - expected) > YEARS_OUT_OF_COHORT:
        by_age = (YearGroup(expected).label if expected >= YearGroup.NURSERY
                  else "no year group yet (too young for nursery)")
        raise ValidationError(
            "date of birth", f"{uk(dob)} puts the pupil in {by_age} by age, not "
            f"{year_group.label}; check the date of birth and the year group")


def upn(value: str, *, field: str = "upn") -> str:
    if not value.strip():
        raise ValidationError(field, "is missing")
    result = upn_rules.check(value)
    if not result.valid:
        raise ValidationError(field, f"{result.upn or value!r} is not a valid UPN: {result.reason}")
    return result.upn


def date_of_birth(value: date, *, today: date, field: str = "date of birth") -> date:
    if value > today:
        raise ValidationError(field, f"{uk(value)} is in the future")
    if today.year - value.year > OLDEST_PUPIL_YEARS:
        raise ValidationError(field, f"{uk(value)} would make the pupil over 25")
    return value


#: Dates outside these years are typing slips (a case file spans a child's life and the
#: statutory clocks run a few years ahead); refusing them also keeps date arithmetic in range.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100


def plausible_date(value: date, *, field: str = "date") -> date:
    """Refuse a date outside :data:`EARLIEST_YEAR`-:data:`LATEST_YEAR` with a plain reason."""
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValidationError(field, f"{uk(value)} is not a date sencodesk can use: "
                              f"give a year between {EARLIEST_YEAR} and {LATEST_YEAR}")
    return value


def period(
    start: date, end: date | None, *, start_field: str = "start", end_field: str = "end"
) -> None:
    """An end date, if given, may not come before its start."""
    if end is not None and end < start:
        raise ValidationError(
            end_field, f"{uk(end)} is before the {start_field} date {uk(start)}"
        )


def whole_number(field: str, value: int, *, low: int, high: int) -> int:
    if not low <= value <= high:
        raise ValidationError(field, f"should be between {low} and {high}, not {value}")
    return value
