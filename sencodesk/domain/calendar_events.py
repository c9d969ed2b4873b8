"""Deadlines as calendar events: one all-day event per deadline, with the rule it comes from.

Pure: the due items and census days in, events out. A pupil is shown by initials and a code
unless names are asked for; the UPN never appears. Each event's UID is made by ``uid_for``
(a keyed hash supplied by the service) from what the deadline is, not from its date, so that a
calendar importing the file again updates the event instead of adding a second one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sencodesk.domain.census_days import RULE as CENSUS_RULE
from sencodesk.domain.census_days import CensusDay
from sencodesk.domain.due import DueItem

UID_DOMAIN = "sencodesk"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    on: date
    summary: str
    description: str
    category: str  # "Statutory", "Practice target" or "School"


@dataclass(frozen=True)
class CalendarSheet:
    school: str
    produced_by: str
    events: tuple[CalendarEvent, ...]


def initials(name: str) -> str:
    """"Zoë O'Brien" -> "ZO"."""
    return "".join(part[0].upper() for part in name.replace("-", " ").split() if part[0].isalpha())


def pupil_label(item: DueItem, code: str, *, names: bool) -> str:
    return item.pupil_name if names else f"{initials(item.pupil_name)} ({code})"


def events(items: Sequence[DueItem], census: Sequence[CensusDay], *,
           code_for: Callable[[int], str], uid_for: Callable[[str], str],
           names: bool = False) -> tuple[CalendarEvent, ...]:
    """One event per due item and census day. ``code_for(pupil_id)`` gives a pupil's stable
    code; ``uid_for(key)`` turns a stable key into the UID's local part."""
    found: list[CalendarEvent] = []
    seen: dict[str, int] = {}
    for item in sorted(items, key=lambda i: (i.pupil_id, i.tab, i.milestone.id,
                                             i.milestone.due)):
        m = item.milestone
        key = f"due:{item.pupil_id}:{item.tab}:{m.id}"
        # the same milestone twice for one pupil (this review and the next): the nth, by date
        seen[key] = seen.get(key, 0) + 1
        who = pupil_label(item, code_for(item.pupil_id), names=names)
        kind = "Practice target" if m.is_practice else "Statutory"
        weight = "practice target, not a statutory limit" if m.is_practice else "statutory"
        lines = [f"{m.label}.", f"Pupil: {who}, {item.year_group.label}.",
                 f"Rule: {m.rule} ({weight}; {m.owner.value}'s duty).",
                 f"Status when exported: {m.status.value}."]
        if m.note and names:  # a note may quote what a person typed, names and all
            lines.append(m.note)
        found.append(CalendarEvent(f"{uid_for(f'{key}:{seen[key]}')}@{UID_DOMAIN}", m.due,
                                   f"{m.label}: {who}", "\n".join(lines), kind))
    for day in census:
        found.append(CalendarEvent(
            f"{uid_for(f'census:{day.on.isoformat()}')}@{UID_DOMAIN}", day.on, day.label,
            f"{day.label}: SEN provision and need types in the MIS must agree with the "
            f"register (sencodesk census check).\nRule: {CENSUS_RULE}.", "School"))
    return tuple(sorted(found, key=lambda e: (e.on, e.summary)))
