"""Form labels underline their Alt+letter and Alt+letter moves to the field (it used to show
a literal '&' and type the letter); and Alt and a letter does what the screen shows: no button
or field label on a page underlines the same letter as a menu of the menu bar, which would take
the keypress instead (Alt+P opened the Pupil menu rather than the Reports page's Preview)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from sencodesk.services.context import Desk
from sencodesk.ui.form_dialog import FormDialog
from sencodesk.ui.main_window import MainWindow
from sencodesk.ui.register.new_pupil import NewPupilDialog


def _shown(qtbot: QtBot, dialog: QLabel | FormDialog | NewPupilDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)


def test_alt_letter_moves_to_the_field_on_the_new_pupil_form(qtbot: QtBot, desk: Desk) -> None:
    dialog = NewPupilDialog(desk)
    _shown(qtbot, dialog)
    labels = {label.text(): label for label in dialog.findChildren(QLabel)}
    assert labels["Date of &birth"].buddy() is dialog.dob
    qtbot.keyClick(dialog.upn, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert dialog.dob.edit.hasFocus()
    assert dialog.upn.text() == "", "Alt+B did not type a letter"
    qtbot.keyClick(dialog.dob.edit, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert dialog.forename.hasFocus()


def test_alt_letter_moves_to_the_field_on_every_small_form(qtbot: QtBot) -> None:
    first, second = QLineEdit(), QLineEdit()
    dialog = FormDialog("Add", [("a", "&Name", first), ("b", "&Phone", second)], lambda v: v)
    _shown(qtbot, dialog)
    qtbot.keyClick(first, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert second.hasFocus() and first.text() == ""


_MNEMONIC = re.compile(r"&([^&\s])")


def _letter(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def _shown_letters(page: QWidget) -> dict[str, str]:
    letters: dict[str, str] = {}
    for widget in page.findChildren(QAbstractButton) + page.findChildren(QLabel):
        if widget.isVisibleTo(page) and (letter := _letter(widget.text())):
            letters.setdefault(letter, widget.text())
    return letters


def test_no_page_underlines_a_menu_bar_letter(qtbot: QtBot, demo_desk: Desk) -> None:
    window = MainWindow(demo_desk)
    qtbot.addWidget(window)
    window.show()
    menus = {_letter(action.text()): action.text() for action in window.menuBar().actions()}
    clashes = []
    for title in window.titles:
        window.show_page(title)
        page = window.current_page()
        assert page is not None
        choices = getattr(page, "choice", None)  # the Reports page: every document's options
        for row in range(choices.count() if choices is not None else 1):
            if choices is not None:
                choices.setCurrentRow(row)
            clashes += [f"{title}: {text} (Alt+{letter.upper()} opens {menus[letter]})"
                        for letter, text in _shown_letters(page).items() if letter in menus]
    assert sorted(set(clashes)) == [], "\n".join(sorted(set(clashes)))
