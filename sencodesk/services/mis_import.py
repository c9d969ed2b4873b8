"""Importing pupils from an MIS export: a preview first, then all or nothing.

Nothing is written by ``preview``. ``apply`` writes every new and updated pupil in one
transaction, so an import either happens whole or not at all; importing the same file again
finds everything unchanged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from sencodesk.domain import census
from sencodesk.domain.codes import SenStatus
from sencodesk.domain.dates import uk
from sencodesk.domain.errors import SencodeskError, ValidationError
from sencodesk.domain.mis_csv import MisRow, ParsedFile, RowError, parse
from sencodesk.domain.permissions import Permission
from sencodesk.services import audit, pupils
from sencodesk.services.context import Desk
from sencodesk.store.tables import NeedPeriod, Pupil, StatusPeriod

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Update:
    pupil_id: int
    row: MisRow
    changes: dict[str, tuple[object, object]]


@dataclass(frozen=True)
class ImportPreview:
    new: tuple[MisRow, ...]
    updated: tuple[Update, ...]
    unchanged: tuple[MisRow, ...]
    rejected: tuple[RowError, ...]
    ignored_columns: tuple[str, ...]
    #: (row or line, what was noticed), e.g. a historical status code that was mapped.
    notes: tuple[tuple[int, str], ...]

    @property
    def writes(self) -> int:
        return len(self.new) + len(self.updated)


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


def _fields(row: MisRow) -> pupils.PupilFields:
    return pupils.PupilFields(upn=row.upn, legal_surname=row.surname,
                              legal_forename=row.forename, dob=row.dob,
                              year_group=row.year_group, form=row.form, gender=row.gender,
                              preferred_surname=row.preferred_surname,
                              preferred_forename=row.preferred_forename)


def _current(session: Session) -> dict[str, tuple[Pupil, str, tuple[str, ...]]]:
    statuses = dict(session.exec(select(StatusPeriod.pupil_id, StatusPeriod.status)
                                 .where(col(StatusPeriod.ends_on).is_(None))).all())
    needs: dict[int, list[tuple[int, str]]] = {}
    for pid, need, rank in session.exec(select(NeedPeriod.pupil_id, NeedPeriod.need,
                                               NeedPeriod.rank)
                                        .where(col(NeedPeriod.ends_on).is_(None))):
        needs.setdefault(pid, []).append((rank, need))
    return {p.upn: (p, statuses.get(p.id or 0, "N"),
                    tuple(n for _, n in sorted(needs.get(p.id or 0, []))))
            for p in session.exec(select(Pupil))}


def _changes(pupil: Pupil, status: str, needs: tuple[str, ...],
             row: MisRow) -> dict[str, tuple[object, object]]:
    pairs: dict[str, tuple[object, object]] = {
        "surname": (pupil.legal_surname, row.surname),
        "forename": (pupil.legal_forename, row.forename),
        "year": (pupil.year_group, int(row.year_group))}
    # a file without the class (a CTF) or gender keeps ours rather than blanking it
    if row.form:
        pairs["class"] = (pupil.form, row.form)
    if row.gender:
        pairs["gender"] = (pupil.gender, row.gender)
    if row.status is not None:
        pairs["status"] = (status, row.status.value)
        pairs["needs"] = (" ".join(needs), " ".join(n.value for n in row.needs))
    return {k: v for k, v in pairs.items() if v[0] != v[1]}


def preview(desk: Desk, data: bytes, *, mapping: str | Mapping[str, str] | None = None,
            ) -> ImportPreview:
    """What importing the MIS CSV ``data`` would do, row by row. Writes nothing."""
    desk.require(Permission.IMPORT)
    return preview_rows(desk, parse(data, mapping))


# the names pupils.clean gives its fields, to the import's, so a rejected row names the
# column as the file's header does
_FIELD_OF = {"upn": "upn", "surname": "surname", "forename": "forename",
             "date of birth": "dob", "class": "form", "gender": "gender",
             "preferred surname": "preferred_surname",
             "preferred forename": "preferred_forename"}


def preview_rows(desk: Desk, parsed: ParsedFile) -> ImportPreview:
    """What importing already-parsed pupils (from a CSV or a CTF) would do. Writes nothing."""
    desk.require(Permission.IMPORT)
    today = desk.today()
    rejected = list(parsed.errors)
    counts = Counter(r.upn.replace(" ", "").upper() for r in parsed.rows)
    new: list[MisRow] = []
    updated: list[Update] = []
    unchanged: list[MisRow] = []
    with desk.unit(Permission.IMPORT) as session:
        current = _current(session)
        for row in parsed.rows:
            try:
                fields = pupils.clean(_fields(row), today=today)
                if row.status is not None:
                    census.check_needs(row.status, row.needs)
            except ValidationError as error:
                column = parsed.columns.get(_FIELD_OF.get(error.field, ""), error.field)
                rejected.append(RowError(row.row, f"{column}: {error.message}"))
                continue
            if counts[fields.upn] > 1:
                rejected.append(RowError(row.row, f"UPN {fields.upn} appears more than once in "
                                         "the file"))
                continue
            row = MisRow(**{**row.__dict__, "upn": fields.upn, "surname": fields.legal_surname,
                            "forename": fields.legal_forename})
            existing = current.get(fields.upn)
            if existing is None:
                new.append(row)
                continue
            pupil, status, needs = existing
            if pupil.dob != row.dob:
                rejected.append(RowError(row.row, (
                    f"UPN {row.upn} is {pupil.legal_forename} {pupil.legal_surname}, born "
                    f"{uk(pupil.dob)}, on the register; this row says born "
                    f"{uk(row.dob)}. Check before merging")))
                continue
            changes = _changes(pupil, status, needs, row)
            if changes:
                updated.append(Update(pupil.id or 0, row, changes))
            else:
                unchanged.append(row)
    notes = tuple((r.row, r.note) for r in parsed.rows if r.note)
    return ImportPreview(tuple(new), tuple(updated), tuple(unchanged),
                         tuple(sorted(rejected, key=lambda e: e.row)), parsed.ignored_columns,
                         notes)


def apply(desk: Desk, plan: ImportPreview, *, progress: Progress | None = None,
          ) -> ImportResult:
    """Write the previewed changes in one transaction: all of them, or none."""
    today: date = desk.today()
    total = plan.writes
    with desk.unit(Permission.IMPORT) as session, session.no_autoflush:
        for done, row in enumerate(plan.new, start=1):
            created = Pupil(**{**pupils.columns_of(_fields(row)), "joined_on": today})  # type: ignore[arg-type]
            session.add(created)
            session.flush()
            assert created.id is not None
            # the file's dated SEN history, each period ending the day before the next begins
            history = [(on, status) for on, status in row.sen_history if on <= today] \
                or [(today, row.status or SenStatus.NONE)]
            *earlier, (since, status) = history
            pupils.apply_sen(session, created, pupils.SenChange(status, row.needs), since,
                             earlier=earlier)
            audit.record(session, desk.actor, "create", "pupil", entity_id=created.id,
                         pupil_id=created.id, summary=f"imported {row.upn} (row {row.row})")
            if progress and done % 200 == 0:
                progress(done, total, f"Adding pupils: {done:,} of {total:,}")
        for update in plan.updated:
            pupil = session.get(Pupil, update.pupil_id)
            if pupil is None:
                raise SencodeskError("A pupil changed while importing: preview again.")
            before = pupil.model_dump()
            row = update.row
            pupil.legal_surname, pupil.legal_forename = row.surname, row.forename
            pupil.year_group = int(row.year_group)
            pupil.form, pupil.gender = row.form or pupil.form, row.gender or pupil.gender
            # preferred names are often not in an MIS export: a blank one keeps ours
            pupil.preferred_surname = row.preferred_surname or pupil.preferred_surname
            pupil.preferred_forename = row.preferred_forename or pupil.preferred_forename
            session.add(pupil)
            if update.row.status is not None and {"status", "needs"} & set(update.changes):
                pupils.apply_sen(session, pupil, pupils.SenChange(update.row.status,
                                                                  update.row.needs), today)
            audit.record(session, desk.actor, "update", "pupil", entity_id=pupil.id,
                         pupil_id=pupil.id, summary=f"import row {update.row.row}",
                         changed=audit.changes(before, pupil.model_dump()))
        audit.record(session, desk.actor, "import", "pupils",
                     summary=f"{len(plan.new)} new, {len(plan.updated)} updated, "
                     f"{len(plan.rejected)} rejected")
    return ImportResult(len(plan.new), len(plan.updated))


def describe(plan: ImportPreview, *, unit: str = "row") -> list[str]:
    """The preview in words a SENCO can check before confirming; ``unit`` names where each
    pupil is in the file ("row" of a CSV, "line" of a CTF)."""
    lines = [f"{len(plan.new)} new, {len(plan.updated)} updated, {len(plan.unchanged)} "
             f"unchanged, {len(plan.rejected)} rejected."]
    if plan.ignored_columns:
        lines.append(f"Columns not used: {', '.join(plan.ignored_columns)}.")
    lines += [f"New: {unit} {r.row}: {r.forename} {r.surname} ({r.upn})" for r in plan.new]
    for u in plan.updated:
        what = "; ".join(f"{k}: {as_text(a)} → {as_text(b)}" for k, (a, b) in u.changes.items())
        lines.append(f"Updated: {unit} {u.row.row}: {u.row.forename} {u.row.surname}: {what}")
    lines += [f"Rejected: {unit} {e.row}: {e.message}" for e in plan.rejected]
    lines += [f"Note: {unit} {where}: {note}" for where, note in plan.notes]
    return lines


def as_text(value: Any) -> str:
    """A value as the preview shows it: blanks say so."""
    return "(blank)" if value in ("", None) else str(value)
