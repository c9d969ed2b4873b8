"""Dates typed as a person types them: the box takes the whole date, shows back what it
understood, refuses what it cannot read, and what is stored is what was typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from factories import add_pupil
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from sencodesk.domain.codes import YearGroup
from sencodesk.domain.upn import with_check_letter
from sencodesk.services import cycles, pupils, records_log
from sencodesk.services.context import Desk
from sencodesk.ui.date_field import DateField
from sencodesk.ui.form_dialog import FormDialog
from sencodesk.ui.pupil.contacts_tab import ContactsTab
from sencodesk.ui.pupil.plan_form import OutcomeRow
from sencodesk.ui.pupil.support_tab import SupportTab
from sencodesk.ui.register.new_pupil import NewPupilDialog


def _click_into(qtbot: QtBot, box: QLineEdit) -> None:
    """A click into the box, as a person makes it."""
    window = box.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    qtbot.waitUntil(box.hasFocus, timeout=2000)
    if isinstance(box.parentWidget(), DateField):
        assert box.selectedText() == box.text(), "a date box selects all of itself"


def _save(qtbot: QtBot, dialog: QWidget) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def _in_dialog(qtbot: QtBot, open_it: QPushButton | Callable[[], object],
               person: Callable[[FormDialog], None]) -> list[str]:
    """Open a form with a click and let ``person`` fill it in; the messages it showed."""
    said: list[str] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        try:
            assert isinstance(dialog, FormDialog)
            qtbot.waitExposed(dialog)
            person(dialog)
            said.extend(label.text() for label in [*dialog.errors.values(), dialog.general]
                        if label.isVisible())
        finally:
            if dialog.isVisible():  # closed as Cancel would be, without the "discard?" question
                dialog.done(QDialog.DialogCode.Rejected)

    QTimer.singleShot(100, act)
    if isinstance(open_it, QPushButton):
        qtbot.mouseClick(open_it, Qt.MouseButton.LeftButton)
    else:
        open_it()
    return said


def _field(dialog: FormDialog, key: str) -> DateField:
    widget = next(w for k, _label, w in dialog.fields if k == key)
    assert isinstance(widget, DateField)
    return widget



def _contacts_add_button(qtbot: QtBot, desk: Desk) -> tuple[int, QPushButton]:
    """A new pupil's Contact log tab on screen, and its Add button."""
    pid = add_pupil(desk)
    tab = ContactsTab(desk, pid)
    qtbot.addWidget(tab)
    tab.show()
    return pid, next(b for b in tab.findChildren(QPushButton) if "Add" in b.text())

def test_a_contact_log_date_typed_over_the_default_is_stored_as_typed(
        qtbot: QtBot, desk: Desk) -> None:
    pid, add = _contacts_add_button(qtbot, desk)

    def person(dialog: FormDialog) -> None:
        date_box = _field(dialog, "on")
        _click_into(qtbot, date_box.edit)
        qtbot.keyClicks(date_box.edit, "01/10/2026")
        qtbot.keyClick(date_box.edit, Qt.Key.Key_Tab)
        assert date_box.edit.text() == "01/10/2026"
        kind = next(w for k, _label, w in dialog.fields if k == "kind")
        assert kind.hasFocus(), "Tab leaves the date for the next field"
        summary = next(w for k, _label, w in dialog.fields if k == "summary")
        qtbot.keyClicks(summary, "Phoned mum about the new timetable")
        _save(qtbot, dialog)

    assert _in_dialog(qtbot, add, person) == []
    assert [c.occurred_on for c in records_log.contacts(desk, pid)] == [date(2026, 10, 1)]


def test_a_date_of_birth_typed_in_full_or_short_is_read_day_first(qtbot: QtBot,
                                                                   desk: Desk) -> None:
    dialog = NewPupilDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.upn, "A801200005001")
    qtbot.keyClicks(dialog.surname, "Okafor")
    qtbot.keyClicks(dialog.forename, "Tobi")
    _click_into(qtbot, dialog.forename)
    qtbot.keyClick(dialog.forename, Qt.Key.Key_Tab)  # on into the date of birth
    assert dialog.dob.edit.hasFocus()
    qtbot.keyClicks(dialog.dob.edit, "140316")
    qtbot.keyClick(dialog.dob.edit, Qt.Key.Key_Tab)
    assert dialog.dob.edit.text() == "14/03/2016", "shows back what it understood"
    _click_into(qtbot, dialog.dob.edit)
    qtbot.keyClicks(dialog.dob.edit, "14/03/2016")
    dialog.year.select(YearGroup.Y6)
    dialog.upn.setText(with_check_letter("801200005001"))
    _save(qtbot, dialog)
    assert dialog.pupil_id is not None, dialog.general.text()
    assert pupils.get(desk, dialog.pupil_id).row.dob == date(2016, 3, 14)


def test_a_review_date_typed_is_the_review_date_stored(qtbot: QtBot, desk: Desk) -> None:
    pid = add_pupil(desk)
    tab = SupportTab(desk, pid)
    qtbot.addWidget(tab)
    tab.show()

    def person(dialog: FormDialog) -> None:
        review = _field(dialog, "review")
        _click_into(qtbot, review.edit)
        qtbot.keyClicks(review.edit, "12/03/2027")
        qtbot.keyClick(review.edit, Qt.Key.Key_Tab)
        row = next(w for k, _label, w in dialog.fields if k == "outcome1")
        assert isinstance(row, OutcomeRow)
        _click_into(qtbot, row.description)
        qtbot.keyClicks(row.description, "Reads a page aloud")
        _save(qtbot, dialog)

    assert _in_dialog(qtbot, tab.buttons["new"], person) == []
    assert [c.review_on for c in cycles.cycles_for(desk, pid)] == [date(2027, 3, 12)]


def test_a_date_it_cannot_read_is_refused_beside_it_and_not_saved(qtbot: QtBot,
                                                                  desk: Desk) -> None:
    pid, add = _contacts_add_button(qtbot, desk)

    def person(dialog: FormDialog) -> None:
        date_box = _field(dialog, "on")
        _click_into(qtbot, date_box.edit)
        qtbot.keyClicks(date_box.edit, "31/02/2026")
        qtbot.keyClick(date_box.edit, Qt.Key.Key_Tab)
        assert date_box.message.isVisible()
        assert "not a date in the calendar" in date_box.message.text()
        assert date_box.edit.text() == "31/02/2026", "what was typed stays to be corrected"
        summary = next(w for k, _label, w in dialog.fields if k == "summary")
        qtbot.keyClicks(summary, "Met the speech therapist")
        _save(qtbot, dialog)
        assert dialog.isVisible(), "the form stays open"

    said = _in_dialog(qtbot, add, person)
    assert any("dd/mm/yyyy" in text for text in said)
    assert records_log.contacts(desk, pid) == []


def _alone(qtbot: QtBot, field: DateField) -> QWidget:
    """The field on a form with one more box to Tab on to."""
    form = QWidget()
    layout = QVBoxLayout(form)
    layout.addWidget(field)
    layout.addWidget(QLineEdit())
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def test_a_short_date_is_shown_back_in_full(qtbot: QtBot) -> None:
    field = DateField(date(2026, 1, 5), name="Date", today=date(2026, 12, 2))
    form = _alone(qtbot, field)
    _click_into(qtbot, field.edit)
    qtbot.keyClicks(field.edit, "1/10/26")
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    assert field.edit.text() == "01/10/2026" and field.value() == date(2026, 10, 1)
    form.close()


def test_an_optional_date_may_be_left_blank(qtbot: QtBot) -> None:
    field = DateField(date(2026, 1, 5), name="Report sent", optional=True)
    form = _alone(qtbot, field)
    _click_into(qtbot, field.edit)
    qtbot.keyClick(field.edit, Qt.Key.Key_Delete)
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    assert field.value() is None and not field.message.isVisible()
    form.close()
