"""Opening a case file: the top of the store, above the database, its backups and migrations.

Opening checks the key, then brings the schema up to date (migrations take a dated backup
first), so this module sits above all three and none of them imports it.
"""

from __future__ import annotations

from pathlib import Path

from sencodesk.domain.errors import StoreError
from sencodesk.store.database import Database, engine_for, raw_connect


def open_database(path: Path, key: bytes, *, create: bool = False) -> Database:
    """Open (or, with ``create``, make) the case file at ``path`` and bring its schema up to date.

    Raises StoreError with a plain message if the file is missing, not ours, damaged or from a
    newer version of sencodesk.
    """
    from sencodesk.store import migrations  # Alembic loads slowly: only once unlocked

    if create and path.exists():
        raise StoreError(f"{path} already exists: this folder already holds a case file.")
    if not create and not path.exists():
        raise StoreError(f"There is no case file at {path}.")
    raw_connect(path, key).close()
    database = Database(path, key, engine_for(path, key))
    try:
        migrations.upgrade(database, fresh=create)
    except BaseException:
        database.close()
        raise
    return database
