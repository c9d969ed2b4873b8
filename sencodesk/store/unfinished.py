"""Files being written outside the data folder (an export, a backup to a USB drive), noted
while they are written so that, if the process is killed, the next start removes what was
left (a subject access export's half-written file is pupil data in plain text).

The note is a list of "process id, path" lines in the per-user data folder, independent of
``--data-dir``; a path is removed only once the process that noted it has gone.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import platformdirs

from sencodesk import paths
from sencodesk.domain.errors import StoreError
from sencodesk.store import filelock

NAME = "unfinished-writes.txt"


def _ledger() -> Path:
    return Path(platformdirs.user_data_dir(paths.APP, appauthor=False)) / NAME


def _lines(ledger: Path) -> list[str]:
    try:
        return ledger.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def _change(add: list[str], drop: set[str]) -> list[str]:
    """Change the note under its lock; return what it held before."""
    ledger = _ledger()
    paths.ensure_private_dir(ledger.parent)
    with filelock.exclusive(ledger.with_name(NAME + ".lock"), what="the list of unfinished "
                            "writes"):
        before = _lines(ledger)
        after = [line for line in before if line not in drop] + add
        paths.write_private(ledger, ("\n".join(after) + "\n").encode("utf-8"))
    return before


@contextlib.contextmanager
def noted(*leftovers: Path) -> Iterator[None]:
    """Note ``leftovers`` (a ``.partial`` file, a scratch folder) for the length of the
    block. A note that cannot be written does not stop the work."""
    names = [f"{os.getpid()}\t{p.resolve()}" for p in leftovers]
    with contextlib.suppress(OSError, StoreError):
        _change(names, set())
    try:
        yield
    finally:
        with contextlib.suppress(OSError, StoreError):
            _change([], set(names))


def _alive(pid: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if handle:
            ctypes.windll.kernel32.CloseHandle(handle)
        return bool(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process
    return True


def _gone(line: str) -> Path | None:
    """The path a dead process noted, or None (still writing, or not a note)."""
    pid, _tab, name = line.partition("\t")
    if not pid.isdigit() or not Path(name).is_absolute():
        return None
    return None if int(pid) == os.getpid() or _alive(int(pid)) else Path(name)


def remove_left_over() -> list[Path]:
    """At start: delete whatever killed writes left behind. Returns what was removed."""
    if not _ledger().exists():
        return []
    try:
        stale = {line for line in _lines(_ledger()) if _gone(line) is not None}
        _change([], stale)
    except (OSError, StoreError):
        return []
    removed = []
    for line in stale:
        path = _gone(line)
        if path is None or not (path.exists() or path.is_symlink()):
            continue
        with contextlib.suppress(OSError):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path)
    return removed
