"""Database and disk errors in plain words, in one place.

The driver's exceptions carry the SQL statement and its parameters (a safeguarding note, a
pupil's name), so they never reach a person, a crash dialog or the log: every unit of work turns
them into a StoreError here, chosen by the kind of failure alone.
"""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Callable, Iterator

import sqlcipher3
from sqlalchemy.exc import DBAPIError, IntegrityError

from sencodesk.domain.errors import StoreError

DISK_FULL = ("The disk is full, so this could not be saved. What was there before is kept: "
             "free some space and try again.")
BUSY = ("Someone else is saving to the case file just now (another sencodesk window or "
        "command). Try again in a moment.")
DAMAGED = "The case file is damaged. Restore it from a backup."
READ_ONLY = ("The case file cannot be written: the folder or the file is read-only. Ask IT to "
             "check its permissions.")
DISK_TROUBLE = ("The disk could not be read or written (it may be full, failing or removed). "
                "What was there before is kept: check the disk and try again.")
CLASH = "This change clashes with a record already stored, so it was not saved."
REFUSED = ("The school's server does not let your account make this change, so nothing was "
           "saved. Ask your SENCO or IT if you need it.")
OTHER = "The case file could not be used just now ({kind}). Nothing was saved; try again."

_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def is_disk_full(error: BaseException) -> bool:
    """Is ``error`` (or what it wraps) the disk or the user's quota running out?"""
    while error is not None:
        if isinstance(error, OSError) and error.errno in _FULL_ERRNOS:
            return True
        if "disk is full" in _driver_message(error):
            return True
        error = error.__cause__ or error.__context__  # type: ignore[assignment]
    return False


def _driver_message(error: BaseException) -> str:
    """The SQLite message without the statement: the wrapped driver error's own text."""
    original = getattr(error, "orig", None)
    inner = original if isinstance(original, BaseException) else error
    if type(inner).__module__.startswith(("sqlcipher3", "sqlite3")):
        return str(inner).lower()
    return ""


def plain(error: BaseException) -> StoreError:
    """A StoreError saying, for a SENCO, what went wrong with the database or the disk."""
    if is_disk_full(error):
        return StoreError(DISK_FULL)
    if isinstance(error, OSError):
        return StoreError(DISK_TROUBLE)
    message = _driver_message(error)
    kind = type(getattr(error, "orig", None) or error).__name__
    if "locked" in message or "busy" in message:
        return StoreError(BUSY)
    if "malformed" in message or "not a database" in message:
        return StoreError(DAMAGED)
    if "readonly" in message or "read-only" in message:
        return StoreError(READ_ONLY)
    if "i/o error" in message:
        return StoreError(DISK_TROUBLE)
    if kind == "IntegrityError" or isinstance(error, IntegrityError):
        return StoreError(CLASH)
    if kind == "InsufficientPrivilege":  # a server's grants (store.backends.postgres)
        return StoreError(REFUSED)
    return StoreError(OTHER.format(kind=kind))


@contextlib.contextmanager
def in_plain_words(undo: Callable[[], None]) -> Iterator[None]:
    """Run a block against the case file: if it fails, ``undo`` (roll back, close), then a
    driver or full-disk error goes on as a plain StoreError and anything else as it was."""
    try:
        yield
    except (DBAPIError, sqlcipher3.Error, OSError) as error:
        undo()
        if isinstance(error, OSError) and not is_disk_full(error):
            raise
        # the driver's message quotes the statement and its values: never shown
        raise plain(error) from None
    except BaseException:
        undo()
        raise
