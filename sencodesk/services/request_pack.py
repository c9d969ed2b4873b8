"""The evidence pack for a request for an EHC needs assessment, gathered from the case file
(the export audited)."""

from __future__ import annotations

from sencodesk.domain.errors import ValidationError
from sencodesk.domain.permissions import Permission
from sencodesk.domain.request_pack import RequestPackSheet
from sencodesk.services import cycles, ehcp, pupils, records_log
from sencodesk.services.context import Desk, composite
from sencodesk.services.report_data import meta, record_export


@composite(Permission.EXPORT, Permission.READ_SUPPORT)
def gather(desk: Desk, pupil_id: int) -> RequestPackSheet:
    """Everything the pack draws: the pupil's SEN history, support plans with their provision
    and reviews, agencies, documents held, and the request if one is recorded."""
    detail = pupils.get(desk, pupil_id)
    row = detail.row
    held = tuple(sorted(cycles.cycles_for(desk, pupil_id), key=lambda c: c.starts_on))
    if not held:
        raise ValidationError("pupil", f"{row.display_name} has no support plan yet: the LA "
                              "asks for the support the school has given and how it went.")
    documents = tuple(records_log.documents(desk, pupil_id)) \
        if desk.actor.may(Permission.READ_DOCUMENTS) else ()
    requests = ehcp.requests_for(desk, [pupil_id]).get(pupil_id, []) \
        if desk.actor.may(Permission.READ_EHCP) else []
    sheet = RequestPackSheet(
        meta(desk, f"EHC needs assessment request: {row.display_name}"), row, desk.today(),
        detail.statuses, detail.needs, detail.agencies, held, documents,
        max((r.received_on for r in requests), default=None))
    record_export(desk, "ehc request pack", pupil_id=pupil_id,
                  summary="EHC needs assessment request pack exported")
    return sheet
