"""Small manners: buttons that cannot act say why, a first-run hint, Help, confirmations."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from sencodesk.domain.codes import SenStatus
from sencodesk.services import ehcp, pupils
from sencodesk.services.context import Desk
from sencodesk.ui import help_pages
from sencodesk.ui.due.view import DueView
from sencodesk.ui.import_wizard import ImportWizard
from sencodesk.ui.main_window import MainWindow
from sencodesk.ui.pupil.ehcp_tab import EhcpTab
from sencodesk.ui.register.new_pupil import NewPupilDialog


def test_ehcp_steps_without_a_request_are_disabled_and_say_why(qtbot: QtBot,
                                                               demo_desk: Desk) -> None:
    rows = pupils.list_pupils(demo_desk, pupils.RegisterFilter(status=SenStatus.SUPPORT))
    requests = ehcp.requests_for(demo_desk, [r.id for r in rows])
    plans = ehcp.plans_for(demo_desk, [r.id for r in rows])
    pid = next(r.id for r in rows if not requests.get(r.id) and not plans.get(r.id))
    tab = EhcpTab(demo_desk, pid)
    qtbot.addWidget(tab)
    tab.show()
    for button in tab.request_actions:
        assert not button.isEnabled() and "request first" in button.toolTip()
    assert not tab.review_button.isEnabled() and "plan first" in tab.review_button.toolTip()
    new = next(b for b in tab.findChildren(QPushButton) if b.text() == "&New request…")
    assert new.isEnabled()
    with_request = next(r.id for r in pupils.list_pupils(demo_desk)
                        if ehcp.requests_for(demo_desk, [r.id]).get(r.id))
    other = EhcpTab(demo_desk, with_request)
    qtbot.addWidget(other)
    assert all(b.isEnabled() and not b.toolTip() for b in other.request_actions)


def test_an_empty_school_shows_how_to_start(qtbot: QtBot, desk: Desk,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []

    def wizard_shown(_self: ImportWizard) -> int:
        opened.append("wizard")
        return 0

    monkeypatch.setattr(ImportWizard, "exec", wizard_shown)
    main = MainWindow(desk)
    qtbot.addWidget(main)
    main.show()
    due = main.page("Due")
    assert isinstance(due, DueView) and due.start.isVisible()
    assert due.import_button.isVisible() and due.add_button.isVisible()
    qtbot.mouseClick(due.import_button, Qt.MouseButton.LeftButton)
    assert opened == ["wizard"]

    def add_a_pupil() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewPupilDialog)
        for field, text in ((dialog.upn, "A123456789012"), (dialog.surname, "Okafor"),
                            (dialog.forename, "Chidi"), (dialog.dob.edit, "14/03/2015")):
            qtbot.keyClicks(field, text)
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
        if dialog.isVisible():  # a UPN the check digit refuses: report it, then give up
            errors = [e.text() for e in dialog.errors.values() if e.text()]
            dialog.done(0)
            pytest.fail(f"new pupil refused: {errors}")

    QTimer.singleShot(200, add_a_pupil)
    qtbot.mouseClick(due.add_button, Qt.MouseButton.LeftButton)
    assert "Pupil added" in main.statusBar().currentMessage()
    assert not due.start.isVisibleTo(due)


def test_the_demo_school_shows_no_first_run_hint(window: MainWindow) -> None:
    due = window.page("Due")
    assert isinstance(due, DueView) and not due.start.isVisible()


def test_help_lists_the_shortcuts_and_where_the_data_is(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(help_pages, "show", lambda _p, title, html: shown.append((title, html)))
    qtbot.keyClick(window, Qt.Key.Key_F1)
    title, html = shown[-1]
    assert title == "Keyboard shortcuts"
    for key, what in (("Ctrl+L", "Lock"), ("Ctrl+N", "New pupil"), ("Ctrl+F", "Find a pupil"),
                      ("Ctrl+Shift+Q", "Sign out")):
        assert key in html and what in html, key
    next(a for a in window.actions() if a.text() == "&Where my data is").trigger()
    title, html = shown[-1]
    assert str(Path(window.desk.data_dir) / "sencodesk.db") in html and "backups" in html


def test_saving_settings_says_so(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("Settings")
    settings = window.page("Settings")
    name: QLineEdit = settings.name  # type: ignore[attr-defined]
    name.setFocus()
    qtbot.keyClicks(name, " School")
    qtbot.mouseClick(settings.save_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert window.statusBar().currentMessage() == "Settings saved."


def test_a_two_line_error_is_shown_whole(qtbot: QtBot) -> None:
    from sencodesk.domain.errors import ValidationError
    from sencodesk.ui.form_dialog import FormDialog

    def save(values: dict[str, object]) -> None:
        raise ValidationError("name", f"{values['name']!r} is not a name this form can take: "
                              "use letters, spaces, hyphens and apostrophes only, please")

    name, other = QLineEdit(), QLineEdit()
    dialog = FormDialog("Name", [("name", "Name", name), ("other", "Other", other)], save,
                        intro="A wrapped introduction, long enough to take more than one line "
                        "of this dialog, which is what keeps Qt from growing it by itself.")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(name, "R2-D2 & C-3PO")
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    error = dialog.errors["name"]
    lines = error.heightForWidth(error.width()) // error.fontMetrics().lineSpacing()
    assert lines >= 2 and error.height() >= error.heightForWidth(error.width())
    for field in (name, other):  # and the fields are not squashed to make room
        assert field.height() >= field.sizeHint().height()


def test_saving_a_passport_and_a_note_says_so(qtbot: QtBot, window: MainWindow) -> None:
    from sencodesk.ui.pupil.contacts_tab import ContactsTab
    from sencodesk.ui.pupil.passport_tab import PassportTab
    from sencodesk.ui.register.view import RegisterView

    register = window.page("Register")
    assert isinstance(register, RegisterView)
    window.open_pupil(register.model.everyone[0].id, "passport")
    assert window.workspace is not None
    passport = window.workspace.tab("passport")
    assert isinstance(passport, PassportTab)
    editor = passport.editors["about_me"]
    editor.setFocus()
    qtbot.keyClicks(editor, "Likes Lego.")
    qtbot.mouseClick(passport.save_button, Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage() == "Passport saved as a new version."
    window.open_pupil(register.model.everyone[0].id, "contacts")
    assert window.workspace is not None
    contacts = window.workspace.tab("contacts")
    assert isinstance(contacts, ContactsTab)

    def write_a_note() -> None:
        from sencodesk.ui.form_dialog import FormDialog

        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FormDialog)
        summary = next(w for k, _l, w in dialog.fields if k == "summary")
        qtbot.keyClicks(summary, "Phoned mum about the trip.")
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)

    QTimer.singleShot(200, write_a_note)
    add = next(b for b in contacts.findChildren(QPushButton) if b.text() == "&Add a note…")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage() == "Saved."
