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
