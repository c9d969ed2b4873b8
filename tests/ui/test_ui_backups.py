"""The backups box in Settings: back up now, and restore only after the backup and the
password have been checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import PASSWORD, TODAY, add_pupil, signed_in_as
from PySide6.QtWidgets import QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from sencodesk.domain.codes import Role
from sencodesk.services import accounts, backups, pupils
from sencodesk.services.context import Desk
from sencodesk.ui.settings import backups as backups_box
from sencodesk.ui.settings.view import SettingsView


def _settings(qtbot: QtBot, desk: Desk) -> SettingsView:
    """The Settings page (keep it: the backups box lives only as long as its page)."""
    view = SettingsView(desk)
    qtbot.addWidget(view)
    assert view.backups is not None
    return view


def test_back_up_now_then_restore_after_checking_the_password(
        qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch,
        message_boxes: list[tuple[str, str]]) -> None:
    before = add_pupil(desk)
    page = _settings(qtbot, desk)
    box = page.backups
    assert box is not None
    target = backups.backup_folder(desk.data_dir) / "by-hand.sencodesk-backup"
    target.parent.mkdir(mode=0o700, exist_ok=True)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    box.back_up_now()
    qtbot.waitUntil(lambda: box.model.rowCount() == 1, timeout=10000)
    assert box.model.records[0].path == target
    after = add_pupil(desk)  # made after the backup: the restore takes it away

    box.view.selectRow(0)
    monkeypatch.setattr(backups_box, "confirm", lambda *a: True)
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *a, **k: ("wrong password!", True)))
    box.restore()
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=10000)  # checked off the UI thread
    assert pupils.get(desk, after)  # refused before anything was touched; desk still open

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (PASSWORD, True)))
    box.restore()
    qtbot.waitUntil(lambda: "Restored" in message_boxes[-1][1], timeout=20000)
    again = accounts.sign_in(desk.data_dir, "senco", PASSWORD)
    again.today = lambda: TODAY
    ids = [r.id for r in pupils.list_pupils(again)]
    assert before in ids and after not in ids
    assert list(desk.data_dir.glob("before-restore-*"))
    again.close()


def test_only_roles_that_may_back_up_see_backups(qtbot: QtBot, desk: Desk) -> None:
    teacher = SettingsView(signed_in_as(desk, Role.TEACHER))
    qtbot.addWidget(teacher)
    assert teacher.backups is None
    admin = SettingsView(signed_in_as(desk, Role.ADMIN))
    qtbot.addWidget(admin)
    assert admin.backups is not None


def test_a_damaged_backup_is_explained(qtbot: QtBot, desk: Desk, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch,
                                       message_boxes: list[tuple[str, str]]) -> None:
    damaged = tmp_path / "half.sencodesk-backup"
    damaged.write_bytes(b"SENCODESK-BACKUP\n{")
    page = _settings(qtbot, desk)
    box = page.backups
    assert box is not None
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(damaged), "")))
    box.restore()
    assert message_boxes and "half.sencodesk-backup" in message_boxes[-1][1]


def test_an_administrator_restores_in_settings_and_the_trail_names_them(
        qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch,
        message_boxes: list[tuple[str, str]]) -> None:
    from sencodesk.services import audit

    admin = signed_in_as(desk, Role.ADMIN)
    target = backups.backup(admin, backups.backup_folder(desk.data_dir) / "a.sencodesk-backup")
    add_pupil(desk)
    page = _settings(qtbot, admin)
    box = page.backups
    assert box is not None
    box.view.selectRow(0)
    monkeypatch.setattr(backups_box, "confirm", lambda *a: True)
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *a, **k: ("long enough pass", True)))
    box.restore()
    qtbot.waitUntil(lambda: bool(message_boxes) and "Restored" in message_boxes[-1][1],
                    timeout=20000)  # checked and restored off the UI thread
    assert target.exists()
    desk.close()
    again = accounts.sign_in(desk.data_dir, "senco", PASSWORD)
    entry = next(e for e in audit.list_events(again) if e.action == "restore")
    assert entry.actor == "Pat Example" and "replaced audit trail" in entry.changes
    again.close()

