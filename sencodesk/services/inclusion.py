"""A pupil's inclusion context: attendance, suspensions and exclusions, part-time timetables
and flags. Every write is audited; child in need and child protection are read only by roles
with READ_SAFEGUARDING (SENCO, head) and are kept as they are when anyone else saves."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, fields, replace
from datetime import date

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from sencodesk.domain.dates import uk
from sencodesk.domain.errors import NotFound
from sencodesk.domain.inclusion import (
    SAFEGUARDING_FLAGS,
    AttendanceRecord,
    ContextFlags,
    ExclusionKind,
    ExclusionRecord,
    PartTimeRecord,
    Term,
    check_attendance,
    check_exclusion,
    check_part_time,
    reason_code,
)
from sencodesk.domain.permissions import Permission
from sencodesk.services import audit, pupils
from sencodesk.services.context import Desk
from sencodesk.store.tables import AttendanceTerm, Exclusion, PartTimeTimetable, PupilContext

_FLAG_NAMES = tuple(f.name for f in fields(ContextFlags))


def _flags_of(row: PupilContext | None, *, safeguarding: bool) -> ContextFlags:
    values = {name: bool(getattr(row, name, False)) for name in _FLAG_NAMES}
    flags = ContextFlags(**values)
    if not safeguarding:
        flags = replace(flags, child_in_need=None, child_protection=None)
    return flags


def context_of(desk: Desk, pupil_id: int) -> ContextFlags:
    """The pupil's flags; the safeguarding ones are None for roles that may not read them."""
    with desk.unit(Permission.READ_CONTEXT) as session:
        return _flags_of(session.get(PupilContext, pupil_id),
                         safeguarding=desk.actor.may(Permission.READ_SAFEGUARDING))


def contexts(desk: Desk) -> dict[int, ContextFlags]:
    """Every pupil's flags that has any, by pupil id (for school-wide figures)."""
    allowed = desk.actor.may(Permission.READ_SAFEGUARDING)
    with desk.unit(Permission.READ_CONTEXT) as session:
        return {row.pupil_id: _flags_of(row, safeguarding=allowed)
                for row in session.exec(select(PupilContext))}


def write_context(session: Session, desk: Desk, pupil_id: int, values: Mapping[str, bool], *,
                  summary: str) -> bool:
    """Set the flags named in ``values`` (the others keep what is stored); audited; True if
    anything changed."""
    row = session.get(PupilContext, pupil_id) or PupilContext(pupil_id=pupil_id)
    before = row.model_dump()
    for name, value in values.items():
        if name not in _FLAG_NAMES:
            raise ValueError(f"no such flag: {name}")
        setattr(row, name, bool(value))
    after = row.model_dump()
    if session.get(PupilContext, pupil_id) is not None and before == after:
        return False
    session.add(row)
    # safeguarding values never enter the audit text: only that they changed
    changed = {k: (["…", "…"] if k in SAFEGUARDING_FLAGS else v)
               for k, v in audit.changes(before, after).items()}
    audit.record(session, desk.actor, "update", "pupil context", entity_id=pupil_id,
                 pupil_id=pupil_id, summary=summary, changed=changed)
    return True


def set_context(desk: Desk, pupil_id: int, flags: ContextFlags) -> None:
    """Save the pupil's flags. Accounts that may not read the safeguarding flags cannot
    change them either: theirs are ignored."""
    if not desk.actor.may(Permission.READ_SAFEGUARDING):
        flags = replace(flags, child_in_need=None, child_protection=None)
    with desk.unit(Permission.EDIT_PUPILS) as session:
        pupils.editable(session, pupil_id)
        write_context(session, desk, pupil_id,
                      {k: v for k, v in asdict(flags).items() if v is not None},
                      summary="context flags")


def attendance_of(desk: Desk, pupil_id: int) -> list[AttendanceRecord]:
    """The pupil's attendance per term, oldest first."""
    return attendance(desk, [pupil_id]).get(pupil_id, [])


def attendance(desk: Desk, pupil_ids: Sequence[int] | None = None,
               ) -> dict[int, list[AttendanceRecord]]:
    """Attendance per term by pupil (everyone's when ``pupil_ids`` is None), oldest first."""
    order = list(Term)
    with desk.unit(Permission.READ_CONTEXT) as session:
        # plain columns, not table objects: a school's three years are some 12,000 rows
        query = sa_select(col(AttendanceTerm.pupil_id), col(AttendanceTerm.academic_year),
                       col(AttendanceTerm.term), col(AttendanceTerm.possible),
                       col(AttendanceTerm.attended), col(AttendanceTerm.authorised),
                       col(AttendanceTerm.unauthorised))
        if pupil_ids is not None:
            query = query.where(col(AttendanceTerm.pupil_id).in_(pupil_ids))
        found: dict[int, list[AttendanceRecord]] = {}
        for pid, year, term, *counts in session.execute(query):
            found.setdefault(pid, []).append(AttendanceRecord(year, Term(term), *counts))
    for records in found.values():
        records.sort(key=lambda r: (r.academic_year, order.index(r.term)))
    return found


def write_attendance(session: Session, desk: Desk, pupil_id: int, record: AttendanceRecord, *,
                     summary: str) -> bool:
    """Add or replace one term's attendance; audited; True if anything changed."""
    check_attendance(record.possible, record.attended, record.authorised, record.unauthorised)
    row = session.exec(select(AttendanceTerm).where(
        AttendanceTerm.pupil_id == pupil_id, AttendanceTerm.academic_year ==
        record.academic_year, AttendanceTerm.term == record.term.value)).first()
    values = {"possible": record.possible, "attended": record.attended,
              "authorised": record.authorised, "unauthorised": record.unauthorised}
    before = {k: getattr(row, k) for k in values} if row else {}
    if before == values:
        return False
    row = row or AttendanceTerm(pupil_id=pupil_id, academic_year=record.academic_year,
                                term=record.term.value, **values)
    for key, value in values.items():
        setattr(row, key, value)
    session.add(row)
    audit.record(session, desk.actor, "update" if before else "create", "attendance",
                 pupil_id=pupil_id, summary=summary, changed=audit.changes(before, values))
    return True


def set_attendance(desk: Desk, pupil_id: int, record: AttendanceRecord) -> None:
    with desk.unit(Permission.EDIT_PUPILS) as session:
        pupils.editable(session, pupil_id)
        write_attendance(session, desk, pupil_id, record,
                         summary=f"{record.term.label} {record.academic_year} attendance")


def _exclusion(row: Exclusion) -> ExclusionRecord:
    return ExclusionRecord(row.id or 0, ExclusionKind(row.kind), row.starts_on, row.days,
                           row.reason)


def exclusions(desk: Desk, pupil_ids: Sequence[int] | None = None,
               ) -> dict[int, list[ExclusionRecord]]:
    """Suspensions and permanent exclusions by pupil, oldest first."""
    with desk.unit(Permission.READ_CONTEXT) as session:
        query = select(Exclusion).order_by(col(Exclusion.starts_on))
        if pupil_ids is not None:
            query = query.where(col(Exclusion.pupil_id).in_(pupil_ids))
        found: dict[int, list[ExclusionRecord]] = {}
        for row in session.exec(query):
            found.setdefault(row.pupil_id, []).append(_exclusion(row))
        return found


def write_exclusion(session: Session, desk: Desk, pupil_id: int, kind: ExclusionKind,
                    starts_on: date, days: float, reason: str, *, summary: str) -> bool:
    """Add a suspension or exclusion, or correct the one of that kind starting that day."""
    check_exclusion(kind, starts_on, days)
    code = reason_code(reason)
    row = session.exec(select(Exclusion).where(
        Exclusion.pupil_id == pupil_id, Exclusion.starts_on == starts_on,
        Exclusion.kind == kind.value)).first()
    values = {"days": float(days), "reason": code}
    before = {k: getattr(row, k) for k in values} if row else {}
    if before == values:
        return False
    row = row or Exclusion(pupil_id=pupil_id, kind=kind.value, starts_on=starts_on,
                           reason=code)
    row.days, row.reason = float(days), code
    session.add(row)
    audit.record(session, desk.actor, "update" if before else "create", "exclusion",
                 pupil_id=pupil_id, summary=summary,
                 changed=audit.changes(before, {**values, "starts_on": starts_on.isoformat()}
                                       if not before else values))
    return True


def add_exclusion(desk: Desk, pupil_id: int, kind: ExclusionKind, starts_on: date,
                  days: float, reason: str) -> None:
    with desk.unit(Permission.EDIT_PUPILS) as session:
        pupils.editable(session, pupil_id)
        write_exclusion(session, desk, pupil_id, kind, starts_on, days, reason,
                        summary=f"{kind.label} from {uk(starts_on)}")


def remove_exclusion(desk: Desk, exclusion_id: int) -> None:
    with desk.unit(Permission.EDIT_PUPILS) as session:
        row = session.get(Exclusion, exclusion_id)
        if row is None:
            raise NotFound("That suspension or exclusion has already been removed.")
        pupils.editable(session, row.pupil_id)
        session.delete(row)
        audit.record(session, desk.actor, "delete", "exclusion", entity_id=exclusion_id,
                     pupil_id=row.pupil_id,
                     summary=f"{ExclusionKind(row.kind).label} from {uk(row.starts_on)}")


def _part_time(row: PartTimeTimetable) -> PartTimeRecord:
    return PartTimeRecord(row.id or 0, row.pupil_id, row.starts_on, row.planned_end,
                          row.review_on, row.reason, row.ended_on)


def part_time(desk: Desk, pupil_ids: Sequence[int] | None = None) -> list[PartTimeRecord]:
    """Part-time timetables (all, or of ``pupil_ids``), earliest start first."""
    with desk.unit(Permission.READ_CONTEXT) as session:
        query = select(PartTimeTimetable).order_by(col(PartTimeTimetable.starts_on))
        if pupil_ids is not None:
            query = query.where(col(PartTimeTimetable.pupil_id).in_(pupil_ids))
        return [_part_time(row) for row in session.exec(query)]


def write_part_time(session: Session, desk: Desk, pupil_id: int, starts_on: date,
                    planned_end: date, review_on: date, reason: str, *, summary: str) -> bool:
    """Add a part-time timetable, or update the one starting that day."""
    check_part_time(starts_on, planned_end, review_on)
    row = session.exec(select(PartTimeTimetable).where(
        PartTimeTimetable.pupil_id == pupil_id,
        PartTimeTimetable.starts_on == starts_on)).first()
    values = {"planned_end": planned_end, "review_on": review_on, "reason": reason.strip()}
    before = {k: getattr(row, k) for k in values} if row else {}
    if before == values:
        return False
    row = row or PartTimeTimetable(pupil_id=pupil_id, starts_on=starts_on,
                                   planned_end=planned_end, review_on=review_on)
    row.planned_end, row.review_on, row.reason = planned_end, review_on, reason.strip()
    session.add(row)
    audit.record(session, desk.actor, "update" if before else "create", "part-time timetable",
                 pupil_id=pupil_id, summary=summary,
                 changed=audit.changes({k: str(v) for k, v in before.items()},
                                       {k: str(v) for k, v in values.items()}))
    return True


def add_part_time(desk: Desk, pupil_id: int, starts_on: date, planned_end: date,
                  review_on: date, reason: str) -> None:
    with desk.unit(Permission.EDIT_PUPILS) as session:
        pupils.editable(session, pupil_id)
        write_part_time(session, desk, pupil_id, starts_on, planned_end, review_on, reason,
                        summary=f"part-time timetable from {uk(starts_on)}")


def review_part_time(desk: Desk, timetable_id: int, *, next_review_on: date | None = None,
                     ended_on: date | None = None) -> None:
    """Record a review: the next review date, or the day the pupil returned full time."""
    with desk.unit(Permission.EDIT_PUPILS) as session:
        row = session.get(PartTimeTimetable, timetable_id)
        if row is None:
            raise NotFound("That part-time timetable has been removed.")
        pupils.editable(session, row.pupil_id)
        before = {"review_on": str(row.review_on), "ended_on": str(row.ended_on)}
        if next_review_on is not None:
            check_part_time(row.starts_on, row.planned_end, next_review_on)
            row.review_on = next_review_on
        if ended_on is not None:
            row.ended_on = ended_on
        session.add(row)
        audit.record(session, desk.actor, "update", "part-time timetable",
                     entity_id=timetable_id, pupil_id=row.pupil_id, summary="reviewed",
                     changed=audit.changes(before, {"review_on": str(row.review_on),
                                                    "ended_on": str(row.ended_on)}))
