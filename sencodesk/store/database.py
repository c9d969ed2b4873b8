"""The one place that opens the case file.

The case file is either the encrypted SQLCipher file on one computer (the default) or a
PostgreSQL database on the school's server; what differs between them lives in
:mod:`sencodesk.store.backends`, one module each. Opening (and migrating) a case file is
:mod:`sencodesk.store.case_file` (a file) or :mod:`sencodesk.store.server` (a server), above
this module.
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
from typing import Literal

from sqlalchemy import Engine
from sqlmodel import Session

from sencodesk.domain.errors import AuthenticationFailed
from sencodesk.store import anchors, backends, errors, keyslots, staged_documents, writer
from sencodesk.store.backends.homes import Home
from sencodesk.store.backends.sqlite import (  # the file's own: opened here, re-exported
    BUSY_TIMEOUT_MS,
    CACHE_KIB,
    engine_for,
    raw_connect,
)
from sencodesk.store.blobs import SealedFiles
from sencodesk.store.changes import ChangeWatch, Token

__all__ = ["BUSY_TIMEOUT_MS", "CACHE_KIB", "Database", "Snapshot", "engine_for", "raw_connect"]

Snapshot = Literal["read", "write"] | None


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
    def _home(self) -> Home:
        """Where the key slots and attached files live: the school's folder, or the server."""
        return backends.of(self.engine).home(self.engine, self.path)

    @functools.cached_property
    def _watch(self) -> ChangeWatch:
        return backends.of(self.engine).watch(self.engine, self.path, self.key)

    def changes_since(self, token: Token | None) -> tuple[bool, Token]:
        """Whether anything was committed to the case file, by any process or colleague, since
        ``token`` (None: the first look, which says no), and the token for next time
        (store.changes). Cheap enough to ask every second."""
        with errors.in_plain_words(self._watch.close):  # a fresh connection next time
            return self._watch.changes_since(token)

    def alone(self) -> contextlib.AbstractContextManager[bool]:
        """Whether no other process has the case file open, holding it so for the block (no
        waiting): for tidying that must not catch another process mid-write. (A server's
        database always answers yes: its files are not orphans until they have settled.)"""
        return backends.of(self.engine).alone(self.path)

    @functools.cached_property
    def blobs(self) -> SealedFiles:
        """Attached files, encrypted with the school's key."""
        return self._home.files(self.key)

    @property
    def confidential_blobs(self) -> SealedFiles | None:
        """Confidential documents, sealed under their own key (so the database key alone,
        which every account's password opens, does not open them); None if this unlock does
        not hold that key."""
        if self.confidential_key is None:
            return None
        return self._home.files(self.confidential_key)

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
        self._home.add_slot(keyslots.make_slot(
            username, password, self.key,
            confidential_key=self.confidential_key if confidential else None), password)

    def revoke(self, username: str) -> None:
        """``username`` can no longer unlock the case file."""
        self._home.remove_slot(username)

    def first_confidential_key(self, username: str, password: str) -> bool:
        """A case file made before confidential documents had a key of their own gets one:
        made now and wrapped in ``username``'s slot, unless some slot already holds one.
        Returns whether it was made (the caller re-seals the documents)."""
        if self.confidential_key is not None or self._home.holds_confidential():
            return False
        self.confidential_key = keyslots.new_database_key()
        self.grant(username, password, confidential=True)
        return True

    def password_unlocks(self, username: str, password: str, *,
                         sleep: Callable[[float], None] = time.sleep) -> bool:
        """Whether ``password`` opens ``username``'s key slot: held back after wrong ones and
        counted exactly as signing in is (the same count, for this account)."""
        try:
            self._home.unlock(username, password, sleep=sleep)
        except AuthenticationFailed:
            return False
        return True

    @contextlib.contextmanager
    def transaction(self, *, snapshot: Snapshot = None) -> Iterator[Session]:
        """One unit of work: commit if the block finishes, roll back if it raises.

        A unit that writes is begun as its backend begins writers (the file takes its write
        lock up front; a server reads what others committed and holds the audit chain while
        it appends), so that the audit chain's head cannot change between its read and the
        commit. ``snapshot="read"`` is for reports that write nothing: they read one snapshot
        and never wait for a writer.
        """
        engine = backends.of(self.engine).for_unit(self.engine, write=snapshot != "read")
        with Session(engine, expire_on_commit=False) as session, \
                errors.in_plain_words(session.rollback):
            yield session
            session.commit()
            anchors.write_pending(self.path.parent, session.info)

    @property
    def copies_here(self) -> bool:
        """Whether this case file is backed up by copying it on this computer (a file is; a
        school's server is backed up by IT, with pg_dump)."""
        return backends.of(self.engine).copies_as_file

    @property
    def where(self) -> str:
        """The case file in words, for messages: its file, or the server's database (its
        address without any password)."""
        url = self.engine.url
        if url.get_backend_name() == "sqlite":
            return str(self.path)
        return url.render_as_string(hide_password=True)

    def close(self) -> None:
        if "_watch" in self.__dict__:
            self._watch.close()
        self.engine.dispose()
        if self.holds_writer_lock:
            self.holds_writer_lock = False
            writer.release(self.path, shared=True)

