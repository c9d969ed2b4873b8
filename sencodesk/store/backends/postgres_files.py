"""Attached files on a school's server: rows of ``storedfile``, sealed with the school's key
exactly as in a school's documents folder (``store.blobs``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, delete
from sqlalchemy.dialects.postgresql import insert
from sqlmodel import col, select

from sencodesk.store.blobs import SealedFiles
from sencodesk.store.tables.server import StoredFile

#: How long after it is stored an attached file with no record is taken for an orphan.
SETTLED = timedelta(hours=1)


class TableFiles(SealedFiles):
    """Sealed attached files as rows of ``storedfile``."""

    def __init__(self, engine: Engine, key: bytes) -> None:
        super().__init__(key)
        self._engine = engine

    def _read(self, name: str) -> bytes | None:
        with self._engine.connect() as connection:
            found = connection.execute(select(col(StoredFile.sealed))
                                       .where(col(StoredFile.name) == name)).scalar_one_or_none()
            return bytes(found) if found is not None else None

    def _holds(self, name: str) -> bool:
        with self._engine.connect() as connection:
            return connection.execute(select(col(StoredFile.name))
                                      .where(col(StoredFile.name) == name)).first() is not None

    def _write(self, name: str, sealed: bytes) -> None:
        with self._engine.begin() as connection:
            connection.execute(insert(StoredFile).values(
                name=name, sealed=sealed, stored_at=datetime.now(UTC),
            ).on_conflict_do_nothing())

    def _remove(self, names: Iterable[str]) -> None:
        gone = list(names)
        if gone:
            with self._engine.begin() as connection:
                connection.execute(delete(StoredFile).where(col(StoredFile.name).in_(gone)))

    def _names(self) -> set[str]:
        """Files stored over :data:`SETTLED` ago: a newer one may be mid-attach on another
        computer, its record not yet saved, and is no orphan yet."""
        settled = datetime.now(UTC) - SETTLED
        with self._engine.connect() as connection:
            return set(connection.execute(select(col(StoredFile.name)).where(
                col(StoredFile.stored_at) < settled)).scalars())
