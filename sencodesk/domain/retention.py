"""How long a pupil's SEN file is kept, and when it is listed for deletion (a person confirms).

- The last school a pupil attended keeps the SEN file until the pupil's date of birth plus 31
  years (IRMS Information Management Toolkit for Schools, retention schedule for special
  educational needs files, reviews and EHC plans: date of birth + 31 years, i.e. 25 years for
  the life of a plan and 6 more).
- A pupil who moves to another school takes the file with them: the toolkit's pupil-record
  guidance says the file follows the pupil to the next school and the school left behind
  should not keep a copy. So once the SEN file has been sent to the next school, the record is
  listed for deletion under the school's policy (checked, then deleted by a person), and the
  31 years run at the school that received it.
"""

from __future__ import annotations

from datetime import date

from sencodesk.domain.clock.calendar import months_after

RETENTION_YEARS = 31
SOURCE = "IRMS toolkit for schools: SEN files, date of birth + 31 years"
TRANSFER_SOURCE = ("IRMS toolkit for schools: the file follows the pupil to the next school, "
                   "which keeps it for date of birth + 31 years; no copy is kept here")


def retention_ends(dob: date) -> date:
    """The last day the file is kept (29 February births end on 28 February)."""
    return months_after(dob, 12 * RETENTION_YEARS)


def is_due(dob: date, left_on: date | None, today: date, *,
           file_sent_on: date | None = None) -> bool:
    """True once a pupil who has left is past their retention date, or once their SEN file
    has been sent to the school they moved to."""
    if left_on is None:
        return False
    if file_sent_on is not None and file_sent_on <= today:
        return True
    return today > retention_ends(dob)
