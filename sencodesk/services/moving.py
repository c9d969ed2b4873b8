"""Moving a school's case file from a SENCO's laptop onto the school's server, and back.

Only a SENCO may move it (they hold every key). Every row keeps its id, so the audit trail's
entries still name the right records; the rows are counted on both sides and the audit chain
checked on the copy before anything is kept, then ``audit verify`` is run on the copy.

Staff passwords cannot come across: a file keeps only each password's scrypt-wrapped key, and
a server's login role needs its own verifier. The SENCO moving the file keeps their password;
every other account is given a temporary password, shown once to the SENCO to hand over, which
the member of staff changes after signing in (Change password).
"""

from __future__ import annotations

import secrets
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session, col, select

from sencodesk.domain.codes import Role
from sencodesk.domain.errors import PermissionDenied, StoreError
from sencodesk.domain.permissions import Permission, allows
from sencodesk.services import accounts, audit
from sencodesk.services.context import Desk
from sencodesk.store import case_file, moving, server
from sencodesk.store.database import Database
from sencodesk.store.tables import StaffMember

Progress = Callable[[str], None]
ONLY_SENCO = "Only a SENCO may move the school's case file (they hold every key)."


@dataclass(frozen=True)
class Moved:
    """What a move copied, and the accounts given a temporary password."""

    rows: dict[str, int]
    temporary_passwords: dict[str, str] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def no_output(_: str) -> None:
    return None


def _check(session: Session) -> list[str]:
    return [f"audit entry {problem.entry_id} {problem.message}"
            for problem in audit.chain_problems(session)]


def _as_senco(database: Database, data_dir: Path, username: str) -> Desk:
    desk = accounts.desk_on(database, data_dir, username)
    if desk.actor.role is not Role.SENCO:
        desk.close()
        raise PermissionDenied(ONLY_SENCO)
    return desk


def _verified(desk: Desk, where: str) -> None:
    problems = audit.verify(desk)
    if problems:
        raise StoreError(f"The audit trail {where} does not verify: "
                         + "; ".join(f"entry {p.entry_id} {p.message}" for p in problems))


def _counts(desk: Desk) -> dict[str, int]:
    with desk.db.engine.connect() as connection:
        return moving.counts(connection)


def staff_address(url: str) -> str:
    """``url`` as staff computers connect to it."""
    return server.staff_address(url)


def import_file(folder: Path, url: str, username: str, password: str, *,
                progress: Progress = no_output) -> Moved:
    """Copy the case file in ``folder`` (unlocked by its SENCO ``username``) into the empty
    database at ``url`` (whose user is the server's owner role). The file is left as it was."""
    if server.address(folder) is not None:
        raise StoreError(f"{folder} signs in to a school's server already: there is no case "
                         "file on this computer to move.")
    progress("Unlocking the case file…")
    desk = _as_senco(case_file.unlock(folder, username, password), folder, username)
    try:
        with tempfile.TemporaryDirectory(prefix="sencodesk-move-") as scratch:
            progress("Copying to the server…")
            target = moving.to_server(desk.db, url, Path(scratch) / "data", _check, progress)
            return finish(desk, accounts.desk_on(target, Path(scratch) / "data", username),
                          password, "on the server", progress)
    finally:
        desk.close()


def finish(source: Desk | None, copy: Desk, password: str, where: str,
           progress: Progress) -> Moved:
    """Sign-ins on the ``copy`` (then closed), its audit trail verified, and the rows of the
    ``source`` (or else the copy) counted."""
    try:
        if copy.actor.role is not Role.SENCO:
            raise PermissionDenied(ONLY_SENCO)
        progress(f"Giving each account its sign-in {where}…")
        temporary = _sign_ins(copy, password)
        progress(f"Running audit verify {where}…")
        _verified(copy, where)
        return Moved(_counts(source or copy), temporary)
    finally:
        copy.close()


def _sign_ins(desk: Desk, password: str) -> dict[str, str]:
    """The SENCO's own password, and a temporary one for every other active account."""
    with desk.db.transaction(snapshot="read") as session:
        staff = [(s.username or "", Role(s.role or "")) for s in session.exec(
            select(StaffMember).where(col(StaffMember.active).is_(True),
                                      col(StaffMember.username).is_not(None),
                                      col(StaffMember.role).is_not(None)))]
    temporary: dict[str, str] = {}
    for username, role in sorted(staff):
        given = password if username == desk.actor.username else secrets.token_urlsafe(9)
        desk.db.grant(username, given, confidential=allows(role, Permission.READ_CONFIDENTIAL))
        if username != desk.actor.username:
            temporary[username] = given
    return temporary


def export_file(url: str, folder: Path, username: str, password: str, *,
                progress: Progress = no_output) -> Moved:
    """Write the school's case file on the server at ``url`` (signed in as its SENCO
    ``username``) out as an encrypted case file in the empty ``folder``, unlocked by the same
    name and password; other accounts get temporary passwords."""
    with tempfile.TemporaryDirectory(prefix="sencodesk-move-") as scratch:
        progress("Signing in to the server…")
        desk = _as_senco(server.unlock(url, Path(scratch), username, password), Path(scratch),
                         username)
        try:
            progress("Writing the case file…")
            target = moving.to_file(desk.db, folder, username, password, _check, progress)
            return finish(desk, accounts.desk_on(target, folder, username), password,
                          "in the case file", progress)
        finally:
            desk.close()
