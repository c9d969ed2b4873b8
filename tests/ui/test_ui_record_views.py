"""Opening a pupil from the register, as a SENCO would, leaves one "view" entry in the audit
trail per opening; working inside the record does not add more."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sencodesk.services import audit
from sencodesk.services.context import Desk
from sencodesk.ui.main_window import MainWindow
from sencodesk.ui.pupil.workspace import PupilWorkspace
from sencodesk.ui.register.view import RegisterView


def _views(desk: Desk, pid: int) -> int:
    return sum(e.action == "view" for e in audit.list_events(desk, pupil_id=pid))


def _open_by_upn(qtbot: QtBot, window: MainWindow, upn: str) -> PupilWorkspace:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    register = cast(RegisterView, window.page("Register"))
    register.search.clear()
    qtbot.keyClicks(register.search, upn)
    assert len(register.shown()) == 1
    cell = register.table.visualRect(register.table.model().index(0, 0)).center()
    qtbot.mouseClick(register.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.keyClick(register.table, Qt.Key.Key_Return)
    workspace = window.workspace
    assert isinstance(workspace, PupilWorkspace)
    return workspace


def test_each_opening_of_a_record_is_audited_once(qtbot: QtBot, demo_desk: Desk) -> None:
    window = MainWindow(demo_desk)
    qtbot.addWidget(window)
    window.show()
    register = cast(RegisterView, window.page("Register"))
    target = register.shown()[0]
    before = _views(demo_desk, target.id)
    workspace = _open_by_upn(qtbot, window, target.upn)
    assert workspace.pupil_id == target.id
    history = workspace.tab("history").model  # the opening shows in the record's own history
    assert history.records[0].action == "view"
    for name in ("passport", "support", "ehcp", "history"):
        workspace.show_tab(name)
    workspace.refresh_header()
    assert _views(demo_desk, target.id) == before + 1
    _open_by_upn(qtbot, window, target.upn)
    assert _views(demo_desk, target.id) == before + 2
