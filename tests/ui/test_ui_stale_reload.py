"""A form saved after someone else changed the record: the form says who and when, keeps what
was typed to copy, and offers their version (issue 19.4)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from factories import add_pupil, second_senco
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from sencodesk.services import cycles, info_report
from sencodesk.services.context import Desk
from sencodesk.ui.form_dialog import FormDialog
from sencodesk.ui.info_report_editor import InfoReportEditor
from sencodesk.ui.pupil.support_tab import SupportTab


def _plan(assess: str) -> cycles.CyclePlan:
    return cycles.CyclePlan(starts_on=date(2026, 9, 7), review_on=date(2026, 12, 7),
                            assess_notes=assess,
                            outcomes=(cycles.OutcomeInput("Read a page aloud"),))


def _in_dialog(act: Callable[[FormDialog], None], seen: list[str]) -> None:
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FormDialog)
        try:
            act(dialog)
        finally:
            seen.append("done")
            if dialog.isVisible():
                dialog.done(FormDialog.DialogCode.Rejected)
    QTimer.singleShot(200, run)


def _save(qtbot: QtBot, dialog: FormDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def _assess(dialog: FormDialog) -> QPlainTextEdit:
    box = next(w for k, _l, w in dialog.fields if k == "assess")
    assert isinstance(box, QPlainTextEdit)
    return box


def test_a_stale_plan_save_offers_their_version_and_keeps_mine(qtbot: QtBot,
                                                               desk: Desk) -> None:
    pid = add_pupil(desk)
    cycle_id = cycles.create(desk, pid, _plan("Reads slowly"))
    alex = second_senco(desk)
    tab = SupportTab(desk, pid)
    qtbot.addWidget(tab)
    tab.show()
    seen: list[str] = []

    def act(dialog: FormDialog) -> None:
        qtbot.keyClick(_assess(dialog), Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(_assess(dialog), "; guesses at long words")
        # meanwhile, at another desk
        cycles.update_plan(alex, cycle_id, _plan("Alex: reads well with a ruler"))
        _save(qtbot, dialog)
        assert dialog.isVisible() and dialog.stale.isVisible()
        message = dialog.stale.message.text()
        assert message.startswith("Alex Smith changed this support plan at ")
        assert "after you opened it" in message
        assert "Reads slowly; guesses at long words" in dialog.stale.typed.toPlainText()
        qtbot.mouseClick(dialog.stale.copy_button, Qt.MouseButton.LeftButton)
        assert "guesses at long words" in QGuiApplication.clipboard().text()
        qtbot.mouseClick(dialog.stale.reload_button, Qt.MouseButton.LeftButton)
        assess = _assess(dialog)
        assert assess.toPlainText() == "Alex: reads well with a ruler"
        assert "guesses at long words" in dialog.stale.typed.toPlainText()  # still there
        assert not dialog.stale.reload_button.isVisible()
        qtbot.keyClick(assess, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(assess, "; guesses at long words")
        _save(qtbot, dialog)  # from their version: saved
        assert not dialog.isVisible()

    _in_dialog(act, seen)
    qtbot.mouseClick(tab.buttons["edit"], Qt.MouseButton.LeftButton)
    assert seen == ["done"]
    saved, = cycles.cycles_for(desk, pid)
    assert saved.assess_notes == "Alex: reads well with a ruler; guesses at long words"
    assert "guesses at long words" in tab.detail.toPlainText()
    alex.close()


def test_a_stale_report_section_offers_their_words(qtbot: QtBot, desk: Desk) -> None:
    alex = second_senco(desk)
    editor = InfoReportEditor(desk)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor.words, "We welcome every child.")
    key = "kinds"  # the first section, open in the editor
    info_report.set_text(alex, key, "Alex's words about needs.")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.stale.isVisible()
    assert editor.stale.message.text().startswith(
        "Alex Smith changed this section of the information report at ")
    reload = next(b for b in editor.stale.findChildren(QPushButton)
                  if b.text() == "&Reload their version")
    qtbot.mouseClick(reload, Qt.MouseButton.LeftButton)
    assert editor.words.toPlainText() == "Alex's words about needs."
    assert editor.stale.typed.toPlainText().endswith("We welcome every child.")
    assert info_report.texts(desk)[key] == "Alex's words about needs."
    alex.close()


def test_stale_school_settings_offer_their_version(qtbot: QtBot, desk: Desk) -> None:
    from dataclasses import replace

    from sencodesk.services import school
    from sencodesk.ui.settings.view import SettingsView

    alex = second_senco(desk)
    view = SettingsView(desk)
    qtbot.addWidget(view)
    view.show()
    qtbot.keyClicks(view.senco_contact, "Room 12, ext 204")
    school.update(alex, replace(school.get(alex), senco_contact="Learning support base"))
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert view.stale.isVisible()
    assert view.stale.message.text().startswith("Alex Smith changed this school's settings at")
    assert "Room 12, ext 204" in view.stale.typed.toPlainText()
    assert school.get(desk).senco_contact == "Learning support base"
    qtbot.mouseClick(view.stale.reload_button, Qt.MouseButton.LeftButton)
    assert view.senco_contact.text() == "Learning support base"
    assert not view.has_unsaved_changes()
    alex.close()
