"""The one place that opens the case file.

The database is SQLCipher (AES-256, the whole file including the WAL is encrypted). Every
connection is given the raw 256-bit key first, then foreign keys, WAL and a busy timeout.
Opening applies any pending migration after taking a dated backup copy.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import QueuePool
from sqlmodel import Session

from sencodesk.domain.errors import StoreError
from sencodesk.store import anchors, errors, writer

BUSY_TIMEOUT_MS = 5000
# Pages are decrypted as they enter SQLite's page cache; the default 2 MiB cache is smaller than
# a school's case file, so whole-school reads (register, deadlines) decrypted the same pages on
# every refresh. 32 MiB per connection holds a large school's file; it fills only as read.
CACHE_KIB = 32 * 1024


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


def _engine(path: Path, key: bytes) -> Engine:
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


WRITE_LOCK = "sencodesk_write_lock"


def _begin(connection: Any) -> None:
    """Units of work (:meth:`Database.transaction`) take the write lock first, waiting up to
    the busy timeout for another writer, so what they read cannot change before they write.
    Plain connections (schema checks, migrations' version reads) begin as readers."""
    immediate = connection.get_execution_options().get(WRITE_LOCK, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@dataclass
class Database:
    """An open case file. Hand out short-lived sessions, one per unit of work."""

    path: Path
    key: bytes
    engine: Engine
    holds_writer_lock: bool = field(default=False, repr=False)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commit if the block finishes, roll back if it raises."""
        writer = self.engine.execution_options(**{WRITE_LOCK: True})
        with Session(writer, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
                anchors.write_pending(self.path.parent, session.info)
            except (DBAPIError, sqlcipher3.Error, OSError) as error:
                session.rollback()
                if isinstance(error, OSError) and not errors.is_disk_full(error):
                    raise
                # the driver's message quotes the statement and its values: never shown
                raise errors.plain(error) from None
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()
        if self.holds_writer_lock:
            self.holds_writer_lock = False
            writer.release(self.path)


def open_database(path: Path, key: bytes, *, create: bool = False) -> Database:
    """Open (or, with ``create``, make) the case file at ``path`` and bring its schema up to date.

    Raises StoreError with a plain message if the file is missing, not ours, damaged, from a
    newer version of sencodesk, or open in another process (CaseFileInUse, naming who).
    """
    from sencodesk.store import migrations  # Alembic loads slowly: only once unlocked

    if create and path.exists():
        raise StoreError(f"{path} already exists: this folder already holds a case file.")
    if not create and not path.exists():
        raise StoreError(f"There is no case file at {path}.")
    writer.acquire(path)  # one writer process per case file (store.writer)
    try:
        raw_connect(path, key).close()
    except BaseException:
        writer.release(path)
        raise
    database = Database(path, key, _engine(path, key), holds_writer_lock=True)
    if create:
        anchors.start_afresh(path.parent)
    try:
        migrations.upgrade(database, fresh=create)
    except (DBAPIError, sqlcipher3.Error, OSError) as error:
        database.close()
        if isinstance(error, OSError) and not errors.is_disk_full(error):
            raise
        raise errors.plain(error) from None
    except BaseException:
        database.close()
        raise
    return database
