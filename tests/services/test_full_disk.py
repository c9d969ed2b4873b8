"""A full disk says so and keeps what was there: backup, attach, import (issue 16.10)."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from factories import PASSWORD, add_pupil
from sqlalchemy import Engine, event

from sencodesk.domain.errors import StoreError
from sencodesk.services import backups, mis_import, pupils, records_log
from sencodesk.services.context import Desk
from sencodesk.store import errors


def _no_space(_fd: int) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file written to disk fails as a full disk does, when it is flushed."""
    monkeypatch.setattr(os, "fsync", _no_space)


def test_a_backup_on_a_full_disk_says_so_and_keeps_the_earlier_one(
        desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    add_pupil(desk)
    target = backups.backup(desk, tmp_path / "b.sencodesk-backup")
    before = target.read_bytes()
    monkeypatch.setattr(os, "fsync", _no_space)
    with pytest.raises(StoreError, match="The disk is full, so the backup") as raised:
        backups.backup(desk, target)
    assert "damaged" not in str(raised.value)
    assert target.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")
                or p.name.startswith("tmp")]  # no half-written backup, no scratch folder


def test_attaching_on_a_full_disk_says_so_and_adds_nothing(
        desk: Desk, tmp_path: Path, full_disk: None) -> None:
    pid = add_pupil(desk)
    source = tmp_path / "report.txt"
    source.write_text("EP report", encoding="utf-8")
    with pytest.raises(StoreError) as raised:
        records_log.attach(desk, pid, source, title="EP report")
    assert str(raised.value) == errors.DISK_FULL
    assert records_log.documents(desk, pid) == []
    assert not list((desk.data_dir / "documents").rglob("*.partial"))


@pytest.fixture
def full_database(desk: Desk) -> Iterator[None]:
    """The case file may not grow: SQLite answers as it does on a full disk (SQLITE_FULL)."""
    with desk.db.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar_one()

    def limit(dbapi_connection: Any, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    event.listen(Engine, "connect", limit)
    desk.db.engine.pool.dispose()
    yield
    event.remove(Engine, "connect", limit)
    desk.db.engine.pool.dispose()


def test_an_import_on_a_full_disk_says_so_and_imports_nothing(
        desk: Desk, tmp_path: Path, full_database: None) -> None:
    from factories import new_upn

    rows = "".join(f"{new_upn()},Adeyemi,Tunde,01/03/2014,7,7A\n" for _ in range(300))
    data = ("UPN,Surname,Forename,DOB,Year,Class\n" + rows).encode()
    preview = mis_import.preview(desk, data)
    with pytest.raises(StoreError) as raised:
        mis_import.apply(desk, preview)
    assert str(raised.value) == errors.DISK_FULL
    assert pupils.list_pupils(desk) == []


def test_a_restore_on_a_full_disk_says_so_and_leaves_the_case_file(
        desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    add_pupil(desk, legal_surname="Kept")
    backup = backups.backup(desk, tmp_path / "b.sencodesk-backup")
    monkeypatch.setattr(os, "fsync", _no_space)
    with pytest.raises(StoreError, match=r"the disk is full\. The case file was left as it was"):
        backups.restore(desk.data_dir, backup, "senco", PASSWORD)
    monkeypatch.undo()
    assert [r.surname for r in pupils.list_pupils(desk)] == ["Kept"]
    assert not list(desk.data_dir.glob("before-restore-*"))
    assert not list(desk.data_dir.glob("tmp*"))
