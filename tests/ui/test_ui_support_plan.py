"""The APDR plan form shows and keeps whatever the plan holds; reviews and new cycles ask
rather than assume. Driven with keys and clicks on the real dialogs."""

from __future__ import annotations

from datetime import date

import pytest
from factories import add_pupil
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from ui_helpers import driving
from ui_helpers import form_field as _field
from ui_helpers import save_form as _save

from sencodesk.domain.codes import CycleStatus, Progress
from sencodesk.services import cycles, interventions
from sencodesk.services.context import Desk
from sencodesk.ui.form_dialog import FormDialog
from sencodesk.ui.pupil.plan_form import OutcomeRow, ProvisionRow
from sencodesk.ui.pupil.support_tab import SupportTab


def _full_plan(desk: Desk, pid: int) -> int:
    lexia = interventions.add(desk, interventions.InterventionFields(
        "Lexia", hourly_cost_pence=1800))
    return cycles.create(desk, pid, cycles.CyclePlan(
        starts_on=date(2026, 9, 7), review_on=date(2026, 11, 20),
        outcomes=tuple(cycles.OutcomeInput(f"Outcome {n}", f"Check {n}") for n in range(1, 7)),
        provisions=(
            cycles.ProvisionInput(lexia, delivered_by="TA", group_size=3),
            cycles.ProvisionInput(lexia, minutes_per_session=20, cost_pence=12_345),
            cycles.ProvisionInput(description="Daily check-in with key adult", weeks=10),
        )))


def test_edit_plan_shows_and_keeps_six_outcomes_free_text_and_hand_set_costs(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = add_pupil(desk)
    _full_plan(desk, pid)
    (before,) = cycles.cycles_for(desk, pid)
    tab = SupportTab(desk, pid)
    qtbot.addWidget(tab)
    tab.show()

    def drive(dialog: FormDialog) -> None:
        rows = [w for _k, _l, w in dialog.fields if isinstance(w, OutcomeRow)]
        assert [r.description.text() for r in rows] == [f"Outcome {n}" for n in range(1, 7)]
        lines = [w for _k, _l, w in dialog.fields if isinstance(w, ProvisionRow)]
        assert len(lines) == 4  # the three held, and one to add
        assert lines[1].cost.text() == "123.45" and lines[0].cost.text() == ""
        assert lines[2].description.text() == "Daily check-in with key adult"
        assert lines[2].intervention.currentIndex() == 0
        second = _field(dialog, "outcome2").description
        second.setFocus()
        qtbot.keyClick(second, Qt.Key.Key_End)
        qtbot.keyClicks(second, " daily")
        _save(qtbot, dialog)

    with driving(monkeypatch, qtbot, drive) as shown:
        qtbot.mouseClick(tab.buttons["edit"], Qt.MouseButton.LeftButton)
    assert shown and shown[0].result() == QDialog.DialogCode.Accepted
    (after,) = cycles.cycles_for(desk, pid)
    assert after.outcomes[1].description == "Outcome 2 daily"
    assert after.outcomes[0] == before.outcomes[0] and after.outcomes[2:] == before.outcomes[2:]
    assert after.provisions == before.provisions


def test_a_hand_set_cost_typed_in_the_form_is_kept(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = add_pupil(desk)
    _full_plan(desk, pid)
    tab = SupportTab(desk, pid)
    qtbot.addWidget(tab)
    tab.show()

    def drive(dialog: FormDialog) -> None:
        spare = _field(dialog, "provision4")
        spare.description.setFocus()
        qtbot.keyClicks(spare.description, "Lunchtime club")
        spare.cost.setFocus()
        qtbot.keyClicks(spare.cost, "£1,250.5")
        _save(qtbot, dialog)

    with driving(monkeypatch, qtbot, drive):
        qtbot.mouseClick(tab.buttons["edit"], Qt.MouseButton.LeftButton)
    (after,) = cycles.cycles_for(desk, pid)
    assert [(p.description, p.cost_pence) for p in after.provisions][3] == (
        "Lunchtime club", 125_050)


def test_review_progress_must_be_chosen_for_each_outcome(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = add_pupil(desk)
    cid = _full_plan(desk, pid)
    cycles.activate(desk, cid)
    tab = SupportTab(desk, pid)
    qtbot.addWidget(tab)
    tab.show()

    def drive(dialog: FormDialog) -> None:
        for n in range(1, 6):
            box = _field(dialog, f"o{n}")
            assert box.value() is None  # nothing chosen for the SENCO
            box.setFocus()
            qtbot.keyClick(box, Qt.Key.Key_Down)
        assert _field(dialog, "o1").value() is Progress.NOT_MET
        _save(qtbot, dialog)
        assert "rate progress for outcome 6" in dialog.general.text()
        assert dialog.result() != QDialog.DialogCode.Accepted

    with driving(monkeypatch, qtbot, drive):
        qtbot.mouseClick(tab.buttons["review"], Qt.MouseButton.LeftButton)
    assert cycles.cycles_for(desk, pid)[0].status is CycleStatus.ACTIVE


def test_a_new_cycle_is_reviewed_after_it_starts_and_not_beside_a_running_one_unasked(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch,
    message_boxes: list[tuple[str, str]],
) -> None:
    pid = add_pupil(desk)
    tab = SupportTab(desk, pid)
    qtbot.addWidget(tab)
    tab.show()
    dates: list[tuple[date, date]] = []

    def drive(dialog: FormDialog) -> None:
        values = dialog.values()
        dates.append((values["starts"], values["review"]))
        first = _field(dialog, "outcome1").description
        first.setFocus()
        qtbot.keyClicks(first, "Read 150 words")
        _save(qtbot, dialog)

    with driving(monkeypatch, qtbot, drive) as shown:
        qtbot.mouseClick(tab.buttons["new"], Qt.MouseButton.LeftButton)
        ((starts, review),) = dates
        assert starts == desk.today() and review > starts
        cycles.activate(desk, cycles.cycles_for(desk, pid)[0].id)
        tab.load()
        qtbot.mouseClick(tab.buttons["new"], Qt.MouseButton.LeftButton)  # answered No
    assert len(shown) == 1 and len(cycles.cycles_for(desk, pid)) == 1
    assert message_boxes[-1][0] == "question" and "already running" in message_boxes[-1][1]
