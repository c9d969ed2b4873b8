"""Leavers past their retention date, or whose SEN file has been sent to their next school:
listed, then deleted one at a time after the user types the pupil's UPN to confirm. Deletion
removes every record and attached file about the pupil in one transaction and is audited (the
audit entry names no one)."""

from __future__ import annotations

from sqlmodel import col, select

from sencodesk.domain import retention
from sencodesk.domain.dates import uk
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import DueForDeletion
from sencodesk.services import audit, housekeeping, pupils, records_log
from sencodesk.services.context import Desk
from sencodesk.store.tables import Document, Pupil


def due_for_deletion(desk: Desk) -> list[DueForDeletion]:
    """Leavers whose file was sent to their next school (earliest sent first), then those whose
    retention date has passed (the longest overdue first)."""
    desk.require(Permission.EDIT_PUPILS)
    today = desk.today()
    rows = pupils.list_pupils(desk, pupils.RegisterFilter(include_left=True))
    with desk.unit(Permission.EDIT_PUPILS) as session:
        sent = {pid: (to, on) for pid, to, on in session.exec(
            select(col(Pupil.id), col(Pupil.destination), col(Pupil.file_sent_on))
            .where(col(Pupil.file_sent_on).is_not(None)))}
    due = [DueForDeletion(r.id, r.display_name, r.upn, r.dob, r.left_on,
                          retention.retention_ends(r.dob), *sent.get(r.id, ("", None)))
           for r in rows if r.left_on and retention.is_due(
               r.dob, r.left_on, today, file_sent_on=sent.get(r.id, ("", None))[1])]
    return sorted(due, key=lambda d: (d.sent_on is None, d.sent_on or d.kept_until))


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
        if not retention.is_due(pupil.dob, pupil.left_on, today,
                                file_sent_on=pupil.file_sent_on):
            kept = retention.retention_ends(pupil.dob)
            why = "has not left" if pupil.left_on is None else f"is kept until {uk(kept)}"
            raise ValidationError("pupil", f"this pupil {why}; nothing was deleted")
        files = set(session.exec(select(Document.sha256).where(Document.pupil_id == pupil_id)))
        if pupil.photo_sha256:
            files.add(pupil.photo_sha256)
        session.delete(pupil)  # the database cascades to every record about the pupil
        session.flush()
        redacted = audit.redact_pupil(session, pupil_id)  # once the pupil is gone
        still_used = set(session.exec(select(Document.sha256)
                                      .where(col(Document.sha256).in_(files))))
        photos = select(col(Pupil.photo_sha256)).where(col(Pupil.photo_sha256).in_(files))
        still_used |= {name for name in session.exec(photos) if name}
        audit.record(session, desk.actor, "delete", "pupil", entity_id=pupil_id,
                     summary=(f"record deleted after its SEN file was sent to the next school "
                              f"({retention.TRANSFER_SOURCE})" if pupil.file_sent_on else
                              f"record deleted at the end of its retention period "
                              f"({retention.SOURCE})")
                     + f"; details removed from {redacted} audit entries")
    for name in files - still_used:
        store.delete(name)  # after the commit: a failed delete leaves an orphan, not a gap
    housekeeping.remove_orphans(desk)  # earlier photos too: nothing of theirs stays readable
