"""The SEN information report from the Reports screen: the words written section by section
in the app, kept, previewed as a PDF and saved as a web page."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_checks import page_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sencodesk.domain.info_report import SECTIONS
from sencodesk.services import info_report
from sencodesk.services.context import Desk
from sencodesk.ui.info_report_editor import InfoReportEditor
from sencodesk.ui.pdf_preview import PdfPreviewDialog
from sencodesk.ui.reports_view import ReportsView


def test_write_sections_then_preview_and_save_the_web_page(
        qtbot: QtBot, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    editor = InfoReportEditor(desk)
    qtbot.addWidget(editor)
    editor.show()
    editor.words.setFocus()
    qtbot.keyClicks(editor.words, "Pupils with every kind of need.")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert info_report.texts(desk) == {"kinds": "Pupils with every kind of need."}
    # moving to another section keeps what was typed in this one
    editor.sections.setFocus()
    qtbot.keyClick(editor.sections, Qt.Key.Key_Down)
    editor.words.setFocus()
    qtbot.keyClicks(editor.words, "Teachers notice first.")
    editor.sections.setFocus()
    qtbot.keyClick(editor.sections, Qt.Key.Key_Up)
    assert editor.words.toPlainText() == "Pupils with every kind of need."
    assert info_report.texts(desk)["identification"] == "Teachers notice first."
    target = tmp_path / "report.html"
    monkeypatch.setattr(InfoReportEditor, "choose_path", classmethod(lambda cls, _p: str(target)))
    qtbot.mouseClick(editor.web_button, Qt.MouseButton.LeftButton)
    html = target.read_text(encoding="utf-8")
    assert "Teachers notice first." in html and "Saved as report.html" in editor.status.text()
    assert html.count("<h2>") == len(SECTIONS)

    shown: list[tuple[bytes, str]] = []
    monkeypatch.setattr(PdfPreviewDialog, "show_pdf",
                        classmethod(lambda cls, pdf, title, *a, **k: shown.append((pdf, title))))
    view = ReportsView(desk)
    qtbot.addWidget(view)
    view.show()
    view.choice.setCurrentRow([d.title for d in view.documents].index("SEN information report"))
    assert view.edit_info_report.isVisible()
    qtbot.mouseClick(view.preview, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=15000)
    text = " ".join(" ".join(page_text(shown[0][0])).split())
    assert "Pupils with every kind of need." in text and SECTIONS[-1].heading in text
