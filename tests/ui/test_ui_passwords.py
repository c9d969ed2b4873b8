"""Change my password, reset a colleague's, sign out and let someone else sign in."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from factories import PASSWORD
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from sencodesk.domain.codes import Role
from sencodesk.domain.errors import AuthenticationFailed
from sencodesk.services import accounts
from sencodesk.services.context import Desk
from sencodesk.ui import application, login
from sencodesk.ui.form_dialog import FormDialog
from sencodesk.ui.main_window import MainWindow
from sencodesk.ui.settings.view import SettingsView

NEW = "a brand new passphrase"


def _fill(qtbot: QtBot, answers: list[str], then: Callable[[FormDialog], None]) -> None:
    """When the form opens: type each answer into its fields in order, then ``then``."""
    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FormDialog)
        edits = [w for _k, _l, w in dialog.fields if isinstance(w, QLineEdit)]
        for edit, text in zip(edits, answers, strict=True):
            qtbot.keyClicks(edit, text)
        then(dialog)
    QTimer.singleShot(200, act)


def _save(qtbot: QtBot) -> Callable[[FormDialog], None]:
    def press(dialog: FormDialog) -> None:
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
    return press


def _action(window: MainWindow, text: str) -> object:
    return next(a for a in window.actions() if a.text().replace("&", "") == text)


def test_change_my_password_needs_the_current_one(qtbot: QtBot, window: MainWindow) -> None:
    messages: list[str] = []

    def wrong_then_right(dialog: FormDialog) -> None:
        _save(qtbot)(dialog)
        messages.append(dialog.errors["current password"].text())
        current = dialog.fields[0][2]
        assert isinstance(current, QLineEdit)
        current.selectAll()
        qtbot.keyClicks(current, PASSWORD)
        _save(qtbot)(dialog)

    _fill(qtbot, ["not my password", NEW, NEW], wrong_then_right)
    _action(window, "Change my password…").trigger()  # type: ignore[attr-defined]
    assert messages == ["That is not your current password"]
    assert "changed" in window.statusBar().currentMessage()
    with pytest.raises(AuthenticationFailed):
        accounts.sign_in(window.desk.data_dir, "senco", PASSWORD).close()
    accounts.sign_in(window.desk.data_dir, "senco", NEW).close()


def test_a_senco_resets_a_colleagues_password(qtbot: QtBot, window: MainWindow) -> None:
    accounts.add_account(window.desk, full_name="Tom Reid", username="treid",
                         role=Role.TEACHER, password="forgotten pass")
    window.show_page("Settings")
    settings = window.page("Settings")
    assert isinstance(settings, SettingsView) and settings.accounts is not None
    box = settings.accounts
    box.refresh()
    row = next(r for r in range(box.model.rowCount())
               if box.model.index(r, 1).data() == "treid")
    box.view.scrollTo(box.model.index(row, 0))
    rect = box.view.visualRect(box.model.index(row, 0))
    qtbot.mouseClick(box.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    _fill(qtbot, [NEW, NEW], _save(qtbot))
    qtbot.mouseClick(box.reset_button, Qt.MouseButton.LeftButton)
    assert "Tom Reid's password has been reset" in window.statusBar().currentMessage()
    accounts.sign_in(window.desk.data_dir, "treid", NEW).close()


def test_sign_out_goes_back_to_the_sign_in_window(
        qtbot: QtBot, demo_desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    accounts.add_account(demo_desk, full_name="Tom Reid", username="treid",
                         role=Role.TEACHER, password="teacher pass")
    folder = demo_desk.data_dir
    demo_desk.close()
    people = iter([("senco", PASSWORD), ("treid", "teacher pass")])
    windows: list[MainWindow] = []

    def ask(_folder: object) -> Desk | None:
        who = next(people, None)
        return None if who is None else accounts.sign_in(folder, *who)

    def run_until_signed_out(_app: object) -> int:
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        windows.append(window)
        qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
        return 0

    monkeypatch.setattr(login.SignInDialog, "ask", staticmethod(ask))
    monkeypatch.setattr(QApplication, "exec", run_until_signed_out)
    assert application.run_gui(str(folder)) == 0
    assert [w.desk.actor.username for w in windows] == ["senco", "treid"]
    assert all(not w.isVisible() for w in windows)
    for w in windows:
        w.deleteLater()


def test_the_reset_button_needs_a_chosen_account(qtbot: QtBot, window: MainWindow,
                                                 message_boxes: list[tuple[str, str]]) -> None:
    settings = window.page("Settings")
    assert isinstance(settings, SettingsView) and settings.accounts is not None
    settings.accounts.view.clearSelection()
    settings.accounts.view.setCurrentIndex(settings.accounts.model.index(-1, -1))
    window.show_page("Settings")
    button: QPushButton = settings.accounts.reset_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert message_boxes and "choose whose password" in message_boxes[-1][1]


def test_the_main_window_is_built_under_a_busy_cursor(
        qtbot: QtBot, demo_desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = demo_desk.data_dir
    demo_desk.close()
    cursors: list[object] = []
    build = MainWindow._build_pages

    def building(self: MainWindow) -> None:
        cursor = QApplication.overrideCursor()
        cursors.append(cursor.shape() if cursor else None)
        build(self)

    def painted_then_quit(_app: object) -> int:
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        cursors.append(QApplication.overrideCursor())
        window.close()
        return 0

    monkeypatch.setattr(MainWindow, "_build_pages", building)
    monkeypatch.setattr(login.SignInDialog, "ask", staticmethod(
        lambda _folder: accounts.sign_in(folder, "senco", PASSWORD)))
    monkeypatch.setattr(QApplication, "exec", painted_then_quit)
    assert application.run_gui(str(folder)) == 0
    assert cursors == [Qt.CursorShape.WaitCursor, None]  # busy while building, then back
