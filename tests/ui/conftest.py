"""GUI fixtures: a small demo school built once per session and copied for each test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from factories import PASSWORD, TODAY

from sencodesk.services import accounts, demo
from sencodesk.services.context import Desk
from sencodesk.store import keyslots

DEMO_PUPILS = 80


@pytest.fixture(scope="session")
def _demo_school(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo-template") / "data"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keyslots, "DEFAULT_KDF", keyslots.KdfParams(n=2**10, r=8, p=1))
        desk = accounts.init_school(folder, school_name="Demo", username="senco",
                                    full_name="Sam Patel", password=PASSWORD)
        desk.today = lambda: TODAY
        demo.build(desk, pupils=DEMO_PUPILS, seed=7)
        desk.close()
    return folder


@pytest.fixture
def demo_desk(data_dir: Path, _demo_school: Path) -> Iterator[Desk]:
    """A signed-in SENCO desk on an 80-pupil demo school; today is 22/11/2026."""
    shutil.copytree(_demo_school, data_dir)
    desk = accounts.sign_in(data_dir, "senco", PASSWORD)
    desk.today = lambda: TODAY
    yield desk
    desk.close()


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
