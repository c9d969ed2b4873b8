"""Alembic migrations, applied when the case file is opened.

Before an existing database is migrated a dated backup copy is taken beside it (in
``backups/``), and each migration runs inside one transaction.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from sencodesk.domain.errors import StoreError
from sencodesk.store import backends, layout
from sencodesk.store.backup import online_backup
from sencodesk.store.database import Database

HERE = Path(__file__).resolve().parent


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(database: Database) -> str | None:
    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}


def needed(database: Database) -> bool:
    """Whether the schema is behind this sencodesk's (a new file's is: it has none)."""
    return current_revision(database) != head_revision()


def upgrade(database: Database, *, fresh: bool = False, target: str = "head") -> None:
    """Bring the schema to ``target``; refuse a database from a newer sencodesk."""
    current = current_revision(database)
    if current is None and not fresh:
        with database.engine.connect() as connection:
            tables = inspect(connection).get_table_names()
        if tables:
            raise StoreError(f"{database.where} is not a sencodesk case file.")
    if current is not None and current not in known_revisions():
        raise StoreError(
            f"{_name(database)} was saved by a newer version of sencodesk "
            f"(schema {current}). Update sencodesk to open it."
        )
    backend = backends.of(database.engine)
    if current == head_revision() and target == "head":
        if not backend.copies_as_file:  # a server's grants and policies are made again
            with database.engine.begin() as connection:
                backend.after_upgrade(connection)
        return
    if current is not None and backend.copies_as_file:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        online_backup(database, backup_folder(database) / f"pre-migration-{current}-{stamp}.db")
    with database.engine.begin() as connection:
        command.upgrade(_config(connection), target)
        backend.after_upgrade(connection)


def require_current(database: Database) -> None:
    """For staff on a server, who may not change its schema: StoreError unless the schema is
    this version's."""
    current = current_revision(database)
    if current == head_revision():
        return
    if current is not None and current not in known_revisions():
        raise StoreError(f"{_name(database)} was saved by a newer version of sencodesk "
                         f"(schema {current}). Update sencodesk to open it.")
    raise StoreError(f"The school's server holds an older version of the case file (schema "
                     f"{current}). Ask IT to run `sencodesk server upgrade` on the server.")


def _name(database: Database) -> str:
    return database.path.name if database.where == str(database.path) else database.where


def backup_folder(database: Database) -> Path:
    return layout.backups_path(database.path.parent)
