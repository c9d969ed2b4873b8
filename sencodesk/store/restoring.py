"""Replacing the case file with a checked backup, safely across a crash, and tidying the data
folder at the next start.

A restore unpacks and checks everything into a scratch folder first (nothing is replaced
yet). It then writes ``restore-journal.json`` naming the scratch and set-aside folders, moves
the current case files aside, moves the staged ones and the staged documents into place, and
removes the journal once the restore is recorded. If the process dies in between, the next
start (:func:`recover`) finds the journal and rolls back: the set-aside files return, so the
folder is exactly as it was before the restore began. ``init`` is refused while a journal or
set-aside case file is there without a live one.

This module imports nothing heavy: the app calls :func:`recover` before its first window.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from sencodesk import paths
from sencodesk.domain.errors import StoreError
from sencodesk.store import layout, writer

JOURNAL = "restore-journal.json"
ASIDE_PREFIX = "before-restore-"
SCRATCH_PREFIX = "tmp"
CASE_FILES = layout.CASE_FILES
STAGED_DOCUMENTS = "documents"
KEEP_ASIDE_DAYS = 30  # set-aside case files older than this are removed at the next start
KEEP_ASIDE_AT_LEAST = 1  # ... but the newest one is always kept


def _faults(step: str) -> None:
    """A test can make the process die at ``step`` (SENCODESK_TEST_DIE_AT=step)."""
    if os.environ.get("SENCODESK_TEST_DIE_AT") == step:
        os._exit(70)


@contextlib.contextmanager
def scratch(data_dir: Path) -> Iterator[Path]:
    """A private scratch folder in the data folder (same disk, so files move by rename)."""
    with tempfile.TemporaryDirectory(dir=data_dir, prefix=SCRATCH_PREFIX) as folder:
        yield Path(folder)


def _write_journal(data_dir: Path, state: dict[str, object]) -> None:
    paths.write_private(data_dir / JOURNAL, json.dumps(state).encode())


def swap_in(staged: Path, data_dir: Path) -> Path:
    """Move the current case files aside and the staged case files and documents into place,
    under the journal. Returns the set-aside folder. If a step fails here (a full disk) the
    folder is rolled back at once and the OSError raised."""
    aside = data_dir / f"{ASIDE_PREFIX}{datetime.now():%Y%m%d-%H%M%S}"
    suffix = 1
    while aside.exists():
        aside = aside.with_name(f"{aside.name}-{suffix}")
        suffix += 1
    existed = [name for name in CASE_FILES if (data_dir / name).exists()]
    _faults("staged")
    _write_journal(data_dir, {"aside": aside.name, "staged": staged.name, "existed": existed})
    try:
        aside.mkdir(mode=0o700)
        for name in existed:
            (data_dir / name).replace(aside / name)
        _faults("aside")
        for name in (layout.KEYSLOTS_NAME, layout.DATABASE_NAME):
            (staged / name).replace(data_dir / name)
            _faults("swapped")
        _move_documents(staged / STAGED_DOCUMENTS, layout.documents_path(data_dir))
        _faults("documents")
    except OSError:
        recover(data_dir)
        raise
    return aside


def _move_documents(staged: Path, folder: Path) -> None:
    """Staged (already authenticated) attachments into the documents folder; one already
    there has the same content (names are keyed content hashes)."""
    if not staged.is_dir():
        return
    for source in sorted(staged.rglob("*.bin")):
        target = folder / source.relative_to(staged)
        if not target.exists():
            paths.ensure_private_dir(target.parent)
            source.replace(target)


def finish(data_dir: Path) -> None:
    """The restore is complete and recorded: forget the journal."""
    (data_dir / JOURNAL).unlink(missing_ok=True)


def recover(data_dir: Path) -> bool:
    """Roll back a restore that did not finish (the process died): the case files set aside
    go back in place. Returns True if there was one. Safe to call at every start."""
    journal = data_dir / JOURNAL
    try:
        state = json.loads(journal.read_bytes())
        aside = data_dir / str(state["aside"])
        existed = [str(name) for name in state["existed"] if name in CASE_FILES]
    except FileNotFoundError:
        return False
    except (OSError, ValueError, KeyError, TypeError):
        raise StoreError(f"{journal} is damaged: a restore was interrupted here. Ask IT to "
                         f"check the folder; the earlier case file is in a {ASIDE_PREFIX} "
                         "folder beside it.") from None
    for name in CASE_FILES:
        if (aside / name).exists():
            (aside / name).replace(data_dir / name)
        elif name not in existed:
            (data_dir / name).unlink(missing_ok=True)  # came from the half-done restore
    with contextlib.suppress(OSError):
        aside.rmdir()
    journal.unlink()
    return True


def recover_if_free(data_dir: Path) -> bool:
    """At start: roll back an interrupted restore, unless another process has the case file
    open (it may be restoring right now; it is alive, so nothing crashed)."""
    if not (data_dir / JOURNAL).exists():
        return False
    database = layout.database_path(data_dir)
    try:
        writer.acquire(database, wait=0)
    except writer.CaseFileInUse:
        return False
    try:
        return recover(data_dir)
    finally:
        writer.release(database)


def set_aside_case_file(data_dir: Path) -> Path | None:
    """A set-aside case file (or a restore journal) in ``data_dir``, which ``init`` must never
    cover with an empty school."""
    if (data_dir / JOURNAL).exists():
        return data_dir / JOURNAL
    found = sorted(data_dir.glob(f"{ASIDE_PREFIX}*/sencodesk.db"))
    return found[-1].parent if found else None


def tidy(data_dir: Path, *, now: float | None = None) -> list[Path]:
    """At start, with no restore under way: remove what killed work left behind (scratch
    folders, ``.partial`` files) and set-aside case files older than KEEP_ASIDE_DAYS (the
    newest kept). Returns what was removed."""
    if not data_dir.is_dir() or (data_dir / JOURNAL).exists():
        return []
    removed: list[Path] = []
    backups = layout.backups_path(data_dir)
    leftovers = [*data_dir.glob(f"{SCRATCH_PREFIX}*"), *backups.glob(f"{SCRATCH_PREFIX}*"),
                 *data_dir.glob("*.partial"), *backups.glob("*.partial"),
                 *(layout.documents_path(data_dir)).glob("*/*.partial")]
    cutoff = (time.time() if now is None else now) - KEEP_ASIDE_DAYS * 86400
    asides = sorted(data_dir.glob(f"{ASIDE_PREFIX}*"), key=lambda p: p.name)
    leftovers += [p for p in asides[:-KEEP_ASIDE_AT_LEAST] if p.stat().st_mtime < cutoff]
    for path in leftovers:
        with contextlib.suppress(OSError):
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path)
    return removed
