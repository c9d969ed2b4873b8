"""The one place that opens the case file.

The database is SQLCipher (AES-256, the whole file including the WAL is encrypted). Every
connection is given the raw 256-bit key first, then foreign keys, WAL and a busy timeout.
Opening (and migrating) a case file is :mod:`sencodesk.store.case_file`, above this module.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool
from sqlmodel import Session

from sencodesk.domain.errors import AuthenticationFailed, StoreError
from sencodesk.store import anchors, errors, keyslots, layout, staged_documents, writer
from sencodesk.store.blobs import BlobStore
from sencodesk.store.changes import DataVersionWatch, Token

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


Snapshot = Literal["read", "write"] | None
WRITE_LOCK = "sencodesk_write_lock"


def _begin(connection: Any) -> None:
    """Units of work (:meth:`Database.transaction`) take the write lock first, waiting up to
    the busy timeout for another writer, so what they read cannot change before they write.
    Plain connections (schema checks, migrations' version reads) begin as readers."""
    immediate = connection.get_execution_options().get(WRITE_LOCK, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@dataclass
class Database:
    """An open case file. Hand out short-lived sessions, one per unit of work.

    This is the store's face to the services: besides sessions it holds the attached files,
    keyed secrets and the staff's key slots, so that no service handles the database key, a
    file name or a path inside the school's folder.
    """

    path: Path
    key: bytes = field(repr=False)  # never in a traceback, a log or a crash dialog
    engine: Engine = field(repr=False)
    holds_writer_lock: bool = field(default=False, repr=False)
    #: The confidential-documents key, when the person who unlocked the file holds it (their
    #: slot wraps it and their role may read confidential documents); None otherwise.
    confidential_key: bytes | None = field(default=None, repr=False)

    @functools.cached_property
    def _watch(self) -> DataVersionWatch:
        return DataVersionWatch(lambda: raw_connect(self.path, self.key))

    def changes_since(self, token: Token | None) -> tuple[bool, Token]:
        """Whether anything was committed to the case file, by any process, since ``token``
        (None: the first look, which says no), and the token for next time (store.changes).
        Cheap enough to ask every second."""
        with errors.in_plain_words(self._watch.close):  # a fresh connection next time
            return self._watch.changes_since(token)

    def alone(self) -> contextlib.AbstractContextManager[bool]:
        """Whether no other process has the case file open, holding it so for the block (no
        waiting): for tidying that must not catch another process mid-write."""
        return writer.alone(self.path)

    @functools.cached_property
    def blobs(self) -> BlobStore:
        """Attached files, encrypted with the school's key."""
        return BlobStore(layout.documents_path(self.path.parent), self.key)

    @property
    def confidential_blobs(self) -> BlobStore | None:
        """Confidential documents, sealed under their own key (so the database key alone,
        which every account's password opens, does not open them); None if this unlock does
        not hold that key."""
        if self.confidential_key is None:
            return None
        return BlobStore(layout.documents_path(self.path.parent), self.confidential_key)

    def withhold_confidential(self) -> None:
        """Forget the confidential-documents key (the person's role may not read them)."""
        self.confidential_key = None

    def secret(self, purpose: str) -> bytes:
        """A key for one ``purpose`` (e.g. anonymous codes) derived from the school's key:
        stable for this school, useless to anyone without it, never the key itself."""
        return hmac.new(self.key, purpose.encode(), hashlib.sha256).digest()

    def audit_head_of(self, copy: Path) -> dict[str, object]:
        """The audit chain's head in a copy of this case file (a backup's), for its header
        (store.anchors)."""
        connection = raw_connect(copy, self.key)
        try:
            return anchors.head_of(connection)
        finally:
            connection.close()

    def documents_mac(self, archive: Path) -> str:
        """The HMAC that authenticates a backup's documents archive (store.staged_documents)."""
        return staged_documents.mac(archive, self.key)

    def grant(self, username: str, password: str, *, confidential: bool = False) -> None:
        """Let ``username`` unlock the case file with ``password`` (a new or rewrapped slot).
        With ``confidential`` (their role may read confidential documents) the slot wraps the
        confidential-documents key too, if this unlock holds it."""
        keyslots.add(self._slots, keyslots.make_slot(
            username, password, self.key,
            confidential_key=self.confidential_key if confidential else None))

    def revoke(self, username: str) -> None:
        """``username`` can no longer unlock the case file."""
        keyslots.remove(self._slots, username)

    def first_confidential_key(self, username: str, password: str) -> bool:
        """A case file made before confidential documents had a key of their own gets one:
        made now and wrapped in ``username``'s slot, unless some slot already holds one.
        Returns whether it was made (the caller re-seals the documents)."""
        if self.confidential_key is not None or \
                keyslots.holds_confidential(keyslots.read(self._slots)):
            return False
        self.confidential_key = keyslots.new_database_key()
        self.grant(username, password, confidential=True)
        return True

    def password_unlocks(self, username: str, password: str, *,
                         sleep: Callable[[float], None] = time.sleep) -> bool:
        """Whether ``password`` opens ``username``'s key slot: held back after wrong ones and
        counted exactly as signing in is (the same count, for this account)."""
        try:
            keyslots.unlock_keys(self._slots, username, password, sleep=sleep)
        except AuthenticationFailed:
            return False
        return True

    @property
    def _slots(self) -> Path:
        return layout.slots_path(self.path.parent)

    @contextlib.contextmanager
    def transaction(self, *, snapshot: Snapshot = None) -> Iterator[Session]:
        """One unit of work: commit if the block finishes, roll back if it raises.

        Every unit begins an explicit transaction, so all its reads see the case file as it was
        at the start, and takes the write lock up front (BEGIN IMMEDIATE, see ``_begin``) so
        that what it reads, the audit chain's head above all, cannot change before it writes.
        ``snapshot="read"`` is for reports that write nothing: they begin as readers and never
        wait for a writer.
        """
        engine = self.engine.execution_options(**{WRITE_LOCK: snapshot != "read"})
        with Session(engine, expire_on_commit=False) as session, \
                errors.in_plain_words(session.rollback):
            yield session
            session.commit()
            anchors.write_pending(self.path.parent, session.info)

    def close(self) -> None:
        if "_watch" in self.__dict__:
            self._watch.close()
        self.engine.dispose()
        if self.holds_writer_lock:
            self.holds_writer_lock = False
            writer.release(self.path, shared=True)

