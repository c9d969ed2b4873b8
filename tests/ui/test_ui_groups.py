"""The SENCO makes and changes teaching groups in the app: a new group with its teacher,
pupils put in and taken out on a day, a rename, and a pupil shared by name until a last day;
every change audited."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from factories import add_pupil, second_senco, signed_in_as
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from sencodesk.domain.codes import Role
from sencodesk.services import audit, groups
from sencodesk.services.context import Desk
from sencodesk.ui.date_field import DateField
from sencodesk.ui.form_dialog import FormDialog
from sencodesk.ui.groups.pickers import FilteredTickList, TickList
from sencodesk.ui.groups.view import GroupsView
from sencodesk.ui.main_window import MainWindow


def _view(qtbot: QtBot, desk: Desk) -> GroupsView:
    main = MainWindow(desk)
    qtbot.addWidget(main)
    main.show()
    nav = main.nav
    row = main.titles.index("Teaching groups")
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=nav.visualItemRect(nav.item(row)).center())
    view = main.current_page()
    assert isinstance(view, GroupsView)
    return view


def _in_dialog(qtbot: QtBot, fill: Callable[[FormDialog], None]) -> None:
    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FormDialog)
        fill(dialog)
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
    QTimer.singleShot(200, act)


def _field(dialog: FormDialog, key: str) -> QWidget:
    return next(w for k, _l, w in dialog.fields if k == key)


def _tick(qtbot: QtBot, ticks: TickList, text: str) -> None:
    ticks.setFocus()
    row = next(r for r in range(ticks.count()) if ticks.item(r).text().startswith(text))
    ticks.setCurrentRow(0)
    for _ in range(row):
        qtbot.keyClick(ticks, Qt.Key.Key_Down)
    qtbot.keyClick(ticks, Qt.Key.Key_Space)


def test_the_senco_makes_a_group_puts_pupils_in_and_takes_one_out(qtbot: QtBot,
                                                                  desk: Desk) -> None:
    able = add_pupil(desk, legal_surname="Able", legal_forename="Kit")
    add_pupil(desk, legal_surname="Zed", legal_forename="Bo")
    teacher = signed_in_as(desk, Role.TEACHER)  # Pat Example
    teacher.close()
    view = _view(qtbot, desk)

    def new_group(dialog: FormDialog) -> None:
        code, subject = _field(dialog, "code"), _field(dialog, "subject")
        assert isinstance(code, QLineEdit) and isinstance(subject, QLineEdit)
        qtbot.keyClicks(code, "8X/Ma1")
        qtbot.keyClicks(subject, "Maths")
        ticks = _field(dialog, "teachers")
        assert isinstance(ticks, TickList)
        _tick(qtbot, ticks, "Pat Example")

    _in_dialog(qtbot, new_group)
    qtbot.mouseClick(view.buttons["new"], Qt.MouseButton.LeftButton)
    (made,) = groups.list_groups(desk)
    assert (made.code, made.subject, made.teachers) == ("8X/Ma1", "Maths", ("Pat Example",))

    def add_both(dialog: FormDialog) -> None:
        picker = _field(dialog, "pupils")
        assert isinstance(picker, FilteredTickList)
        for name in ("able", "zed"):
            picker.filter.clear()
            qtbot.keyClicks(picker.filter, name)
            qtbot.keyClick(picker.filter, Qt.Key.Key_Tab)
            qtbot.keyClick(picker.list, Qt.Key.Key_Space)
        starts = _field(dialog, "starts_on")
        assert isinstance(starts, DateField)
        starts.edit.selectAll()
        qtbot.keyClicks(starts.edit, "01/09/2026")

    _in_dialog(qtbot, add_both)
    qtbot.mouseClick(view.buttons["add"], Qt.MouseButton.LeftButton)
    assert [p.surname for p in groups.pupils_in(desk, made.id)] == ["Able", "Zed"]
    assert view.member_title.text() == "8X/Ma1: 2 pupils today"

    rect = view.member_table.visualRect(view.members.index(0, 0))
    qtbot.mouseClick(view.member_table.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())

    def last_day(dialog: FormDialog) -> None:
        day = _field(dialog, "last_day")
        assert isinstance(day, DateField)
        day.edit.selectAll()
        qtbot.keyClicks(day.edit, "21/11/2026")

    _in_dialog(qtbot, last_day)
    qtbot.mouseClick(view.buttons["remove"], Qt.MouseButton.LeftButton)
    assert [p.surname for p in groups.pupils_in(desk, made.id)] == ["Zed"]
    assert [p.surname for p in groups.pupils_in(desk, made.id, day=date(2026, 11, 21))] == [
        "Able", "Zed"]
    trail = {(e.action, e.entity) for e in audit.list_events(desk, limit=10)}
    assert {("create", "teaching group"), ("create", "group place"),
            ("update", "group place")} <= trail
    assert any(e.pupil_id == able and "left group" in e.summary
               for e in audit.list_events(desk, pupil_id=able))


def test_the_senco_renames_a_group_and_shares_a_pupil_until_a_last_day(qtbot: QtBot,
                                                                       desk: Desk) -> None:
    pid = add_pupil(desk, legal_surname="Able", legal_forename="Kit")
    teacher = signed_in_as(desk, Role.TEACHER)
    staff_id = teacher.actor.staff_id
    teacher.close()
    groups.create_group(desk, groups.GroupFields("8X/Ma1", "Maths", (desk.actor.staff_id,)))
    view = _view(qtbot, desk)

    def rename(dialog: FormDialog) -> None:
        code = _field(dialog, "code")
        assert isinstance(code, QLineEdit)
        code.selectAll()
        qtbot.keyClicks(code, "8X/Ma2")
        ends = _field(dialog, "ends_on")
        assert isinstance(ends, DateField)
        qtbot.keyClicks(ends.edit, "16/07/2027")

    _in_dialog(qtbot, rename)
    qtbot.mouseClick(view.buttons["edit"], Qt.MouseButton.LeftButton)
    (group,) = groups.list_groups(desk)
    assert (group.code, group.ends_on) == ("8X/Ma2", date(2027, 7, 16))
    assert view.groups.record(0).code == "8X/Ma2"

    def share(dialog: FormDialog) -> None:
        who = _field(dialog, "staff")
        who.setFocus()
        qtbot.keyClicks(who, "Pat")
        ends = _field(dialog, "ends_on")
        assert isinstance(ends, DateField)
        qtbot.keyClicks(ends.edit, "31/12/2026")

    _in_dialog(qtbot, share)
    qtbot.mouseClick(view.buttons["share"], Qt.MouseButton.LeftButton)
    (shared,) = groups.shares_of(desk, pid)
    assert (shared.staff_id, shared.ends_on) == (staff_id, date(2026, 12, 31))
    assert any(e.entity == "share" and "until 31/12/2026" in e.summary
               for e in audit.list_events(desk, pupil_id=pid))


def test_a_group_changed_at_another_desk_is_not_overwritten(qtbot: QtBot, desk: Desk) -> None:
    group_id = groups.create_group(desk, groups.GroupFields("8X/Ma1", "Maths",
                                                            (desk.actor.staff_id,)))
    alex = second_senco(desk)
    view = _view(qtbot, desk)
    seen: list[str] = []

    def rename(dialog: FormDialog) -> None:
        subject = _field(dialog, "subject")
        assert isinstance(subject, QLineEdit)
        subject.selectAll()
        qtbot.keyClicks(subject, "Mathematics")
        # meanwhile, at another desk
        groups.update_group(alex, group_id, groups.GroupFields("8X/Ma1", "Maths (set 1)",
                                                               (desk.actor.staff_id,)))
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and dialog.stale.isVisible()
        assert dialog.stale.message.text().startswith("Alex Smith changed this ")
        assert "Mathematics" in dialog.stale.typed.toPlainText()
        qtbot.mouseClick(dialog.stale.reload_button, Qt.MouseButton.LeftButton)
        fresh = _field(dialog, "subject")
        assert isinstance(fresh, QLineEdit) and fresh.text() == "Maths (set 1)"
        seen.append("checked")
        dialog.done(FormDialog.DialogCode.Rejected)

    QTimer.singleShot(200, lambda: rename(_active()))
    qtbot.mouseClick(view.buttons["edit"], Qt.MouseButton.LeftButton)
    alex.close()
    assert seen == ["checked"]
    (group,) = groups.list_groups(desk)
    assert group.subject == "Maths (set 1)"  # theirs kept, nothing half-written


def _active() -> FormDialog:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, FormDialog)
    return dialog
