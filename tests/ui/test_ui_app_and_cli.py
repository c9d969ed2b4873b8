"""The app and a command at once: the command is told who has the case file open and changes
nothing, the app goes on saving, and the audit trail stays whole (issue 16.5, 16.7)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
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


HOLDER = """
import sys, time
from pathlib import Path
from sencodesk.services import accounts
desk = accounts.sign_in(Path(sys.argv[1]), "senco", sys.argv[2])
print("open", flush=True)
sys.stdin.readline()
desk.close()
"""


def test_a_second_app_is_told_who_has_the_case_file_open(
        qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import Qt

    from sencodesk.ui.login import SignInDialog

    folder = desk.data_dir
    desk.close()
    other = subprocess.Popen([sys.executable, "-c", HOLDER, str(folder), PASSWORD],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "open"
        monkeypatch.setenv("SENCODESK_LOCK_WAIT", "0.3")
        dialog = SignInDialog(folder)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.username.clear()
        qtbot.keyClicks(dialog.username, "senco")
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "open in sencodesk by" in dialog.message.text(), timeout=10000)
        assert f"(process {other.pid}," in dialog.message.text() and dialog.desk is None
        assert dialog.message.height() >= dialog.message.heightForWidth(dialog.message.width())
    finally:
        assert other.stdin is not None
        other.stdin.write("\n")
        other.communicate(timeout=30)
