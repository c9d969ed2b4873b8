"""The deadlines calendar as an RFC 5545 iCalendar file that Outlook, Google Calendar and Apple
Calendar import: all-day events, each with a stable UID so a second import updates it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import icalendar

from sencodesk import __version__
from sencodesk.domain.calendar_events import CalendarSheet


def calendar_ics(sheet: CalendarSheet, *, stamp: datetime | None = None) -> bytes:
    """The iCalendar file for ``sheet``."""
    now = stamp or datetime.now(UTC)
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//sencodesk//sencodesk {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"SEND deadlines: {sheet.school}")
    for found in sheet.events:
        event = icalendar.Event()
        event.add("uid", found.uid)
        event.add("dtstamp", now)
        event.add("last-modified", now)
        event.add("dtstart", found.on)
        event.add("dtend", found.on + timedelta(days=1))
        event.add("summary", found.summary)
        event.add("description", found.description)
        event.add("categories", [found.category])
        event.add("transp", "TRANSPARENT")  # a deadline, not time spent in a meeting
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data
