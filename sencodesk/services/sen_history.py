"""School-wide reads shared by the evidence pack and the inclusion figures: every pupil's SEN
status history, and the key anonymous pupil codes are made with."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import col

from sencodesk.domain.codes import SenStatus
from sencodesk.domain.evidence import StatusSpan
from sencodesk.domain.permissions import Permission
from sencodesk.services.context import Desk
from sencodesk.store.tables import Pupil, StatusPeriod


def status_spans(desk: Desk) -> list[StatusSpan]:
    """Every pupil's status history, as far as it falls while they were at this school."""
    with desk.unit(Permission.READ_PUPILS) as session:
        found = session.execute(
            select(col(StatusPeriod.pupil_id), col(StatusPeriod.status),
                   col(StatusPeriod.starts_on), col(StatusPeriod.ends_on),
                   col(Pupil.joined_on), col(Pupil.left_on))
            .join(Pupil, col(Pupil.id) == col(StatusPeriod.pupil_id)))
        spans = (StatusSpan(pid, SenStatus(status), starts, ends).while_here(joined, left)
                 for pid, status, starts, ends, joined, left in found)
        return [span for span in spans if span is not None]


def anonymity_secret(desk: Desk) -> bytes:
    """A key for anonymous codes: stable for this school, useless to anyone without it."""
    return desk.secret("sencodesk anonymous pupil codes")
