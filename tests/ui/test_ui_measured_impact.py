"""Entry and exit measures entered on a support plan; the Provision page shows measured
impact per intervention, and says when too few pupils were measured for a figure."""

from __future__ import annotations

from datetime import date

import pytest
from factories import add_pupil
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_helpers import answering_forms

from sencodesk.domain.assessment import ScoreKind
from sencodesk.services import assessments, cycles, interventions
from sencodesk.services.context import Desk
from sencodesk.ui.provision.view import ProvisionView
from sencodesk.ui.pupil.support_tab import SupportTab

START, END = date(2026, 9, 7), date(2026, 11, 20)


def _measured(desk: Desk, intervention: int, gains: list[int]) -> None:
    for gain in gains:
        cid = cycles.create(desk, add_pupil(desk), cycles.CyclePlan(
            starts_on=START, review_on=END, outcomes=(cycles.OutcomeInput("Read"),),
            provisions=(cycles.ProvisionInput(intervention, outcomes=(1,)),)))
        assessments.set_measure(desk, cid, intervention, ScoreKind.READING_AGE, "NGRT", 96,
                                START, 96 + gain, END)


def test_measured_impact_or_too_few_pupils(qtbot: QtBot, desk: Desk) -> None:
    lexia = interventions.add(desk, interventions.InterventionFields("Lexia"))
    toe = interventions.add(desk, interventions.InterventionFields("Toe by Toe"))
    _measured(desk, lexia, [6, 8, 10, 12, 14])  # mean 10 months in 74 days: 4.11
    _measured(desk, toe, [3])
    view = ProvisionView(desk)
    qtbot.addWidget(view)
    view.show()
    rows = {view.impact.index(r, 0).data(): [view.impact.index(r, c).data()
                                             for c in range(1, 5)]
            for r in range(view.impact.rowCount())}
    assert rows["Lexia"] == ["5", "not measured", "4.11", "not measured"]
    assert rows["Toe by Toe"] == ["1", "not measured", "too few pupils (1)", "not measured"]


def test_entry_then_exit_measures_from_the_support_tab(qtbot: QtBot, desk: Desk,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    lexia = interventions.add(desk, interventions.InterventionFields("Lexia"))
    pid = add_pupil(desk)
    cycles.create(desk, pid, cycles.CyclePlan(
        starts_on=START, review_on=END, outcomes=(cycles.OutcomeInput("Read"),),
        provisions=(cycles.ProvisionInput(lexia, outcomes=(1,)),)))
    tab = SupportTab(desk, pid)
    qtbot.addWidget(tab)
    tab.show()
    button = tab.buttons["measures"]
    assert button.isVisible() and button.isEnabled()
    with answering_forms(monkeypatch,
                         {"kind": ScoreKind.READING_AGE, "test_name": "NGRT",
                          "entry_value": "96"},
                         {"kind": ScoreKind.READING_AGE, "test_name": "NGRT",
                          "entry_value": "96", "exit_value": "106", "exit_on": END}):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        ((_, impact),) = assessments.measured_impact(desk, starts_on=START, ends_on=END)
        assert (impact.pupils, impact.awaiting) == (0, 1)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    ((_, impact),) = assessments.measured_impact(desk, starts_on=START, ends_on=END)
    assert (impact.pupils, impact.awaiting, impact.counts[1]) == (1, 0, 1)
