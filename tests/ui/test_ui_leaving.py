"""A SENCO records a leaver's destination and saves their SEN file for the next school, as a
person would: typing in the forms and pressing Save."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import pyzipper
from factories import add_pupil
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from sencodesk.services import pupils, retention
from sencodesk.services.context import Desk
from sencodesk.ui.form_dialog import FormDialog
from sencodesk.ui.pupil.workspace import PupilWorkspace


def _typing(qtbot: QtBot, answers: list[dict[str, str]]) -> Callable[..., bool]:
    """FormDialog.ask that types each answer into its field and clicks Save."""
    def ask(cls: type[FormDialog], title: str, fields: Any, save: Callable[..., Any],
            parent: QWidget | None = None, *, intro: str = "") -> bool:
        dialog = cls(title, fields, save, parent, intro=intro)
        dialog.show()
        widgets = {key: w for key, _label, w in dialog.fields}
        for key, text in answers.pop(0).items():
            qtbot.keyClicks(widgets[key], text)
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted
    return ask


def _button(workspace: PupilWorkspace, text: str) -> QPushButton:
    return next(b for b in workspace.findChildren(QPushButton) if b.text() == text)


def test_leaving_then_the_sen_file_for_the_next_school(
        qtbot: QtBot, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pid = add_pupil(desk)
    workspace = PupilWorkspace(desk, pid)
    qtbot.addWidget(workspace)
    workspace.show()
    answers = [{"destination": "Hillside Academy"},
               {"passphrase": "kingfisher lock", "again": "kingfisher lok"},
               {"passphrase": "kingfisher lock", "again": "kingfisher lock"}]
    monkeypatch.setattr(FormDialog, "ask", classmethod(_typing(qtbot, answers)))
    qtbot.mouseClick(_button(workspace, "Lea&ving…"), Qt.MouseButton.LeftButton)
    row = pupils.get(desk, pid).row
    assert row.left_on == desk.today()
    target = tmp_path / "pack.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(target), "")))
    pack_button = _button(workspace, "SEN file for next sc&hool…")
    qtbot.mouseClick(pack_button, Qt.MouseButton.LeftButton)  # passphrases differ: nothing
    assert not target.exists() and retention.due_for_deletion(desk) == []
    qtbot.mouseClick(pack_button, Qt.MouseButton.LeftButton)
    with pyzipper.AESZipFile(target) as archive:
        archive.setpassword(b"kingfisher lock")
        assert row.upn.encode() in archive.read("ctf.xml")
    (due,) = retention.due_for_deletion(desk)
    assert (due.pupil_id, due.sent_to) == (pid, "Hillside Academy")
