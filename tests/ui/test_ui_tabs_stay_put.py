"""Moving between the tabs of an open pupil, as a person does with mouse and keyboard: the
pupil stays open (focus that falls back to the sidebar must not choose a page)."""

from __future__ import annotations

from typing import cast

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QPushButton, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from sencodesk.services import pupils
from sencodesk.services.context import Desk
from sencodesk.ui.main_window import MainWindow
from sencodesk.ui.pupil.workspace import PupilWorkspace
from sencodesk.ui.register.new_pupil import NewPupilDialog
from sencodesk.ui.register.view import RegisterView


@pytest.fixture
def window(qtbot: QtBot, demo_desk: Desk) -> MainWindow:
    main = MainWindow(demo_desk)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    _activate(qtbot, main)
    return main


def _activate(qtbot: QtBot, window: QWidget) -> None:
    """The window has the keyboard, as it does when a person is using it."""
    QApplication.processEvents()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def _open(qtbot: QtBot, window: MainWindow) -> PupilWorkspace:
    window.open_pupil(pupils.list_pupils(window.desk)[0].id)
    workspace = window.workspace
    assert workspace is not None
    _activate(qtbot, window)
    return workspace


def _click_tab(qtbot: QtBot, workspace: PupilWorkspace, name: str) -> None:
    bar = workspace.tabs.findChild(QTabBar)
    assert bar is not None
    index = workspace.tabs.indexOf(workspace.tab(name))
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    QApplication.processEvents()


def _still_open(window: MainWindow, workspace: PupilWorkspace, tab: str) -> None:
    assert window.workspace is workspace, "the pupil was closed"
    assert window.stack.currentWidget() is workspace, "another page was shown"
    assert workspace.tabs.currentWidget() is workspace.tab(tab)


def test_clicking_a_tab_after_clicking_into_a_field_keeps_the_pupil(
        qtbot: QtBot, window: MainWindow) -> None:
    workspace = _open(qtbot, window)
    profile = workspace.tab("profile")
    qtbot.mouseClick(profile.form, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is profile.form
    for name in ("passport", "contacts", "profile", "history"):
        _click_tab(qtbot, workspace, name)
        _still_open(window, workspace, name)


def test_ctrl_tab_walks_the_tabs_and_keeps_the_pupil(qtbot: QtBot, window: MainWindow) -> None:
    workspace = _open(qtbot, window)
    qtbot.mouseClick(workspace.tab("profile").form, Qt.MouseButton.LeftButton)
    for _ in range(workspace.tabs.count()):
        before = workspace.tabs.currentIndex()
        focused = cast(QWidget, QApplication.focusWidget())
        qtbot.keyClick(focused, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
        assert window.stack.currentWidget() is workspace, "another page was shown"
        assert workspace.tabs.currentIndex() == (before + 1) % workspace.tabs.count()


def test_shift_tab_from_back_to_register_keeps_the_pupil(qtbot: QtBot,
                                                        window: MainWindow) -> None:
    workspace = _open(qtbot, window)
    back = next(b for b in workspace.findChildren(QPushButton) if "Back" in b.text())
    back.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(back, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    QApplication.processEvents()
    _still_open(window, workspace, "profile")
    assert window.nav.currentRow() == -1
    # and on through the window with Tab: still the same pupil
    for _ in range(12):
        qtbot.keyClick(cast(QWidget, QApplication.focusWidget()), Qt.Key.Key_Tab)
        QApplication.processEvents()
        assert window.stack.currentWidget() is workspace


def test_closing_a_dialog_then_clicking_a_tab_keeps_the_pupil(qtbot: QtBot,
                                                             window: MainWindow) -> None:
    workspace = _open(qtbot, window)
    _click_tab(qtbot, workspace, "contacts")
    contacts = workspace.tab("contacts")
    button = next(b for b in contacts.findChildren(QPushButton) if b.isVisible()
                  and b.isEnabled())

    def close_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(200, close_dialog)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    _click_tab(qtbot, workspace, "passport")
    _still_open(window, workspace, "passport")


def test_saving_a_new_pupil_opens_that_pupil(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("Register")
    register = cast(RegisterView, window.page("Register"))
    qtbot.mouseClick(register.search, Qt.MouseButton.LeftButton)

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewPupilDialog)
        qtbot.keyClicks(dialog.upn, "A123456789012")
        qtbot.keyClicks(dialog.surname, "Okafor")
        qtbot.keyClicks(dialog.forename, "Tobi")
        qtbot.keyClick(dialog.forename, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.dob.edit, "14/03/2015")
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        if dialog.isVisible():  # refused: do not leave the test waiting on it
            dialog.reject()

    QTimer.singleShot(200, fill_in)
    qtbot.keyClick(register.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    _activate(qtbot, window)
    workspace = window.workspace
    assert workspace is not None and window.stack.currentWidget() is workspace
    assert "Okafor" in workspace.title.text()
