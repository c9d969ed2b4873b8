"""The contact log (meetings with parents and agencies, calls, observations) and attached
documents."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from sqlmodel import Session, col, select

from sencodesk.domain import pictures, validation
from sencodesk.domain.dates import uk
from sencodesk.domain.errors import NotFound, PermissionDenied, ValidationError
from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import ContactRecord, DocumentRecord
from sencodesk.services import audit, pupils
from sencodesk.services.context import Desk
from sencodesk.store.blobs import MAX_BYTES, SealedFiles
from sencodesk.store.tables import ContactLogEntry, Document, Pupil, StaffMember

CONTACT_KINDS = ("parent meeting", "phone call", "email", "letter", "agency", "observation",
                 "other")
MAX_PHOTO = 5 * 1024 * 1024


def blobs(desk: Desk) -> SealedFiles:
    return desk.blobs


NO_CONFIDENTIAL_KEY = ("Your account does not hold the key to confidential documents yet. Ask a "
                       "SENCO to set your password again (Settings, Staff accounts); it is "
                       "added then.")


def _store(desk: Desk, confidential: bool) -> SealedFiles:
    """Where a document's bytes are sealed: confidential ones under their own key, which only
    the key slots of roles allowed to read them hold (so the database key alone, which every
    account's password opens, does not open them)."""
    if not confidential:
        return blobs(desk)
    sealed = desk.confidential_blobs
    if sealed is None:
        if not desk.actor.may(Permission.READ_CONFIDENTIAL):
            raise PermissionDenied("This document is marked confidential.")
        raise PermissionDenied(NO_CONFIDENTIAL_KEY)
    return sealed


def _reseal(session: Session, desk: Desk, row: Document, confidential: bool) -> str | None:
    """Move a document's bytes to the other key; returns the old name if nothing else uses it
    (to delete after the commit)."""
    old = row.sha256
    row.sha256 = _store(desk, confidential).put(_store(desk, row.confidential).get(old))
    row.confidential = confidential
    session.add(row)
    session.flush()
    used = session.exec(select(Document.id).where(Document.sha256 == old)).first() or \
        session.exec(select(Pupil.id).where(Pupil.photo_sha256 == old)).first()
    return None if used else old


def seal_confidential(desk: Desk) -> int:
    """Re-seal confidential documents stored under the database key (by a version before they
    had a key of their own) under the confidential-documents key. Returns how many."""
    leftovers: list[str] = []
    with desk.unit(Permission.EDIT_DOCUMENTS) as session:
        rows = list(session.exec(select(Document).where(col(Document.confidential).is_(True))))
        for row in rows:
            if _store(desk, True).exists(row.sha256):
                continue
            row.confidential = False  # as it is sealed now
            if (old := _reseal(session, desk, row, True)) is not None:
                leftovers.append(old)
        if rows:
            audit.record(session, desk.actor, "update", "document",
                         summary=f"{len(rows)} confidential documents re-sealed under their "
                         "own key")
    for name in leftovers:
        blobs(desk).delete(name)
    return len(rows)


def add_contact(desk: Desk, pupil_id: int, *, occurred_on: date, kind: str, summary: str,
                with_whom: str = "", actions: str = "", for_teachers: bool = False) -> int:
    """A note in the contact log. Teachers may add these too. ``for_teachers``: the staff who
    teach the pupil may read it (otherwise a Teacher reads only the notes they wrote)."""
    if kind not in CONTACT_KINDS:
        raise ValidationError("kind", f"choose one of: {', '.join(CONTACT_KINDS)}")
    if occurred_on > desk.today():
        raise ValidationError("date", f"{uk(occurred_on)} is in the future")
    with desk.unit(Permission.ADD_CONTACT) as session:
        pupils.editable(session, pupil_id)
        row = ContactLogEntry(
            pupil_id=pupil_id, occurred_on=occurred_on, kind=kind,
            with_whom=validation.text("with", with_whom, max_length=200),
            summary=validation.text("summary", summary, required=True),
            actions=validation.text("actions", actions, max_length=2000),
            is_parent_meeting=kind == "parent meeting", author_id=desk.actor.staff_id,
            for_teachers=for_teachers,
        )
        session.add(row)
        session.flush()
        audit.record(session, desk.actor, "create", "contact", entity_id=row.id,
                     pupil_id=pupil_id, summary=f"{kind} on {uk(occurred_on)}")
        assert row.id is not None
        return row.id


def contacts(desk: Desk, pupil_id: int | None = None) -> list[ContactRecord]:
    """Newest first; one pupil's, or the whole school's when ``pupil_id`` is None."""
    with desk.unit(Permission.READ_CONTACTS) as session:
        query = (select(ContactLogEntry, StaffMember.name).join(StaffMember, isouter=True)
                 .order_by(col(ContactLogEntry.occurred_on).desc()))
        if pupil_id is not None:
            query = query.where(ContactLogEntry.pupil_id == pupil_id)
        return [
            ContactRecord(c.id or 0, c.pupil_id, c.occurred_on, c.kind, c.with_whom, c.summary,
                          c.actions, c.is_parent_meeting, author or "", c.for_teachers)
            for c, author in session.exec(query)
        ]


def attach(desk: Desk, pupil_id: int, source: Path, *, title: str, kind: str = "",
           dated: date | None = None, confidential: bool = False) -> int:
    """Attach a file: its bytes are encrypted into the data folder."""
    title = validation.text("title", title, max_length=200, required=True)
    try:
        if source.stat().st_size > MAX_BYTES:  # before reading it whole into memory
            raise ValidationError("file", f"{source.name} is over {MAX_BYTES // 2**20} MB; "
                                  "files that large cannot be attached")
        data = source.read_bytes()
    except OSError as error:
        raise ValidationError("file", f"cannot read {source.name}: {error.strerror}") from None
    with desk.unit(Permission.EDIT_DOCUMENTS) as session:
        pupils.editable(session, pupil_id)
        name = _store(desk, confidential).put(data)
        row = Document(pupil_id=pupil_id, sha256=name, title=title,
                       kind=validation.text("type", kind, max_length=60), dated=dated,
                       filename=source.name[:255], size=len(data), confidential=confidential,
                       added_at=datetime.now(UTC), added_by_id=desk.actor.staff_id)
        session.add(row)
        session.flush()
        audit.record(session, desk.actor, "create", "document", entity_id=row.id,
                     pupil_id=pupil_id, summary=title)
        assert row.id is not None
        return row.id


def _record(d: Document) -> DocumentRecord:
    return DocumentRecord(d.id or 0, d.pupil_id, d.sha256, d.title, d.kind, d.dated,
                          d.filename, d.size, d.confidential, d.added_at)


def documents(desk: Desk, pupil_id: int) -> list[DocumentRecord]:
    """A pupil's documents; confidential ones only for those allowed to see them."""
    with desk.unit(Permission.READ_DOCUMENTS) as session:
        query = select(Document).where(Document.pupil_id == pupil_id)
        if not desk.actor.may(Permission.READ_CONFIDENTIAL):
            query = query.where(col(Document.confidential).is_(False))
        return [_record(d) for d in session.exec(query.order_by(col(Document.added_at).desc()))]


def read_document(desk: Desk, document_id: int) -> tuple[DocumentRecord, bytes]:
    with desk.unit(Permission.READ_DOCUMENTS) as session:
        row = session.get(Document, document_id)
        if row is None:
            raise NotFound(f"There is no document with id {document_id}.")
        if row.confidential and not desk.actor.may(Permission.READ_CONFIDENTIAL):
            raise PermissionDenied("This document is marked confidential.")
        audit.record(session, desk.actor, "read", "document", entity_id=row.id,
                     pupil_id=row.pupil_id, summary=row.title)
        return _record(row), _store(desk, row.confidential).get(row.sha256)


def set_confidential(desk: Desk, document_id: int, confidential: bool) -> None:
    with desk.unit(Permission.EDIT_DOCUMENTS) as session:
        row = session.get(Document, document_id)
        if row is None:
            raise NotFound(f"There is no document with id {document_id}.")
        pupils.editable(session, row.pupil_id)
        old = row.confidential
        unused = _reseal(session, desk, row, confidential) if old != confidential else None
        audit.record(session, desk.actor, "update", "document", entity_id=row.id,
                     pupil_id=row.pupil_id, changed={"confidential": [old, confidential]})
    if unused is not None:
        _store(desk, old).delete(unused)


def set_photo(desk: Desk, pupil_id: int, data: bytes) -> None:
    """Store the pupil's photo (encrypted) for the profile and the passport."""
    if len(data) > MAX_PHOTO:
        raise ValidationError("photo", "the photo is over 5 MB; use a smaller picture")
    pictures.check_photo(data)
    with desk.unit(Permission.EDIT_PUPILS) as session:
        pupil = pupils.editable(session, pupil_id)
        old, pupil.photo_sha256 = pupil.photo_sha256, blobs(desk).put(data)
        session.add(pupil)
        audit.record(session, desk.actor, "update", "pupil", entity_id=pupil_id,
                     pupil_id=pupil_id, summary="photo changed",
                     changed={"photo": [old, pupil.photo_sha256]})


def set_photo_from(desk: Desk, pupil_id: int, source: Path) -> None:
    """:func:`set_photo` from a file, refusing one over 5 MB before reading it."""
    try:
        if source.stat().st_size > MAX_PHOTO:
            raise ValidationError("photo", "the photo is over 5 MB; use a smaller picture")
        data = source.read_bytes()
    except OSError as error:
        raise ValidationError("photo", f"cannot read the file: {error.strerror}") from None
    set_photo(desk, pupil_id, data)


def photo(desk: Desk, pupil_id: int) -> bytes | None:
    with desk.unit(Permission.READ_PUPILS) as session:
        pupil = session.get(Pupil, pupil_id)
        name = pupil.photo_sha256 if pupil else None
    return blobs(desk).get(name) if name else None
