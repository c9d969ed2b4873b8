"""`sencodesk export calendar`: an iCalendar file the icalendar library reads back, with UIDs
that stay the same from one export to the next, and no names or UPNs unless asked for."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest
from factories import PASSWORD

from sencodesk.cli import main


@pytest.fixture
def school(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
           ) -> list[dict[str, str]]:
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
    assert main(["demo", "--pupils", "40", "--seed", "5"]) == 0
    capsys.readouterr()
    assert main(["pupils", "list", "--json"]) == 0
    rows: list[dict[str, str]] = json.loads(capsys.readouterr().out)
    return rows


def _events(path: Path) -> list[icalendar.cal.Component]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return list(cal.walk("VEVENT"))


def test_calendar_parses_has_stable_uids_and_no_names(
        school: list[dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert main(["export", "calendar", "-o", str(first)]) == 0
    assert main(["export", "calendar", "-o", str(second)]) == 0
    events = _events(first)
    assert len(events) > 10
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert uids == [str(e["UID"]) for e in _events(second)]
    text = first.read_text(encoding="utf-8")
    for pupil in school:
        assert pupil["upn"] not in text
        assert f"{pupil['forename']} {pupil['surname']}" not in text
    census = [e for e in events if "census day" in str(e["SUMMARY"])]
    assert census and "DfE school census guide" in str(census[0]["DESCRIPTION"])
    deadline = next(e for e in events if "Rule: Reg" in str(e["DESCRIPTION"]))
    assert deadline.decoded("DTSTART") < deadline.decoded("DTEND")
    assert main(["export", "calendar", "--names", "-o", str(tmp_path / "n.ics")]) == 0
    named = (tmp_path / "n.ics").read_text(encoding="utf-8")
    assert any(f"{p['forename']} {p['surname']}" in named for p in school)
    assert [str(e["UID"]) for e in _events(tmp_path / "n.ics")] == uids
    assert main(["export", "calendar", "--within", "7", "-o", str(tmp_path / "w.ics")]) == 0
    assert 0 < len(_events(tmp_path / "w.ics")) < len(events)
    assert main(["export", "calendar", "-o", str(tmp_path / "x.pdf")]) == 1
    assert "should end in .ics" in capsys.readouterr().err
