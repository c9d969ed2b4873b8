"""The Due dashboard asks for the census check in the four weeks before a census day; its
button checks a real MIS export against the register and shows the PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from factories import add_pupil
from pdf_checks import page_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from sencodesk.domain.codes import NeedType
from sencodesk.services import pupils
from sencodesk.services.context import Desk
from sencodesk.ui.due.census_banner import CensusBanner
from sencodesk.ui.due.view import DueView
from sencodesk.ui.pdf_preview import PdfPreviewDialog


def test_banner_shows_before_the_census_and_checks_the_mis_export(
        qtbot: QtBot, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pid = add_pupil(desk, needs=(NeedType.SPLD,), legal_surname="Adams", legal_forename="Amy")
    upn = pupils.get(desk, pid).row.upn
    view = DueView(desk)  # 22/11/2026: the spring census (21/01/2027) is 60 days off
    qtbot.addWidget(view)
    view.show()
    assert not view.census.isVisible()
    desk.today = lambda: date(2027, 1, 4)
    qtbot.mouseClick(_button(view, "&Refresh"), Qt.MouseButton.LeftButton)
    assert view.census.isVisible()
    assert "Spring census day: Thursday 21/01/2027</b> (in 17 days" in view.census.text.text()
    mis = tmp_path / "sen.csv"
    mis.write_text(f"UPN,SEN Status,Primary Need\n{upn},K,MLD\n", encoding="utf-8")
    monkeypatch.setattr(CensusBanner, "choose_mis_file", classmethod(lambda cls, _p: str(mis)))
    shown: list[tuple[bytes, str]] = []
    monkeypatch.setattr(PdfPreviewDialog, "show_pdf",
                        classmethod(lambda cls, pdf, title, *a, **k: shown.append((pdf, title))))
    qtbot.mouseClick(view.census.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=15000)
    text = " ".join(" ".join(page_text(shown[0][0])).split())
    assert shown[0][1] == "Census check"
    assert "Needs or ranks differ" in text and "set the needs to SPLD (rank 1)" in text
    qtbot.waitUntil(view.census.check_button.isEnabled, timeout=5000)


def _button(view: DueView, text: str) -> QPushButton:
    return next(b for b in view.findChildren(QPushButton) if b.text() == text)


def test_calendar_button_saves_an_ics_without_names_unless_ticked(
        qtbot: QtBot, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        message_boxes: list[tuple[str, str]]) -> None:
    import icalendar

    from sencodesk.services import ehcp
    from sencodesk.ui.due.calendar_button import CalendarExport

    pid = add_pupil(desk, legal_surname="Adams", legal_forename="Amy")
    ehcp.open_request(desk, pid, received_on=date(2026, 11, 2))
    view = DueView(desk)
    qtbot.addWidget(view)
    view.show()
    target = tmp_path / "deadlines"
    monkeypatch.setattr(CalendarExport, "choose_path", classmethod(lambda cls, _p: str(target)))
    qtbot.mouseClick(view.calendar.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=15000)
    saved = tmp_path / "deadlines.ics"
    events = list(icalendar.Calendar.from_ical(saved.read_bytes()).walk("VEVENT"))
    assert any("AA (" in str(e["SUMMARY"]) for e in events)
    assert "Amy" not in saved.read_text(encoding="utf-8")
    assert "saved to deadlines.ics" in message_boxes[0][1]
    qtbot.mouseClick(view.calendar.names, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(view.calendar.button.isEnabled, timeout=5000)
    qtbot.mouseClick(view.calendar.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(message_boxes) == 2, timeout=15000)
    assert "Amy Adams" in saved.read_text(encoding="utf-8")
