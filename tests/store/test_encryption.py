"""The case file, its backups and attachments are unreadable without a staff password."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from factories import add_pupil

from sencodesk.domain.errors import StoreError
from sencodesk.services import records_log
from sencodesk.services.context import Desk
from sencodesk.store import keyslots, layout
from sencodesk.store.backup import online_backup
from sencodesk.store.case_file import open_database

NAME = "Łukasiewicz-Smith"


def _all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_plain_sqlite_cannot_read_the_case_file(desk: Desk) -> None:
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(layout.database_path(desk.data_dir)).execute(
            "SELECT * FROM sqlite_master"
        ).fetchall()


def test_no_pupil_name_in_any_file_on_disk(desk: Desk, tmp_path: Path) -> None:
    pid = add_pupil(desk, legal_surname=NAME)
    attachment = tmp_path / "report.txt"
    attachment.write_text(f"Educational psychologist report on {NAME}", encoding="utf-8")
    records_log.attach(desk, pid, attachment, title="EP report")
    online_backup(desk.db, desk.data_dir / "backups" / "manual.db")
    desk.db.engine.dispose()  # flush the WAL into the file too
    raw = _all_bytes(desk.data_dir)
    for encoding in ("utf-8", "utf-16-le"):
        assert NAME.encode(encoding) not in raw
    assert b"Educational psychologist" not in raw
    assert records_log.read_document(desk, 1)[1].decode() == attachment.read_text()


def test_database_key_is_not_stored_in_clear(desk: Desk) -> None:
    slot_text = layout.slots_path(desk.data_dir).read_bytes()
    assert desk.db.key not in slot_text
    assert desk.db.key.hex().encode() not in slot_text


def test_wrong_key_is_refused_with_a_plain_message(desk: Desk) -> None:
    path = layout.database_path(desk.data_dir)
    desk.close()
    with pytest.raises(StoreError, match="not a sencodesk case file"):
        open_database(path, bytes(32))


def test_a_file_that_is_not_ours_is_refused(tmp_path: Path) -> None:
    stranger = tmp_path / "holiday.db"
    sqlite3.connect(stranger).execute("CREATE TABLE photos(x)").connection.commit()
    with pytest.raises(StoreError, match="not a sencodesk case file"):
        open_database(stranger, keyslots.new_database_key())


def test_a_corrupt_file_is_refused(desk: Desk) -> None:
    path = layout.database_path(desk.data_dir)
    key = desk.db.key
    desk.close()
    data = bytearray(path.read_bytes())
    data[100:4000] = bytes(3900)
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged"):
        open_database(path, key)
