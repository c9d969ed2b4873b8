"""Backups of a school's case file on its server: ``sencodesk backup`` takes an encrypted
pg_dump (custom format, sealed with the school's key) as the signed-in member of staff, and
``sencodesk server restore`` restores one into an empty database, as the server's owner role.

A SENCO's login reads every record, so their backup holds the whole case file; it holds only
their own key slot (the server lets each login read its own), so after a restore the SENCO
keeps their password and every other account is given a temporary one.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from sencodesk import __version__
from sencodesk.services import accounts, audit, moving
from sencodesk.services.context import Desk
from sencodesk.store import migrations, server, server_dump

TAKEN = "%Y%m%d-%H%M%S"


def write(desk: Desk, destination: Path) -> Path:
    """The encrypted pg_dump of the server's case file at ``destination``."""
    return server.back_up(desk.db, desk.actor.username, destination, {
        "schema": migrations.current_revision(desk.db), "app_version": __version__,
        "taken_at": datetime.now().strftime(TAKEN), "server": desk.db.where})


def taken_at(source: Path) -> datetime:
    """When the server backup at ``source`` was taken (StoreError if it is not one)."""
    return datetime.strptime(str(server_dump.header(source).get("taken_at")), TAKEN)


def restore(source: Path, url: str, username: str, password: str) -> moving.Moved:
    """Restore the server backup ``source`` into the empty database at ``url`` (whose user is
    the server's owner role), unlocked by the password of the SENCO ``username`` who took
    it; then every account's sign-in and ``audit verify``."""
    with tempfile.TemporaryDirectory(prefix="sencodesk-restore-") as scratch:
        folder = Path(scratch) / "data"
        database = server.restore_backup(source, url, folder, username, password)
        desk = accounts.desk_on(database, folder, username)
        with desk.db.transaction() as session:
            audit.record(session, desk.actor, "restore", "backup", summary=source.name)
        return moving.finish(None, desk, password, "on the server", moving.no_output)
