"""The app and a command at once: the command is told who has the case file open and changes
nothing, the app goes on saving, and the audit trail stays whole (issue 16.5, 16.7)."""

from __future__ import annotations

import os
import subprocess
import sys

from factories import PASSWORD, add_pupil
from pytestqt.qtbot import QtBot

from sencodesk.services import audit, backups, pupils
from sencodesk.services.context import Desk
from sencodesk.ui.main_window import MainWindow


def _command(desk: Desk, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SENCODESK_DATA_DIR": str(desk.data_dir), "SENCODESK_USER": "senco",
           "SENCODESK_PASSWORD": PASSWORD, "SENCODESK_LOCK_WAIT": "0.5"}
    return subprocess.run([sys.executable, "-m", "sencodesk", *args], env=env,
                          capture_output=True, text=True, timeout=120)


def test_a_restore_from_the_command_line_waits_for_the_open_app(
        qtbot: QtBot, desk: Desk) -> None:
    add_pupil(desk, legal_surname="Before")
    old = backups.backup(desk, desk.data_dir.parent / "old.sencodesk-backup")
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    restore = _command(desk, "restore", str(old), "--yes")
    assert restore.returncode == 1
    assert "The case file is open in sencodesk by" in restore.stderr
    assert f"(process {os.getpid()}," in restore.stderr  # this process: the app
    assert "Traceback" not in restore.stderr
    add_pupil(desk, legal_surname="After")  # the app goes on saving into the live file
    assert sorted(r.surname for r in pupils.list_pupils(desk)) == ["After", "Before"]
    assert not list(desk.data_dir.glob("before-restore-*"))
    assert audit.verify(desk) == []
