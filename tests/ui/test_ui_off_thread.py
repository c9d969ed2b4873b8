"""Restore's unpacking and checking, and the backup on closing, run off the UI thread
(issue 17 point 11)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from factories import PASSWORD, add_pupil
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from sencodesk.services import backups
from sencodesk.services.context import Desk
from sencodesk.ui.main_window import MainWindow
from sencodesk.ui.settings import backups as backups_box
from sencodesk.ui.settings.view import SettingsView


def _watch(monkeypatch: pytest.MonkeyPatch, name: str) -> list[threading.Thread]:
    """Record which thread runs ``backups.<name>`` (the real one still runs)."""
    threads: list[threading.Thread] = []
    real: Callable[..., Any] = getattr(backups, name)

    def watched(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(backups, name, watched)
    return threads


def test_the_backup_on_closing_runs_off_the_ui_thread(
        qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch,
        real_backup_on_close: None) -> None:
    threads = _watch(monkeypatch, "auto_backup")
    painted: list[bool] = []
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    # the UI thread keeps handling events while the backup is written
    QTimer.singleShot(0, lambda: painted.append(True))
    window.close()
    assert painted  # events ran while closing waited for the backup
    assert threads and threads[0] is not threading.main_thread()
    assert not window.isVisible()
    (taken,) = backups.list_backups(desk.data_dir)
    assert taken.path.name.startswith("auto-")


def test_restore_checks_and_restores_off_the_ui_thread(
        qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch,
        message_boxes: list[tuple[str, str]]) -> None:
    add_pupil(desk)
    backups.backup(desk, backups.backup_folder(desk.data_dir) / "b.sencodesk-backup")
    checks, restores = _watch(monkeypatch, "check"), _watch(monkeypatch, "restore")
    page = SettingsView(desk)
    qtbot.addWidget(page)
    box = page.backups
    assert box is not None
    box.refresh()
    box.view.selectRow(0)
    monkeypatch.setattr(backups_box, "confirm", lambda *a: True)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (PASSWORD, True)))
    box.restore()
    assert not restores  # returned at once; the work goes on behind a progress dialog
    qtbot.waitUntil(lambda: bool(message_boxes) and "Restored" in message_boxes[-1][1],
                    timeout=20000)
    assert checks[0] is not threading.main_thread()
    assert restores[0] is not threading.main_thread()
