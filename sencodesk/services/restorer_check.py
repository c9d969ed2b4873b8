"""Who may restore a backup, and how the restore is recorded.

Over an existing case file only an active account of that file with the backup permission may
restore; on a new laptop (no case file yet) the person needs an active account with that
permission in the backup itself. The restore is audited under the person's name, and the
replaced audit trail's length and head hash go into the restored trail, so a rollback is
evident from the trail alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sencodesk.domain.errors import AuthenticationFailed
from sencodesk.domain.permissions import Permission
from sencodesk.services import accounts, audit, location
from sencodesk.services.context import Actor


@dataclass(frozen=True)
class Restorer:
    """Who is restoring (as the backup knows them) and the audit trail being replaced."""

    actor: Actor
    replaced: tuple[int, str] | None


def _replaced_trail(data_dir: Path, username: str, password: str) -> tuple[int, str] | None:
    """Over an existing case file only an active account of it that may back up and restore
    may restore (a withdrawn account's slot may still be in an old backup); returns the head of
    the audit trail about to be replaced. None for a data folder with no case file (a new
    laptop)."""
    if not location.school_whole(data_dir):
        return None
    try:
        current = accounts.open_as(data_dir, username, password)
    except AuthenticationFailed:
        raise AuthenticationFailed(
            "To restore over this case file, give the name and password of one of its active "
            "accounts that may back up and restore.") from None
    try:
        current.require(Permission.BACKUP)
        with current.db.transaction() as session:
            return audit.head(session)
    finally:
        current.close()


def authorise(data_dir: Path, staged: Path, username: str, password: str) -> Restorer:
    """Check the person may restore, in the current case file and in the backup."""
    replaced = _replaced_trail(data_dir, username, password)
    try:
        restored = accounts.open_as(staged, username, password)
    except AuthenticationFailed:
        raise AuthenticationFailed(
            f"{username} has no active account in this backup, so it cannot be restored with "
            "that name.") from None
    try:
        restored.require(Permission.BACKUP)
        return Restorer(restored.actor, replaced)
    finally:
        restored.close()


def restore_entry(
    restorer: Restorer, source: Path, aside: Path
) -> tuple[str, dict[str, list[object]]]:
    """The restore's audit summary and changed values: the replaced trail's head is kept in
    the restored trail, so the rollback itself is evident."""
    restored = f"restored {source.name}"
    if restorer.replaced is None:
        return f"{restored} into an empty data folder", {}
    entries, digest = restorer.replaced
    return (f"{restored}; the case file it replaced (audit trail of {entries} entries ending "
            f"{digest[:16]}…) is kept in {aside.name}",
            {"replaced audit trail": [f"{entries} entries, head {digest}", None]})
