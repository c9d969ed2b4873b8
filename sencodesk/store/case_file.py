"""Making, unlocking and opening a school's case file: the top of the store.

Opening checks the key, then brings the schema up to date (migrations take a dated backup
first), so this module sits above the database, its backups and migrations, and none of them
imports it. Services name a school by its folder and never by the files in it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from sencodesk import paths
from sencodesk.domain.errors import StoreError
from sencodesk.store import (
    anchors,
    attempts,
    errors,
    keyslots,
    layout,
    network_drive,
    restoring,
    server,
    writer,
)
from sencodesk.store.database import Database, engine_for, raw_connect


def open_database(path: Path, key: bytes, *, create: bool = False,
                  confidential_key: bytes | None = None) -> Database:
    """Open (or, with ``create``, make) the case file at ``path`` and bring its schema up to date.
    ``confidential_key`` (if the person's slot held it) opens confidential documents.

    Raises StoreError with a plain message if the file is missing, not ours, damaged, from a
    newer version of sencodesk, on a network drive (OnNetworkDrive, naming server mode), or
    being replaced by another process (CaseFileInUse, naming who).
    """
    from sencodesk.store import migrations  # Alembic loads slowly: only once unlocked

    network_drive.refuse(path.parent)
    if create and path.exists():
        raise StoreError(f"{path} already exists: this folder already holds a case file.")
    if not create and not path.exists():
        raise StoreError(f"There is no case file at {path}.")
    writer.acquire(path, shared=True)  # open beside others; alone to migrate (store.writer)
    try:
        raw_connect(path, key).close()
    except BaseException:
        writer.release(path, shared=True)
        raise
    database = Database(path, key, engine_for(path, key), holds_writer_lock=True,
                        confidential_key=confidential_key)
    if create:
        anchors.start_afresh(path.parent)
    with errors.in_plain_words(database.close):
        if migrations.needed(database):
            with writer.holding(path):  # no other process may use it half-migrated
                migrations.upgrade(database, fresh=create)
    return database


def create(folder: Path, username: str, password: str) -> Database:
    """A new, empty case file in ``folder`` (made owner-only), unlocked by its first account,
    whose slot also holds the new confidential-documents key (the first account is a SENCO)."""
    network_drive.refuse(folder)  # before anything is written there
    paths.ensure_private_dir(folder)
    db_path, slot_path = layout.database_path(folder), layout.slots_path(folder)
    if db_path.exists() or slot_path.exists():
        raise StoreError(f"{folder} already holds a school's case file.")
    if (hidden := restoring.set_aside_case_file(folder)) is not None:
        raise StoreError(f"{folder} holds a school's case file set aside in {hidden.name}: "
                         "sign in to roll back the restore that was interrupted, or restore "
                         "a backup, rather than starting an empty school over it.")
    key, confidential = keyslots.new_database_key(), keyslots.new_database_key()
    keyslots.create(slot_path, keyslots.make_slot(username, password, key,
                                                  confidential_key=confidential))
    try:
        return open_database(db_path, key, create=True, confidential_key=confidential)
    except BaseException:
        slot_path.unlink(missing_ok=True)
        db_path.unlink(missing_ok=True)
        raise


def unlock(folder: Path, username: str, password: str, *,
           sleep: Callable[[float], None] = time.sleep) -> Database:
    """The case file in ``folder`` opened with this person's key slot (with the
    confidential-documents key if their slot holds it); AuthenticationFailed (after a delay
    growing with this name's wrong passwords in a row) if the name or password is wrong.
    A folder connected to the school's server (``sencodesk connect``) signs in there."""
    url = server.address(folder)
    if url is not None:
        return server.unlock(url, folder, username, password)
    network_drive.refuse(folder)  # before a restore is rolled back or a key unwrapped there
    db_path = layout.database_path(folder)
    restoring.recover_if_free(folder)  # a restore that was interrupted is rolled back
    if not db_path.exists():
        raise StoreError(f"There is no school set up in {folder}. Run `sencodesk init` first.")
    key, confidential = keyslots.unlock_keys(layout.slots_path(folder), username, password,
                                             sleep=sleep)
    return open_database(db_path, key, confidential_key=confidential)


def failed_sign_ins(folder: Path, username: str) -> int:
    """Wrong passwords in a row for this name at this folder (an unreadable count is 0)."""
    return attempts.failures(folder, username)
