"""Leavers past their retention date: listed, then deleted one at a time after the user types
the pupil's UPN to confirm. Deletion removes every record and attached file about the pupil in
one transaction and is audited (the audit entry names no one)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select

from sencodesk.domain import retention
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.permissions import Permission
from sencodesk.services import audit, housekeeping, pupils, records_log
from sencodesk.services.context import Desk
from sencodesk.store.tables import Document, Pupil


@dataclass(frozen=True)
class DueForDeletion:
    pupil_id: int
    name: str
    upn: str
    dob: date
    left_on: date
    kept_until: date

    @property
    def reason(self) -> str:
        return (f"left {self.left_on:%d/%m/%Y}; kept until {self.kept_until:%d/%m/%Y} "
                f"({retention.SOURCE})")


def due_for_deletion(desk: Desk) -> list[DueForDeletion]:
    """Leavers whose retention date has passed, the longest overdue first."""
    desk.require(Permission.EDIT_PUPILS)
    today = desk.today()
    rows = pupils.list_pupils(desk, pupils.RegisterFilter(include_left=True))
    due = [DueForDeletion(r.id, r.display_name, r.upn, r.dob, r.left_on,
                          retention.retention_ends(r.dob))
           for r in rows if r.left_on and retention.is_due(r.dob, r.left_on, today)]
    return sorted(due, key=lambda d: d.kept_until)


def delete_pupil(desk: Desk, pupil_id: int, *, confirm_upn: str) -> None:
    """Delete everything about a leaver past retention; ``confirm_upn`` must be their UPN."""
    today = desk.today()
    store = records_log.blobs(desk)
    with desk.unit(Permission.EDIT_PUPILS) as session:
        pupil = session.get(Pupil, pupil_id)
        if pupil is None:
            raise ValidationError("pupil", "that pupil no longer exists")
        if confirm_upn.strip().upper() != pupil.upn:
            raise ValidationError("UPN", "the UPN typed does not match this pupil's; nothing "
                                  "was deleted")
        if not retention.is_due(pupil.dob, pupil.left_on, today):
            kept = retention.retention_ends(pupil.dob)
            why = "has not left" if pupil.left_on is None else f"is kept until {kept:%d/%m/%Y}"
            raise ValidationError("pupil", f"this pupil {why}; nothing was deleted")
        files = set(session.exec(select(Document.sha256).where(Document.pupil_id == pupil_id)))
        if pupil.photo_sha256:
            files.add(pupil.photo_sha256)
        redacted = audit.redact_pupil(session, pupil_id)
        session.delete(pupil)  # the database cascades to every record about the pupil
        session.flush()
        still_used = set(session.exec(select(Document.sha256)
                                      .where(col(Document.sha256).in_(files))))
        photos = select(col(Pupil.photo_sha256)).where(col(Pupil.photo_sha256).in_(files))
        still_used |= {name for name in session.exec(photos) if name}
        audit.record(session, desk.actor, "delete", "pupil", entity_id=pupil_id,
                     summary=f"record deleted at the end of its retention period "
                     f"({retention.SOURCE}); details removed from {redacted} audit entries")
    for name in files - still_used:
        store.delete(name)  # after the commit: a failed delete leaves an orphan, not a gap
    housekeeping.remove_orphans(desk)  # earlier photos too: nothing of theirs stays readable
