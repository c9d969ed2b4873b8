"""Only an active account of the case file that may back up and restore can restore over it;
the restore is audited with the person's name and keeps the replaced trail's head."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import PASSWORD, add_pupil, signed_in_as

from sencodesk.domain.codes import Role
from sencodesk.domain.errors import AuthenticationFailed, PermissionDenied
from sencodesk.services import accounts, audit, backups
from sencodesk.services.context import Desk

OTHER = "long enough pass"


def _head(desk: Desk) -> tuple[int, str]:
    with desk.db.transaction() as session:
        return audit.head(session)


@pytest.mark.parametrize("role", [Role.TEACHER, Role.HEAD])
def test_roles_without_the_backup_permission_cannot_restore(
    desk: Desk, tmp_path: Path, role: Role
) -> None:
    signed_in_as(desk, role).close()
    file = backups.backup(desk, tmp_path / "b.sencodesk-backup")
    later = add_pupil(desk)
    with pytest.raises(PermissionDenied, match="cannot back up and restore"):
        backups.restore(desk.data_dir, file, role.value + "user", OTHER)
    assert not list(desk.data_dir.glob("before-restore-*"))
    from sencodesk.services import pupils
    assert pupils.get(desk, later)


def test_a_withdrawn_account_whose_slot_is_in_the_backup_cannot_restore(
    desk: Desk, tmp_path: Path
) -> None:
    signed_in_as(desk, Role.ADMIN).close()
    file = backups.backup(desk, tmp_path / "b.sencodesk-backup")
    accounts.remove_account(desk, "adminuser")
    with pytest.raises(AuthenticationFailed, match="active accounts"):
        backups.restore(desk.data_dir, file, "adminuser", OTHER)
    assert not list(desk.data_dir.glob("before-restore-*"))


def test_the_restore_names_the_person_and_keeps_the_replaced_trail_head(
    desk: Desk, tmp_path: Path
) -> None:
    admin = signed_in_as(desk, Role.ADMIN)
    file = backups.backup(admin, tmp_path / "b.sencodesk-backup")
    add_pupil(desk)
    entries, digest = _head(desk)
    admin.close()
    desk.close()
    aside = backups.restore(desk.data_dir, file, "adminuser", OTHER)
    again = accounts.sign_in(desk.data_dir, "senco", PASSWORD)
    entry = next(e for e in audit.list_events(again) if e.action == "restore")
    assert entry.actor == "Pat Example"
    assert f"{entries} entries" in entry.summary and aside.name in entry.summary
    assert entry.changes["replaced audit trail"][0] == f"{entries} entries, head {digest}"
    assert audit.verify(again) == []
    again.close()


def test_a_new_laptop_needs_an_active_account_of_the_backup_that_may_restore(
    desk: Desk, tmp_path: Path
) -> None:
    signed_in_as(desk, Role.TEACHER).close()
    file = backups.backup(desk, tmp_path / "b.sencodesk-backup")
    laptop = tmp_path / "laptop"
    with pytest.raises(PermissionDenied):
        backups.restore(laptop, file, "teacheruser", OTHER)
    assert not (laptop / "sencodesk.db").exists()
    backups.restore(laptop, file, "senco", PASSWORD)
    again = accounts.sign_in(laptop, "senco", PASSWORD)
    entry = next(e for e in audit.list_events(again) if e.action == "restore")
    assert entry.actor == "Sam Patel" and "empty data folder" in entry.summary
    again.close()
