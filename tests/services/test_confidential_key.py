"""Confidential documents are sealed with a key of their own, wrapped only in the key slots of
roles that may read them: a Teacher's password (and the database key it opens) cannot open one."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from factories import PASSWORD, add_pupil, signed_in_as

from sencodesk.domain.codes import Role
from sencodesk.domain.errors import PermissionDenied, StoreError
from sencodesk.services import accounts, records_log
from sencodesk.services.context import Desk
from sencodesk.store import keyslots, layout
from sencodesk.store.blobs import BlobStore
from sencodesk.store.tables import Document

SECRET = b"safeguarding: disclosure on 3 November"
OTHER = "long enough pass"


def _attach(desk: Desk, tmp_path: Path, confidential: bool = True) -> tuple[int, int]:
    pid = add_pupil(desk)
    file = tmp_path / "note.txt"
    file.write_bytes(SECRET)
    return pid, records_log.attach(desk, pid, file, title="Disclosure",
                                   confidential=confidential)


def _sealed_name(desk: Desk, document_id: int) -> str:
    with desk.db.transaction() as session:
        row = session.get(Document, document_id)
        assert row is not None
        return row.sha256


def test_a_teachers_password_cannot_open_a_confidential_document(
    desk: Desk, tmp_path: Path
) -> None:
    _, doc = _attach(desk, tmp_path)
    teacher = signed_in_as(desk, Role.TEACHER)
    slot = keyslots.find(keyslots.read(layout.slots_path(desk.data_dir)), "teacheruser")
    assert slot is not None and slot.confidential is None
    opened = keyslots.open_slot(slot, OTHER)
    assert opened is not None
    db_key, confidential = opened
    assert confidential is None
    # what a script holding the database key would try
    with pytest.raises(StoreError):
        BlobStore(layout.documents_path(desk.data_dir), db_key).get(_sealed_name(desk, doc))
    with pytest.raises(PermissionDenied):
        records_log.read_document(teacher, doc)
    raw = json.loads(layout.slots_path(desk.data_dir).read_text())
    holders = {s["username"] for s in raw["slots"] if s.get("wrapped_confidential_key")}
    assert holders == {"senco"}
    teacher.close()


def test_a_head_added_by_the_senco_reads_them(desk: Desk, tmp_path: Path) -> None:
    _, doc = _attach(desk, tmp_path)
    head = signed_in_as(desk, Role.HEAD)
    assert records_log.read_document(head, doc)[1] == SECRET
    head.close()


def test_marking_and_unmarking_moves_the_document_between_keys(
    desk: Desk, tmp_path: Path
) -> None:
    _, doc = _attach(desk, tmp_path, confidential=False)
    plain = _sealed_name(desk, doc)
    records_log.set_confidential(desk, doc, True)
    sealed = _sealed_name(desk, doc)
    assert sealed != plain and not records_log.blobs(desk).exists(plain)
    with pytest.raises(StoreError):
        records_log.blobs(desk).get(sealed)
    assert records_log.read_document(desk, doc)[1] == SECRET
    records_log.set_confidential(desk, doc, False)
    assert records_log.blobs(desk).get(_sealed_name(desk, doc)) == SECRET


def test_a_case_file_from_before_gets_the_key_when_the_senco_signs_in(
    desk: Desk, tmp_path: Path
) -> None:
    pid = add_pupil(desk)
    # as an earlier version left it: confidential bytes under the database key, no key slot
    name = records_log.blobs(desk).put(SECRET)
    with desk.db.transaction() as session:
        row = Document(pupil_id=pid, sha256=name, title="Old", filename="old.txt",
                       size=len(SECRET), confidential=True, added_at=datetime.now(UTC))
        session.add(row)
        session.flush()
        doc = row.id
    assert doc is not None
    path = layout.slots_path(desk.data_dir)
    keyslots.write(path, keyslots.SlotFile((keyslots.make_slot("senco", PASSWORD, desk.db.key),)))
    desk.close()
    again = accounts.sign_in(desk.data_dir, "senco", PASSWORD)
    assert again.confidential_blobs is not None
    assert keyslots.holds_confidential(keyslots.read(path))
    assert records_log.read_document(again, doc)[1] == SECRET
    assert not records_log.blobs(again).exists(name)
    again.close()
