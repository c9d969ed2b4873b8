"""Common Transfer Files: pupils arriving with their SEN history, and the SEN history of pupils
moving on. Arrivals go through the same preview and all-or-nothing import as an MIS CSV."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sencodesk.domain.ctf import LeaverHistory, build_ctf, parse_ctf
from sencodesk.domain.permissions import Permission
from sencodesk.services import mis_import, pupils, report_data, school
from sencodesk.services.context import Desk, composite
from sencodesk.services.mis_import import ImportPreview


def preview(desk: Desk, data: bytes) -> ImportPreview:
    """What importing the CTF ``data`` would do; apply it with :func:`mis_import.apply`."""
    desk.require(Permission.IMPORT)
    return mis_import.preview_rows(desk, parse_ctf(data))


@composite(Permission.EXPORT)
def export(desk: Desk, pupil_ids: Sequence[int]) -> bytes:
    """A CTF fragment with the basic details and SEN history of these pupils (audited)."""
    desk.require(Permission.EXPORT)
    leavers = []
    for pid in pupil_ids:
        detail = pupils.get(desk, pid)
        current = sorted((n for n in detail.needs if n.ends_on is None), key=lambda n: n.rank)
        if not current and detail.needs:  # a leaver's needs may all have ended
            last = max(n.starts_on for n in detail.needs)
            current = sorted((n for n in detail.needs if n.starts_on == last),
                             key=lambda n: n.rank)
        leavers.append(LeaverHistory(
            upn=detail.row.upn, surname=detail.legal_surname, forename=detail.legal_forename,
            dob=detail.row.dob, gender=detail.row.gender, year_group=detail.row.year_group,
            statuses=tuple(sorted((s.starts_on, s.status) for s in detail.statuses)),
            needs=tuple(n.need for n in current)))
    info = school.get(desk)
    data = build_ctf(leavers, school=info.name, urn=info.urn, la=info.local_authority,
                     generated_at=datetime.now())
    for pid in pupil_ids:
        report_data.record_export(desk, "ctf", pupil_id=pid,
                                  summary="SEN history exported as a Common Transfer File")
    return data
