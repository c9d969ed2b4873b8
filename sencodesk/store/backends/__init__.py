"""What differs between the two places a case file can live, one module per backend.

``sqlite`` is the encrypted SQLCipher file on one computer (the default); ``postgres`` is a
PostgreSQL database on the school's or trust's server. Everything above the store sees one
:class:`~sencodesk.store.database.Database` face; the store asks :func:`of` which backend an
engine, connection or session is bound to, and that backend alone holds the dialect's SQL
(pragmas, lock statements, roles and grants).
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

from sqlalchemy import Connection, Engine
from sqlmodel import Session

from sencodesk.store.backends.homes import Home
from sencodesk.store.changes import ChangeWatch


class Backend(Protocol):
    #: SQLAlchemy's dialect name for this backend.
    name: str
    #: Whether Alembic must rebuild tables to alter them (SQLite's batch mode).
    render_as_batch: bool
    #: Whether the case file is copied to a backup file on this computer (before a migration,
    #: when the app closes, by `sencodesk backup`): a file can be; a server's database is
    #: backed up by its own tools (pg_dump), and PostgreSQL undoes a failed migration's
    #: changes to the schema as well as to the data.
    copies_as_file: bool

    def for_unit(self, engine: Engine, *, write: bool) -> Engine:
        """``engine`` set up to begin one unit of work: writing (reads see what was committed
        as it happens, and the audit chain is appended under its lock) or reading only (one
        consistent snapshot for reports, never waiting for writers)."""
        ...

    def hold_audit_chain(self, session: Session) -> None:
        """Inside a writing unit of work, before the chain's head is read: hold the chain
        until the unit ends, so that no other writer appends between the read and the
        commit (the chain would fork)."""
        ...

    def audit_head(self, session: Session) -> tuple[int, str] | None:
        """The audit chain's newest entry (its number and hash), None when it is empty, for
        whoever appends to it: on a server, even staff who may not read the trail."""
        ...

    def before_migrations(self, connection: Connection) -> None:
        """Before the schema changes: what the backend takes away so that it may (a server's
        row policies name columns a migration may drop); ``after_upgrade`` makes it again."""
        ...

    def after_upgrade(self, connection: Connection) -> None:
        """Once the schema is up to date: what the backend adds beside it (grants)."""
        ...

    def reseal(self, session: Session, entries: Sequence[Mapping[str, object]]) -> None:
        """Rewrite audit entries (``id``, ``summary``, ``changes_json``, ``prev_hash``,
        ``hash``) in the sanctioned re-sealing after a retention deletion."""
        ...

    def home(self, engine: Engine, path: Path) -> Home:
        """Where the key slots and attached files of the case file at ``path`` live."""
        ...

    def watch(self, engine: Engine, path: Path, key: bytes) -> ChangeWatch:
        """What tells an open window that something was committed since it last looked
        (``store.changes``), on a connection of its own."""
        ...

    def alone(self, path: Path) -> contextlib.AbstractContextManager[bool]:
        """Whether no other process has the case file at ``path`` open, holding it so for
        the block without waiting (``store.writer``; a server is never held alone)."""
        ...


def of(bound: Engine | Connection | Session) -> Backend:
    """The backend that ``bound`` (an engine, a connection, or a session) talks to."""
    from sencodesk.store.backends import postgres, sqlite

    if isinstance(bound, Session):
        bound = bound.get_bind()
    name = bound.dialect.name
    if name == postgres.BACKEND.name:
        return postgres.BACKEND
    if name == sqlite.BACKEND.name:
        return sqlite.BACKEND
    raise ValueError(f"no sencodesk backend for {name}")


def hold_audit_chain(session: Session) -> None:
    """Hold the audit chain for the rest of ``session``'s unit of work, before its head is
    read, on whichever backend the session is bound to."""
    of(session).hold_audit_chain(session)


def audit_head(session: Session) -> tuple[int, str] | None:
    """The audit chain's head (see :meth:`Backend.audit_head`) in ``session``."""
    return of(session).audit_head(session)


def reseal_audit(session: Session, entries: Sequence[Mapping[str, object]]) -> None:
    """Write the re-sealed audit entries (see :meth:`Backend.reseal`) in ``session``."""
    if entries:
        of(session).reseal(session, entries)
