"""One writer process per case file.

The process that opens a case file holds an exclusive lock on ``<case file>.lock`` until it
closes it, and writes into that file who holds it (user, computer, process, since when). A
second process (another window, a command, a restore) waits a few seconds and then is told
plainly who has the file open. The operating system drops the lock when its holder exits, even
if it was killed, so a lock left by a dead process is taken over without asking; the text left
in the file is only a name tag.

Within one process the lock is shared: opening the same case file twice (the app's restore
check, a test) counts up and down.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sencodesk.domain.dates import uk_time
from sencodesk.domain.errors import StoreError
from sencodesk.store import filelock

WAIT_SECONDS = 10.0
WAIT_ENV = "SENCODESK_LOCK_WAIT"  # seconds a command waits for the case file, if set


class CaseFileInUse(StoreError):
    """Another process has the case file open for writing."""


@dataclass
class _Held:
    fd: int
    count: int


_held: dict[Path, _Held] = {}
_guard = threading.Lock()


def lock_path(database_path: Path) -> Path:
    return database_path.with_name(database_path.name + ".lock")


def _me() -> dict[str, object]:
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no login name (a service account)
        user = "unknown"
    return {"user": user, "machine": socket.gethostname(), "pid": os.getpid(),
            "since": datetime.now().isoformat(timespec="seconds")}


def holder(database_path: Path) -> str:
    """Who holds the lock, in words, from the name tag it left ("" if none is readable)."""
    try:
        with lock_path(database_path).open("rb") as handle:
            raw = json.loads(handle.read(4096).decode("utf-8"))
        since = datetime.fromisoformat(str(raw["since"]))
        return (f"{raw['user']} on {raw['machine']} (process {int(raw['pid'])}, since "
                f"{uk_time(since)})")
    except (OSError, ValueError, KeyError, TypeError):
        return ""


def _default_wait() -> float:
    try:
        return max(0.0, float(os.environ.get(WAIT_ENV, WAIT_SECONDS)))
    except ValueError:
        return WAIT_SECONDS


def acquire(database_path: Path, *, wait: float | None = None) -> None:
    """Take (or share, within this process) the writer lock for the case file; CaseFileInUse
    naming the holder if another process keeps it for ``wait`` seconds."""
    key = database_path.resolve()
    with _guard:
        if key in _held:
            _held[key].count += 1
            return
        try:
            fd = filelock.open_lock_file(lock_path(key))
        except OSError as error:
            raise StoreError(f"Cannot open {key.parent}: {error.strerror or error}.") from None
        deadline = time.monotonic() + (_default_wait() if wait is None else wait)
        while not filelock.try_lock(fd):
            if time.monotonic() >= deadline:
                os.close(fd)
                who = holder(key) or "another sencodesk window or command"
                raise CaseFileInUse(
                    f"The case file is open in sencodesk by {who}. Only one can change it at "
                    "a time: close it there (or wait for the command to finish) and try again.")
            time.sleep(0.05)
        tag = json.dumps(_me()).encode()
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, tag)
        _held[key] = _Held(fd, 1)


@contextlib.contextmanager
def holding(database_path: Path, *, wait: float | None = None) -> Iterator[None]:
    """The writer lock for the length of a block (a restore, which replaces the file)."""
    acquire(database_path, wait=wait)
    try:
        yield
    finally:
        release(database_path)


def release(database_path: Path) -> None:
    key = database_path.resolve()
    with _guard:
        held = _held.get(key)
        if held is None:
            return
        held.count -= 1
        if held.count:
            return
        del _held[key]
        with contextlib.suppress(OSError):
            os.ftruncate(held.fd, 0)  # the name tag goes with the lock
        filelock.unlock(held.fd)
        os.close(held.fd)
