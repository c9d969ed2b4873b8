"""The school's deadlines for the SENCO's own calendar (an iCalendar file), audited."""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

from sencodesk.domain import evidence
from sencodesk.domain.calendar_events import CalendarSheet, events
from sencodesk.domain.census_days import census_days
from sencodesk.domain.permissions import Permission
from sencodesk.services import deadlines, school
from sencodesk.services.context import Desk, composite
from sencodesk.services.report_data import record_export

#: How far ahead census days are added when no ``within`` is given.
CENSUS_HORIZON_DAYS = 366


@composite(Permission.EXPORT)
def calendar(desk: Desk, *, within_days: int | None = None, names: bool = False,
             ) -> CalendarSheet:
    """Every open deadline (overdue included; those due within ``within_days`` if given) and
    the census days ahead, as calendar events. Pupils are shown by initials and their stable
    code unless ``names``."""
    secret = desk.secret("sencodesk anonymous pupil codes")
    today = desk.today()
    items = deadlines.school_deadlines(desk, within_days=within_days)
    horizon = today + timedelta(days=CENSUS_HORIZON_DAYS if within_days is None
                                else within_days)
    census = [day for year in (today.year - 1, today.year) for day in census_days(year)
              if today <= day.on <= horizon]

    def code_for(pupil_id: int) -> str:
        return evidence.anonymous_code(secret, pupil_id).removeprefix("Pupil ")

    def uid_for(key: str) -> str:
        return hmac.new(secret, f"calendar:{key}".encode(), hashlib.sha256).hexdigest()[:32]

    found = events(items, census, code_for=code_for, uid_for=uid_for, names=names)
    record_export(desk, "calendar", summary=f"calendar of {len(found)} deadlines exported"
                  + (" with pupils' names" if names else ""))
    return CalendarSheet(school.get(desk).name, desk.actor.name, found)
