"""A lock on a file (``fcntl`` on POSIX, ``msvcrt`` on Windows): exclusive, held by one process
at a time, or shared, held by many while no one holds it exclusively. The operating system
drops the lock when its holder exits, even if killed. Windows' byte-range locks have no shared
kind here, so a shared lock is an exclusive one there."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from sencodesk.domain.errors import StoreError

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    SHARED_LOCKS = False

    # Windows locks a byte range and stops others reading it: lock a byte far past the text
    # a lock file may hold (who holds it), so that text stays readable.
    _AT = 1 << 20

    def try_lock(fd: int, *, shared: bool = False) -> bool:
        del shared  # one holder at a time on Windows
        try:
            os.lseek(fd, _AT, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def unlock(fd: int) -> None:
        os.lseek(fd, _AT, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    def keep_shared(fd: int) -> None:
        del fd  # never changed from shared on Windows: nothing was let go
else:
    import fcntl

    SHARED_LOCKS = True

    def try_lock(fd: int, *, shared: bool = False) -> bool:
        """Take the lock without waiting (or change a held one to the kind asked for)."""
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    def keep_shared(fd: int) -> None:
        """After a refused change from shared to exclusive: Linux drops the shared lock
        before trying, and a refusal does not give it back, so take it again (waiting out
        anyone who slipped in exclusively)."""
        fcntl.flock(fd, fcntl.LOCK_SH)


def open_lock_file(path: Path) -> int:
    """A descriptor for the lock file at ``path`` (made owner-only if new)."""
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)


@contextlib.contextmanager
def exclusive(path: Path, *, timeout: float = 15.0, what: str = "the file") -> Iterator[None]:
    """Hold the lock on ``path`` for the block, waiting up to ``timeout`` seconds for another
    process to let go; StoreError with a plain message if it does not."""
    try:
        fd = open_lock_file(path)
    except OSError as error:
        raise StoreError(f"Cannot use {what}: {error.strerror or error}.") from None
    try:
        deadline = time.monotonic() + timeout
        while not try_lock(fd):
            if time.monotonic() > deadline:
                raise StoreError(f"Someone else is using {what}; try again in a moment.")
            time.sleep(0.02)
        try:
            yield
        finally:
            unlock(fd)
    finally:
        os.close(fd)
