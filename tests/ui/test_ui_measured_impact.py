"""The Provision page shows measured impact per intervention, and says when too few pupils
were measured for a figure."""

from __future__ import annotations

from datetime import date

from factories import add_pupil
from pytestqt.qtbot import QtBot

from sencodesk.domain.assessment import ScoreKind
from sencodesk.services import assessments, cycles, interventions
from sencodesk.services.context import Desk
from sencodesk.ui.provision.view import ProvisionView

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
