"""School-wide inclusion figures: attendance, persistent absence, suspensions and permanent
exclusions for pupils on K, on E and not on the register over three years; part-time
timetables in force; disadvantaged pupils with SEND."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlmodel import col, select

from sencodesk.domain import evidence
from sencodesk.domain.clock.calendar import academic_year_of
from sencodesk.domain.evidence import StatusSpan
from sencodesk.domain.inclusion_figures import (
    InclusionFigures,
    PartTimeInForce,
    YearRates,
    disadvantage,
)
from sencodesk.domain.inclusion_rates import GROUPS, census_day, group_rates, pupil_years
from sencodesk.domain.permissions import Permission
from sencodesk.services import inclusion, pupils, sen_history
from sencodesk.services.context import Desk, composite
from sencodesk.store.tables import Pupil

YEARS = 3


def _on_roll(desk: Desk) -> list[tuple[int, date | None, date | None]]:
    """Every pupil ever on file, with when they joined and left."""
    with desk.unit(Permission.READ_CONTEXT) as session:
        return [(pid or 0, joined, left) for pid, joined, left in session.exec(
            select(col(Pupil.id), col(Pupil.joined_on), col(Pupil.left_on)))]


@composite(Permission.READ_CONTEXT, Permission.EXPORT, writes=False)
def figures(desk: Desk, *, anonymise: bool = False, years: int = YEARS) -> InclusionFigures:
    """The figures as of today, for the last ``years`` academic years (this one included).
    With ``anonymise`` no pupil is named (the counts are suppressed where they are drawn)."""
    today = desk.today()
    spans: dict[int, list[StatusSpan]] = defaultdict(list)
    for span in sen_history.status_spans(desk):
        spans[span.pupil_id].append(span)
    attendance, exclusions = inclusion.attendance(desk), inclusion.exclusions(desk)
    everyone = _on_roll(desk)
    found = []
    current = academic_year_of(today)
    for start in range(current - years + 1, current + 1):
        day = min(census_day(start), today)
        roll = [pid for pid, joined, left in everyone
                if (joined is None or joined <= day) and (left is None or left >= day)]
        rows = pupil_years(start, roll, spans, attendance, exclusions, day=day)
        found.append(YearRates(start, tuple(group_rates(g, rows) for g in GROUPS)))
    register = {r.id: r for r in pupils.list_pupils(desk)}
    secret = sen_history.anonymity_secret(desk) if anonymise else b""
    part_time = tuple(sorted((
        PartTimeInForce(
            evidence.anonymous_code(secret, p.pupil_id) if anonymise
            else register[p.pupil_id].display_name,
            register[p.pupil_id].year_group, register[p.pupil_id].status, p.starts_on,
            p.planned_end, p.review_on, "" if anonymise else p.reason,
            0 if anonymise else p.pupil_id)
        for p in inclusion.part_time(desk) if p.in_force(today) and p.pupil_id in register),
        key=lambda p: (p.review_on, p.pupil)))
    return InclusionFigures(
        today, anonymise, tuple(found), part_time,
        disadvantage({pid: r.status for pid, r in register.items()}, inclusion.contexts(desk)))
