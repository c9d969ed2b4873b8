"""A Teacher opens a pupil from My pupils and reads, on the Support plan tab, the strategies
and the provision they deliver, not the plan's outcomes, other provision or review notes."""

from __future__ import annotations

from datetime import date

from factories import add_pupil, signed_in_as, teaches
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sencodesk.domain.codes import Role
from sencodesk.domain.records import PassportContent
from sencodesk.services import cycles, passports
from sencodesk.services.context import Desk
from sencodesk.ui.main_window import MainWindow
from sencodesk.ui.my_pupils.view import MyPupilsView
from sencodesk.ui.pupil.strategies_tab import StrategiesTab
from sencodesk.ui.pupil.workspace import PupilWorkspace


def test_a_teacher_reads_the_strategies_and_their_own_provision(qtbot: QtBot,
                                                                 desk: Desk) -> None:
    pid = add_pupil(desk, legal_surname="Able", legal_forename="Kit")
    passports.save(desk, pid, PassportContent(support_me="Give instructions one at a time"))
    plan = cycles.create(desk, pid, cycles.CyclePlan(
        starts_on=date(2026, 9, 7), review_on=date(2026, 12, 14), areas_of_need="Memory",
        outcomes=(cycles.OutcomeInput("Read a page aloud"),),
        provisions=(cycles.ProvisionInput(description="Pre-teach vocabulary",
                                          delivered_by="Ms Example"),
                    cycles.ProvisionInput(description="Speech therapy",
                                          delivered_by="NHS therapist"))))
    cycles.activate(desk, plan)
    teacher = signed_in_as(desk, Role.TEACHER)  # Pat Example
    teaches(desk, teacher, pid, code="8X/Ma1")
    main = MainWindow(teacher)
    qtbot.addWidget(main)
    main.show()
    view = main.stack.currentWidget()
    assert isinstance(view, MyPupilsView)
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Down)
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    workspace = main.workspace
    assert isinstance(workspace, PupilWorkspace)
    bar = workspace.tabs.tabBar()
    titles = [bar.tabText(i) for i in range(bar.count())]
    tab = titles.index("Support plan")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tab).center())
    shown = workspace.tabs.currentWidget()
    assert isinstance(shown, StrategiesTab)
    text = shown.detail.toPlainText()
    assert "Give instructions one at a time" in text and "Pre-teach vocabulary" in text
    assert "Speech therapy" not in text and "Read a page aloud" not in text
    teacher.close()
