"""Contact-log notes can be read in full; Cancel on a typed note asks before discarding it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialogButtonBox,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from sencodesk.services import pupils, records_log
from sencodesk.services.context import Desk
from sencodesk.ui.form_dialog import FormDialog
from sencodesk.ui.pupil.contacts_tab import ContactsTab

LONG = ("Met mum after school about the reading plan. " * 12
        + "\nAgreed: daily reading at home, the class teacher writes in the diary on Fridays.")


def _tab(qtbot: QtBot, desk: Desk) -> ContactsTab:
    pupil_id = pupils.list_pupils(desk)[0].id
    records_log.add_contact(desk, pupil_id, occurred_on=desk.today(), kind="parent meeting",
                            with_whom="Parent", summary=LONG, actions="Review in March")
    tab = ContactsTab(desk, pupil_id)
    qtbot.addWidget(tab)
    tab.resize(1000, 500)
    tab.show()
    return tab


def test_a_long_note_opens_in_full_with_a_double_click_or_enter(qtbot: QtBot,
                                                                 demo_desk: Desk) -> None:
    tab = _tab(qtbot, demo_desk)
    row = next(r for r in range(tab.model.rowCount())
               if tab.model.index(r, 3).data() and "reading plan" in tab.model.index(r, 3).data())
    rect = tab.view.visualRect(tab.model.index(row, 3))
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.detail is not None and tab.detail.isVisible()
    text = " ".join(tab.detail.text.toPlainText().split())
    assert " ".join(LONG.split()) in text and "Review in March" in text and "Parent" in text
    qtbot.keyClick(tab.detail, Qt.Key.Key_Escape)
    assert not tab.detail.isVisible()
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert tab.detail.isVisible()


def test_cancel_on_a_typed_note_asks_first(qtbot: QtBot, demo_desk: Desk,
                                           monkeypatch: pytest.MonkeyPatch,
                                           message_boxes: list[tuple[str, str]]) -> None:
    tab = _tab(qtbot, demo_desk)
    before = tab.model.rowCount()
    seen: list[str] = []

    def type_then_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FormDialog)
        summary = next(w for k, _l, w in dialog.fields if k == "summary")
        assert isinstance(summary, QPlainTextEdit)
        qtbot.keyClicks(summary, "Phone call with dad")
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)  # answered No: keep typing
        seen.append(summary.toPlainText() if dialog.isVisible() else "closed")
        monkeypatch.setattr(QMessageBox, "question", staticmethod(
            lambda *_a, **_k: QMessageBox.StandardButton.Yes))
        qtbot.keyClick(summary, Qt.Key.Key_Escape)  # now Yes: discarded

    QTimer.singleShot(200, type_then_cancel)
    add = next(b for b in tab.findChildren(QPushButton) if b.text() == "&Add a note…")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert seen == ["Phone call with dad"]
    assert message_boxes and "without saving" in message_boxes[-1][1]
    assert tab.model.rowCount() == before


def test_cancel_on_an_untouched_form_just_closes(qtbot: QtBot, demo_desk: Desk,
                                                 message_boxes: list[tuple[str, str]]) -> None:
    tab = _tab(qtbot, demo_desk)

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FormDialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(200, cancel)
    add = next(b for b in tab.findChildren(QPushButton) if b.text() == "&Add a note…")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert message_boxes == []


def test_a_note_can_be_marked_for_the_staff_who_teach_the_pupil(qtbot: QtBot,
                                                                 demo_desk: Desk) -> None:
    tab = _tab(qtbot, demo_desk)

    def type_tick_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FormDialog)
        summary = next(w for k, _l, w in dialog.fields if k == "summary")
        shared = next(w for k, _l, w in dialog.fields if k == "for_teachers")
        assert isinstance(summary, QPlainTextEdit) and isinstance(shared, QCheckBox)
        qtbot.keyClicks(summary, "Works best near the front")
        qtbot.mouseClick(shared, Qt.MouseButton.LeftButton)
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save)
                         or box.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)

    QTimer.singleShot(200, type_tick_and_save)
    add = next(b for b in tab.findChildren(QPushButton) if b.text() == "&Add a note…")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    (note,) = [c for c in records_log.contacts(demo_desk, tab.pupil_id)
               if c.summary == "Works best near the front"]
    assert note.for_teachers
