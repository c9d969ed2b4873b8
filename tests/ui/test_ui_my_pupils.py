"""My pupils: a Teacher's window opens on their groups; Enter on a pupil opens the passport;
the group's passports print one page each in register order."""

from __future__ import annotations

import re
from datetime import date

import pytest
from factories import add_pupil, signed_in_as
from pdf_checks import page_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sencodesk.domain.codes import Role, SenStatus
from sencodesk.domain.records import PassportContent
from sencodesk.services import groups, passports
from sencodesk.services.context import Desk
from sencodesk.ui.main_window import MainWindow
from sencodesk.ui.my_pupils.view import MyPupilsView
from sencodesk.ui.pdf_preview import PdfPreviewDialog
from sencodesk.ui.pupil.workspace import PupilWorkspace


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bytes, str]]:
    found: list[tuple[bytes, str]] = []
    monkeypatch.setattr(PdfPreviewDialog, "show_pdf",
                        classmethod(lambda cls, pdf, title, *a, **k: found.append((pdf, title))))
    return found


def _teacher_of_kit_adams(qtbot: QtBot, desk: Desk,
                          support_me: str) -> tuple[int, Desk, MyPupilsView]:
    """Kit Adams (with a passport) in 8X/Ma1, taught by a Teacher whose window is open on My
    pupils: the pupil, the Teacher's desk (close it) and the page."""
    pid = add_pupil(desk, legal_surname="Adams", legal_forename="Kit")
    passports.save(desk, pid, PassportContent(support_me=support_me))
    teacher = signed_in_as(desk, Role.TEACHER)
    group = groups.create_group(desk, groups.GroupFields("8X/Ma1", "Maths",
                                                         (teacher.actor.staff_id,)))
    groups.add_pupils(desk, group, [pid], starts_on=date(2026, 9, 1))
    main = MainWindow(teacher)
    qtbot.addWidget(main)
    main.show()
    view = main.stack.currentWidget()
    assert isinstance(view, MyPupilsView)
    return pid, teacher, view


def test_a_teacher_opens_a_passport_and_prints_the_group(
        qtbot: QtBot, desk: Desk, shown: list[tuple[bytes, str]]) -> None:
    ids = {}
    for surname in ("Young", "Adams", "Moss"):
        ids[surname] = add_pupil(desk, legal_surname=surname, legal_forename="Kit")
        passports.save(desk, ids[surname], PassportContent(
            about_me=f"I am {surname}", support_me="Sit me near the front\nGive me time"))
    quiet = add_pupil(desk, status=SenStatus.NONE, legal_surname="Brown")
    outsider = add_pupil(desk, legal_surname="Outside")
    teacher = signed_in_as(desk, Role.TEACHER)
    group = groups.create_group(desk, groups.GroupFields("8X/Ma1", "Maths",
                                                         (teacher.actor.staff_id,)))
    groups.add_pupils(desk, group, [*ids.values(), quiet], starts_on=date(2026, 9, 1))
    main = MainWindow(teacher)
    qtbot.addWidget(main)
    main.show()
    view = main.stack.currentWidget()
    assert isinstance(view, MyPupilsView)
    title = view.model.item(0, 0)
    assert title.text() == "8X/Ma1 (Maths): 3 of 4 pupils with SEND"
    assert [title.child(r, 0).text() for r in range(title.rowCount())] == [
        "Adams, Kit", "Moss, Kit", "Young, Kit"]
    assert title.child(0, 2).text() == "Sit me near the front; Give me time"
    assert outsider not in [title.child(r, 0).data(Qt.ItemDataRole.UserRole + 1)
                            for r in range(title.rowCount())]

    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Down)
    qtbot.keyClick(view.tree, Qt.Key.Key_Down)
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    workspace = main.workspace
    assert isinstance(workspace, PupilWorkspace) and workspace.pupil_id == ids["Moss"]
    assert workspace.tabs.currentWidget() is workspace.by_name["passport"]

    main.show_page("My pupils")
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Up)
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    pages = page_text(shown[0][0])
    assert len(pages) == 3
    assert ["Adams" in pages[0], "Moss" in pages[1], "Young" in pages[2]] == [True] * 3
    teacher.close()


def test_a_passport_changed_since_the_teachers_copy_is_marked(
        qtbot: QtBot, desk: Desk, shown: list[tuple[bytes, str]]) -> None:
    pid, teacher, view = _teacher_of_kit_adams(qtbot, desk, "Sit me near the front")
    title = view.model.item(0, 0)
    assert title.child(0, 3).text() == ""
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    passports.save(desk, pid, PassportContent(support_me="Sit me near the front\nGive me time"))
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    marker = view.model.item(0, 0).child(0, 3).text()
    assert re.fullmatch(r"Printed \d\d/\d\d/\d{4} · changed: How best to support me", marker)
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=20_000)
    assert "CHANGED" in page_text(shown[1][0])[0]
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    assert view.model.item(0, 0).child(0, 3).text() == ""  # the new print is their copy
    teacher.close()


def test_a_teacher_prints_the_groups_cover_sheet_for_supply_staff(
        qtbot: QtBot, desk: Desk, shown: list[tuple[bytes, str]]) -> None:
    _pid, teacher, view = _teacher_of_kit_adams(qtbot, desk,
                                                "Sit me near the front\nGive me time")
    assert view.cover_button.isEnabled()
    qtbot.mouseClick(view.cover_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    pdf, title = shown[0]
    (page,) = page_text(pdf)
    assert title == "Supply cover sheet"
    assert "8X/Ma1 · Maths" in page and "Sit me near the front" in page
    assert "Give me time" not in page
    teacher.close()
