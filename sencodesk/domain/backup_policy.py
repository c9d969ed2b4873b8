"""Which automatic backups to keep: the newest of each of the last 7 days that have one, and
the newest of each of the last 4 ISO weeks that have one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

DAILY = 7
WEEKLY = 4


def keep(taken: Sequence[datetime], *, daily: int = DAILY, weekly: int = WEEKLY) -> set[datetime]:
    """The subset of ``taken`` to keep; everything else may be deleted."""
    newest_first = sorted(taken, reverse=True)
    kept: set[datetime] = set()
    days: list[object] = []
    weeks: list[object] = []
    for moment in newest_first:
        day = moment.date()
        week = moment.isocalendar()[:2]
        if day not in days and len(days) < daily:
            days.append(day)
            kept.add(moment)
        if week not in weeks and len(weeks) < weekly:
            weeks.append(week)
            kept.add(moment)
    return kept
