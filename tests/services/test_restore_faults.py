"""A restore killed part way is rolled back at the next start; init never covers set-aside
data; a crafted documents archive is refused before anything is replaced; leftovers of killed
work and orphaned files are cleaned (issue 16.9, 16.12, 16.15)."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from factories import PASSWORD, add_pupil, photo_png

from sencodesk.domain.errors import StoreError
from sencodesk.services import accounts, audit, backups, pupils, records_log
from sencodesk.services.context import Desk
from sencodesk.store import restoring

RESTORE = """
import sys
from pathlib import Path
from sencodesk.services import backups
backups.restore(Path(sys.argv[1]), Path(sys.argv[2]), "senco", sys.argv[3])
"""


def _attach(desk: Desk, pid: int, tmp_path: Path, text: str) -> int:
    source = tmp_path / f"{text}.txt"
    source.write_text(text, encoding="utf-8")
    return records_log.attach(desk, pid, source, title=text)


def _documents_read_back(desk: Desk) -> list[bytes]:
    found = []
    for row in pupils.list_pupils(desk):
        for document in records_log.documents(desk, row.id):
            found.append(records_log.read_document(desk, document.id)[1])
    return sorted(found)


@pytest.mark.parametrize("step", ["staged", "aside", "swapped", "documents"])
def test_a_restore_killed_part_way_is_rolled_back_at_the_next_start(
        desk: Desk, tmp_path: Path, step: str) -> None:
    first = add_pupil(desk, legal_surname="Before")
    _attach(desk, first, tmp_path, "first report")
    old = backups.backup(desk, tmp_path / "old.sencodesk-backup")
    second = add_pupil(desk, legal_surname="Later")
    _attach(desk, second, tmp_path, "second report")
    folder = desk.data_dir
    desk.close()
    killed = subprocess.run([sys.executable, "-c", RESTORE, str(folder), str(old), PASSWORD],
                            env={**os.environ, "SENCODESK_TEST_DIE_AT": step},
                            capture_output=True, text=True, timeout=120)
    assert killed.returncode == 70, killed.stderr
    if step == "aside":  # no live case file, the old one set aside: init must refuse
        assert not (folder / "sencodesk.db").exists()
        with pytest.raises(StoreError, match="set aside"):
            accounts.init_school(folder, school_name="Empty", username="x",
                                 full_name="Sam Patel", password=PASSWORD)
    again = accounts.sign_in(folder, "senco", PASSWORD)
    try:
        assert sorted(r.surname for r in pupils.list_pupils(again)) == ["Before", "Later"]
        assert _documents_read_back(again) == [b"first report", b"second report"]
        assert audit.verify(again) == []
    finally:
        again.close()
    assert not (folder / restoring.JOURNAL).exists()
    assert not list(folder.glob("tmp*"))  # the scratch folder of the killed restore is gone


def test_a_restore_after_a_rolled_back_one_completes(desk: Desk, tmp_path: Path) -> None:
    add_pupil(desk, legal_surname="Before")
    old = backups.backup(desk, tmp_path / "old.sencodesk-backup")
    add_pupil(desk, legal_surname="Later")
    folder = desk.data_dir
    desk.close()
    subprocess.run([sys.executable, "-c", RESTORE, str(folder), str(old), PASSWORD],
                   env={**os.environ, "SENCODESK_TEST_DIE_AT": "swapped"}, timeout=120)
    backups.restore(folder, old, "senco", PASSWORD)  # rolls back the first, then restores
    again = accounts.sign_in(folder, "senco", PASSWORD)
    try:
        assert [r.surname for r in pupils.list_pupils(again)] == ["Before"]
        assert audit.verify(again) == []
    finally:
        again.close()


def _with_documents(backup: Path, archive: bytes, *, mac: bool = True) -> Path:
    """The backup with its documents part replaced by ``archive`` (and, with ``mac`` False,
    the documents' HMAC taken out of its header, as a backup from before it would be)."""
    layout = backups._layout(backup)
    data = backup.read_bytes()
    header = dict(layout.header)
    if not mac:
        del header["documents_mac"]
    parts = [json.dumps(header).encode(),
             *(data[at:at + size] for at, size in (layout.slots, layout.database)), archive]
    backup.write_bytes(backups.MAGIC + b"".join(len(p).to_bytes(8, "big") + p for p in parts))
    return backup


def _refused_and_untouched(desk: Desk, backup: Path, match: str) -> None:
    started = time.monotonic()
    with pytest.raises(StoreError, match=match):
        backups.restore(desk.data_dir, backup, "senco", PASSWORD)
    assert time.monotonic() - started < 20
    assert not list(desk.data_dir.glob("before-restore-*"))  # nothing was replaced
    assert [r.surname for r in pupils.list_pupils(desk)] == ["Kept"]
    written = [p for p in desk.data_dir.rglob("*") if p.is_file()]
    assert max(p.stat().st_size for p in written) < 5_000_000


def _bomb() -> bytes:
    bomb = io.BytesIO()
    name = "ab/" + "ab" * 32 + ".bin"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive, \
            archive.open(name, "w", force_zip64=True) as member:
        for _ in range(400):  # 400 MB of zeros in well under 1 MB
            member.write(bytes(1024 * 1024))
    assert len(bomb.getvalue()) < 1_000_000
    return bomb.getvalue()


def _forged() -> bytes:
    forged = io.BytesIO()
    with zipfile.ZipFile(forged, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("cd/" + "cd" * 32 + ".bin", b"SDK1" + os.urandom(3000))
    return forged.getvalue()


@pytest.mark.parametrize(("archive", "mac", "why"), [
    (_bomb, True, "not the ones this school's backup holds"),
    (_bomb, False, "not an attachment"),
    (_forged, True, "not the ones this school's backup holds"),
    (_forged, False, "not one this school saved"),
], ids=["bomb", "bomb-without-mac", "forged", "forged-without-mac"])
def test_a_crafted_documents_archive_is_refused_before_anything_is_replaced(
        desk: Desk, tmp_path: Path, archive: Callable[[], bytes], mac: bool, why: str) -> None:
    add_pupil(desk, legal_surname="Kept")
    backup = backups.backup(desk, tmp_path / "b.sencodesk-backup")
    _refused_and_untouched(desk, _with_documents(backup, archive(), mac=mac), why)


def test_a_backup_from_before_the_documents_mac_still_restores(desk: Desk,
                                                              tmp_path: Path) -> None:
    pid = add_pupil(desk, legal_surname="Kept")
    _attach(desk, pid, tmp_path, "report")
    backup = backups.backup(desk, tmp_path / "b.sencodesk-backup")
    archive = backup.read_bytes()[backups._layout(backup).documents[0]:]  # type: ignore[index]
    _with_documents(backup, archive, mac=False)
    laptop = tmp_path / "laptop"
    backups.restore(laptop, backup, "senco", PASSWORD)
    again = accounts.sign_in(laptop, "senco", PASSWORD)
    try:
        assert _documents_read_back(again) == [b"report"]
    finally:
        again.close()


def test_leftovers_and_orphans_are_cleaned_at_the_next_sign_in(desk: Desk,
                                                               tmp_path: Path) -> None:
    pid = add_pupil(desk, legal_surname="Photo")
    for _ in range(2):  # the first photo is replaced by the second
        records_log.set_photo(desk, pid, photo_png() + os.urandom(8))
    folder = desk.data_dir
    documents = sorted((folder / "documents").rglob("*.bin"))
    assert len(documents) == 2
    (folder / "tmpkilledbackup").mkdir()
    (folder / "backups").mkdir(exist_ok=True)
    (folder / "backups" / "auto-x.sencodesk-backup.partial").write_bytes(b"half")
    old_aside, new_aside = folder / "before-restore-20200101-000000", \
        folder / "before-restore-20200202-000000"
    for aside in (old_aside, new_aside):
        aside.mkdir()
        (aside / "sencodesk.db").write_bytes(b"old")
        os.utime(aside, (0, 0))
    desk.close()
    again = accounts.sign_in(folder, "senco", PASSWORD)
    try:
        assert not (folder / "tmpkilledbackup").exists()
        assert not list((folder / "backups").glob("*.partial"))
        assert not old_aside.exists() and new_aside.exists()  # the newest is always kept
        kept = sorted((folder / "documents").rglob("*.bin"))
        assert len(kept) == 1  # the earlier photo is gone
        assert records_log.photo(again, pid)
    finally:
        again.close()
    shutil.rmtree(new_aside)


def test_a_retention_deletion_removes_every_earlier_photo(desk: Desk) -> None:
    from datetime import date

    from sencodesk.services import retention

    pid = add_pupil(desk, dob=date(2005, 6, 1), year_group=14, form="")
    for _ in range(3):
        records_log.set_photo(desk, pid, photo_png() + os.urandom(8))
    pupils.mark_left(desk, pid, date(2024, 7, 19))
    desk.today = lambda: date(2036, 6, 2)
    retention.delete_pupil(desk, pid, confirm_upn=pupils.get(desk, pid).row.upn)
    assert not list((desk.data_dir / "documents").rglob("*.bin"))
    assert audit.verify(desk) == []


KILLED_EXPORT = """
import os, sys, time
from pathlib import Path
from sencodesk.services import saving
real_fsync = os.fsync
def hang(fd):
    if os.readlink(f"/proc/self/fd/{fd}").endswith("subject-access.csv.partial"):
        print("writing", flush=True)
        time.sleep(600)
    real_fsync(fd)
os.fsync = hang
saving.save_export(Path(sys.argv[1]), b"UPN,Surname\\nA123,Plain text pupil data\\n")
"""


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_a_killed_export_leaves_no_plain_text_after_the_next_sign_in(
        desk: Desk, tmp_path: Path) -> None:
    target = tmp_path / "subject-access.csv"
    run = subprocess.Popen([sys.executable, "-c", KILLED_EXPORT, str(target)],
                           stdout=subprocess.PIPE, text=True)
    assert run.stdout is not None and run.stdout.readline().strip() == "writing"
    partial = tmp_path / "subject-access.csv.partial"
    assert b"Plain text pupil data" in partial.read_bytes()
    run.kill()
    run.wait(timeout=30)
    desk.close()
    accounts.sign_in(desk.data_dir, "senco", PASSWORD).close()
    assert not partial.exists() and not target.exists()
