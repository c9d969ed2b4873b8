"""Who has a case file open, and exclusive use of it when something replaces it.

Every process that opens a case file (the app, a command) holds a shared lock on
``<case file>.lock`` until it closes it, so the app and a command can both work on the file
(SQLite's own write lock and the records' versions keep their writes apart). Replacing the
file (a restore), bringing its schema up to date and tidying its folder need it alone: they
take the lock exclusively, waiting a few seconds for others to close it, and are then told
plainly who has the file open, from the name tag (user, computer, process, since when) the
last opener wrote into the lock file. The operating system drops a lock when its holder exits,
even if it was killed, so a lock left by a dead process is taken over without asking; the text
left in the file is only a name tag. (On Windows the lock has no shared kind: one process at a
time has a case file open there.)

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
    """Another process has the case file open, and this needs it alone."""


@dataclass
class _Held:
    fd: int
    shared: int = 0
    exclusive: int = 0


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


def acquire(database_path: Path, *, wait: float | None = None, shared: bool = False) -> None:
    """Hold the case file's lock: ``shared`` to have it open beside other processes, or
    exclusively (a restore); CaseFileInUse naming the holder if another process keeps it for
    ``wait`` seconds. Within this process each call counts up, and ``release`` counts down."""
    key = database_path.resolve()
    with _guard:
        held = _held.get(key)
        fresh = held is None
        if held is None:
            try:
                held = _Held(filelock.open_lock_file(lock_path(key)))
            except OSError as error:
                raise StoreError(f"Cannot open {key.parent}: {error.strerror or error}.") \
                    from None
        if fresh or (not shared and not held.exclusive and filelock.SHARED_LOCKS):
            try:
                _wait_for(key, held.fd, shared=shared, wait=wait, holding=not fresh)
            except CaseFileInUse:
                if fresh:
                    os.close(held.fd)
                raise
        if fresh:
            _tag(held.fd)
            _held[key] = held
        if shared:
            held.shared += 1
        else:
            held.exclusive += 1


def _wait_for(key: Path, fd: int, *, shared: bool, wait: float | None, holding: bool) -> None:
    """Take the lock (``holding``: change this process's shared lock to exclusive), waiting
    up to ``wait`` seconds for others."""
    deadline = time.monotonic() + (_default_wait() if wait is None else wait)
    while not filelock.try_lock(fd, shared=shared):
        if holding:
            filelock.keep_shared(fd)
        if time.monotonic() >= deadline:
            who = holder(key)
            if not who or f"(process {os.getpid()}," in who:  # the tag is our own
                who = "another sencodesk window or command"
            if shared:
                raise CaseFileInUse(
                    f"The case file is being replaced or brought up to date by {who}. "
                    "Wait for that to finish and try again.")
            raise CaseFileInUse(
                f"The case file is open in sencodesk by {who}. This needs it alone: close "
                "it there (or wait for the command to finish) and try again.")
        time.sleep(0.05)


def _tag(fd: int) -> None:
    """Name this process in the lock file, for whoever is kept waiting."""
    tag = json.dumps(_me()).encode()
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, tag)


@contextlib.contextmanager
def alone(database_path: Path) -> Iterator[bool]:
    """Whether this process has the case file to itself, holding it so for the block (no
    waiting): for tidying that must not catch another process mid-write."""
    try:
        acquire(database_path, wait=0)
    except CaseFileInUse:
        yield False
        return
    try:
        yield True
    finally:
        release(database_path)


@contextlib.contextmanager
def holding(database_path: Path, *, wait: float | None = None) -> Iterator[None]:
    """The writer lock for the length of a block (a restore, which replaces the file)."""
    acquire(database_path, wait=wait)
    try:
        yield
    finally:
        release(database_path)


def release(database_path: Path, *, shared: bool = False) -> None:
    """Count down what ``acquire`` counted up (the same ``shared``); the lock goes back to
    shared when the last exclusive use ends and is let go when the last use does."""
    key = database_path.resolve()
    with _guard:
        held = _held.get(key)
        if held is None:
            return
        if shared:
            held.shared = max(0, held.shared - 1)
        else:
            held.exclusive = max(0, held.exclusive - 1)
        if held.exclusive or held.shared:
            if not held.exclusive and filelock.SHARED_LOCKS:
                filelock.try_lock(held.fd, shared=True)  # from exclusive: never refused
            return
        del _held[key]
        if filelock.try_lock(held.fd):  # the last holder anywhere: the name tag goes too
            with contextlib.suppress(OSError):
                os.ftruncate(held.fd, 0)
        filelock.unlock(held.fd)
        os.close(held.fd)
