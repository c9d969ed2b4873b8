"""What "a pupil matches the register's filters" means: one definition for the command line,
the reports and the Register screen.

Text is compared Unicode case-folded (``str.casefold`` after NFKC), so "łuk" finds
"Łukasiewicz" and "STRASSE" finds "Straße"; a search looks at the legal and the preferred
names and the UPN, so a pupil is found by either name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from sencodesk.domain.codes import NeedType, SenStatus, YearGroup
from sencodesk.domain.records import PupilRow


@dataclass(frozen=True)
class RegisterFilter:
    """The register's filters; empty fields let everyone through.

    ``need`` matches a pupil's primary or secondary need: the register shows both."""

    status: SenStatus | None = None
    statuses: frozenset[SenStatus] = field(default_factory=frozenset)
    need: NeedType | None = None
    year_group: YearGroup | None = None
    form: str | None = None
    search: str = ""
    include_left: bool = False
    review_overdue: bool = False


def fold(text: str) -> str:
    """Text as compared by the filters: compatibility-normalised and case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def search_text(row: PupilRow) -> str:
    """Everything a search looks in, folded: legal and preferred names both ways round, UPN."""
    return fold("\n".join((
        row.sort_name, row.display_name,
        f"{row.legal_surname}, {row.legal_forename}", f"{row.legal_forename} {row.legal_surname}",
        row.upn,
    )))


def matches(row: PupilRow, where: RegisterFilter, *, today: date,
            haystack: str | None = None) -> bool:
    """Whether ``row`` passes every filter in ``where``. ``haystack`` is ``search_text(row)``
    when the caller keeps it (the Register screen does, to search as you type)."""
    statuses = set(where.statuses) | ({where.status} if where.status else set())
    term = fold(where.search.strip())
    return ((where.include_left or row.left_on is None)
            and (not statuses or row.status in statuses)
            and (where.need is None or where.need in (row.primary_need, row.secondary_need))
            and (where.year_group is None or row.year_group == where.year_group)
            and (not where.form or fold(row.form) == fold(where.form.strip()))
            and (not term or term in (haystack if haystack is not None else search_text(row)))
            and (not where.review_overdue
                 or (row.next_review is not None and row.next_review < today)))


def needs_text(row: PupilRow) -> str:
    """The pupil's needs as the register shows them: primary first, then secondary."""
    return ", ".join(n.value for n in (row.primary_need, row.secondary_need) if n)


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key putting class names in the order people expect: 7A, 8B, 10A (not 10A, 7A)."""
    return tuple((0, int(part)) if part.isdigit() else (1, fold(part))
                 for part in _DIGITS.split(text) if part)
