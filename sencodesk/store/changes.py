"""Has anything been committed to the case file since I last looked? Open windows ask this
about once a second so that what another process (a command, a colleague's window) wrote
shows up in the register and the Due dashboard without anyone pressing refresh.

The local file answers with SQLite's ``PRAGMA data_version`` on a connection kept for the
purpose: it changes whenever any other connection, in this process or another, commits. It
reads no table and decrypts no page, so asking costs microseconds. A server answers the same
question its own way (LISTEN/NOTIFY, ``backends.postgres_changes``); callers only compare the
opaque tokens.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

import sqlcipher3

Token = object


class ChangeWatch(Protocol):
    def changes_since(self, token: Token | None) -> tuple[bool, Token]:
        """Whether anything was committed since ``token`` (None: the first look, which says
        no), and the token to pass next time."""
        ...

    def close(self) -> None:
        """Let go of the watch's connection (the next look opens a fresh one)."""
        ...


class DataVersionWatch:
    """``PRAGMA data_version`` on one connection of its own (the value means something only
    on the connection that read it, so a pooled one will not do). The token pairs it with the
    how-manyth connection read it: a token from before the connection was lost (and what was
    committed meanwhile) is never taken for "no change"."""

    def __init__(self, connect: Callable[[], sqlcipher3.Connection]) -> None:
        self._connect = connect
        self._connection: sqlcipher3.Connection | None = None
        self._opened = 0
        self._guard = threading.Lock()

    def token(self) -> Token:
        with self._guard:
            if self._connection is None:
                self._connection = self._connect()
                self._connection.isolation_level = None  # never inside a transaction
                self._opened += 1
            row = self._connection.execute("PRAGMA data_version").fetchone()
            return (self._opened, int(row[0]))

    def changes_since(self, token: Token | None) -> tuple[bool, Token]:
        """Whether anything was committed since ``token`` (None: the first look, which says
        no), and the token to pass next time."""
        now = self.token()
        return (token is not None and now != token), now

    def close(self) -> None:
        with self._guard:
            if self._connection is not None:
                self._connection.close()
                self._connection = None
