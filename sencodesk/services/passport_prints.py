"""Who printed which version of a pupil's passport, and what has changed in it since: a
teacher sees, in My pupils and on the next print, the sections rewritten since their last."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import UTC, datetime

from sqlmodel import Session, col, func, select

from sencodesk.domain.permissions import PRINTS_FOR_OTHERS, Permission
from sencodesk.domain.records import (
    PassportContent,
    PassportRecord,
    SincePrinted,
    changed_sections,
    passport_sha256,
)
from sencodesk.services.context import Desk
from sencodesk.store.tables import PassportPrint, PassportVersion


def record(desk: Desk, printed: Iterable[PassportRecord], *, staff_id: int | None = None,
           at: datetime | None = None) -> None:
    """Note that these passport versions were printed for ``staff_id`` (the signed-in person
    unless given: a pack made for a teacher counts as their print). Joins the printing unit of
    work, so the note is kept with the export's audit entry or not at all. Only a role
    that makes other staff's packs (PRINTS_FOR_OTHERS) notes a print as someone else's."""
    at = at or datetime.now(UTC)
    if staff_id not in (None, desk.actor.staff_id):
        desk.require(PRINTS_FOR_OTHERS)
    with desk.unit(Permission.PRINT_PASSPORTS) as session:
        session.add_all(PassportPrint(
            pupil_id=p.pupil_id, staff_id=staff_id or desk.actor.staff_id, version=p.version,
            content_sha256=passport_sha256(p.content), printed_at=at) for p in printed)


def since_printed(desk: Desk, latest: dict[int, PassportRecord], *,
                  staff_id: int | None = None) -> dict[int, SincePrinted]:
    """For each pupil of ``latest`` (their newest passports) that ``staff_id`` (the signed-in
    person unless given) printed before: what changed since their last print. Pupils never
    printed, or unchanged since, are left out."""
    if not latest:
        return {}
    reader = staff_id or desk.actor.staff_id
    ids = sorted(latest)
    with desk.unit(Permission.READ_PASSPORTS) as session:
        newest = (select(PassportPrint.pupil_id, func.max(PassportPrint.id).label("last"))
                  .where(col(PassportPrint.staff_id) == reader,
                         col(PassportPrint.pupil_id).in_(ids))
                  .group_by(col(PassportPrint.pupil_id)).subquery())
        prints = session.exec(select(PassportPrint).join(
            newest, col(PassportPrint.id) == newest.c.last)).all()
        stale = {p.pupil_id: p for p in prints
                 if p.content_sha256 != passport_sha256(latest[p.pupil_id].content)}
        wanted = [(p.pupil_id, p.version) for p in stale.values()]
        before = _contents(session, wanted)
    found: dict[int, SincePrinted] = {}
    for pid, printed in stale.items():
        sections = changed_sections(before.get(pid, PassportContent()), latest[pid].content)
        if sections:
            found[pid] = SincePrinted(printed.printed_at, printed.version, sections)
    return found


def _contents(session: Session, wanted: Sequence[tuple[int, int]],
              ) -> dict[int, PassportContent]:
    """The words of these (pupil, version) passports."""
    if not wanted:
        return {}
    keep = set(wanted)
    rows = session.exec(select(PassportVersion).where(
        col(PassportVersion.pupil_id).in_(sorted({pid for pid, _ in keep})),
        col(PassportVersion.version).in_(sorted({version for _, version in keep}))))
    names = [f.name for f in fields(PassportContent)]
    return {r.pupil_id: PassportContent(**{n: getattr(r, n) for n in names})
            for r in rows if (r.pupil_id, r.version) in keep}
