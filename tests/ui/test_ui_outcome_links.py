"""The plan form links a provision to the outcomes it is meant to achieve, by ticking them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import pytest
from factories import add_pupil
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from sencodesk.services import cycles, interventions
from sencodesk.services.context import Desk
from sencodesk.ui.form_dialog import FormDialog
from sencodesk.ui.pupil.outcome_links import OutcomeLinks
from sencodesk.ui.pupil.plan_form import OutcomeRow, ProvisionRow
from sencodesk.ui.pupil.workspace import PupilWorkspace


def test_ticking_outcomes_links_the_provision_to_them(qtbot: QtBot, desk: Desk,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    pid = add_pupil(desk)
    interventions.add(desk, interventions.InterventionFields("Lexia", hourly_cost_pence=1800))
    workspace = PupilWorkspace(desk, pid)
    qtbot.addWidget(workspace)
    tab = workspace.tab("support")

    def fill(cls: type[FormDialog], title: str, fields: Any, save: Callable[..., Any],
             parent: QWidget | None = None, *, intro: str = "") -> bool:
        dialog = cls(title, fields, save, parent, intro=intro)
        dialog.show()
        widget = {key: w for key, _label, w in dialog.fields}
        review = widget["review"]
        review.setFocus()
        qtbot.keyClick(review, Qt.Key.Key_Home)
        qtbot.keyClicks(review, "20/02/2027")
        qtbot.keyClicks(cast(OutcomeRow, widget["outcome1"]).description, "Read 150 words")
        # row 2 is left blank
        qtbot.keyClicks(cast(OutcomeRow, widget["outcome3"]).description, "Stay in lessons")
        qtbot.keyClicks(cast(ProvisionRow, widget["provision1"]).intervention, "Lexia")
        links = widget["links1"]
        assert isinstance(links, OutcomeLinks)
        for box in (links.boxes[0], links.boxes[2]):
            box.ensurePolished()
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(FormDialog, "ask", classmethod(fill))
    tab.new_cycle()
    (cycle,) = cycles.cycles_for(desk, pid)
    assert [o.description for o in cycle.outcomes] == ["Read 150 words", "Stay in lessons"]
    # ticked rows 1 and 3 are outcomes 1 and 2 of the saved plan
    assert cycle.provisions[0].outcome_positions == (1, 2)
    assert "for outcomes 1, 2" in tab.detail.toPlainText()
