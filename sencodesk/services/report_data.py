"""Gathering what each document needs, and auditing its export.

Each function checks the signed-in desk's permission, reads what the document shows and returns
a frozen sheet (:mod:`sencodesk.domain.documents`) for :func:`sencodesk.reports.render` to draw.
Gathering is the moment data leaves the case file, so that is when the export is audited.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sencodesk.domain.codes import Role, SenStatus
from sencodesk.domain.documents import DocumentMeta, PassportSet, PassportSheet, PlanSheet
from sencodesk.domain.errors import NotFound, ValidationError
from sencodesk.domain.permissions import Permission
from sencodesk.services import accounts, audit, cycles, passports, pupils, records_log, school
from sencodesk.services.context import Desk


def meta(desk: Desk, title: str) -> DocumentMeta:
    return DocumentMeta(school=school.get(desk).name, produced_by=desk.actor.name,
                        produced_at=datetime.now(), title=title)


def record_export(desk: Desk, document: str, *, pupil_id: int | None = None,
                  summary: str = "") -> None:
    """Every export leaves an audit entry: what was exported, by whom, about whom."""
    with desk.db.transaction() as session:
        audit.record(session, desk.actor, "export", document, pupil_id=pupil_id,
                     summary=summary or document)


def _contacts(desk: Desk, pupil_id: int) -> list[str]:
    detail = pupils.get(desk, pupil_id)
    lines = [f"{p.relationship or 'Parent/carer'}: {p.name}" + (f" ({p.phone})" if p.phone
                                                                  else "")
             for p in detail.parents[:2]]
    if desk.actor.may(Permission.MANAGE_ACCOUNTS):
        sencos = [a.name for a in accounts.list_accounts(desk) if a.role is Role.SENCO]
        lines += [f"SENCO: {name}" for name in sencos[:1]]
    return lines


def passport(desk: Desk, pupil_id: int) -> PassportSet:
    """One pupil's passport on one A4 page."""
    desk.require(Permission.PRINT_PASSPORTS)
    detail = pupils.get(desk, pupil_id)
    record = passports.latest(desk, pupil_id)
    if record is None:
        raise NotFound(f"{detail.row.display_name} has no passport yet: write one first.")
    sheet = PassportSheet(detail.row, record, records_log.photo(desk, pupil_id),
                          tuple(_contacts(desk, pupil_id)))
    record_export(desk, "passport", pupil_id=pupil_id, summary="passport printed")
    return PassportSet(meta(desk, f"Pupil passport: {detail.row.display_name}"), (sheet,))


def passports_for(desk: Desk, pupil_ids: Sequence[int], *, title: str = "Pupil passports",
                  ) -> PassportSet:
    """The passports of these pupils, one per page; pupils with none are skipped and named."""
    desk.require(Permission.PRINT_PASSPORTS)
    wanted = set(pupil_ids)
    rows = [r for r in pupils.list_pupils(desk) if r.id in wanted]
    latest = passports.latest_for(desk, [r.id for r in rows])
    sheets = tuple(PassportSheet(r, latest[r.id], records_log.photo(desk, r.id),
                                 tuple(_contacts(desk, r.id)))
                   for r in rows if r.id in latest)
    if not sheets:
        raise ValidationError("pupils", "none of the chosen pupils has a passport yet")
    record_export(desk, "passports", summary=f"{len(sheets)} passports printed")
    return PassportSet(meta(desk, title), sheets,
                       tuple(r.display_name for r in rows if r.id not in latest))


def class_set(desk: Desk, form: str) -> PassportSet:
    """Every pupil on the SEND register (K or E) in a class, one passport per page."""
    rows = pupils.list_pupils(desk, pupils.RegisterFilter(
        form=form, statuses=frozenset({SenStatus.SUPPORT, SenStatus.EHCP})))
    if not rows:
        raise ValidationError("class", f"no pupil on the SEND register is in class {form!r}")
    return passports_for(desk, [r.id for r in rows], title=f"Pupil passports: class {form}")


def plan(desk: Desk, pupil_id: int) -> PlanSheet:
    """The pupil's APDR plans and reviews, for parents and staff."""
    desk.require(Permission.READ_SUPPORT)
    row = pupils.get(desk, pupil_id).row
    sheet = PlanSheet(meta(desk, f"Support plan: {row.display_name}"), row,
                      tuple(cycles.cycles_for(desk, pupil_id)))
    record_export(desk, "plan", pupil_id=pupil_id, summary="support plan exported")
    return sheet
