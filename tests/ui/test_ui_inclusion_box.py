"""A pupil's Inclusion tab: flags, attendance, suspensions and part-time timetables
entered through its forms; safeguarding flags only for those who may read them."""

from __future__ import annotations

from datetime import date

import pytest
from factories import add_pupil, signed_in_as
from PySide6.QtCharts import QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from ui_helpers import answering_forms

from sencodesk.domain.assessment import ScoreKind
from sencodesk.domain.codes import Role
from sencodesk.domain.inclusion import ContextFlags, ExclusionKind, Term
from sencodesk.services import inclusion
from sencodesk.services.context import Desk
from sencodesk.ui.pupil.inclusion_tab import InclusionTab


def _profile(qtbot: QtBot, desk: Desk, pid: int) -> InclusionTab:
    tab = InclusionTab(desk, pid)
    qtbot.addWidget(tab)
    tab.resize(1366, 740)
    tab.show()
    return tab


def _click(qtbot: QtBot, tab: InclusionTab, text: str) -> None:
    button = next(b for b in tab.findChildren(QPushButton)
                  if b.text().replace("&", "") == text)
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_entering_attendance_a_suspension_and_flags(qtbot: QtBot, desk: Desk,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    pid = add_pupil(desk)
    tab = _profile(qtbot, desk, pid)
    with answering_forms(monkeypatch, {"year": 2026, "term": Term.AUTUMN, "possible": 100,
                                       "attended": 90, "authorised": 6, "unauthorised": 4}):
        _click(qtbot, tab, "Add attendance…")
    assert tab.context.attendance.index(0, 4).data() == "90.0%"
    with answering_forms(monkeypatch, {"kind": ExclusionKind.SUSPENSION, "days": "two",
                                       "reason": "VA"},
                         {"kind": ExclusionKind.SUSPENSION, "days": "1.5",
                          "reason": "VA"}) as shown:
        _click(qtbot, tab, "Add suspension or exclusion…")
        assert "number of school days" in shown[0].general.text() + "".join(
            label.text() for label in shown[0].errors.values())
        _click(qtbot, tab, "Add suspension or exclusion…")
    (found,) = inclusion.exclusions(desk)[pid]
    assert (found.days, found.reason, found.starts_on) == (1.5, "VA", date(2026, 11, 22))
    assert tab.context.exclusions.index(0, 3).data() == "VA"
    with answering_forms(monkeypatch, {"fsm": True, "child_in_need": True}):
        _click(qtbot, tab, "Edit flags…")
    assert tab.context.flags_text.text() == "Flags: Free school meals, Child in need"


def test_a_head_reads_the_flags_and_changes_nothing(qtbot: QtBot, desk: Desk) -> None:
    """A Head reads every flag, safeguarding ones included, with no buttons to change them (a
    Teacher has no Inclusion tab at all: see test_ui_login_and_window)."""
    pid = add_pupil(desk)
    inclusion.set_context(desk, pid, ContextFlags(eal=True, child_protection=True))
    tab = _profile(qtbot, signed_in_as(desk, Role.HEAD), pid)
    assert "EAL" in tab.context.flags_text.text()
    assert "protection" in tab.context.flags_text.text().lower()
    assert tab.findChildren(QPushButton) == []


def test_adding_a_score_draws_it_on_the_chart(qtbot: QtBot, desk: Desk,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    pid = add_pupil(desk)
    tab = _profile(qtbot, desk, pid)
    assert tab.chart.title() == "Standardised: no scores yet"
    with answering_forms(monkeypatch, {"kind": ScoreKind.STANDARDISED, "test_name": "NGRT",
                                       "value": "eighty"},
                         {"kind": ScoreKind.STANDARDISED, "test_name": "NGRT",
                          "value": "84"}) as shown:
        _click(qtbot, tab, "Add score…")
        assert "s a number (ages in months" in shown[0].general.text() + "".join(
            label.text() for label in shown[0].errors.values())
        _click(qtbot, tab, "Add score…")
    assert tab.scores.index(0, 3).data() == "84"
    (series,) = tab.chart.series()
    assert isinstance(series, QLineSeries) and series.name() == "NGRT" and series.count() == 1
