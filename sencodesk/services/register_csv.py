"""The register as CSV, in the columns the MIS import reads back unchanged."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from sqlalchemy import select
from sqlmodel import col

from sencodesk.domain.dates import uk
from sencodesk.domain.mis_csv import EXPORT_COLUMNS, spreadsheet_safe
from sencodesk.domain.permissions import Permission
from sencodesk.services import pupils, saving
from sencodesk.services.context import Desk, composite
from sencodesk.services.report_data import record_export
from sencodesk.store.tables import Pupil


def _legal_names(desk: Desk) -> dict[int, tuple[str, str, str, str]]:
    """Legal and preferred surname and forename of every pupil, in one query (register rows
    show the preferred names only)."""
    with desk.unit(Permission.READ_PUPILS) as session:
        return {pid or 0: (surname, forename, pref_surname, pref_forename)
                for pid, surname, forename, pref_surname, pref_forename in session.execute(
                    select(col(Pupil.id), col(Pupil.legal_surname), col(Pupil.legal_forename),
                              col(Pupil.preferred_surname), col(Pupil.preferred_forename)))}


def _rows(desk: Desk) -> list[list[str]]:
    desk.require(Permission.EXPORT)
    names = _legal_names(desk)
    return [[row.upn, *names[row.id], f"{uk(row.dob)}", row.year_group.short, row.form,
             row.gender, row.status.value,
             row.primary_need.value if row.primary_need else "",
             row.secondary_need.value if row.secondary_need else ""]
            for row in pupils.list_pupils(desk)]


def _encode(rows: list[list[str]]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel shows accented names correctly."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
    return out.getvalue().encode("utf-8-sig")


def register_csv(desk: Desk) -> bytes:
    """The register (not leavers) as CSV bytes."""
    return _encode(_rows(desk))


@composite(Permission.EXPORT)
def write_register_csv(desk: Desk, path: Path, *, replace: bool = False) -> int:
    """Write the register (not leavers) to ``path`` (refused before any work if it is taken,
    unless ``replace``); return how many pupils. Audited (the entry commits only if the file
    was written)."""
    saving.check_target(path, replace=replace)
    rows = _rows(desk)
    record_export(desk, "register csv", summary=f"{len(rows)} pupils")
    saving.save_export(path, _encode(rows), replace=replace)
    return len(rows)
