"""Unpacking a backup's documents archive: bounded, and every file authenticated.

The archive is the backup's least trusted part: its ZIP structure is not encrypted. Nothing in
it is believed: each member must be stored (never compressed, so its size on disk is its size),
no larger than an attachment can be, within the archive's own length, named like an
attachment. And it must be authentic: a backup's header carries an HMAC of the whole archive
under a key derived from the database key (:func:`mac`), which only this school's sencodesk
can make; a backup from before that must have every document decrypt with the database key
under its own name (AES-GCM, see store.blobs). Members are copied out a chunk at a time, so a
crafted archive can use neither the memory nor the disk of a large one.
"""

from __future__ import annotations

import hashlib
import hmac
import zipfile
from collections.abc import Iterator
from pathlib import Path

from sencodesk import paths
from sencodesk.domain.errors import StoreError
from sencodesk.store import blobs

NAME = blobs.STORED_NAME
# A sealed attachment: magic, nonce, the file, the tag.
MAX_MEMBER = blobs.MAX_BYTES + len(blobs.MAGIC) + 12 + 16
CHUNK = 1024 * 1024
UNREADABLE = "its documents cannot be read"


def _mac_key(key: bytes) -> bytes:
    return hmac.new(key, b"sencodesk backup documents v1", hashlib.sha256).digest()


def mac(archive_path: Path, key: bytes) -> str:
    """The archive's HMAC-SHA256 under a key derived from the database key, read a chunk at a
    time."""
    digest = hmac.new(_mac_key(key), digestmod=hashlib.sha256)
    with archive_path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _check(archive: zipfile.ZipFile, size: int) -> list[zipfile.ZipInfo]:
    members = archive.infolist()
    total = 0
    for info in members:
        total += info.file_size
        if (not NAME.fullmatch(info.filename) or info.compress_type != zipfile.ZIP_STORED
                or info.file_size != info.compress_size or info.file_size > MAX_MEMBER
                or total > size):
            raise StoreError(f"{UNREADABLE} (an entry is not an attachment).")
    return members


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    left = info.file_size
    with archive.open(info) as member:
        while chunk := member.read(min(CHUNK, left + 1)):
            left -= len(chunk)
            if left < 0:
                raise StoreError(f"{UNREADABLE} (an entry is longer than it says).")
            yield chunk


def unpack(archive_path: Path, folder: Path, key: bytes, *, expected_mac: str | None) -> int:
    """Copy every member of the archive into ``folder``, authenticated by ``expected_mac``
    (from the backup's header) or, without one, each member with ``key``; StoreError (nothing
    else) if any check fails. Returns how many."""
    if expected_mac is not None and not hmac.compare_digest(mac(archive_path, key),
                                                            expected_mac):
        raise StoreError(f"{UNREADABLE} (they are not the ones this school's backup holds).")
    paths.ensure_private_dir(folder)
    try:
        with zipfile.ZipFile(archive_path) as archive:
            members = _check(archive, archive_path.stat().st_size)
            store = blobs.BlobStore(folder, key)
            for info in members:
                target = folder / info.filename
                paths.ensure_private_dir(target.parent)
                paths.write_private(target, _chunks(archive, info))
                if expected_mac is None:  # authenticated one by one
                    store.get(info.filename.split("/")[1].removesuffix(".bin"))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise StoreError(f"{UNREADABLE}.") from None
    except StoreError as error:
        if str(error).startswith(UNREADABLE):
            raise
        raise StoreError(f"{UNREADABLE} (a document is not one this school saved).") from None
    return len(members)
