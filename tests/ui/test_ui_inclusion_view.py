"""The Inclusion page: rates by group side by side over three years, part-time timetables in
force opening the pupil's Profile, reached from the sidebar."""

from __future__ import annotations

from factories import signed_in_as
from inclusion_samples import small_school
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sencodesk.domain.codes import Role
from sencodesk.services.context import Desk
from sencodesk.ui.inclusion.view import InclusionView
from sencodesk.ui.main_window import MainWindow


def _cell(view: InclusionView, measure: str, column: str) -> str:
    model = view.rates
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == measure)
    col = next(c for c in range(model.columnCount())
               if model.headerData(c, Qt.Orientation.Horizontal) == column)
    return str(model.index(row, col).data())


def test_the_page_shows_rates_and_opens_a_pupil_on_part_time(qtbot: QtBot, desk: Desk) -> None:
    ids = small_school(desk)
    main = MainWindow(desk)
    qtbot.addWidget(main)
    main.show()
    row = next(i for i in range(main.nav.count()) if main.nav.item(i).text() == "Inclusion")
    rect = main.nav.visualItemRect(main.nav.item(row))
    qtbot.mouseClick(main.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = main.stack.currentWidget()
    assert isinstance(view, InclusionView)
    # 2026/27 K: 272 of 300 sessions attended, 1 of 3 persistently absent, 1 suspension
    assert _cell(view, "Attendance", "2026/27 K") == "90.7%"
    assert _cell(view, "Persistent absence", "2026/27 K") == "33.3%"
    assert _cell(view, "Suspensions per 100 pupils", "2026/27 K") == "33.3"
    assert _cell(view, "Attendance", "2026/27 E") == "95.0%"
    assert _cell(view, "Suspensions", "2025/26 E") == "1"
    assert view.part_time.rowCount() == 1
    assert view.part_time.index(0, 2).data() == "review overdue"
    table = view.part_time_view
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(view.part_time.index(0, 0)).center())
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert main.workspace is not None and main.workspace.pupil_id == ids["Trelawney"]
    assert main.workspace.tabs.currentWidget() is main.workspace.by_name["inclusion"]


def test_a_teacher_has_no_inclusion_page(qtbot: QtBot, desk: Desk) -> None:
    main = MainWindow(signed_in_as(desk, Role.TEACHER))
    qtbot.addWidget(main)
    assert "Inclusion" not in main.titles
