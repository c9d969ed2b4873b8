"""Database errors in plain words, without the SQL values they quote (issue 16.11, 16.10)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from factories import PASSWORD, add_pupil
from sqlalchemy import event, text

from sencodesk.domain.errors import StoreError
from sencodesk.services import accounts, pupils
from sencodesk.services.context import Desk
from sencodesk.store import database, errors
from sencodesk.store.backends import sqlite

NOTE = "Disclosed at break: uncle hits her (safeguarding)"


def test_a_failing_statement_becomes_a_plain_error_without_its_values(desk: Desk) -> None:
    with pytest.raises(StoreError) as raised, desk.db.transaction() as session:
        session.execute(text("INSERT INTO no_such_table VALUES (:note)"), {"note": NOTE})
    assert NOTE not in str(raised.value)
    assert raised.value.__suppress_context__  # the driver's error is not printed beneath it
    assert "Nothing was saved" in str(raised.value)


def test_database_is_locked_says_someone_else_is_saving(
        data_dir: Path, _empty_school: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(_empty_school, data_dir)
    monkeypatch.setattr(sqlite, "BUSY_TIMEOUT_MS", 200)
    desk = accounts.sign_in(data_dir, "senco", PASSWORD)
    other = database.raw_connect(desk.db.path, desk.db.key)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="Someone else is saving"):
            add_pupil(desk, legal_surname="Waiting")
    finally:
        other.rollback()
        other.close()
    add_pupil(desk, legal_surname="Later")  # once the other writer is done, saving works
    desk.close()


def test_a_full_disk_during_a_save_says_so_and_keeps_what_was_there(desk: Desk) -> None:
    add_pupil(desk, legal_surname="Kept")
    with desk.db.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar_one()
    # SQLite reports a file that may not grow exactly as it reports a full disk (SQLITE_FULL)

    def limit(dbapi_connection: Any, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(desk.db.engine, "connect", limit)
    desk.db.engine.pool.dispose()
    with pytest.raises(StoreError) as raised:
        for n in range(400):
            add_pupil(desk, legal_surname="Filler" + "a" * (n % 20))
    assert str(raised.value) == errors.DISK_FULL
    assert "damaged" not in str(raised.value)
    assert "Kept" in [r.surname for r in pupils.list_pupils(desk)]


def test_a_full_disk_while_opening_is_not_called_damage() -> None:
    import sqlcipher3

    error = sqlcipher3.OperationalError("database or disk is full")
    assert str(errors.plain(error)) == errors.DISK_FULL
    assert "damaged" not in str(errors.plain(OSError(28, "No space left on device")))
