"""Attached files, encrypted with the database key and named by a keyed content hash.

The name is HMAC-SHA256(database key, content), so identical files are stored once and the name
reveals nothing to someone without the key (a plain hash would let anyone confirm a guess).
Where the sealed bytes are kept is the backend's: files in the school's folder
(:class:`BlobStore`), or a table on the school's server (``backends.postgres_files``).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sencodesk import paths
from sencodesk.domain.errors import StoreError

MAGIC = b"SDK1"
#: Where a stored file lives under the documents folder: its name's first two characters, then
#: the whole name.
STORED_NAME = re.compile(r"[0-9a-f]{2}/[0-9a-f]{64}\.bin")
MAX_BYTES = 50 * 1024 * 1024


class SealedFiles:
    """Sealing and naming, the same wherever the sealed bytes are kept; a subclass keeps them
    (``_read``, ``_write``, ``_remove``, ``_names``)."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def _read(self, name: str) -> bytes | None:
        raise NotImplementedError

    def _write(self, name: str, sealed: bytes) -> None:
        raise NotImplementedError

    def _remove(self, names: Iterable[str]) -> None:
        raise NotImplementedError

    def _names(self) -> set[str]:
        raise NotImplementedError

    def _holds(self, name: str) -> bool:
        return self._read(name) is not None

    def put(self, data: bytes) -> str:
        """Store ``data`` (once) and return its name."""
        if len(data) > MAX_BYTES:
            raise StoreError(f"Files over {MAX_BYTES // (1024 * 1024)} MB cannot be attached.")
        name = hmac.new(self._key, data, hashlib.sha256).hexdigest()
        if self._holds(name):
            return name
        nonce = secrets.token_bytes(12)
        self._write(name, MAGIC + nonce + AESGCM(self._key).encrypt(nonce, data, name.encode()))
        return name

    def get(self, name: str) -> bytes:
        sealed = self._read(name)
        if sealed is None:
            raise StoreError(f"The attached file {name[:12]}… is missing from the data folder.")
        if not sealed.startswith(MAGIC):
            raise StoreError(f"The attached file {name[:12]}… is damaged.")
        nonce, body = sealed[4:16], sealed[16:]
        try:
            return AESGCM(self._key).decrypt(nonce, body, name.encode())
        except InvalidTag:
            raise StoreError(f"The attached file {name[:12]}… is damaged.") from None

    def exists(self, name: str) -> bool:
        """Whether ``name`` is stored and opens with this store's key."""
        try:
            self.get(name)
        except StoreError:
            return False
        return True

    def delete(self, name: str) -> None:
        self._remove([name])

    def keep_only(self, wanted: set[str]) -> int:
        """Delete every stored file not named in ``wanted`` (orphans: a replaced photo, a
        file from a restore that was rolled back). Returns how many were deleted."""
        orphans = self._names() - wanted
        self._remove(orphans)
        return len(orphans)


class BlobStore(SealedFiles):
    """Sealed files in a folder of the school's data folder, two levels deep."""

    def __init__(self, folder: Path, key: bytes) -> None:
        super().__init__(key)
        self.folder = folder

    def _path(self, name: str) -> Path:
        return self.folder / name[:2] / f"{name}.bin"

    def _holds(self, name: str) -> bool:
        return self._path(name).exists()

    def _read(self, name: str) -> bytes | None:
        try:
            return self._path(name).read_bytes()
        except FileNotFoundError:
            return None

    def _write(self, name: str, sealed: bytes) -> None:
        path = self._path(name)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        paths.write_private(path, sealed)

    def _remove(self, names: Iterable[str]) -> None:
        for name in names:
            self._path(name).unlink(missing_ok=True)

    def _names(self) -> set[str]:
        if not self.folder.is_dir():
            return set()
        return {path.stem for path in self.folder.glob("*/*.bin")
                if STORED_NAME.fullmatch(path.relative_to(self.folder).as_posix())}
