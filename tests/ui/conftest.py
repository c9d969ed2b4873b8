"""GUI fixtures: modal message boxes answered at once (the demo school is in tests/conftest)."""

from __future__ import annotations

from collections.abc import Iterator

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
def background_tasks_joined() -> Iterator[None]:
    """Work a test started on the thread pool ends with the test: none is left running into
    the next test (or writing to a data folder that is being deleted)."""
    yield
    from PySide6.QtCore import QThreadPool

    assert QThreadPool.globalInstance().waitForDone(30_000), "a background task is still running"


@pytest.fixture(autouse=True)
def backups_on_close(request: pytest.FixtureRequest) -> Iterator[list[object]]:
    """Closing a main window in a test writes no backup (it would cost about 2 s a window and
    outlive the test); the desks it would have backed up are recorded instead. A test of the
    backup on close asks for ``real_backup_on_close``."""
    from sencodesk.services import backups

    asked: list[object] = []
    if "real_backup_on_close" in request.fixturenames:
        yield asked
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(backups, "auto_backup", asked.append)
        yield asked


@pytest.fixture
def real_backup_on_close() -> None:
    """Closing a main window writes its backup, as in use."""


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
