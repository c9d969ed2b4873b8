"""Every pooled connection to the case file is set up the same way."""

from __future__ import annotations

from sqlalchemy import Connection, text

from sencodesk.services.context import Desk
from sencodesk.store.database import BUSY_TIMEOUT_MS, CACHE_KIB


def _pragma(connection: Connection, name: str) -> object:
    return connection.execute(text(f"PRAGMA {name}")).scalar()


def test_each_connection_has_foreign_keys_wal_and_a_page_cache_for_the_whole_school(
    desk: Desk,
) -> None:
    # two connections at once, so the second is a fresh one from the pool
    with desk.db.engine.connect() as first, desk.db.engine.connect() as second:
        for connection in (first, second):
            assert _pragma(connection, "foreign_keys") == 1
            assert _pragma(connection, "journal_mode") == "wal"
            assert _pragma(connection, "busy_timeout") == BUSY_TIMEOUT_MS
            assert _pragma(connection, "cache_size") == -CACHE_KIB
            assert _pragma(connection, "secure_delete") == 1
