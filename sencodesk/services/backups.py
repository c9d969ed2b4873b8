"""Encrypted backups that can be restored on a new laptop, and restoring them safely.

A backup file is one file of length-prefixed parts: a header of JSON (format, schema revision,
app version, time taken), the key-slot file, the SQLite online-backup copy of the database and
(from format 2) the attached documents as a ZIP. The database and the documents are already
encrypted with the database key and the key slots are wrapped by staff passwords, so the file
is no more readable than the data folder. Parts are streamed, never held whole in memory.
"""

from __future__ import annotations

import itertools
import json
import os
import struct
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sencodesk import __version__, paths
from sencodesk.domain import backup_policy
from sencodesk.domain.errors import StoreError, ValidationError
from sencodesk.domain.permissions import Permission
from sencodesk.services import audit, restorer_check, saving, server_backups
from sencodesk.services.context import Desk
from sencodesk.store import (
    errors,
    keyslots,
    migrations,
    restoring,
    staged_documents,
    unfinished,
    writer,
)
from sencodesk.store.backup import integrity_verdict, online_backup
from sencodesk.store.case_file import open_database
from sencodesk.store.layout import backups_path, database_path, documents_path, slots_path

MAGIC = b"SENCODESK-BACKUP\n"
FORMAT = 2
STAMP = "%Y%m%d-%H%M%S"
AUTO_PREFIX = "auto-"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    schema: str
    app_version: str
    size: int


CHUNK = 1024 * 1024
LENGTH = struct.Struct(">Q")
# attachments are stored as documents/<2 hex>/<64 hex>.bin (store.blobs); nothing else is
# ever unpacked from a backup
DOCUMENT_NAME = staged_documents.NAME


def _chunks(path: Path, offset: int, size: int) -> Iterator[bytes]:
    """``size`` bytes of ``path`` from ``offset``, a chunk at a time; StoreError if the file
    ends first (a backup cut short)."""
    with path.open("rb") as handle:
        handle.seek(offset)
        left = size
        while left:
            chunk = handle.read(min(CHUNK, left))
            if not chunk:
                raise StoreError(f"{path.name} is incomplete (it was cut short).")
            yield chunk
            left -= len(chunk)


def _part(path: Path) -> Iterator[bytes]:
    """A whole file as one length-prefixed part of a backup."""
    size = path.stat().st_size
    yield LENGTH.pack(size)
    yield from _chunks(path, 0, size)


def _zip_documents(folder: Path, target: Path) -> Path:
    """The attachments (already encrypted) as a ZIP, stored rather than compressed."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as archive:
        if folder.is_dir():
            for path in sorted(folder.rglob("*.bin")):
                name = path.relative_to(folder).as_posix()
                if DOCUMENT_NAME.fullmatch(name):
                    archive.write(path, name)
    return target


def backup(desk: Desk, destination: Path) -> Path:
    """Write a consistent backup (taken with the online backup API while others may write),
    with the attached documents; of a case file on the school's server, an encrypted pg_dump
    (``server_backups``)."""
    desk.require(Permission.BACKUP)
    destination = destination.expanduser()
    if saving.data_folder_holding(destination) is not None and \
            destination.resolve().parent != backup_folder(desk.data_dir).resolve():
        raise ValidationError("file", f"{destination} is in sencodesk's data folder, which "
                              "holds the case file and its keys; back up somewhere else.")
    try:
        if desk.db.copies_here:
            _write_backup(desk, destination)
        else:
            server_backups.write(desk, destination)
    except OSError as error:
        if not errors.is_disk_full(error):
            raise
        raise StoreError(f"The disk is full, so the backup {destination.name} was not "
                         "written. Earlier backups are kept: free some space and try again.")\
            from None
    with desk.unit(Permission.BACKUP) as session:
        audit.record(session, desk.actor, "export", "backup", summary=destination.name)
    return destination


def on_server(desk: Desk) -> bool:
    """Whether the desk's case file is on the school's server (backed up with pg_dump)."""
    return not desk.db.copies_here


def _write_backup(desk: Desk, destination: Path) -> None:
    destination.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=destination.parent) as scratch, unfinished.noted(
            Path(scratch), destination.with_name(destination.name + ".partial")):
        copy = online_backup(desk.db, Path(scratch) / "copy.db")
        documents = _zip_documents(documents_path(desk.data_dir),
                                   Path(scratch) / "documents.zip")
        header = json.dumps({"format": FORMAT, "schema": migrations.current_revision(desk.db),
                             "app_version": __version__,
                             "taken_at": datetime.now().strftime(STAMP),
                             "audit_head": desk.db.audit_head_of(copy),
                             "documents_mac": desk.db.documents_mac(documents),
                             }).encode()
        slots = slots_path(desk.data_dir).read_bytes()
        paths.write_private(destination, itertools.chain(
            [MAGIC, LENGTH.pack(len(header)), header, LENGTH.pack(len(slots)), slots],
            _part(copy), _part(documents)))



@dataclass(frozen=True)
class _Layout:
    """Where each part of a backup file lies: (offset, size) of each after the header."""

    header: dict[str, object]
    slots: tuple[int, int]
    database: tuple[int, int]
    documents: tuple[int, int] | None


def _layout(source: Path) -> _Layout:
    """Read the header and find the parts, checking the file is whole (not cut short)."""
    try:
        with source.open("rb") as handle:
            total = os.fstat(handle.fileno()).st_size
            if handle.read(len(MAGIC)) != MAGIC:
                raise StoreError(f"{source.name} is not a sencodesk backup.")
            spans: list[tuple[int, int]] = []
            at = len(MAGIC)
            while at < total and len(spans) < 4:
                size_bytes = handle.read(LENGTH.size)
                if len(size_bytes) < LENGTH.size:
                    break
                (size,) = LENGTH.unpack(size_bytes)
                at += LENGTH.size
                spans.append((at, size))
                at += size
                handle.seek(at)
            head = b""
            if spans:
                handle.seek(spans[0][0])
                head = handle.read(min(spans[0][1], CHUNK))
    except OSError as error:
        raise StoreError(f"Cannot read {source.name}: {error.strerror}.") from None
    if len(spans) < 3 or at > total:
        raise StoreError(f"{source.name} is incomplete (it was cut short).")
    try:
        header = json.loads(head)
    except (ValueError, RecursionError):
        raise StoreError(f"{source.name} is damaged.") from None
    if not isinstance(header, dict) or not str(header.get("format", 0)).isdigit():
        raise StoreError(f"{source.name} is damaged.")
    if int(str(header.get("format", 0))) >= 2 and len(spans) < 4:
        raise StoreError(f"{source.name} is incomplete (it was cut short).")
    return _Layout(header, spans[1], spans[2], spans[3] if len(spans) > 3 else None)


def _copy_out(source: Path, span: tuple[int, int], target: Path) -> Path:
    """One part of the backup into its own file, readable only by the owner."""
    return paths.write_private(target, _chunks(source, *span))


def inspect(source: Path) -> BackupInfo:
    """What a backup is, from its header alone (the rest is not read)."""
    header = _layout(source).header
    try:
        return BackupInfo(source, datetime.strptime(str(header["taken_at"]), STAMP),
                          str(header["schema"])[:40], str(header["app_version"])[:40],
                          source.stat().st_size)
    except (KeyError, ValueError, OSError):
        raise StoreError(f"{source.name} is damaged: its header cannot be read.") from None


def backup_folder(data_dir: Path) -> Path:
    return backups_path(data_dir)


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """Backups in the data folder's backups/, newest first (unreadable files are skipped)."""
    found = []
    for path in backup_folder(data_dir).glob("*.sencodesk-backup"):
        try:
            found.append(inspect(path))
        except StoreError:
            continue
    return sorted(found, key=lambda info: info.taken_at, reverse=True)


def auto_backup(desk: Desk) -> Path | None:
    """A backup into the data folder, then prune to 7 daily and 4 weekly; none (None) of a
    case file on the school's server, which IT backs up."""
    if not desk.db.copies_here:
        return None
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
    read, the password, the database's integrity and the documents archive. Returns the
    database key."""
    layout = _layout(source)
    header = layout.header
    if int(str(header.get("format", 0))) > FORMAT:
        raise StoreError(f"{source.name} was made by a newer sencodesk. Update sencodesk first.")
    schema = str(header.get("schema"))
    if schema not in migrations.known_revisions():
        raise StoreError(f"{source.name} was made by a newer sencodesk (schema {schema}). "
                         "Update sencodesk first.")
    _copy_out(source, layout.slots, slots_path(staged))
    _copy_out(source, layout.database, database_path(staged))
    key = keyslots.unlock(slots_path(staged), username, password)
    verdict = integrity_verdict(database_path(staged), key)
    if verdict != "ok":
        raise StoreError(f"{source.name} failed its integrity check: {verdict}.")
    if layout.documents is not None:
        archive = _copy_out(source, layout.documents, staged / "documents.zip")
        try:
            mac = header.get("documents_mac")
            staged_documents.unpack(archive, staged / restoring.STAGED_DOCUMENTS, key,
                                    expected_mac=mac if isinstance(mac, str) else None)
        except StoreError as error:
            raise StoreError(f"{source.name} is damaged: {error}") from None
        finally:
            archive.unlink(missing_ok=True)
    return key


def check(data_dir: Path, source: Path, username: str, password: str) -> None:
    """Everything :func:`restore` checks, without changing anything (so the app can check
    before it closes the case file that is open)."""
    with tempfile.TemporaryDirectory(dir=data_dir) as scratch:
        _stage(source, Path(scratch), username, password)
        restorer_check.authorise(data_dir, Path(scratch), username, password)


def restore(data_dir: Path, source: Path, username: str, password: str) -> Path:
    """Replace the case file with a backup. Checks the file, the password and the database's
    integrity first, and who may restore (:mod:`restorer_check`); the current files are kept
    aside as ``*.before-restore-<time>``. Returns the folder where the old files were put. The
    data folder is made (owner-only) if this is a new computer."""
    paths.ensure_private_dir(data_dir)
    restoring.recover_if_free(data_dir)
    with writer.holding(database_path(data_dir)), restoring.scratch(data_dir) as staged:
        try:
            key = _stage(source, staged, username, password)
            restorer = restorer_check.authorise(data_dir, staged, username, password)
            aside = restoring.swap_in(staged, data_dir)
        except OSError as error:
            why = "the disk is full" if errors.is_disk_full(error) else error.strerror or error
            raise StoreError(f"Could not restore {source.name}: {why}. The case file was left "
                             "as it was.") from None
        try:
            database = open_database(database_path(data_dir), key)
            try:
                with database.transaction() as session:
                    summary, changed = restorer_check.restore_entry(restorer, source, aside)
                    audit.record(session, restorer.actor, "restore", "backup",
                                 summary=summary, changed=changed)
            finally:
                database.close()
        except BaseException:
            restoring.recover(data_dir)  # not recorded, so not done: the old files go back
            raise
        restoring.finish(data_dir)
    return aside
