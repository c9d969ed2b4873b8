"""Consistent copies of the encrypted case file, taken with SQLite's online backup API.

A copy is encrypted with the same database key, so a backup is as safe as the original and is
unlocked by the same key slots.
"""

from __future__ import annotations

import os
from pathlib import Path

from sencodesk.domain.errors import StoreError
from sencodesk.store.backends.sqlite import integrity_verdict
from sencodesk.store.database import Database, raw_connect

__all__ = ["integrity_verdict", "online_backup"]

ON_SERVER = ("The case file is on the school's server, which IT backs up (with pg_dump): "
             "sencodesk backs up a case file kept on this computer.")


def online_backup(database: Database, destination: Path) -> Path:
    """Copy the live database to ``destination`` page by page while others may be writing.

    The copy is written beside the destination and renamed into place, so a crash never leaves a
    half-written backup under the final name.
    """
    if not database.copies_here:
        raise StoreError(ON_SERVER)
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    source = raw_connect(database.path, database.key)
    try:
        target = raw_connect(partial, database.key)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    if os.name == "posix":
        partial.chmod(0o600)
    partial.replace(destination)
    return destination
