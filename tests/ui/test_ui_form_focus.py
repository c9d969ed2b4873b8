"""A form that has just opened takes what the person types in its first field: nothing typed
before a click is lost (Qt gave the new window's focus to the scroll area holding the fields)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from sencodesk.services.context import Desk
from sencodesk.ui.form_dialog import FormDialog
from sencodesk.ui.register.new_pupil import NewPupilDialog


def test_typing_into_a_form_just_opened_fills_its_first_field(qtbot: QtBot) -> None:
    saved: list[dict[str, object]] = []

    def type_then_save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FormDialog)
        typing_into = QApplication.focusWidget()
        assert typing_into is not None
        qtbot.keyClicks(typing_into, "Lexia")  # no click first: straight from the keyboard
        qtbot.keyClick(typing_into, Qt.Key.Key_Tab)
        qtbot.keyClicks(QApplication.focusWidget(), "Reading")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    QTimer.singleShot(200, type_then_save)
    FormDialog.ask("Add an intervention", [("name", "&Name", QLineEdit()),
                                           ("area", "&Area", QLineEdit())], saved.append)
    assert saved == [{"name": "Lexia", "area": "Reading"}]


def test_the_new_pupil_form_starts_in_the_upn_box(qtbot: QtBot, desk: Desk) -> None:
    dialog = NewPupilDialog(desk)
    typed: list[str] = []

    def type_upn() -> None:
        typing_into = QApplication.focusWidget()
        assert typing_into is not None
        qtbot.keyClicks(typing_into, "A801200005001")
        typed.append(dialog.upn.text())
        dialog.done(NewPupilDialog.DialogCode.Rejected)

    QTimer.singleShot(200, type_upn)
    dialog.exec()  # as the register opens it
    assert typed == ["A801200005001"]
