"""Gathering what each document needs, and the audited export entry points.

Reports draw plain data; this module fetches it with the signed-in desk's permissions and
records every export in the audit trail.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sencodesk.domain.codes import Role, SenStatus
from sencodesk.domain.errors import NotFound, ValidationError
from sencodesk.domain.permissions import Permission
from sencodesk.reports.passport import PassportResult, render_class_set, render_passport
from sencodesk.reports.plan import render_plan
from sencodesk.reports.theme import DocumentMeta
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


def passport_pdf(desk: Desk, pupil_id: int) -> PassportResult:
    """One pupil's passport on one A4 page."""
    desk.require(Permission.PRINT_PASSPORTS)
    detail = pupils.get(desk, pupil_id)
    record = passports.latest(desk, pupil_id)
    if record is None:
        raise NotFound(f"{detail.row.display_name} has no passport yet: write one first.")
    result = render_passport(meta(desk, f"Pupil passport: {detail.row.display_name}"),
                             detail.row, record, photo=records_log.photo(desk, pupil_id),
                             contacts=_contacts(desk, pupil_id))
    record_export(desk, "passport", pupil_id=pupil_id, summary="passport printed")
    return result


def passports_pdf(desk: Desk, pupil_ids: Sequence[int], *, title: str = "Pupil passports",
                  ) -> PassportResult:
    """The passports of these pupils, one per page; pupils with none are skipped and named."""
    desk.require(Permission.PRINT_PASSPORTS)
    wanted = set(pupil_ids)
    rows = [r for r in pupils.list_pupils(desk) if r.id in wanted]
    latest = passports.latest_for(desk, [r.id for r in rows])
    items = [(r, latest[r.id], records_log.photo(desk, r.id), _contacts(desk, r.id))
             for r in rows if r.id in latest]
    missing = [r.display_name for r in rows if r.id not in latest]
    if not items:
        raise ValidationError("pupils", "none of the chosen pupils has a passport yet")
    result = render_class_set(meta(desk, title), items)
    record_export(desk, "passports", summary=f"{len(items)} passports printed")
    if missing:
        note = f"No passport yet for: {', '.join(missing)}"
        return PassportResult(result.pdf, (*result.warnings, note))
    return result


def class_set_pdf(desk: Desk, form: str) -> PassportResult:
    """Every pupil on the SEND register (K or E) in a class, one passport per page."""
    rows = pupils.list_pupils(desk, pupils.RegisterFilter(
        form=form, statuses=frozenset({SenStatus.SUPPORT, SenStatus.EHCP})))
    if not rows:
        raise ValidationError("class", f"no pupil on the SEND register is in class {form!r}")
    return passports_pdf(desk, [r.id for r in rows], title=f"Pupil passports: class {form}")


def plan_pdf(desk: Desk, pupil_id: int) -> bytes:
    """The pupil's APDR plans and reviews, newest first, for parents and staff."""
    desk.require(Permission.READ_SUPPORT)
    row = pupils.get(desk, pupil_id).row
    pdf = render_plan(meta(desk, f"Support plan: {row.display_name}"), row,
                      cycles.cycles_for(desk, pupil_id))
    record_export(desk, "plan", pupil_id=pupil_id, summary="support plan exported")
    return pdf
