"""Wrong passwords in a row, counted per account, to slow down guessing.

The counts live in their own file beside the case file (``signin-attempts.json``), not in the
key file: editing or restoring ``keyslots.json`` does not reset them, and a failed sign-in
never rewrites the key file. Each account has its own count, so one person's slips do not hold
back everyone else; names that match no account are counted too (and the same way), so the
delay says nothing about which accounts exist. Someone who can change files in the data folder
can still delete this one: the delay slows guessing through the app and the command line, not
against a copy of the files (the scrypt cost of each guess does that).
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sencodesk import paths
from sencodesk.store import filelock, layout

#: Enough for every account and many mistyped names; the oldest are dropped beyond it.
MAX_NAMES = 500
MAX_BYTES = 256 * 1024


def _file(folder: Path) -> Path:
    return layout.attempts_path(folder)


def _read(folder: Path) -> dict[str, list[float]]:
    """{username: [failures, time of the last]}; an unreadable file counts as none."""
    path = _file(folder)
    try:
        if path.stat().st_size > MAX_BYTES:
            return {}
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    found: dict[str, list[float]] = {}
    for name, entry in raw.items():
        if isinstance(entry, list) and len(entry) == 2 and all(
                isinstance(v, int | float) for v in entry):
            found[str(name)] = [float(entry[0]), float(entry[1])]
    return found


def _write(folder: Path, counts: dict[str, list[float]]) -> None:
    newest = sorted(counts.items(), key=lambda item: item[1][1], reverse=True)[:MAX_NAMES]
    paths.write_private(_file(folder), json.dumps(dict(newest)).encode("utf-8"))


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    path = _file(folder)
    with filelock.exclusive(path.with_name(path.name + ".lock"), what="the sign-in counts"):
        yield


def _update(folder: Path, change: Callable[[dict[str, list[float]]], bool]) -> None:
    """Read, change and (if ``change`` says so) write the counts as one step, so two
    processes signing in at once do not lose each other's wrong passwords."""
    with _locked(folder):
        counts = _read(folder)
        if change(counts):
            _write(folder, counts)


def failures(folder: Path, username: str) -> int:
    """Wrong passwords in a row for this name."""
    entry = _read(folder).get(username.strip().casefold())
    return int(entry[0]) if entry else 0


def failed(folder: Path, username: str) -> None:
    key = username.strip().casefold()

    def count(counts: dict[str, list[float]]) -> bool:
        counts[key] = [counts.get(key, [0.0, 0.0])[0] + 1, time.time()]
        return True

    _update(folder, count)


def succeeded(folder: Path, username: str) -> None:
    if not failures(folder, username):
        return  # the usual case: nothing to clear, no lock taken
    key = username.strip().casefold()
    _update(folder, lambda counts: counts.pop(key, None) is not None)
