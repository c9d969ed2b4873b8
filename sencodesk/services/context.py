"""The signed-in desk: an open case file, who is acting, and what day it is."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlmodel import Session

from sencodesk.domain.codes import Role
from sencodesk.domain.errors import PermissionDenied
from sencodesk.domain.permissions import Permission, allows
from sencodesk.store.blobs import BlobStore
from sencodesk.store.database import Database


@dataclass(frozen=True)
class Actor:
    staff_id: int
    name: str
    username: str
    role: Role

    def may(self, permission: Permission) -> bool:
        return allows(self.role, permission)


@dataclass
class Desk:
    """Everything a service call needs. ``today`` is injectable so the clock is testable."""

    db: Database
    actor: Actor
    data_dir: Path
    today: Callable[[], date] = field(default=date.today)

    @property
    def blobs(self) -> BlobStore:
        """The school's attached files (encrypted; named by a keyed hash of their content)."""
        return self.db.blobs

    def secret(self, purpose: str) -> bytes:
        """A keyed secret for one purpose (e.g. anonymous codes), never the school's key."""
        return self.db.secret(purpose)

    def require(self, permission: Permission) -> None:
        if not self.actor.may(permission):
            raise PermissionDenied(
                f"{self.actor.role.label} accounts cannot {permission.value}. "
                "Ask your SENCO if you need this."
            )

    @contextlib.contextmanager
    def unit(self, permission: Permission) -> Iterator[Session]:
        """One permission-checked transaction: all of it happens, or none of it."""
        self.require(permission)
        with self.db.transaction() as session:
            yield session

    def close(self) -> None:
        self.db.close()
