"""Opening a pupil's record is audited: who looked at whose file, and when.

SEND records are special category data (health, needs, family circumstances); many SEND and
safeguarding systems log each view so a school can answer "who has seen this child's file?".
One entry per opening of the record (the app's pupil window, `sencodesk pupils show`), not per
tab or refresh; the documents inside are audited as they are read.
"""

from __future__ import annotations

from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import PupilDetail
from sencodesk.services import audit, pupils
from sencodesk.services.context import Desk, composite


@composite(Permission.READ_PUPILS)
def open_record(desk: Desk, pupil_id: int) -> PupilDetail:
    """The pupil's profile as :func:`pupils.get` reads it, with the view audited in the same
    unit of work."""
    detail = pupils.get(desk, pupil_id)
    with desk.unit(Permission.READ_PUPILS) as session:
        audit.record(session, desk.actor, "view", "pupil", entity_id=pupil_id,
                     pupil_id=pupil_id, summary="record opened")
    return detail
