"""Attached files, encrypted with the database key and named by a keyed content hash.

The name is HMAC-SHA256(database key, content), so identical files are stored once and the name
reveals nothing to someone without the key (a plain hash would let anyone confirm a guess).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
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


class BlobStore:
    def __init__(self, folder: Path, key: bytes) -> None:
        self.folder = folder
        self._key = key

    def _path(self, name: str) -> Path:
        return self.folder / name[:2] / f"{name}.bin"

    def put(self, data: bytes) -> str:
        """Store ``data`` (once) and return its name."""
        if len(data) > MAX_BYTES:
            raise StoreError(f"Files over {MAX_BYTES // (1024 * 1024)} MB cannot be attached.")
        name = hmac.new(self._key, data, hashlib.sha256).hexdigest()
        path = self._path(name)
        if path.exists():
            return name
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        nonce = secrets.token_bytes(12)
        sealed = MAGIC + nonce + AESGCM(self._key).encrypt(nonce, data, name.encode())
        paths.write_private(path, sealed)
        return name

    def get(self, name: str) -> bytes:
        path = self._path(name)
        try:
            sealed = path.read_bytes()
        except FileNotFoundError:
            raise StoreError(f"The attached file {name[:12]}… is missing from the data folder.")\
                from None
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
        self._path(name).unlink(missing_ok=True)

    def keep_only(self, wanted: set[str]) -> int:
        """Delete every stored file not named in ``wanted`` (orphans: a replaced photo, a
        file from a restore that was rolled back). Returns how many were deleted."""
        if not self.folder.is_dir():
            return 0
        removed = 0
        for path in self.folder.glob("*/*.bin"):
            if STORED_NAME.fullmatch(path.relative_to(self.folder).as_posix()) \
                    and path.stem not in wanted:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
