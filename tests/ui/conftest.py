"""GUI fixtures: modal message boxes answered at once (the demo school is in tests/conftest)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Modal message boxes never block a test: they are recorded and answered at once (No to a
    question, OK to anything else)."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def answer(kind: str, reply: QMessageBox.StandardButton) -> object:
        def box(_parent: object, title: str, text: str, *_args: object,
                **_kwargs: object) -> QMessageBox.StandardButton:
            shown.append((kind, text))
            return reply
        return staticmethod(box)

    monkeypatch.setattr(QMessageBox, "question", answer("question", QMessageBox.StandardButton.No))
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, answer(kind, QMessageBox.StandardButton.Ok))
    return shown


@pytest.fixture(autouse=True)
def viewing_folder(tmp_path: object, monkeypatch: pytest.MonkeyPatch) -> object:
    """Decrypted viewing copies go under the test's own folder, not the machine's temp."""
    from pathlib import Path

    from sencodesk.ui import viewing

    folder = Path(str(tmp_path)) / "viewing"
    monkeypatch.setattr(viewing, "folder", lambda: folder)
    return folder


@pytest.fixture
def window(qtbot: object, demo_desk: object) -> object:
    """The main window on the demo school, shown."""
    from sencodesk.ui.main_window import MainWindow

    main = MainWindow(demo_desk)  # type: ignore[arg-type]
    qtbot.addWidget(main)  # type: ignore[attr-defined]
    main.show()
    return main
