"""The window to appeal to the SEND Tribunal (SEND-RULES.md, Appeals)."""

from __future__ import annotations

from datetime import date

from sencodesk.domain.clock.calendar import first_working_day_from, months_after
from sencodesk.domain.clock.milestone import Milestone, make
from sencodesk.domain.clock.rules import citation, label
from sencodesk.domain.dates import uk


def appeal_deadline(decision_on: date, *, mediation_certificate_on: date | None = None,
                    today: date) -> Milestone:
    """Two months from the decision letter or one month from the mediation certificate,
    whichever is later. A last day from 25 December to 1 January moves to the first working
    day of January; one in August to the first working day of September."""
    last = months_after(decision_on, 2)
    if mediation_certificate_on is not None:
        last = max(last, months_after(mediation_certificate_on, 1))
    note = ""
    if (last.month == 12 and last.day >= 25) or (last.month == 1 and last.day == 1):
        moved = first_working_day_from(date(last.year + (last.month == 12), 1, 1))
        note = f"moved from {uk(last)} (25 December to 1 January)"
        last = moved
    elif last.month == 8:
        moved = first_working_day_from(date(last.year, 9, 1))
        note = f"moved from {uk(last)} (August)"
        last = moved
    return make("appeal_deadline", label("appeal_deadline"), last,
                citation("appeal_deadline"), today=today, note=note)
