"""Where an open case file's key slots and attached files live: beside the file in the
school's folder, or in the server's own tables (``postgres_keys``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from sencodesk.store import keyslots, layout
from sencodesk.store.blobs import BlobStore, SealedFiles


class Home(Protocol):
    def files(self, key: bytes) -> SealedFiles:
        """The attached files sealed with ``key``."""
        ...

    def add_slot(self, slot: keyslots.Slot, password: str) -> None:
        """Let ``slot.username`` unlock with ``password`` (a new or replaced slot)."""
        ...

    def remove_slot(self, username: str) -> None:
        ...

    def unlock(self, username: str, password: str, *,
               sleep: Callable[[float], None] = time.sleep) -> tuple[bytes, bytes | None]:
        """The keys ``username``'s slot opens with ``password`` (AuthenticationFailed if
        it does not)."""
        ...

    def holds_confidential(self) -> bool:
        """Whether some slot holds the confidential-documents key."""
        ...


class FolderHome:
    """The key file and the documents folder beside the case file."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def files(self, key: bytes) -> SealedFiles:
        return BlobStore(layout.documents_path(self.folder), key)

    def add_slot(self, slot: keyslots.Slot, password: str) -> None:
        keyslots.add(layout.slots_path(self.folder), slot)

    def remove_slot(self, username: str) -> None:
        keyslots.remove(layout.slots_path(self.folder), username)

    def unlock(self, username: str, password: str, *,
               sleep: Callable[[float], None] = time.sleep) -> tuple[bytes, bytes | None]:
        return keyslots.unlock_keys(layout.slots_path(self.folder), username, password,
                                    sleep=sleep)

    def holds_confidential(self) -> bool:
        return keyslots.holds_confidential(keyslots.read(layout.slots_path(self.folder)))
