"""Odd input gets a plain message, never a traceback: backup headers, far-off dates, a huge
--within, a 128 KB CSV cell, a 500 MB attachment."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories import PASSWORD, add_pupil
from pytestqt.qtbot import QtBot

from sencodesk.cli import main
from sencodesk.domain import mis_csv
from sencodesk.domain.errors import ValidationError
from sencodesk.services import backups, records_log
from sencodesk.services.context import Desk

ODD_HEADERS: list[object] = [
    {"format": "two", "schema": "0001", "app_version": "1", "taken_at": "20261122-101010"},
    {"format": 2, "schema": "0001", "app_version": "1", "taken_at": 5},
    {"format": 2, "schema": "0001", "app_version": "1", "taken_at": "yesterday"},
    {"format": 2},
    [1, 2, 3],
    {"format": 2, "taken_at": "20261122-101010", "schema": {"a": 1}, "app_version": None},
]


def _odd_backup(path: Path, header: object) -> None:
    body = json.dumps(header).encode()
    parts = [body, b"{}", b"db", b"zip"]
    path.write_bytes(backups.MAGIC + b"".join(backups.LENGTH.pack(len(p)) + p for p in parts))


@pytest.fixture
def odd_backups(desk: Desk) -> Path:
    folder = backups.backup_folder(desk.data_dir)
    folder.mkdir(mode=0o700)
    for number, header in enumerate(ODD_HEADERS):
        _odd_backup(folder / f"odd-{number}.sencodesk-backup", header)
    (folder / "a-folder.sencodesk-backup").mkdir()
    backups.backup(desk, folder / "good.sencodesk-backup")
    return folder


def test_odd_backup_headers_do_not_break_the_list(
    desk: Desk, odd_backups: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # odd-5 has a readable date: it is listed (and refused if anyone tries to restore it)
    assert sorted(b.path.name for b in backups.list_backups(desk.data_dir)) == [
        "good.sencodesk-backup", "odd-5.sencodesk-backup"]
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
    assert main(["backups", "list"]) == 0
    assert "good.sencodesk-backup" in capsys.readouterr().out


def test_odd_backup_headers_do_not_break_settings(
    qtbot: QtBot, desk: Desk, odd_backups: Path
) -> None:
    from sencodesk.ui.settings.view import SettingsView

    view = SettingsView(desk)
    qtbot.addWidget(view)
    assert view.backups is not None and view.backups.model.rowCount() == 2


def test_far_off_dates_and_a_huge_within_are_explained(
    desk: Desk, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for command in (["timeline", "ehcp", "--requested", "31/12/9999"],
                    ["timeline", "review", "--last-review", "9999-12-31"]):
        with pytest.raises(SystemExit):
            main(command)
        assert "give a year between 1900 and 2100" in capsys.readouterr().err
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
    with pytest.raises(SystemExit, match="from 0 to 3,653"):
        main(["deadlines", "--within", "99999999999"])
    rejected = mis_csv.parse(b"UPN,Surname,Forename,DOB,Year\n"
                             b"A801200001234,Smith,Bob,01/03/9999,7\n").errors
    assert "give a year between 1900 and 2100" in rejected[0].message


def test_a_128_kb_csv_cell_is_explained() -> None:
    data = b"UPN,Surname,Forename,DOB,Year\nA801200001234," + b"x" * 140_000 + b",Bob,1/3/14,7\n"
    with pytest.raises(ValidationError, match="row 2 cannot be read"):
        mis_csv.parse(data)


def test_a_500_mb_attachment_is_refused_before_it_is_read(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = add_pupil(desk)
    huge = tmp_path / "scan.pdf"
    with huge.open("wb") as handle:
        handle.truncate(500 * 1024 * 1024)  # sparse: takes no disk space
    read: list[Path] = []
    original = Path.read_bytes

    def spy(self: Path) -> bytes:
        read.append(self)
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", spy)
    with pytest.raises(ValidationError, match="over 50 MB"):
        records_log.attach(desk, pid, huge, title="Scan")
    with pytest.raises(ValidationError, match="over 5 MB"):
        records_log.set_photo_from(desk, pid, huge)
    assert huge not in read
