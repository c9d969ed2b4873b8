"""`sencodesk pupils show` opens the record, so it is audited like opening it in the app."""

from __future__ import annotations

import pytest
from factories import PASSWORD, add_pupil

from sencodesk.cli import main
from sencodesk.services import audit, pupils
from sencodesk.services.context import Desk


def test_showing_a_pupil_on_the_command_line_is_an_audited_view(
    desk: Desk, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
    pid = add_pupil(desk)
    assert main(["pupils", "list"]) == 0
    assert main(["pupils", "show", pupils.get(desk, pid).row.upn]) == 0
    assert "O'Brien" in capsys.readouterr().out
    views = [e for e in audit.list_events(desk, pupil_id=pid) if e.action == "view"]
    assert [(e.actor, e.summary) for e in views] == [("Sam Patel", "record opened")]
