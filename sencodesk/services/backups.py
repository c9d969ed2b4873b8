"""Encrypted backups that can be restored on a new laptop, and restoring them safely.

A backup file is one file: a header line of JSON (format, schema revision, app version, time
taken), then the key-slot file, then the SQLite online-backup copy of the database. The
database part is already encrypted with the database key and the key slots are wrapped by staff
passwords, so the file is no more readable than the data folder.
"""

from __future__ import annotations

import json
import shutil
import struct
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sencodesk import __version__, paths
from sencodesk.domain import backup_policy
from sencodesk.domain.errors import StoreError
from sencodesk.domain.permissions import Permission
from sencodesk.services import accounts, audit
from sencodesk.services.context import Desk
from sencodesk.store import keyslots, migrations
from sencodesk.store.backup import online_backup
from sencodesk.store.database import open_database, raw_connect

MAGIC = b"SENCODESK-BACKUP\n"
FORMAT = 1
STAMP = "%Y%m%d-%H%M%S"
AUTO_PREFIX = "auto-"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    schema: str
    app_version: str
    size: int


def _write(destination: Path, header: Mapping[str, object], slots: bytes,
           database: bytes) -> None:
    head = json.dumps(header).encode()
    parts = b"".join(struct.pack(">Q", len(part)) + part for part in (head, slots, database))
    paths.write_private(destination, MAGIC + parts)


def backup(desk: Desk, destination: Path) -> Path:
    """Write a consistent backup (taken with the online backup API while others may write)."""
    desk.require(Permission.BACKUP)
    destination = destination.expanduser()
    destination.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=destination.parent) as scratch:
        copy = online_backup(desk.db, Path(scratch) / "copy.db")
        header = {"format": FORMAT, "schema": migrations.current_revision(desk.db),
                  "app_version": __version__,
                  "taken_at": datetime.now().strftime(STAMP)}
        _write(destination, header, accounts.slots_path(desk.data_dir).read_bytes(),
               copy.read_bytes())
    with desk.db.transaction() as session:
        audit.record(session, desk.actor, "export", "backup", summary=destination.name)
    return destination


def _read(source: Path) -> tuple[dict[str, object], bytes, bytes]:
    try:
        data = source.read_bytes()
    except OSError as error:
        raise StoreError(f"Cannot read {source.name}: {error.strerror}.") from None
    if not data.startswith(MAGIC):
        raise StoreError(f"{source.name} is not a sencodesk backup.")
    parts, at = [], len(MAGIC)
    for _ in range(3):
        if at + 8 > len(data):
            raise StoreError(f"{source.name} is incomplete (it was cut short).")
        (size,) = struct.unpack(">Q", data[at:at + 8])
        at += 8
        if at + size > len(data):
            raise StoreError(f"{source.name} is incomplete (it was cut short).")
        parts.append(data[at:at + size])
        at += size
    try:
        header = json.loads(parts[0])
    except ValueError:
        raise StoreError(f"{source.name} is damaged.") from None
    return header, parts[1], parts[2]


def inspect(source: Path) -> BackupInfo:
    header, _slots, _db = _read(source)
    return BackupInfo(source, datetime.strptime(str(header["taken_at"]), STAMP),
                      str(header["schema"]), str(header["app_version"]), source.stat().st_size)


def backup_folder(data_dir: Path) -> Path:
    return data_dir / "backups"


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """Backups in the data folder's backups/, newest first (unreadable files are skipped)."""
    found = []
    for path in backup_folder(data_dir).glob("*.sencodesk-backup"):
        try:
            found.append(inspect(path))
        except StoreError:
            continue
    return sorted(found, key=lambda info: info.taken_at, reverse=True)


def auto_backup(desk: Desk) -> Path:
    """A backup into the data folder, then prune to 7 daily and 4 weekly."""
    folder = backup_folder(desk.data_dir)
    path = backup(desk, folder / f"{AUTO_PREFIX}{datetime.now():{STAMP}}.sencodesk-backup")
    autos = [b for b in list_backups(desk.data_dir) if b.path.name.startswith(AUTO_PREFIX)]
    keep = backup_policy.keep([b.taken_at for b in autos])
    for info in autos:
        if info.taken_at not in keep:
            info.path.unlink(missing_ok=True)
    return path


def _stage(source: Path, staged: Path, username: str, password: str) -> bytes:
    """Unpack ``source`` into ``staged`` and check it: format and schema this version can
    read, the password, and the database's integrity. Returns the database key."""
    header, slot_bytes, db_bytes = _read(source)
    if int(str(header.get("format", 0))) > FORMAT:
        raise StoreError(f"{source.name} was made by a newer sencodesk. Update sencodesk first.")
    schema = str(header.get("schema"))
    if schema not in migrations.known_revisions():
        raise StoreError(f"{source.name} was made by a newer sencodesk (schema {schema}). "
                         "Update sencodesk first.")
    (staged / "keyslots.json").write_bytes(slot_bytes)
    (staged / "sencodesk.db").write_bytes(db_bytes)
    key = keyslots.unlock(staged / "keyslots.json", username, password)
    connection = raw_connect(staged / "sencodesk.db", key)
    try:
        verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()
    if verdict != "ok":
        raise StoreError(f"{source.name} failed its integrity check: {verdict}.")
    return key


def check(data_dir: Path, source: Path, username: str, password: str) -> None:
    """Everything :func:`restore` checks, without changing anything (so the app can check
    before it closes the case file that is open)."""
    with tempfile.TemporaryDirectory(dir=data_dir) as scratch:
        _stage(source, Path(scratch), username, password)


def restore(data_dir: Path, source: Path, username: str, password: str) -> Path:
    """Replace the case file with a backup. Checks the file, the password and the database's
    integrity first; the current files are kept aside as ``*.before-restore-<time>``. Returns
    the folder where the old files were put."""
    with tempfile.TemporaryDirectory(dir=data_dir) as scratch:
        staged = Path(scratch)
        key = _stage(source, staged, username, password)
        aside = data_dir / f"before-restore-{datetime.now():{STAMP}}"
        aside.mkdir(mode=0o700)
        for name in ("sencodesk.db", "sencodesk.db-wal", "sencodesk.db-shm", "keyslots.json"):
            if (data_dir / name).exists():
                shutil.move(str(data_dir / name), aside / name)
        (staged / "keyslots.json").replace(data_dir / "keyslots.json")
        (staged / "sencodesk.db").replace(data_dir / "sencodesk.db")
    database = open_database(data_dir / "sencodesk.db", key)
    with database.transaction() as session:
        audit.record(session, None, "restore", "backup", summary=f"restored {source.name}")
    database.close()
    return aside
