"""The trust's dashboard from the Reports screen: the SENCO saves the school's summary, then
(as the trust's central team would) draws the dashboard from the summary files, typing the
trust's name and choosing the files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pdf_checks import page_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlmodel import select

from sencodesk.services import audit, pupils
from sencodesk.services.context import Desk
from sencodesk.store.tables import TrustSummary
from sencodesk.ui.pdf_preview import PdfPreviewDialog
from sencodesk.ui.reports_view import ReportsView


def _click_document(qtbot: QtBot, view: ReportsView, title: str) -> None:
    row = [d.title for d in view.documents].index(title)
    rect = view.choice.visualItemRect(view.choice.item(row))
    qtbot.mouseClick(view.choice.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.current() is view.documents[row]


def test_the_school_summary_and_the_trust_dashboard_from_the_reports_screen(
        qtbot: QtBot, demo_desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[bytes, str]] = []
    monkeypatch.setattr(PdfPreviewDialog, "show_pdf",
                        classmethod(lambda cls, pdf, title, *a, **k: shown.append((pdf, title))))
    saved = tmp_path / "riverside.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(saved)], ""))
    view = ReportsView(demo_desk)
    qtbot.addWidget(view)
    view.show()

    _click_document(qtbot, view, "School summary for the trust")
    assert view.preview.text() == "&Save the summary…" and not view.trust.isVisible()
    qtbot.mouseClick(view.preview, Qt.MouseButton.LeftButton)
    summary = json.loads(saved.read_text(encoding="utf-8"))
    assert summary["on_roll"] == len(pupils.list_pupils(demo_desk))
    assert any(e.entity == "school summary for the trust"
               for e in audit.list_events(demo_desk, limit=5))

    _click_document(qtbot, view, "Trust dashboard")
    assert view.trust.isVisible()
    qtbot.mouseClick(view.trust, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(view.trust, "Oakwood Learning Trust")
    qtbot.mouseClick(view.choose_summaries, Qt.MouseButton.LeftButton)
    assert view.summaries_note.text() == "1 chosen: riverside.json"
    qtbot.mouseClick(view.preview, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=15000)
    pdf, title = shown[0]
    text = " ".join(" ".join(page_text(pdf)).split())
    assert title == "Trust dashboard"
    assert "Oakwood Learning Trust" in text and "The register, school by school" in text
    assert re.search(rf"{re.escape(summary['school'])} {summary['on_roll']:,} ", text)


def test_a_school_on_its_own_computer_sends_a_file_rather_than_sharing(
        qtbot: QtBot, demo_desk: Desk) -> None:
    view = ReportsView(demo_desk)
    qtbot.addWidget(view)
    titles = [d.title for d in view.documents]
    assert "School summary for the trust" in titles
    assert "Share the summary with the trust" not in titles


def test_a_school_on_the_trusts_server_shares_its_summary_from_the_reports_screen(
        qtbot: QtBot, server_demo_desk: Desk) -> None:
    desk = server_demo_desk
    view = ReportsView(desk)
    qtbot.addWidget(view)
    view.show()
    _click_document(qtbot, view, "Share the summary with the trust")
    assert view.preview.text() == "&Share with the trust" and not view.trust.isVisible()
    assert view.share_note.isVisible()
    assert view.share_note.text() == "Not shared with the trust yet."
    qtbot.mouseClick(view.preview, Qt.MouseButton.LeftButton)
    assert re.fullmatch(r"Last shared at \d\d:\d\d on \d\d/\d\d/\d{4} by senco\.",
                        view.share_note.text())
    (event,) = [e for e in audit.list_events(desk, limit=5)
                if e.entity == "school summary for the trust"]
    assert "shared on the trust's server" in event.summary
    with desk.db.transaction(snapshot="read") as session:
        (shared,) = session.exec(select(TrustSummary)).all()
    assert json.loads(shared.summary_json)["on_roll"] == len(pupils.list_pupils(desk))
    assert shared.shared_by == desk.actor.username
