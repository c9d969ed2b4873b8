"""The lock screen holds: nothing under it takes focus, copies or opens; open dialogs are
covered too and come back as they were; a new auto-lock time applies at once."""

from __future__ import annotations

from factories import PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from sencodesk.services import school
from sencodesk.services.context import Desk
from sencodesk.ui.lock import LockOverlay
from sencodesk.ui.main_window import MainWindow
from sencodesk.ui.register.new_pupil import NewPupilDialog
from sencodesk.ui.register.view import RegisterView
from sencodesk.ui.settings.view import SettingsView


def _inside(widget: QWidget | None, kind: type[QWidget]) -> bool:
    while widget is not None:
        if isinstance(widget, kind):
            return True
        widget = widget.parentWidget()
    return False


def _other_windows(main: MainWindow) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets()
            if w is not main and w.isVisible() and isinstance(w, QDialog)]


def test_keyboard_cannot_reach_the_register_under_the_lock(qtbot: QtBot,
                                                           window: MainWindow) -> None:
    window.show_page("Register")
    register = window.page("Register")
    assert isinstance(register, RegisterView)
    window.activateWindow()
    register.table.setFocus()
    register.table.selectRow(0)
    QApplication.clipboard().clear()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked and window.overlay is not None
    for _ in range(12):
        focused = QApplication.focusWidget()
        assert _inside(focused, LockOverlay), type(focused).__name__
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    for key in (Qt.Key.Key_Backtab, Qt.Key.Key_Backtab, Qt.Key.Key_Backtab):
        qtbot.keyClick(QApplication.focusWidget(), key)
        assert _inside(QApplication.focusWidget(), LockOverlay)
    assert not register.print_button.isEnabled() and not register.table.isEnabled()
    qtbot.keyClick(register.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    register.print_button.setFocus()
    qtbot.keyClick(register.print_button, Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    assert QApplication.clipboard().text() == ""
    assert _other_windows(window) == []
    qtbot.keyClicks(window.overlay.password, PASSWORD)
    qtbot.keyClick(window.overlay.password, Qt.Key.Key_Return)
    assert not window.locked and register.table.isEnabled()


def test_a_dialog_open_when_the_idle_lock_fires_is_covered_and_comes_back(
        qtbot: QtBot, demo_desk: Desk) -> None:
    main = MainWindow(demo_desk, idle_ms=60_000)
    qtbot.addWidget(main)
    main.show()
    dialog = NewPupilDialog(demo_desk, main)
    dialog.open()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.surname, "Half-typed")
    main.idle.set_interval(30)
    qtbot.waitUntil(lambda: main.locked, timeout=3000)
    assert dialog.isVisible()  # not closed: nothing typed is lost
    assert "Half-typed" not in dialog.windowTitle()
    covering = main.guard.overlay_for(dialog)
    assert covering is not None and covering.isVisible()
    assert covering.geometry().contains(dialog.surname.geometry())
    assert not dialog.surname.isEnabled()
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget() or covering.password, Qt.Key.Key_Tab)
        assert not isinstance(QApplication.focusWidget(), QLineEdit) \
            or _inside(QApplication.focusWidget(), LockOverlay)
    qtbot.keyClick(covering.password, Qt.Key.Key_Escape)
    assert dialog.isVisible() and main.locked
    # the dialog is modal, so its own lock screen takes the password
    qtbot.keyClicks(covering.password, "wrong")
    qtbot.keyClick(covering.password, Qt.Key.Key_Return)
    assert main.locked and "not right" in covering.message.text()
    qtbot.keyClicks(covering.password, PASSWORD)
    qtbot.mouseClick(covering.button, Qt.MouseButton.LeftButton)
    assert not main.locked and dialog.isVisible()
    assert dialog.surname.isEnabled() and dialog.surname.text() == "Half-typed"
    assert dialog.windowTitle() == "New pupil"
    dialog.reject()


def test_a_window_opening_while_locked_is_covered_at_once(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    window.lock()
    late = QDialog(window)
    late.setWindowTitle("Pupil passport")
    button = QPushButton("Print", late)
    late.show()
    covering = window.guard.overlay_for(late)
    assert covering is not None and covering.isVisible() and not button.isEnabled()
    assert late.windowTitle() != "Pupil passport"
    qtbot.keyClicks(window.overlay.password if window.overlay else covering.password, PASSWORD)
    qtbot.keyClick(window.overlay.password if window.overlay else covering.password,
                   Qt.Key.Key_Return)
    assert not window.locked and button.isEnabled() and late.windowTitle() == "Pupil passport"
    late.close()


def test_a_new_auto_lock_time_applies_at_once(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("Settings")
    settings = window.page("Settings")
    assert isinstance(settings, SettingsView)
    spin: QSpinBox = settings.autolock
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "3")
    save = next(b for b in settings.findChildren(QPushButton) if b.text().replace("&", "")
                .startswith("Save") and b.isVisible())
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert spin.value() == 3, spin.text()
    assert school.get(window.desk).autolock_minutes == 3, settings.message.text()
    assert window.idle.timer.interval() == 3 * 60_000 and window.idle.timer.isActive()


def test_closing_while_locked_leaves_no_lock_behind(qtbot: QtBot, window: MainWindow) -> None:
    window.lock()
    window.close()
    assert not window.isVisible() and not window.locked
    later = QDialog()
    qtbot.addWidget(later)
    button = QPushButton("Print", later)
    later.show()
    assert button.isEnabled() and window.guard.overlay_for(later) is None


def test_a_message_box_open_at_lock_time_shows_the_whole_lock_screen(
        qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QLabel, QMessageBox

    box = QMessageBox(QMessageBox.Icon.NoIcon, "About", "<b>sencodesk</b>",
                      QMessageBox.StandardButton.Ok, window)
    box.open()
    qtbot.waitExposed(box)
    before = box.size()
    window.lock()
    qtbot.wait(100)  # the box's own layout requests come and go
    covering = window.guard.overlay_for(box)
    assert covering is not None and covering.geometry() == box.rect()
    for label in covering.findChildren(QLabel):
        if label.isVisible() and label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
    assert covering.button.geometry().bottom() <= covering.height()
    qtbot.keyClicks(covering.password, PASSWORD)
    qtbot.keyClick(covering.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: box.size() == before, timeout=2000)
    box.done(0)
