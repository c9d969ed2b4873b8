"""First run, sign-in, the main window's navigation, shortcuts, roles and locking."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from factories import PASSWORD, teaches
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sencodesk.domain.codes import Role, SenStatus
from sencodesk.services import accounts, backups, pupils
from sencodesk.services.context import Desk
from sencodesk.ui.application import make_application
from sencodesk.ui.due.view import DueView
from sencodesk.ui.login import FirstRunDialog, SignInDialog
from sencodesk.ui.main_window import MainWindow
from sencodesk.ui.pupil.workspace import PupilWorkspace
from sencodesk.ui.register.view import RegisterView
from sencodesk.ui.settings.view import SettingsView


def test_first_run_creates_the_school_and_its_senco(qtbot: QtBot, data_dir: Path) -> None:
    dialog = FirstRunDialog(data_dir)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.school, "St Anne's C of E Primary")
    qtbot.keyClicks(dialog.full_name, "Aisha Khan")
    qtbot.keyClicks(dialog.username, "akhan")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.again, "something else")
    dialog.create_school()
    assert "differ" in dialog.message.text() and dialog.desk is None
    dialog.again.setText(PASSWORD)
    dialog.create_school()
    assert dialog.desk is not None and dialog.desk.actor.role is Role.SENCO
    dialog.desk.close()
    assert (data_dir / "sencodesk.db").exists()


def test_a_short_password_is_explained_on_first_run(qtbot: QtBot, data_dir: Path) -> None:
    dialog = FirstRunDialog(data_dir)
    qtbot.addWidget(dialog)
    for field, text in ((dialog.school, "Oak"), (dialog.full_name, "Al Jones"),
                        (dialog.username, "al"), (dialog.password, "short"),
                        (dialog.again, "short")):
        field.setText(text)
    dialog.create_school()
    assert "at least 8 characters" in dialog.message.text()
    assert not (data_dir / "sencodesk.db").exists()


def test_wrong_password_stays_on_the_sign_in_dialog(qtbot: QtBot, desk: Desk) -> None:
    dialog = SignInDialog(desk.data_dir)
    qtbot.addWidget(dialog)
    dialog.username.setText("senco")
    dialog.password.setText("not the password")
    dialog.sign_in()
    qtbot.waitUntil(lambda: "do not match" in dialog.message.text(), timeout=5000)
    assert dialog.desk is None and dialog.password.text() == ""
    dialog.password.setText(PASSWORD)
    dialog.sign_in()
    qtbot.waitUntil(lambda: dialog.desk is not None, timeout=5000)
    assert dialog.desk is not None
    dialog.desk.close()


def test_a_held_back_sign_in_says_why(qtbot: QtBot, desk: Desk) -> None:
    from sencodesk.store import attempts

    for _ in range(3):
        attempts.failed(desk.data_dir, "senco")
    dialog = SignInDialog(desk.data_dir)
    qtbot.addWidget(dialog)
    dialog.username.setText("senco")
    dialog.password.setText(PASSWORD)
    dialog.sign_in()
    qtbot.waitUntil(lambda: "Waiting 1 second after 3 wrong passwords" in
                    dialog.message.text(), timeout=5000)
    qtbot.waitUntil(lambda: dialog.desk is not None, timeout=10000)
    assert dialog.desk is not None
    dialog.desk.close()


def test_opens_on_due_and_ctrl_f_goes_to_register_search(qtbot: QtBot,
                                                         window: MainWindow) -> None:
    assert window.stack.currentWidget() is window.page("Due")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    register = window.page("Register")
    assert isinstance(register, RegisterView)
    assert window.stack.currentWidget() is register
    assert QApplication.focusWidget() is register.search


def test_a_due_row_opens_the_pupil_at_the_right_tab(qtbot: QtBot, window: MainWindow) -> None:
    due = cast(DueView, window.page("Due"))
    overdue_group = due.model.index(0, 0)
    first = due.model.index(0, 0, overdue_group)
    due.tree.setCurrentIndex(first)
    due.tree.activated.emit(first)
    workspace = window.workspace
    assert isinstance(workspace, PupilWorkspace)
    item = first.data(Qt.ItemDataRole.UserRole + 1)
    assert workspace.tabs.currentWidget() is workspace.tab(item.tab)


def test_every_pupil_tab_fits_a_1366_pixel_laptop_screen(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    app = cast(QApplication, QApplication.instance())
    font, sheet = app.font(), app.styleSheet()
    make_application()  # the app's own font and style sheet, as a school would see it
    try:
        on_plan = pupils.list_pupils(window.desk, pupils.RegisterFilter(status=SenStatus.EHCP))
        window.resize(1366, 768)
        window.open_pupil(on_plan[0].id)
        workspace = window.workspace
        assert workspace is not None
        for index in range(workspace.tabs.count()):
            workspace.tabs.setCurrentIndex(index)
            QApplication.processEvents()
            assert window.minimumSizeHint().width() <= 1366, workspace.tabs.tabText(index)
            assert window.width() == 1366
    finally:
        app.setStyleSheet(sheet)
        app.setFont(font)


def test_lock_keeps_unsaved_text_and_needs_the_password(qtbot: QtBot,
                                                        window: MainWindow) -> None:
    register = window.page("Register")
    assert isinstance(register, RegisterView)
    window.open_pupil(register.model.everyone[0].id, "passport")
    assert window.workspace is not None
    passport = window.workspace.tab("passport")
    passport.editors["about_me"].setPlainText("Half-written thought")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    overlay = window.overlay
    assert window.locked and overlay is not None
    qtbot.keyClicks(overlay.password, "wrong")
    qtbot.keyClick(overlay.password, Qt.Key.Key_Return)
    assert window.locked and "not right" in overlay.message.text()
    qtbot.keyClicks(overlay.password, PASSWORD)
    qtbot.keyClick(overlay.password, Qt.Key.Key_Return)
    assert not window.locked
    assert passport.editors["about_me"].toPlainText() == "Half-written thought"
    assert window.workspace.has_unsaved_changes()


def test_leaving_unsaved_work_asks_first(qtbot: QtBot, window: MainWindow,
                                         message_boxes: list[tuple[str, str]]) -> None:
    register = window.page("Register")
    assert isinstance(register, RegisterView)
    window.open_pupil(register.model.everyone[0].id, "passport")
    workspace = window.workspace
    assert workspace is not None
    workspace.tab("passport").editors["about_me"].setPlainText("Unsaved")
    window.show_page("Register")
    assert message_boxes and message_boxes[-1][0] == "question"
    assert window.workspace is workspace  # answered No: still there, text intact
    workspace.tab("passport").editors["about_me"].setPlainText(
        workspace.tab("passport")._loaded.about_me)


def test_idle_locks_by_itself(qtbot: QtBot, demo_desk: Desk) -> None:
    main = MainWindow(demo_desk, idle_ms=50)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.locked, timeout=3000)


def test_a_teacher_sees_no_ehcp_tab_and_no_accounts(qtbot: QtBot, demo_desk: Desk) -> None:
    accounts.add_account(demo_desk, full_name="Tom Reid", username="treid",
                         role=Role.TEACHER, password="teacher pass")
    teacher = accounts.sign_in(demo_desk.data_dir, "treid", "teacher pass")
    teacher.today = demo_desk.today
    teaches(demo_desk, teacher, *[p.id for p in pupils.list_pupils(demo_desk)][:5])
    main = MainWindow(teacher)
    qtbot.addWidget(main)
    settings = main.page("Settings")
    assert isinstance(settings, SettingsView) and settings.accounts is None
    register = main.page("Register")
    assert isinstance(register, RegisterView) and not register.new_button.isVisibleTo(register)
    main.open_pupil(register.model.everyone[0].id)
    workspace = main.workspace
    assert isinstance(workspace, PupilWorkspace)
    # a Teacher reads no documents (only passports, plans and their contact notes; no context data)
    assert set(workspace.by_name) == {"profile", "passport", "support", "contacts"}
    teacher.close()


def test_later_deadlines_load_when_opened(qtbot: QtBot, window: MainWindow) -> None:
    due = cast(DueView, window.page("Due"))
    later = due.model.item(3)
    assert later is not None and later.text().startswith("Later (")
    count = int(later.text().split("(")[1].rstrip(")"))
    due.tree.expand(later.index())
    assert later.rowCount() == count


def test_unsaved_settings_are_not_lost_by_switching_screens(
    qtbot: QtBot, window: MainWindow, message_boxes: list[tuple[str, str]]
) -> None:
    window.show_page("Settings")
    settings = window.page("Settings")
    assert isinstance(settings, SettingsView)
    settings.urn.setText("654321")
    window.show_page("Register")
    assert message_boxes[-1][0] == "question"
    assert window.stack.currentWidget() is settings and settings.urn.text() == "654321"


def test_due_shows_whose_duty_and_practice_targets_in_their_own_look(
    qtbot: QtBot, window: MainWindow,
) -> None:
    from sencodesk.domain.clock import Kind, Owner
    from sencodesk.ui import looks

    due = cast(DueView, window.page("Due"))
    assert due.model.horizontalHeaderItem(4).text() == "Whose"
    assert due.summary.text().startswith("School: ")
    rows = [due.model.item(g).child(r, 0) for g in range(3)
            for r in range(due.model.item(g).rowCount())]
    items = [r.data(Qt.ItemDataRole.UserRole + 1) for r in rows]
    practice = [(r, i) for r, i in zip(rows, items, strict=True)
                if i.milestone.kind is Kind.PRACTICE]
    assert practice, "the demo school has practice targets due"
    for row, _item in practice:
        assert row.foreground().color() != looks.BREACH and row.font().italic()
    due.show_combo.setFocus()
    qtbot.keyClick(due.show_combo, Qt.Key.Key_Down)   # the school's duties
    shown = [due.model.item(g).child(r, 0).data(Qt.ItemDataRole.UserRole + 1)
             for g in range(3) for r in range(due.model.item(g).rowCount())]
    assert shown and all(i.milestone.owner is Owner.SCHOOL for i in shown)


def test_closing_the_window_in_a_test_writes_no_backup(
    qtbot: QtBot, window: MainWindow, backups_on_close: list[object]
) -> None:
    window.close()
    assert backups_on_close == [window.desk]
    assert backups.list_backups(window.desk.data_dir) == []


def test_closing_the_window_backs_up_when_asked(
    qtbot: QtBot, window: MainWindow, real_backup_on_close: None
) -> None:
    window.close()
    assert len(backups.list_backups(window.desk.data_dir)) == 1
