"""Form labels underline their Alt+letter and Alt+letter moves to the field (it used to show
a literal '&' and type the letter)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from sencodesk.services.context import Desk
from sencodesk.ui.form_dialog import FormDialog
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
