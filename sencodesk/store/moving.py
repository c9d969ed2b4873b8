"""Moving a school's case file between a file on one computer and a school's server.

Every table's rows are copied with their ids (the audit trail names records by id), and the
attached files as they are sealed (both sides use the school's same key), in one transaction
on the side being written: the rows are counted on both sides, a caller's check (the audit
chain) is run on what was written, and any difference rolls the whole move back.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import Connection, Table, delete, func, insert, select, text
from sqlmodel import Session, SQLModel, col

from sencodesk import paths
from sencodesk.domain.errors import StoreError
from sencodesk.store import case_file, keyslots, layout, server
from sencodesk.store.blobs import BlobStore
from sencodesk.store.database import Database
from sencodesk.store.tables.server import StoredFile

#: What only a server keeps in tables (a file keeps them in files beside it).
SERVER_ONLY = frozenset({"keyslot", "storedfile"})
FILES = "attached files"
BATCH = 500

Progress = Callable[[str], None]
#: Run on the written side before it is committed: the problems found (none: commit).
Check = Callable[[Session], list[str]]


class MoveFailed(StoreError):
    """The copy differs from the original: nothing was kept."""


def tables() -> list[Table]:
    """Every table a case file holds, parents before the tables that refer to them."""
    import sencodesk.store.tables  # noqa: F401 - registers every table

    return [table for table in SQLModel.metadata.sorted_tables
            if table.name not in SERVER_ONLY]


def counts(connection: Connection) -> dict[str, int]:
    """Rows in each table."""
    return {table.name: int(connection.execute(select(func.count()).select_from(table))
                            .scalar_one()) for table in tables()}


def _copy_rows(source: Connection, target: Connection, progress: Progress) -> None:
    for table in reversed(tables()):  # anything the new schema was made with goes first
        target.execute(delete(table))
    for table in tables():
        copied = 0
        result = source.execute(select(table).order_by(*table.primary_key.columns))
        for chunk in result.mappings().partitions(BATCH):
            target.execute(insert(table), [dict(row) for row in chunk])
            copied += len(chunk)
        progress(f"{table.name}: {copied} rows")
    if target.dialect.name == "postgresql":
        _continue_numbering(target)


def _continue_numbering(connection: Connection) -> None:
    """A server numbers new rows from a sequence: each carries on after the ids copied."""
    for table in tables():
        column = table.autoincrement_column
        if column is None:
            continue
        connection.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
            f"COALESCE((SELECT MAX({column.name}) FROM {table.name}), 0) + 1, false)"))


def _compare(before: dict[str, int], after: dict[str, int]) -> list[str]:
    return [f"{name}: {before[name]} in the original, {after.get(name, 0)} in the copy"
            for name in before if before[name] != after.get(name, 0)]


def _settle(target: Connection, source_counts: dict[str, int], check: Check,
            progress: Progress) -> None:
    """Count and check what was written (still uncommitted); MoveFailed if anything differs."""
    differences = _compare(source_counts, counts(target) | {FILES: source_counts[FILES]})
    progress("Checking the audit trail on the copy…")
    differences += check(Session(bind=target))
    if differences:
        raise MoveFailed("The copy did not match the original, so nothing was kept: "
                         + "; ".join(differences))


def _file_names(folder: Path) -> set[str]:
    return BlobStore(layout.documents_path(folder), b"")._names()


def to_server(source: Database, url: str, scratch: Path, check: Check,
              progress: Progress) -> Database:
    """The case file ``source`` copied into the empty database at ``url`` (as the server's
    owner role), under the same key. Returns the server's database (to close), whose slots
    are still to be given."""
    folder = source.path.parent
    names = sorted(_file_names(folder))
    target = server.open_database(url, source.key, scratch, create=True,
                                  confidential_key=source.confidential_key)
    try:
        with source.engine.connect() as reading, target.engine.begin() as writing:
            before = counts(reading) | {FILES: len(names)}
            _copy_rows(reading, writing, progress)
            documents = BlobStore(layout.documents_path(folder), source.key)
            for number, name in enumerate(names, 1):
                sealed = documents._read(name)
                writing.execute(insert(StoredFile).values(
                    name=name, sealed=sealed, stored_at=func.now()))
                if number % 50 == 0 or number == len(names):
                    progress(f"{FILES}: {number} of {len(names)}")
            stored = writing.execute(select(func.count()).select_from(StoredFile)).scalar_one()
            if stored != len(names):
                raise MoveFailed(f"The copy did not match the original, so nothing was kept: "
                                 f"{len(names)} attached files, {stored} stored.")
            _settle(writing, before, check, progress)
    except BaseException:
        _empty(target)
        raise
    return target


def _empty(database: Database) -> None:
    """The schema made for a move that failed is removed: the database is empty again."""
    try:
        with database.engine.begin() as connection:
            SQLModel.metadata.drop_all(connection)
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    finally:
        database.close()


def to_file(source: Database, folder: Path, username: str, password: str, check: Check,
            progress: Progress) -> Database:
    """The server's case file ``source`` written out as an encrypted case file in ``folder``
    (which must hold none), under the same key, unlocked by ``username``'s ``password``.
    Returns the file's database (to close)."""
    if layout.school_exists(folder) or layout.server_path(folder).exists():
        raise StoreError(f"{folder} already holds a school's case file (or signs in to a "
                         "server): write the case file to an empty folder.")
    paths.ensure_private_dir(folder)
    made = [layout.database_path(folder), layout.slots_path(folder),
            layout.documents_path(folder)]
    try:
        keyslots.create(layout.slots_path(folder), keyslots.make_slot(
            username, password, source.key, confidential_key=source.confidential_key))
        target = case_file.open_database(layout.database_path(folder), source.key,
                                         create=True, confidential_key=source.confidential_key)
        try:
            _write_file(source, target, folder, check, progress)
        except BaseException:
            target.close()
            raise
    except BaseException:
        _remove(made)
        raise
    return target


def _write_file(source: Database, target: Database, folder: Path, check: Check,
                progress: Progress) -> None:
    with source.engine.connect() as reading, target.engine.begin() as writing:
        stored = reading.execute(select(func.count()).select_from(StoredFile)).scalar_one()
        before = counts(reading) | {FILES: int(stored)}
        _copy_rows(reading, writing, progress)
        documents = BlobStore(layout.documents_path(folder), source.key)
        for number, (name, sealed) in enumerate(_stored(reading), 1):
            documents._write(name, sealed)
            if number % 50 == 0 or number == stored:
                progress(f"{FILES}: {number} of {stored}")
        if len(_file_names(folder)) != stored:
            raise MoveFailed("The copy did not match the original, so nothing was kept: "
                             f"{stored} attached files, {len(_file_names(folder))} written.")
        _settle(writing, before, check, progress)


def _stored(connection: Connection) -> Iterator[tuple[str, bytes]]:
    result = connection.execute(select(col(StoredFile.name), col(StoredFile.sealed))
                                .order_by(col(StoredFile.name)))
    for name, sealed in result:
        yield str(name), bytes(sealed)


def _remove(made: list[Path]) -> None:
    for path in made:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
            for side in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                side.unlink(missing_ok=True)
