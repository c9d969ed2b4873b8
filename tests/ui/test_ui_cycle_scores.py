"""Scores in the APDR cycle, typed as a SENCO does: the reading age taken when assessing goes
in the new plan's form, and at the review its result now and the sessions delivered; the
measured impact and the pupil's scores follow. A wrong exit score is explained beside it and
records nothing."""

from __future__ import annotations

from datetime import date

import pytest
from factories import add_pupil
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QSpinBox, QWidget
from pytestqt.qtbot import QtBot
from ui_helpers import driving, form_field, save_form, type_date

from sencodesk.domain.assessment import ScoreKind
from sencodesk.domain.codes import CycleStatus
from sencodesk.domain.context_csv import ScoreEntry
from sencodesk.services import assessments, cycle_scores, cycles, interventions
from sencodesk.services.context import Desk
from sencodesk.ui.form_dialog import FormDialog
from sencodesk.ui.pupil.measures_form import AssessScore
from sencodesk.ui.pupil.plan_form import OutcomeRow, ProvisionRow
from sencodesk.ui.pupil.support_tab import SupportTab

TODAY = date(2026, 11, 22)


def _type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Click into the box, select what it holds and type over it."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def _click(qtbot: QtBot, tab: SupportTab, key: str) -> None:
    button = tab.buttons[key]
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _new_plan_assessed(qtbot: QtBot, tab: SupportTab, monkeypatch: pytest.MonkeyPatch,
                       ) -> None:
    def drive(dialog: FormDialog) -> None:
        type_date(form_field(dialog, "starts"), "07/09/2026")
        outcome = form_field(dialog, "outcome1")
        assert isinstance(outcome, OutcomeRow)
        _type(qtbot, outcome.description, "Read 150 words of a Year 5 text")
        line = form_field(dialog, "provision1")
        assert isinstance(line, ProvisionRow)
        line.intervention.setFocus()
        qtbot.keyClicks(line.intervention, "Lex")
        score = form_field(dialog, "assess_score")
        assert isinstance(score, AssessScore)
        _type(qtbot, score.test, "NGRT")
        score.kind.setFocus()
        qtbot.keyClicks(score.kind, "Rea")
        _type(qtbot, score.score, "8y 0m")
        type_date(score.on, "08/09/2026")
        save_form(qtbot, dialog)

    with driving(monkeypatch, qtbot, drive) as shown:
        _click(qtbot, tab, "new")
    assert shown[0].result() == QDialog.DialogCode.Accepted, shown[0].general.text()


def test_the_assess_score_and_the_review_give_measured_impact(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    interventions.add(desk, interventions.InterventionFields("Lexia", hourly_cost_pence=1800))
    pid = add_pupil(desk)
    tab = SupportTab(desk, pid)
    qtbot.addWidget(tab)
    tab.show()
    _new_plan_assessed(qtbot, tab, monkeypatch)
    (cycle,) = cycles.cycles_for(desk, pid)
    (measure,) = cycle_scores.measures_of(desk, cycle.id)
    assert (measure.intervention, measure.kind, measure.test_name, measure.entry_value,
            measure.entry_on) == ("Lexia", ScoreKind.READING_AGE, "NGRT", 96, date(2026, 9, 8))
    assert [(s.test_name, s.value) for s in assessments.scores_of(desk, pid)] == [("NGRT", 96)]
    _click(qtbot, tab, "start")

    def wrong(dialog: FormDialog) -> None:
        dialog.fields[1][2].setFocus()
        qtbot.keyClicks(dialog.fields[1][2], "met")  # the one outcome's progress
        _type(qtbot, form_field(dialog, f"exit{measure.id}"), "30y")
        save_form(qtbot, dialog)
        assert dialog.isVisible()  # not saved: the message is beside the exit box
        message = dialog.errors["ngrt reading age now (lexia)"].text()
        assert "'30y' is not a score" in message
        dialog.done(QDialog.DialogCode.Rejected)

    with driving(monkeypatch, qtbot, wrong):
        _click(qtbot, tab, "review")
    assert cycles.cycles_for(desk, pid)[0].status is CycleStatus.ACTIVE

    def review(dialog: FormDialog) -> None:
        dialog.fields[1][2].setFocus()
        qtbot.keyClicks(dialog.fields[1][2], "met")
        _type(qtbot, form_field(dialog, f"exit{measure.id}"), "9y 2m")
        sessions = form_field(dialog, f"delivered{cycle.provisions[0].id}")
        assert isinstance(sessions, QSpinBox) and sessions.text() == "not recorded"
        _type(qtbot, sessions, "20")
        save_form(qtbot, dialog)

    with driving(monkeypatch, qtbot, review) as shown:
        _click(qtbot, tab, "review")
    assert shown[0].result() == QDialog.DialogCode.Accepted, shown[0].general.text()
    (measure,) = cycle_scores.measures_of(desk, cycle.id)
    assert (measure.exit_value, measure.exit_on) == (110, TODAY)
    assert [s.value for s in assessments.scores_of(desk, pid)] == [96, 110]
    (cycle,) = cycles.cycles_for(desk, pid)
    assert cycle.provisions[0].sessions_delivered == 20
    assert "20 of 24 sessions delivered" in tab.detail.toPlainText()
    assert "NGRT reading age: 8y 0m on 08/09/2026 → 9y 2m on 22/11/2026 (Lexia)" in \
        tab.detail.toPlainText()


def test_editing_the_plan_shows_the_assess_score_again(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    interventions.add(desk, interventions.InterventionFields("Lexia"))
    pid = add_pupil(desk)
    tab = SupportTab(desk, pid)
    qtbot.addWidget(tab)
    tab.show()
    _new_plan_assessed(qtbot, tab, monkeypatch)
    seen: list[tuple[str, str, str]] = []

    def look(dialog: FormDialog) -> None:
        score = form_field(dialog, "assess_score")
        seen.append((score.test.text(), score.kind.currentText(), score.score.text()))
        dialog.done(QDialog.DialogCode.Rejected)

    with driving(monkeypatch, qtbot, look):
        _click(qtbot, tab, "edit")
    assert seen == [("NGRT", "Reading age", "8y 0m")]


def test_one_result_at_the_review_is_the_exit_of_every_intervention_it_measured(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    lexia = interventions.add(desk, interventions.InterventionFields("Lexia"))
    toe = interventions.add(desk, interventions.InterventionFields("Toe by Toe"))
    pid = add_pupil(desk)
    cid = cycle_scores.create(desk, pid, cycles.CyclePlan(
        starts_on=date(2026, 9, 7), review_on=date(2026, 11, 20),
        outcomes=(cycles.OutcomeInput("Read 150 words"),),
        provisions=(cycles.ProvisionInput(lexia, outcomes=(1,)),
                    cycles.ProvisionInput(toe, outcomes=(1,)))),
        ScoreEntry(ScoreKind.READING_AGE, "NGRT", date(2026, 9, 8), 96, ""))
    cycles.activate(desk, cid)
    tab = SupportTab(desk, pid)
    qtbot.addWidget(tab)
    tab.show()
    labels: list[str] = []

    def review(dialog: FormDialog) -> None:
        labels.extend(label for key, label, _w in dialog.fields if key.startswith("exit"))
        dialog.fields[1][2].setFocus()
        qtbot.keyClicks(dialog.fields[1][2], "met")
        exit_key = next(key for key, _l, _w in dialog.fields if key.startswith("exit"))
        _type(qtbot, form_field(dialog, exit_key), "101")
        save_form(qtbot, dialog)

    with driving(monkeypatch, qtbot, review):
        _click(qtbot, tab, "review")
    assert labels == ["NGRT reading age now (Lexia, Toe by Toe)"]
    assert [(m.intervention, m.exit_value) for m in cycle_scores.measures_of(desk, cid)] == [
        ("Lexia", 101), ("Toe by Toe", 101)]
    assert [s.value for s in assessments.scores_of(desk, pid)] == [96, 101]
