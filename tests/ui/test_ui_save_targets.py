"""Saving a PDF from the app: the save dialog asks before replacing a file, and the data
folder is refused with a message."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from sencodesk.services.context import Desk
from sencodesk.ui.pdf_preview import PdfPreviewDialog

PDF = b"%PDF-1.4\n%%EOF\n"


def _save(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    dialog = PdfPreviewDialog(PDF, "Register")
    qtbot.addWidget(dialog)
    monkeypatch.setattr(PdfPreviewDialog, "choose_path",
                        classmethod(lambda cls, parent, suggested: str(target)))
    dialog.show()
    button = next(b for b in dialog.findChildren(QPushButton) if "Save" in b.text())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_saving_into_the_data_folder_is_refused(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch,
    message_boxes: list[tuple[str, str]],
) -> None:
    target = desk.data_dir / "keyslots.json"
    before = target.read_bytes()
    _save(qtbot, monkeypatch, target)
    assert "data folder" in message_boxes[-1][1]
    assert target.read_bytes() == before


def test_a_file_the_save_dialog_confirmed_is_replaced(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    message_boxes: list[tuple[str, str]],
) -> None:
    target = tmp_path / "register.pdf"
    target.write_bytes(b"old")
    _save(qtbot, monkeypatch, target)
    assert target.read_bytes() == PDF and not message_boxes
