"""Backups: consistent while writing, encrypted, restorable, and refused when damaged."""

from __future__ import annotations

import io
import json
import struct
import threading
import zipfile
from datetime import datetime, timedelta, tzinfo
from pathlib import Path

import pytest
from factories import PASSWORD, add_pupil

from sencodesk.domain import backup_policy
from sencodesk.domain.errors import AuthenticationFailed, StoreError
from sencodesk.services import accounts, audit, backups, pupils, records_log
from sencodesk.services.context import Desk

NAME = "Łukasiewicz-Smith"


def test_backup_and_restore_round_trip(desk: Desk, tmp_path: Path) -> None:
    add_pupil(desk, legal_surname=NAME)
    file = backups.backup(desk, tmp_path / "school.sencodesk-backup")
    assert NAME.encode() not in file.read_bytes()
    add_pupil(desk, legal_surname="Afterwards")
    desk.close()
    aside = backups.restore(desk.data_dir, file, "senco", PASSWORD)
    assert (aside / "sencodesk.db").exists()
    again = accounts.sign_in(desk.data_dir, "senco", PASSWORD)
    assert [r.surname for r in pupils.list_pupils(again)] == [NAME]
    again.close()


def test_a_backup_taken_while_writing_is_consistent(desk: Desk, tmp_path: Path) -> None:
    add_pupil(desk, legal_surname="Writer")  # so the backup cannot be empty
    stop = threading.Event()

    def write() -> None:
        while not stop.is_set():
            add_pupil(desk, legal_surname="Writer")

    writer = threading.Thread(target=write)
    writer.start()
    try:
        file = backups.backup(desk, tmp_path / "live.sencodesk-backup")
    finally:
        stop.set()
        writer.join()
    restored = tmp_path / "restored"
    restored.mkdir()
    backups.restore(restored, file, "senco", PASSWORD)
    check = accounts.sign_in(restored, "senco", PASSWORD)
    restored_rows = pupils.list_pupils(check)
    assert restored_rows and all(r.surname == "Writer" for r in restored_rows)
    assert audit.verify(check) == []
    check.close()
    assert audit.verify(desk) == []


def test_an_uncommitted_write_at_a_crash_loses_only_itself(desk: Desk, tmp_path: Path) -> None:
    add_pupil(desk, legal_surname="Committed")
    connection = desk.db.engine.raw_connection()
    connection.execute("BEGIN")
    connection.execute("UPDATE pupil SET legal_surname = 'Half-written'")
    # the process dies here: the transaction is never committed
    connection.invalidate()
    file = backups.backup(desk, tmp_path / "after-crash.sencodesk-backup")
    restored = tmp_path / "restored"
    restored.mkdir()
    backups.restore(restored, file, "senco", PASSWORD)
    check = accounts.sign_in(restored, "senco", PASSWORD)
    assert [r.surname for r in pupils.list_pupils(check)] == ["Committed"]
    check.close()


def test_a_truncated_backup_is_refused_and_nothing_changes(desk: Desk, tmp_path: Path) -> None:
    add_pupil(desk)
    file = backups.backup(desk, tmp_path / "b.sencodesk-backup")
    file.write_bytes(file.read_bytes()[: file.stat().st_size // 2])
    with pytest.raises(StoreError, match="cut short"):
        backups.restore(desk.data_dir, file, "senco", PASSWORD)
    assert len(pupils.list_pupils(desk)) == 1


def test_a_backup_from_a_newer_version_is_refused(desk: Desk, tmp_path: Path) -> None:
    file = backups.backup(desk, tmp_path / "b.sencodesk-backup")
    data = file.read_bytes()
    start = len(backups.MAGIC)
    (size,) = struct.unpack(">Q", data[start:start + 8])
    header = json.loads(data[start + 8:start + 8 + size])
    header["schema"] = "9999"
    head = json.dumps(header).encode()
    file.write_bytes(data[:start] + struct.pack(">Q", len(head)) + head
                     + data[start + 8 + size:])
    with pytest.raises(StoreError, match="newer sencodesk"):
        backups.restore(desk.data_dir, file, "senco", PASSWORD)


def test_restore_with_the_wrong_password_changes_nothing(desk: Desk, tmp_path: Path) -> None:
    add_pupil(desk)
    file = backups.backup(desk, tmp_path / "b.sencodesk-backup")
    with pytest.raises(AuthenticationFailed):
        backups.restore(desk.data_dir, file, "senco", "wrong password")
    assert len(pupils.list_pupils(desk)) == 1
    assert not list(desk.data_dir.glob("before-restore-*"))


def test_automatic_backups_are_listed_and_pruned(desk: Desk,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Twelve daily backups, then two more on the last day: 7 daily and 4 weekly are kept."""
    moments = [datetime(2026, 11, 1, 17, 0) + timedelta(days=n) for n in range(12)]
    moments += [datetime(2026, 11, 12, 18, 0), datetime(2026, 11, 12, 19, 0)]

    clock = iter(moments)
    reading: list[datetime] = []

    class Clock(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> Clock:
            return cls.fromtimestamp(reading[-1].timestamp(), tz)

    monkeypatch.setattr(backups, "datetime", Clock)
    made = []
    for moment in clock:
        reading.append(moment)
        made.append(backups.auto_backup(desk))
    kept = [b.taken_at for b in backups.list_backups(desk.data_dir)]
    assert len(made) == 14 and len(kept) < 14
    assert kept == sorted(backup_policy.keep(moments), reverse=True)
    # newest of each of the last 7 days (12/11 at 19:00 back to 06/11), and of 4 ISO weeks
    assert kept == [datetime(2026, 11, 12, 19, 0)] + [
        datetime(2026, 11, day, 17, 0) for day in (11, 10, 9, 8, 7, 6, 1)]


def test_not_a_backup(desk: Desk, tmp_path: Path) -> None:
    stranger = tmp_path / "holiday.jpg"
    stranger.write_bytes(b"\xff\xd8 not a backup")
    with pytest.raises(StoreError, match="not a sencodesk backup"):
        backups.inspect(stranger)


def _attach(desk: Desk, tmp_path: Path, text: str) -> int:
    pid = add_pupil(desk, legal_surname=NAME)
    source = tmp_path / "ep-report.txt"
    source.write_text(text, encoding="utf-8")
    return records_log.attach(desk, pid, source, title="EP report")


def test_a_backup_restored_on_a_new_laptop_brings_the_attached_documents(
    desk: Desk, tmp_path: Path
) -> None:
    document_id = _attach(desk, tmp_path, "Educational psychologist's report")
    file = backups.backup(desk, tmp_path / "b.sencodesk-backup")
    assert b"Educational psychologist" not in file.read_bytes()  # still encrypted inside
    laptop = tmp_path / "new laptop"
    laptop.mkdir()
    backups.restore(laptop, file, "senco", PASSWORD)
    again = accounts.sign_in(laptop, "senco", PASSWORD)
    try:
        _record, data = records_log.read_document(again, document_id)
    finally:
        again.close()
    assert data == b"Educational psychologist's report"


def test_a_backup_cut_short_in_its_documents_is_refused(desk: Desk, tmp_path: Path) -> None:
    _attach(desk, tmp_path, "report " * 1000)
    file = backups.backup(desk, tmp_path / "b.sencodesk-backup")
    file.write_bytes(file.read_bytes()[:-100])
    with pytest.raises(StoreError, match="cut short"):
        backups.restore(desk.data_dir, file, "senco", PASSWORD)
    assert not list(desk.data_dir.glob("before-restore-*"))


def _parts(data: bytes) -> list[bytes]:
    parts, at = [], len(backups.MAGIC)
    while at < len(data):
        (size,) = struct.unpack(">Q", data[at:at + 8])
        parts.append(data[at + 8:at + 8 + size])
        at += 8 + size
    return parts


def _join(parts: list[bytes]) -> bytes:
    return backups.MAGIC + b"".join(struct.pack(">Q", len(p)) + p for p in parts)


def test_documents_with_names_that_are_not_attachments_are_refused(
    desk: Desk, tmp_path: Path
) -> None:
    file = backups.backup(desk, tmp_path / "b.sencodesk-backup")
    parts = _parts(file.read_bytes())
    evil = io.BytesIO()
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("../../keyslots.json", b"{}")
    file.write_bytes(_join([*parts[:3], evil.getvalue()]))
    with pytest.raises(StoreError, match="documents cannot be read"):
        backups.restore(desk.data_dir, file, "senco", PASSWORD)
    assert not (desk.data_dir.parent / "keyslots.json").exists()


def test_a_backup_made_before_documents_were_included_still_restores(
    desk: Desk, tmp_path: Path
) -> None:
    add_pupil(desk, legal_surname=NAME)
    file = backups.backup(desk, tmp_path / "b.sencodesk-backup")
    parts = _parts(file.read_bytes())
    header = json.loads(parts[0])
    header["format"] = 1
    file.write_bytes(_join([json.dumps(header).encode(), parts[1], parts[2]]))
    assert backups.inspect(file).schema == header["schema"]
    desk.close()
    backups.restore(desk.data_dir, file, "senco", PASSWORD)
    again = accounts.sign_in(desk.data_dir, "senco", PASSWORD)
    assert [r.surname for r in pupils.list_pupils(again)] == [NAME]
    again.close()
