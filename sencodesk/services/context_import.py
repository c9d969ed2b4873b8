"""Importing inclusion context (attendance, suspensions and exclusions, part-time timetables,
flags, assessment scores) from an MIS CSV export: a preview first, then all or nothing, as
the pupil import.

``preview`` writes nothing. ``apply`` writes every new and changed record in one transaction;
importing the same file again finds everything unchanged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from sqlmodel import Session, select

from sencodesk.domain.assessment import ScoreKind
from sencodesk.domain.context_csv import (
    ContextKind,
    ContextRow,
    ExclusionEntry,
    FlagsEntry,
    ParsedContext,
    PartTimeEntry,
    ScoreEntry,
    parse,
)
from sencodesk.domain.inclusion import AttendanceRecord, ExclusionKind, Term
from sencodesk.domain.mis_csv import RowError
from sencodesk.domain.permissions import Permission
from sencodesk.services import assessments, audit, inclusion
from sencodesk.services.context import Desk
from sencodesk.store.tables import (
    AssessmentScore,
    AttendanceTerm,
    Exclusion,
    PartTimeTimetable,
    Pupil,
    PupilContext,
)

Progress = Callable[[int, int, str], None]
#: rows written between progress reports
PROGRESS_EVERY = 200


@dataclass(frozen=True)
class ContextPreview:
    kind: ContextKind
    new: tuple[ContextRow, ...]
    updated: tuple[ContextRow, ...]
    unchanged: tuple[ContextRow, ...]
    rejected: tuple[RowError, ...]
    ignored_columns: tuple[str, ...]
    pupil_ids: dict[str, int]

    @property
    def writes(self) -> int:
        return len(self.new) + len(self.updated)


def preview(desk: Desk, kind: ContextKind, data: bytes, *,
            mapping: str | Mapping[str, str] | None = None) -> ContextPreview:
    """What importing ``data`` would do, row by row. Writes nothing."""
    desk.require(Permission.IMPORT)
    return preview_rows(desk, parse(kind, data, mapping))


def _stored(session: Session, kind: ContextKind, ids: dict[str, int],
            ) -> dict[tuple[object, ...], object]:
    """What is stored now, under the same keys as ContextRow.key, to compare with the file."""
    upn_of = {pid: upn for upn, pid in ids.items()}
    found: dict[tuple[object, ...], object] = {}
    if kind is ContextKind.ATTENDANCE:
        for a in session.exec(select(AttendanceTerm)):
            found[(upn_of.get(a.pupil_id), a.academic_year, Term(a.term))] = AttendanceRecord(
                a.academic_year, Term(a.term), a.possible, a.attended, a.authorised,
                a.unauthorised)
    elif kind is ContextKind.EXCLUSIONS:
        for e in session.exec(select(Exclusion)):
            kind_ = ExclusionKind(e.kind)
            found[(upn_of.get(e.pupil_id), e.starts_on, kind_)] = ExclusionEntry(
                kind_, e.starts_on, e.days, e.reason)
    elif kind is ContextKind.PART_TIME:
        for p in session.exec(select(PartTimeTimetable)):
            found[(upn_of.get(p.pupil_id), p.starts_on)] = PartTimeEntry(
                p.starts_on, p.planned_end, p.review_on, p.reason)
    elif kind is ContextKind.SCORES:
        for r in session.exec(select(AssessmentScore)):
            score = ScoreKind(r.kind)
            found[(upn_of.get(r.pupil_id), r.test_name.casefold(), r.assessed_on, score)] = \
                ScoreEntry(score, r.test_name, r.assessed_on, r.value, r.assessor)
    else:
        for c in session.exec(select(PupilContext)):
            found[(upn_of.get(c.pupil_id),)] = c
    return found


def _same(stored: object, entry: object) -> bool:
    if isinstance(stored, PupilContext) and isinstance(entry, FlagsEntry):
        return all(getattr(stored, name) == value for name, value in entry.values)
    if isinstance(stored, ScoreEntry) and isinstance(entry, ScoreEntry):
        # a test named in another case is the same test
        return replace(stored, test_name=entry.test_name) == entry
    return stored == entry


def preview_rows(desk: Desk, parsed: ParsedContext) -> ContextPreview:
    """Sort parsed rows into new, updated, unchanged and rejected. Writes nothing."""
    rejected = list(parsed.errors)
    counts = Counter(r.key for r in parsed.rows)
    new: list[ContextRow] = []
    updated: list[ContextRow] = []
    unchanged: list[ContextRow] = []
    with desk.unit(Permission.IMPORT) as session:
        pupils = {p.upn: p for p in session.exec(select(Pupil))}
        ids = {upn: p.id or 0 for upn, p in pupils.items()}
        stored = _stored(session, parsed.kind, ids)
    for row in parsed.rows:
        pupil = pupils.get(row.upn)
        if pupil is None:
            rejected.append(RowError(row.row, f"UPN {row.upn} is not on the register"))
        elif pupil.left_on is not None:
            rejected.append(RowError(row.row, f"UPN {row.upn} ({pupil.legal_forename} "
                                     f"{pupil.legal_surname}) has left: the file is read-only"))
        elif counts[row.key] > 1:
            rejected.append(RowError(row.row, "the same record appears more than once in the "
                                     "file"))
        elif row.key not in stored:
            new.append(row)
        elif _same(stored[row.key], row.entry):
            unchanged.append(row)
        else:
            updated.append(row)
    return ContextPreview(parsed.kind, tuple(new), tuple(updated), tuple(unchanged),
                          tuple(sorted(rejected, key=lambda e: e.row)), parsed.ignored_columns,
                          {upn: pid for upn, pid in ids.items()
                           if any(r.upn == upn for r in (*new, *updated))})


def _write(session: Session, desk: Desk, pupil_id: int, row: ContextRow) -> None:
    entry, summary = row.entry, f"import row {row.row}"
    if isinstance(entry, AttendanceRecord):
        inclusion.write_attendance(session, desk, pupil_id, entry, summary=summary)
    elif isinstance(entry, ExclusionEntry):
        inclusion.write_exclusion(session, desk, pupil_id, entry.kind, entry.starts_on,
                                  entry.days, entry.reason, summary=summary)
    elif isinstance(entry, PartTimeEntry):
        inclusion.write_part_time(session, desk, pupil_id, entry.starts_on, entry.planned_end,
                                  entry.review_on, entry.reason, summary=summary)
    elif isinstance(entry, ScoreEntry):
        assessments.write_score(session, desk, pupil_id, entry, summary=summary)
    else:
        inclusion.write_context(session, desk, pupil_id, dict(entry.values), summary=summary)


def apply(desk: Desk, plan: ContextPreview, *, progress: Progress | None = None) -> int:
    """Write the previewed records in one transaction: all of them, or none (``progress``
    raising, as a cancel does, leaves nothing written). Returns how many were written."""
    rows = (*plan.new, *plan.updated)
    with desk.unit(Permission.IMPORT) as session:
        for done, row in enumerate(rows, start=1):
            _write(session, desk, plan.pupil_ids[row.upn], row)
            if progress and (done % PROGRESS_EVERY == 0 or done == len(rows)):
                progress(done, len(rows), f"Importing {plan.kind.label}: {done:,} of "
                         f"{len(rows):,}")
        audit.record(session, desk.actor, "import", plan.kind.label,
                     summary=f"{len(plan.new)} new, {len(plan.updated)} updated, "
                     f"{len(plan.rejected)} rejected")
    return plan.writes


def describe(plan: ContextPreview) -> list[str]:
    """The preview in words a SENCO can check before confirming."""
    lines = [f"{plan.kind.label.capitalize()}: {len(plan.new)} new, {len(plan.updated)} "
             f"updated, {len(plan.unchanged)} unchanged, {len(plan.rejected)} rejected."]
    if plan.ignored_columns:
        lines.append(f"Columns not used: {', '.join(plan.ignored_columns)}.")
    lines += [f"New: row {r.row}: {r.upn}" for r in plan.new]
    lines += [f"Updated: row {r.row}: {r.upn}" for r in plan.updated]
    lines += [f"Rejected: row {e.row}: {e.message}" for e in plan.rejected]
    return lines
