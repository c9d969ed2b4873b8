"""The SEN information report: the school's own words for each Schedule 1 heading, kept from
year to year, and this year's figures drawn from the case file."""

from __future__ import annotations

from collections import Counter, defaultdict

from sqlmodel import select

from sencodesk.domain import evidence, validation
from sencodesk.domain.clock import academic_year_bounds
from sencodesk.domain.clock.calendar import months_after
from sencodesk.domain.codes import SenStatus
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.info_report import (
    KEYS,
    ImpactLine,
    InfoReportFigures,
    InfoReportSheet,
)
from sencodesk.domain.permissions import Permission
from sencodesk.services import audit, cycles, provision_map, pupils, school, versions
from sencodesk.services.context import Desk, composite
from sencodesk.services.report_data import record_export
from sencodesk.store.tables import InfoReportSection

MAX_SECTION = 8000


def texts(desk: Desk) -> dict[str, str]:
    """The school's words for each section it has written (by section key)."""
    with desk.unit(Permission.READ_SCHOOL) as session:
        return {row.key: row.text for row in session.exec(select(InfoReportSection))}


def set_text(desk: Desk, key: str, text: str, *, opened_version: int | None = None) -> None:
    """Save the school's words for one section; audited. From the editor,
    ``opened_version`` is the section's version it showed (``versions_of``; 0 for a section
    never written), see services.versions."""
    if key not in KEYS:
        raise ValidationError("section", f"{key!r} is not a section of the report "
                              f"({', '.join(sorted(KEYS))})")
    cleaned = validation.text(key, text, max_length=MAX_SECTION)
    with desk.unit(Permission.EDIT_SCHOOL) as session:
        row = session.get(InfoReportSection, key) or InfoReportSection(key=key, version=0)
        versions.claim(session, row, opened_version, what="section of the information report",
                       entities=("information report",), entity_id=None,
                       summary=_summary(key))
        row.text, row.updated_on = cleaned, desk.today()
        session.add(row)
        audit.record(session, desk.actor, "update", "information report",
                     summary=_summary(key))


def _summary(key: str) -> str:
    return f"SEN information report section {key} edited"


def versions_of(desk: Desk) -> dict[str, int]:
    """Each written section's version (one never written is 0)."""
    with desk.unit(Permission.READ_SCHOOL) as session:
        return {row.key: row.version for row in session.exec(select(InfoReportSection))}


def _figures(desk: Desk) -> InfoReportFigures:
    today = desk.today()
    info = school.get(desk)
    on_roll = pupils.list_pupils(desk)
    register = [r for r in on_roll if r.status in evidence.ON_REGISTER]
    needs = Counter(r.primary_need for r in register if r.primary_need is not None)
    year_starts, year_ends = academic_year_bounds(today)
    found = provision_map.provision_map(desk, starts_on=year_starts, ends_on=year_ends)
    waves: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for line in found.by_intervention:
        waves[line.wave][0] += 1
        waves[line.wave][1] += line.pupils
    by_pupil = cycles.cycles_for_pupils(desk, None,
                                        overlapping=(months_after(today, -12), today))
    impact = evidence.intervention_impact((c for f in by_pupil.values() for c in f), today)
    return InfoReportFigures(
        on_roll=len(on_roll), support=sum(r.status is SenStatus.SUPPORT for r in register),
        ehcp=sum(r.status is SenStatus.EHCP for r in register),
        by_need=tuple(needs.most_common()),
        provision=tuple((wave, n, places) for wave, (n, places) in sorted(waves.items())),
        impact=tuple(ImpactLine(i.name, i.pupils, i.outcomes, i.met_or_exceeded)
                     for i in impact),
        senco_name=school.senco_name(desk), senco_contact=info.senco_contact)


@composite(Permission.EXPORT, Permission.READ_SUPPORT)
def gather(desk: Desk) -> InfoReportSheet:
    """The report as of today (its export audited)."""
    figures = _figures(desk)
    record_export(desk, "information report", summary="SEN information report exported")
    return InfoReportSheet(school.get(desk).name, desk.actor.name, desk.today(), texts(desk),
                           figures, school.logo(desk))
