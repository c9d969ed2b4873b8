"""Has anything been committed to the server's database since a window last looked?

Every table carries a statement-level trigger that announces a committed change on the
:data:`CHANNEL` (``NOTIFY`` is delivered only when its transaction commits, once per
transaction however many rows it touched, and only to listeners on the same database). Each
open window listens on a connection of its own and counts what it has heard; asking is one
round trip that reads no table. The triggers are (re)made after every migration, so a table
added by a later migration announces its changes too.
"""

from __future__ import annotations

import threading
from typing import Any

import psycopg
from sqlalchemy import Connection, Engine, inspect, text

from sencodesk.store import errors
from sencodesk.store.changes import Token

CHANNEL = "sencodesk_changes"
TRIGGER = "sencodesk_announce"
NOT_WATCHED = frozenset({"alembic_version"})


def announce_changes(connection: Connection) -> None:
    """Make every table of the schema announce its committed changes on :data:`CHANNEL`."""
    connection.execute(text(
        f"CREATE OR REPLACE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN PERFORM pg_notify('{CHANNEL}', ''); RETURN NULL; END $$"))
    for table in inspect(connection).get_table_names():
        if table in NOT_WATCHED:
            continue
        connection.execute(text(f'DROP TRIGGER IF EXISTS {TRIGGER} ON "{table}"'))
        connection.execute(text(
            f'CREATE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE '
            f'ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER}()'))


class NotifyWatch:
    """LISTEN on a connection of its own (taken out of the engine's pool); the token is how
    many announcements this watch has heard."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._connection: psycopg.Connection[Any] | None = None
        self._heard = 0
        self._guard = threading.Lock()

    def _hear(self, _notify: psycopg.Notify) -> None:
        self._heard += 1

    def _listen(self) -> psycopg.Connection[Any]:
        pooled = self._engine.raw_connection()
        connection: psycopg.Connection[Any] = pooled.driver_connection  # type: ignore[assignment]
        pooled.detach()  # kept for this watch, never handed back to the pool
        connection.rollback()  # out of any transaction the pool's ping began
        connection.autocommit = True
        connection.add_notify_handler(self._hear)
        connection.execute(f"LISTEN {CHANNEL}")
        return connection

    def changes_since(self, token: Token | None) -> tuple[bool, Token]:
        with self._guard:
            try:
                if self._connection is None:
                    self._connection = self._listen()
                    if token is not None:
                        self._heard += 1  # unheard while not listening: look again
                self._connection.execute("SELECT 1")  # delivers what was announced
            except psycopg.Error as error:
                self._drop()
                raise errors.plain(error) from None
            return (token is not None and self._heard != token), self._heard

    def _drop(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def close(self) -> None:
        with self._guard:
            self._drop()
