"""The encrypted case file on one computer: SQLCipher (AES-256; the whole file, the
write-ahead log included, is encrypted).

Every connection is given the raw 256-bit key first, then foreign keys, WAL and a busy
timeout. Units of work that write begin with BEGIN IMMEDIATE, which takes the file's one
write lock before anything is read.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Connection, Engine, create_engine, event, update
from sqlalchemy.pool import QueuePool
from sqlmodel import Session, col, select

from sencodesk.domain.errors import StoreError
from sencodesk.store import errors, writer
from sencodesk.store.backends.homes import FolderHome
from sencodesk.store.changes import DataVersionWatch
from sencodesk.store.tables.audit import AuditEvent

BUSY_TIMEOUT_MS = 5000
# Pages are decrypted as they enter SQLite's page cache; the default 2 MiB cache is smaller than
# a school's case file, so whole-school reads (register, deadlines) decrypted the same pages on
# every refresh. 32 MiB per connection holds a large school's file; it fills only as read.
CACHE_KIB = 32 * 1024
WRITE_LOCK = "sencodesk_write_lock"


def raw_connect(path: Path, key: bytes) -> sqlcipher3.Connection:
    """A DB-API connection to ``path`` unlocked with ``key``; proves the key by reading."""
    connection = sqlcipher3.connect(str(path), check_same_thread=False)
    connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as error:
        connection.close()
        if "not a database" not in str(error) and "malformed" not in str(error):
            raise errors.plain(error) from None  # locked, a full disk: not damage
        raise StoreError(
            f"{path} is not a sencodesk case file, or it is damaged. Restore it from a backup."
        ) from None
    return connection


def integrity_verdict(path: Path, key: bytes) -> str:
    """SQLite's own check of the case file at ``path``: "ok", or what is wrong."""
    connection = raw_connect(path, key)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


def _prepare(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling would start a transaction only at the first write,
    # after reads such as the audit chain's head: two processes could then both read the same
    # head and fork the chain. It is switched off and every unit of work begins with
    # BEGIN IMMEDIATE (``_begin``), which takes the write lock before anything is read.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA secure_delete = ON")
    cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    cursor.close()


def engine_for(path: Path, key: bytes) -> Engine:
    """The pooled engine of the case file at ``path``; every connection is unlocked first."""
    engine = create_engine(
        f"sqlite:///{path}",
        module=sqlcipher3.dbapi2,
        creator=lambda: raw_connect(path, key),
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
    )
    event.listen(engine, "connect", _prepare)
    event.listen(engine, "begin", _begin)
    return engine


def _begin(connection: Any) -> None:
    """Units of work that write take the write lock first, waiting up to the busy timeout for
    another writer, so what they read cannot change before they write. Plain connections
    (schema checks, migrations' version reads) and reports begin as readers."""
    immediate = connection.get_execution_options().get(WRITE_LOCK, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class SqliteBackend:
    name = "sqlite"
    render_as_batch = True
    copies_as_file = True

    def for_unit(self, engine: Engine, *, write: bool) -> Engine:
        return engine.execution_options(**{WRITE_LOCK: write})

    def hold_audit_chain(self, session: Session) -> None:
        """Nothing more to do: the unit began with BEGIN IMMEDIATE, the whole file's lock."""

    def audit_head(self, session: Session) -> tuple[int, str] | None:
        newest = session.exec(select(AuditEvent.id, AuditEvent.hash)
                              .order_by(col(AuditEvent.id).desc()).limit(1)).first()
        return (newest[0] or 0, newest[1]) if newest else None

    def before_migrations(self, connection: Connection) -> None:
        """A file has no row policies."""

    def after_upgrade(self, connection: Connection) -> None:
        """A file has no roles to grant to: whoever holds the key holds it all."""

    def reseal(self, session: Session, entries: Sequence[Mapping[str, object]]) -> None:
        session.execute(update(AuditEvent), list(entries))  # by primary key, in one batch

    def home(self, engine: Engine, path: Path) -> FolderHome:
        return FolderHome(path.parent)

    def watch(self, engine: Engine, path: Path, key: bytes) -> DataVersionWatch:
        return DataVersionWatch(lambda: raw_connect(path, key))

    def alone(self, path: Path) -> contextlib.AbstractContextManager[bool]:
        return writer.alone(path)


BACKEND = SqliteBackend()
