"""The app and a command at once: both work on the case file, the app's lists show what the
command saved within two seconds, a restore is told who has the file open and changes
nothing, and the audit trail stays whole (issues 16.5, 16.7, 19.4)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from factories import PASSWORD, add_pupil, new_upn
from pytestqt.qtbot import QtBot

from sencodesk.services import audit, backups, pupils
from sencodesk.services.context import Desk
from sencodesk.ui.due.view import DueView
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


def test_a_second_app_signs_in_beside_the_first(qtbot: QtBot, desk: Desk) -> None:
    from PySide6.QtCore import Qt

    from sencodesk.ui.login import SignInDialog

    folder = desk.data_dir
    desk.close()
    other = subprocess.Popen([sys.executable, "-c", HOLDER, str(folder), PASSWORD],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "open"
        dialog = SignInDialog(folder)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.username.clear()
        qtbot.keyClicks(dialog.username, "senco")
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.desk is not None, timeout=10000)
        assert dialog.desk is not None
        dialog.desk.close()
    finally:
        assert other.stdin is not None
        other.stdin.write("\n")
        other.communicate(timeout=30)


def _csv(desk: Desk, surname: str) -> str:
    path = desk.data_dir.parent / f"{surname}.csv"
    path.write_text("UPN,Surname,Forename,DOB,Year,Class\n"
                    f"{new_upn()},{surname},Ada,01/03/2014,7,7A\n", encoding="utf-8")
    return str(path)


COLLEAGUE = """
import sys
from datetime import date
from pathlib import Path
from sencodesk.services import accounts, ehcp, pupils
desk = accounts.sign_in(Path(sys.argv[1]), "senco", sys.argv[2])
pupil = pupils.id_for_upn(desk, sys.argv[3])
ehcp.open_request(desk, pupil, received_on=date.today())
desk.close()
"""


def test_the_register_and_due_show_another_process_s_saves_within_2_s(
        qtbot: QtBot, desk: Desk) -> None:
    from PySide6.QtCore import Qt

    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    due = window.page(window.tr("Due"))
    assert isinstance(due, DueView)
    window.show_page(window.tr("Register"))
    register = window.register
    assert register.shown() == []
    imported = _command(desk, "import", "pupils", _csv(desk, "Watcher"), "--yes")
    assert imported.returncode == 0, imported.stderr
    started = time.monotonic()
    qtbot.waitUntil(lambda: [r.surname for r in register.shown()] == ["Watcher"], timeout=2000)
    assert time.monotonic() - started < 2.0
    upn = register.shown()[0].upn
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.nav.visualItemRect(window.nav.item(0)).center())  # Due
    assert window.current_page() is due
    before = len(due._items)
    subprocess.run([sys.executable, "-c", COLLEAGUE, str(desk.data_dir), PASSWORD, upn],
                   check=True, timeout=120)
    qtbot.waitUntil(lambda: len(due._items) > before, timeout=2000)
    # a list not on screen is read again when next shown
    imported = _command(desk, "import", "pupils", _csv(desk, "Later"), "--yes")
    assert imported.returncode == 0, imported.stderr
    qtbot.wait(1500)
    assert len(register.shown()) == 1
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.nav.visualItemRect(window.nav.item(1)).center())  # Register
    assert sorted(r.surname for r in register.shown()) == ["Later", "Watcher"]
    assert audit.verify(desk) == []
