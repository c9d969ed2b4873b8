"""Supply cover sheets: one A4 page per teaching group for whoever covers a lesson, listing
the group's pupils with SEND in register order with one line each of how best to support
them (from their passport)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlmodel import col, select

from sencodesk.domain.codes import SenStatus
from sencodesk.domain.documents import CoverLine, CoverSheet
from sencodesk.domain.errors import NotFound, PermissionDenied
from sencodesk.domain.permissions import Permission, whole_school
from sencodesk.domain.records import PassportRecord, PupilRow
from sencodesk.services import groups, passports, register_rows, report_data, school
from sencodesk.services.context import Desk, composite
from sencodesk.store.tables import Pupil, TeachingGroup

_STATUS = {SenStatus.SUPPORT: "SEN support", SenStatus.EHCP: "EHC plan"}


def cover_lines(rows: Iterable[PupilRow], latest: Mapping[int, PassportRecord],
                ) -> tuple[tuple[CoverLine, ...], int]:
    """The lines of a cover sheet for these pupils (register order kept), and how many were
    left out: pupils neither on the SEN register nor with a passport."""
    lines: list[CoverLine] = []
    others = 0
    for row in rows:
        passport = latest.get(row.id)
        if row.status is SenStatus.NONE and passport is None:
            others += 1
            continue
        strategies = passport.content.strategies if passport else []
        lines.append(CoverLine(
            row.display_name, row.primary_need.label if row.primary_need else "",
            _STATUS.get(row.status, ""),
            strategies[0] if strategies else ""))
    return tuple(lines), others


def sheet(desk: Desk, group: groups.GroupRecord, rows: Iterable[PupilRow],
          latest: Mapping[int, PassportRecord], senco_contact: str) -> CoverSheet:
    """A group's cover sheet from what the caller has read already (a teacher pack reads it
    for all of a teacher's groups at once)."""
    lines, others = cover_lines(rows, latest)
    return CoverSheet(report_data.meta(desk, f"Supply cover sheet: {group.code}"), group.code,
                      group.subject, group.teachers, lines, others, senco_contact)


@composite(Permission.PRINT_PASSPORTS)
def cover_sheet(desk: Desk, code: str) -> CoverSheet:
    """The supply cover sheet of the group ``code`` as it stands today. A Teacher prints only
    their own groups' sheets."""
    desk.require(Permission.PRINT_PASSPORTS)
    day = desk.today()
    with desk.unit(Permission.READ_PUPILS) as session:
        wanted = code.strip().casefold()
        found = [g for g in session.exec(select(TeachingGroup))
                 if g.code.casefold() == wanted]
        if not found:
            raise NotFound(f"There is no teaching group {code.strip()!r}.")
        group = next((g for g in groups.groups_of(session, day, None)
                      if g.id == found[0].id), None)
        if group is None:
            raise NotFound(f"Teaching group {found[0].code} is not running today.")
        if not whole_school(desk.actor.role) and desk.actor.staff_id not in group.teacher_ids:
            raise PermissionDenied(f"You do not teach {group.code}, so you cannot print its "
                                   "cover sheet. Ask your SENCO if you need this.")
        ids = groups.members(session, group.id, day)
        rows = register_rows.read(session, [col(Pupil.id).in_(sorted(ids))]) if ids else []
    latest = passports.latest_for(desk, [r.id for r in rows]) if rows else {}
    made = sheet(desk, group, rows, latest, school.get(desk).senco_contact)
    report_data.record_export(desk, "cover sheet", summary=f"supply cover sheet for "
                              f"{group.code}: {len(made.lines)} pupils",
                              permission=Permission.PRINT_PASSPORTS)
    return made
