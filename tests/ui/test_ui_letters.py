"""Letters to parents from the register: the letter chosen, one file per family or one PDF,
and each letter in the pupil's contact log."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import with_reviewed_plan
from pdf_checks import page_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sencodesk.services import records_log
from sencodesk.services.context import Desk
from sencodesk.ui.pdf_preview import PdfPreviewDialog
from sencodesk.ui.register.letters import LettersDialog
from sencodesk.ui.register.view import RegisterView


def test_register_button_opens_letters_for_what_is_shown(
        qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = [with_reviewed_plan(desk, "Amy"), with_reviewed_plan(desk, "Ben")]
    opened: list[list[int]] = []
    monkeypatch.setattr(LettersDialog, "exec", lambda self: opened.append(self.pupil_ids))
    view = RegisterView(desk)
    qtbot.addWidget(view)
    view.show()
    qtbot.keyClicks(view.search, "Ben")
    qtbot.mouseClick(view.letters_button, Qt.MouseButton.LeftButton)
    assert opened == [[ids[1]]]


def test_one_file_per_family_then_one_pdf(
        qtbot: QtBot, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        message_boxes: list[tuple[str, str]]) -> None:
    ids = [with_reviewed_plan(desk, "Amy"), with_reviewed_plan(desk, "Ben")]
    dialog = LettersDialog(desk, ids)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    assert dialog.kind.currentText() == "Summary of a review"
    qtbot.mouseClick(dialog.each, Qt.MouseButton.LeftButton)
    monkeypatch.setattr(LettersDialog, "choose_folder", classmethod(lambda cls, _p: str(tmp_path)))
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    files = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert files == ["Summary of a review - Amy Adams.pdf", "Summary of a review - Ben Adams.pdf"]
    assert "2 letters saved" in message_boxes[-1][1]
    shown: list[tuple[bytes, str]] = []
    monkeypatch.setattr(PdfPreviewDialog, "show_pdf",
                        classmethod(lambda cls, pdf, title, *a, **k: shown.append((pdf, title))))
    again = LettersDialog(desk, ids)
    qtbot.addWidget(again)
    again.show()
    qtbot.mouseClick(again.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=15000)
    assert shown[0][1] == "Special educational provision"
    assert len(page_text(shown[0][0])) == 2
    for pid in ids:
        assert len([c for c in records_log.contacts(desk, pid) if c.kind == "letter"]) == 2
