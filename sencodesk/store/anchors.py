"""Anchors of the audit trail, kept outside the case file.

The audit chain inside the database shows an entry altered or removed in its middle, but not
its newest entries deleted, nor an entry edited with every hash after it recomputed. So each
backup and each export also writes the chain's head (how many entries, the last one's hash)
to ``audit-anchors.jsonl`` in the data folder (and the backup's own header carries it).
``audit verify`` checks the live chain against the newest anchor: the entry it names must
still be there with the same hash.

A restore writes a new anchor for the restored trail (the older anchors stay in the file, so
the rollback itself remains evident there). Whoever can delete files in the data folder can
delete this file too; the anchors in backups kept elsewhere are the copy they cannot reach.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sencodesk import paths
from sencodesk.domain.errors import StoreError
from sencodesk.store import filelock

NAME = "audit-anchors.jsonl"
PENDING = "sencodesk.audit.anchor"  # session.info key: the head to anchor once committed
RESEALED = "sencodesk.audit.resealed"  # session.info key: {entry id: (old hash, new hash)}
MAX_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class Anchor:
    count: int  # the id of the newest entry when the anchor was written
    hash: str
    at: str  # UTC, ISO 8601
    why: str

    @staticmethod
    def now(count: int, hash_: str, why: str) -> Anchor:
        return Anchor(count, hash_, datetime.now(UTC).isoformat(timespec="seconds"), why)


def start_afresh(folder: Path) -> None:
    """A new case file in ``folder``: anchors left by an earlier one there are kept beside,
    renamed, so they are neither lost nor taken for this file's."""
    old = path(folder)
    if old.exists():
        old.replace(old.with_name(f"{NAME}.before-{datetime.now(UTC):%Y%m%d-%H%M%S}"))


def head_of(connection: Any) -> dict[str, object]:
    """The chain's head in a DB-API connection to a case file (a backup's copy):
    ``{"count": id of the newest entry, "hash": its hash}``."""
    row = connection.execute("SELECT id, hash FROM auditevent ORDER BY id DESC LIMIT 1")\
        .fetchone()
    return {"count": int(row[0]), "hash": str(row[1])} if row else {"count": 0, "hash": ""}


def path(folder: Path) -> Path:
    return folder / NAME


def add(folder: Path, anchor: Anchor) -> None:
    """Append ``anchor`` (a whole line, flushed to disk) under the file's lock."""
    line = (json.dumps(asdict(anchor), separators=(",", ":")) + "\n").encode()
    target = path(folder)
    with filelock.exclusive(target.with_name(NAME + ".lock"), what="the audit anchors"):
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)


def _parse(line: bytes) -> Anchor | None:
    try:
        raw: Any = json.loads(line)
        anchor = Anchor(int(raw["count"]), str(raw["hash"]), str(raw["at"]), str(raw["why"]))
        datetime.fromisoformat(anchor.at)
    except (ValueError, KeyError, TypeError):
        return None
    return anchor


def read(folder: Path) -> list[Anchor]:
    """Every readable anchor, oldest first (a damaged line is skipped)."""
    try:
        with path(folder).open("rb") as handle:
            text = handle.read(MAX_BYTES)
    except FileNotFoundError:
        return []
    return [a for a in map(_parse, text.splitlines()) if a is not None]


def newest(found: list[Anchor]) -> Anchor | None:
    """The last one written (the file is appended to in order, whatever the clock says)."""
    return found[-1] if found else None


def write_pending(folder: Path, info: dict[Any, Any]) -> None:
    """After a commit: write the anchor an audited export or restore asked for. A failure to
    write it (a full disk) does not undo the committed work; the next export anchors again."""
    resealed = info.pop(RESEALED, None)
    pending = info.pop(PENDING, None)
    with contextlib.suppress(OSError, StoreError):
        if resealed:
            _reseal(folder, resealed)
        if pending is not None:
            add(folder, pending)


def _reseal(folder: Path, changed: dict[int, tuple[str, str]]) -> None:
    """Carry the anchors over a sanctioned re-sealing of the chain (retention deletion):
    an anchor on an entry whose hash went from old to new is moved to the new hash."""
    target = path(folder)
    with filelock.exclusive(target.with_name(NAME + ".lock"), what="the audit anchors"):
        found = read(folder)
        if not found:
            return
        moved = [replace(a, hash=changed[a.count][1])
                 if a.count in changed and changed[a.count][0] == a.hash else a for a in found]
        text = b"".join((json.dumps(asdict(a), separators=(",", ":")) + "\n").encode()
                        for a in moved)
        paths.write_private(target, text)
