"""The crash dialog and the log never carry SQL values or pupil data (issue 16.11)."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from sencodesk.domain.errors import StoreError
from sencodesk.services.context import Desk
from sencodesk.ui import application

NOTE = "Disclosed at break: uncle hits her (safeguarding)"


def _crash(error: BaseException, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the app's crash handler on ``error`` and return what its dialog shows."""
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text() + "\n" + box.detailedText())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    application._excepthook(type(error), error, error.__traceback__)
    (text_,) = shown
    return text_


def test_a_failing_save_shows_no_note_in_the_dialog_or_the_log(
        qapp: object, desk: Desk, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(StoreError) as raised, desk.db.transaction() as session:
        session.execute(text("UPDATE pupil SET no_such_column = :note"), {"note": NOTE})
    with caplog.at_level(logging.INFO, logger="sencodesk"):
        shown = _crash(raised.value, monkeypatch)
    assert "could not be used just now" in shown
    assert NOTE not in shown and NOTE not in caplog.text
    assert "StoreError" in caplog.text


def test_a_raw_database_error_loses_its_values_in_the_dialog(
        qapp: object, desk: Desk, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(DBAPIError) as raised, desk.db.engine.connect() as connection:
        connection.execute(text("INSERT INTO no_such_table VALUES (:note)"), {"note": NOTE})
    with caplog.at_level(logging.INFO, logger="sencodesk"):
        shown = _crash(raised.value, monkeypatch)
    assert "OperationalError" in shown and "test_ui_crash_details.py" in shown
    assert NOTE not in shown and NOTE not in caplog.text
