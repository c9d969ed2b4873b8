"""The register as CSV, in the columns the MIS import reads back unchanged."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from sencodesk import paths
from sencodesk.domain.mis_csv import EXPORT_COLUMNS
from sencodesk.domain.permissions import Permission
from sencodesk.services import pupils
from sencodesk.services.context import Desk
from sencodesk.services.report_data import record_export


def register_csv(desk: Desk) -> bytes:
    """UTF-8 with a byte-order mark, so Excel shows accented names correctly."""
    desk.require(Permission.EXPORT)
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    for row in pupils.list_pupils(desk):
        detail = pupils.get(desk, row.id)
        writer.writerow([
            row.upn, detail.legal_surname, detail.legal_forename, detail.preferred_surname,
            detail.preferred_forename, f"{row.dob:%d/%m/%Y}", row.year_group.short, row.form,
            row.gender, row.status.value,
            row.primary_need.value if row.primary_need else "",
            row.secondary_need.value if row.secondary_need else ""])
    return out.getvalue().encode("utf-8-sig")


def write_register_csv(desk: Desk, path: Path) -> int:
    """Write the register (not leavers) to ``path``; return how many pupils. Audited."""
    data = register_csv(desk)
    paths.write_private(path, data)
    count = data.count(b"\n") - 1
    record_export(desk, "register csv", summary=f"{count} pupils")
    return count
