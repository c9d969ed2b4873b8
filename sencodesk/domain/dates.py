"""UK dates, read and written in one place: dd/mm/yyyy on every screen, document and command.

``parse`` takes what people type: ``1/10/26``, ``01/10/2026``, ``011026``, ``01102026``,
``1.10.2026``, ``1-10-2026``, ``2026-10-01`` (ISO, as the command line and pasted data may give),
with spaces around. Anything else is refused with a message that says how to write it, never
guessed at: a wrong date would move every deadline computed from it.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from sencodesk.domain.errors import ValidationError

UK_FORMAT = "%d/%m/%Y"
UK_TIME_FORMAT = "%d/%m/%Y %H:%M"
HINT = "dd/mm/yyyy"
# Two-digit years: 00-99 is read as the century that puts the date no more than this many
# years after today (so '26 is 2026, and a date of birth '98 is 1998).
TWO_DIGIT_YEARS_AHEAD = 20

_SEPARATED = re.compile(r"(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{2}|\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_RUN = re.compile(r"(\d{2})(\d{2})(\d{2}|\d{4})")


def uk(value: date | None, blank: str = "") -> str:
    """dd/mm/yyyy, or ``blank`` for no date."""
    return value.strftime(UK_FORMAT) if value is not None else blank


def uk_time(value: datetime) -> str:
    """dd/mm/yyyy hh:mm."""
    return value.strftime(UK_TIME_FORMAT)


def uk_at(value: datetime) -> str:
    """hh:mm on dd/mm/yyyy, as a sentence says when something happened."""
    return f"{value:%H:%M} on {value.strftime(UK_FORMAT)}"


def _full_year(text: str, today: date) -> int:
    year = int(text)
    if len(text) == 4:
        return year
    century = today.year // 100 * 100
    candidate = century + year
    return candidate - 100 if candidate > today.year + TWO_DIGIT_YEARS_AHEAD else candidate


def parse(text: str, *, today: date, field: str = "date") -> date:
    """The date ``text`` means, read the UK way (day first); ValidationError naming ``field``
    if it cannot be read as one."""
    cleaned = text.strip()
    if not cleaned:
        raise ValidationError(field, f"enter a date as {HINT}")
    iso = _ISO.fullmatch(cleaned)
    if iso:
        year, month, day = int(iso[1]), int(iso[2]), int(iso[3])
    else:
        found = _SEPARATED.fullmatch(cleaned) or _RUN.fullmatch(cleaned)
        if found is None:
            raise ValidationError(field, f"{cleaned!r} is not a date; type it as {HINT}")
        day, month, year = int(found[1]), int(found[2]), _full_year(found[3], today)
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(
            field, f"{cleaned!r} is not a date in the calendar; type it as {HINT}") from None
