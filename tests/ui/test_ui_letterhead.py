"""Settings: the letterhead's address typed in and saved, the logo chosen and removed."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import photo_png
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sencodesk.services import school
from sencodesk.services.context import Desk
from sencodesk.ui.settings.letterhead import LogoPicker
from sencodesk.ui.settings.view import SettingsView


def test_address_and_logo_for_letters(qtbot: QtBot, desk: Desk, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch,
                                      message_boxes: list[tuple[str, str]]) -> None:
    view = SettingsView(desk)
    qtbot.addWidget(view)
    view.show()
    view.address.setFocus()
    qtbot.keyClicks(view.address, "1 Oak Lane")
    qtbot.keyClick(view.address, Qt.Key.Key_Return)
    qtbot.keyClicks(view.address, "Hilltown HT1 2AB")
    assert view.has_unsaved_changes()
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert school.get(desk).address == "1 Oak Lane\nHilltown HT1 2AB"
    assert not view.has_unsaved_changes()
    logo = tmp_path / "logo.png"
    logo.write_bytes(photo_png())
    monkeypatch.setattr(LogoPicker, "choose_file", classmethod(lambda cls, _p: str(logo)))
    assert not view.logo.remove_button.isVisible()
    qtbot.mouseClick(view.logo.choose_button, Qt.MouseButton.LeftButton)
    assert school.logo(desk) == logo.read_bytes()
    assert view.logo.preview.pixmap().height() == 40
    qtbot.mouseClick(view.logo.remove_button, Qt.MouseButton.LeftButton)
    assert school.logo(desk) is None and "No logo" in view.logo.preview.text()
    logo.write_bytes(b"not a picture")
    qtbot.mouseClick(view.logo.choose_button, Qt.MouseButton.LeftButton)
    assert school.logo(desk) is None
    assert message_boxes and "PNG or JPEG" in message_boxes[-1][1]
