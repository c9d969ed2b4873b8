"""How long a pupil's SEN file is kept: until the pupil's date of birth plus 31 years (IRMS
Information Management Toolkit for Schools, as SEND-RULES cites it), and only once they have
left; then it is listed for deletion, which a person confirms."""

from __future__ import annotations

from datetime import date

from sencodesk.domain.clock.calendar import months_after

RETENTION_YEARS = 31
SOURCE = "IRMS toolkit for schools: SEN files, date of birth + 31 years"


def retention_ends(dob: date) -> date:
    """The last day the file is kept (29 February births end on 28 February)."""
    return months_after(dob, 12 * RETENTION_YEARS)


def is_due(dob: date, left_on: date | None, today: date) -> bool:
    """True once a pupil who has left is past their retention date."""
    return left_on is not None and today > retention_ends(dob)
