"""The main window's menu bar: every command with its keyboard shortcut, those the person's
role does not allow shown but not enabled. The actions are the window's own (so the shortcuts
work wherever the focus is in it, and Help lists them)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from sencodesk.domain.permissions import Permission

if TYPE_CHECKING:
    from sencodesk.ui.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


def build_menus(window: MainWindow) -> None:
    tr, may = window.tr, window.desk.actor.may

    def action(text: str, shortcut: Shortcut, slot: Callable[[], object], *,
               allowed: bool = True) -> QAction:
        made = QAction(text, window)
        if shortcut is not None:
            made.setShortcut(QKeySequence(shortcut))
        made.triggered.connect(lambda _checked=False: slot())
        made.setEnabled(allowed)
        window.addAction(made)
        return made

    bar = window.menuBar()
    file_menu = bar.addMenu(tr("&File"))
    file_menu.addAction(action(tr("&Lock"), "Ctrl+L", window.lock))
    file_menu.addAction(action(tr("Change my &password…"), None, window.change_password))
    file_menu.addAction(action(tr("Sign &out / switch user"), "Ctrl+Shift+Q", window.sign_out))
    file_menu.addAction(action(tr("&Import pupils…"), "Ctrl+I", window.import_pupils,
                               allowed=may(Permission.IMPORT)))
    file_menu.addAction(action(tr("Import &context (attendance, suspensions)…"), None,
                               window.import_context, allowed=may(Permission.IMPORT)))
    file_menu.addSeparator()
    file_menu.addAction(action(tr("&Quit"), QKeySequence.StandardKey.Quit, window.close))
    pupil_menu = bar.addMenu(tr("&Pupil"))
    pupil_menu.addAction(action(tr("&Find a pupil"), "Ctrl+F", window.find_pupil))
    pupil_menu.addAction(action(tr("&New pupil…"), "Ctrl+N", window.new_pupil,
                                allowed=may(Permission.EDIT_PUPILS)))
    pupil_menu.addAction(action(tr("&Print…"), "Ctrl+P", window.print_current))
    view_menu = bar.addMenu(tr("&View"))
    for number, title in enumerate(window.titles, start=1):
        view_menu.addAction(action(title, f"Ctrl+{number}", _shower(window, title)))
    help_menu = bar.addMenu(tr("&Help"))
    help_menu.addAction(action(tr("&Keyboard shortcuts"), "F1", window.show_shortcuts))
    help_menu.addAction(action(tr("&Where my data is"), None, window.show_where))
    help_menu.addSeparator()
    help_menu.addAction(action(tr("&About sencodesk"), None, window.about))


def _shower(window: MainWindow, title: str) -> Callable[[], None]:
    return lambda: window.show_page(title)
