"""Opening an attached document leaves no decrypted copy behind, and says so when it cannot."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from sencodesk.services import records_log
from sencodesk.ui import application, viewing
from sencodesk.ui.main_window import MainWindow
from sencodesk.ui.pupil.documents_tab import DocumentsTab
from sencodesk.ui.register.view import RegisterView

SECRET = b"%PDF-1.4 SALT report: confidential"


def _documents_tab(window: MainWindow, tmp_path: Path, name: str = "salt.pdf") -> DocumentsTab:
    register = window.page("Register")
    assert isinstance(register, RegisterView)
    pupil_id = register.model.everyone[0].id
    source = tmp_path / name
    source.write_bytes(SECRET)
    records_log.attach(window.desk, pupil_id, source, title="SALT report", confidential=True)
    window.open_pupil(pupil_id, "documents")
    assert window.workspace is not None
    tab = window.workspace.tab("documents")
    assert isinstance(tab, DocumentsTab)
    return tab


def _open_first(qtbot: QtBot, tab: DocumentsTab) -> None:
    rect = tab.view.visualRect(tab.model.index(0, 0))
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    button = next(b for b in tab.findChildren(QPushButton) if b.text() == "&Open")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def say_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Yes))


def _copies(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def test_the_viewing_copy_goes_when_the_app_locks_and_when_it_closes(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, viewing_folder: Path,
        say_yes: None, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[Path] = []

    def launch(_cls: type, path: Path) -> bool:
        opened.append(path)
        return True

    monkeypatch.setattr(DocumentsTab, "launch", classmethod(launch))
    tab = _documents_tab(window, tmp_path)
    _open_first(qtbot, tab)
    assert len(opened) == 1 and opened[0].read_bytes() == SECRET
    assert opened[0].name == "salt.pdf" and viewing_folder in opened[0].parents
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert _copies(viewing_folder) == []
    window.guard.unlock()
    _open_first(qtbot, tab)
    assert _copies(viewing_folder) == [opened[1]]
    window.workspace = None  # nothing unsaved to ask about
    window.close()
    assert _copies(viewing_folder) == []


def test_no_viewer_says_so_and_leaves_no_copy(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, viewing_folder: Path,
        say_yes: None, monkeypatch: pytest.MonkeyPatch,
        message_boxes: list[tuple[str, str]]) -> None:
    monkeypatch.setattr(DocumentsTab, "launch", classmethod(lambda _cls, _path: False))
    tab = _documents_tab(window, tmp_path, "report.docx")
    _open_first(qtbot, tab)
    assert message_boxes and message_boxes[-1][0] == "warning"
    assert "No program on this computer opens DOCX files" in message_boxes[-1][1]
    assert _copies(viewing_folder) == []


def test_copies_left_by_a_crash_go_at_the_next_start(
        viewing_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    left = viewing.write_copy("salt.pdf", SECRET)
    assert left.exists() and viewing_folder in left.parents
    from sencodesk.ui import login

    monkeypatch.setattr(login.FirstRunDialog, "ask", staticmethod(lambda _folder: None))
    monkeypatch.setattr(login.SignInDialog, "ask", staticmethod(lambda _folder: None))
    assert application.run_gui() == 0
    assert _copies(viewing_folder) == []
