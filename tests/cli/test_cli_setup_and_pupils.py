"""The headless commands: init, demo, pupils list/show, check-upn."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories import PASSWORD

from sencodesk.cli import main
from sencodesk.domain.upn import check


@pytest.fixture
def signed_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)


def test_check_upn_reports_each_and_exits_1_if_any_invalid(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check-upn", "B801200005001"]) == 0
    assert main(["check-upn", "B801200005001", "C801200005001", "I23"]) == 1
    out = capsys.readouterr().out
    assert "C801200005001: invalid (check letter should be B, not C)" in out
    assert "I23: invalid (a UPN has 13 characters, this has 3)" in out


def test_init_then_pupils_list_is_empty(
    signed_env: None, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", "--school", "St Mary's C of E Primary"]) == 0
    assert (data_dir / "sencodesk.db").exists()
    assert "Sign in as senco" in capsys.readouterr().out
    assert main(["pupils", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["init", "--school", "Again"]) == 1
    assert "already holds" in capsys.readouterr().err


def test_demo_lists_ehcp_pupils_as_json(
    signed_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--pupils", "150", "--seed", "3"]) == 0
    capsys.readouterr()
    assert main(["pupils", "list", "--status", "E", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(r["status"] == "E" for r in rows)
    for key in ("upn", "surname", "forename", "dob", "year_group", "class", "status",
                "primary_need", "secondary_need"):
        assert key in rows[0]
    assert all(check(r["upn"]).valid for r in rows)
    assert all(r["primary_need"] for r in rows)
    assert main(["pupils", "show", rows[0]["upn"], "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["upn"] == rows[0]["upn"] and shown["status_history"]


def test_demo_is_deterministic_for_a_seed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
    listings = []
    for name in ("a", "b"):
        folder = str(tmp_path / name)
        assert main(["demo", "--pupils", "60", "--seed", "11", "--data-dir", folder]) == 0
        capsys.readouterr()
        assert main(["pupils", "list", "--json", "--data-dir", folder]) == 0
        listings.append(json.loads(capsys.readouterr().out))
    assert listings[0] == listings[1]


def test_wrong_password_is_a_clear_error_not_a_traceback(
    signed_env: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", "--school", "Oak"]) == 0
    monkeypatch.setenv("SENCODESK_PASSWORD", "not it at all")
    assert main(["pupils", "list"]) == 1
    err = capsys.readouterr().err
    assert "do not match an account" in err and "Traceback" not in err


def test_show_unknown_or_invalid_upn(signed_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--school", "Oak"]) == 0
    assert main(["pupils", "show", "B801200005001"]) == 1
    assert "No pupil with UPN B801200005001" in capsys.readouterr().err
    assert main(["pupils", "show", "C801200005001"]) == 1
    assert "check letter should be B" in capsys.readouterr().err


def test_no_school_yet(signed_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pupils", "list"]) == 1
    assert "sencodesk init" in capsys.readouterr().err


def test_backup_then_restore_from_the_command_line(
    signed_env: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--pupils", "40"]) == 0
    target = tmp_path / "school.sencodesk-backup"
    assert main(["backup", "-o", str(target)]) == 0
    assert "encrypted" in capsys.readouterr().out
    assert main(["restore", str(target)]) == 1  # not a terminal and no --yes
    assert "--yes" in capsys.readouterr().err
    assert main(["restore", str(target), "--yes"]) == 0
    assert "Restored" in capsys.readouterr().out
    assert main(["pupils", "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 40


def test_backup_output_mistakes_are_caught_before_anything_is_written(
    signed_env: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--pupils", "10"]) == 0
    assert main(["backups", "list"]) == 0
    assert "No backups yet" in capsys.readouterr().out
    for wrong, message in ((tmp_path, "is a folder"),
                           (tmp_path / "USB not plugged in" / "b.backup", "there is no folder")):
        with pytest.raises(SystemExit):
            main(["backup", "-o", str(wrong)])
        assert message in capsys.readouterr().err
    assert not (tmp_path / "USB not plugged in").exists()
    target = tmp_path / "b.backup"
    assert main(["backup", "-o", str(target)]) == 0
    first = target.read_bytes()
    assert main(["backup", "-o", str(target)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert target.read_bytes() == first
    assert main(["backup", "-o", str(target), "--replace"]) == 0


def test_restore_on_a_new_laptop_makes_the_data_folder(
    signed_env: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--pupils", "10"]) == 0
    target = tmp_path / "b.backup"
    assert main(["backup", "-o", str(target)]) == 0
    laptop = tmp_path / "new laptop" / "sencodesk"
    assert main(["--data-dir", str(laptop), "restore", str(target), "--yes"]) == 0
    assert (laptop.stat().st_mode & 0o777) == 0o700
    files = [path for path in laptop.iterdir() if path.is_file()]
    assert files and all((path.stat().st_mode & 0o077) == 0 for path in files)
    capsys.readouterr()
    assert main(["--data-dir", str(laptop), "pupils", "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 10


def test_a_teacher_cannot_restore_from_the_command_line(
    signed_env: None, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert main(["demo", "--pupils", "5"]) == 0
    monkeypatch.setenv("SENCODESK_NEW_PASSWORD", "teacher's pass")
    assert main(["accounts", "add", "tia", "--name", "Tia Jones", "--role", "teacher"]) == 0
    target = tmp_path / "b.backup"
    assert main(["backup", "-o", str(target)]) == 0
    capsys.readouterr()
    monkeypatch.setenv("SENCODESK_USER", "tia")
    monkeypatch.setenv("SENCODESK_PASSWORD", "teacher's pass")
    assert main(["restore", str(target), "--yes"]) == 1
    assert "Teacher accounts cannot back up and restore" in capsys.readouterr().err
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
    assert main(["restore", str(target), "--yes"]) == 0
    capsys.readouterr()
    assert main(["audit", "list"]) == 0
    listing = capsys.readouterr().out
    restore_line = next(line for line in listing.splitlines() if "restored b.backup" in line)
    assert "sencodesk" not in restore_line.split("restored")[0]


def test_pupils_list_search_is_case_folded_beyond_ascii(
    signed_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    from factories import add_pupil

    from sencodesk.paths import data_dir
    from sencodesk.services import accounts

    assert main(["init", "--school", "Oak Hill"]) == 0
    desk = accounts.sign_in(data_dir(), "senco", PASSWORD)
    try:
        add_pupil(desk, legal_surname="Łukasiewicz", legal_forename="Jan")
        add_pupil(desk, legal_surname="Lukes", legal_forename="Amy")
    finally:
        desk.close()
    capsys.readouterr()
    assert main(["pupils", "list", "--search", "łuk", "--json"]) == 0
    assert [r["surname"] for r in json.loads(capsys.readouterr().out)] == ["Łukasiewicz"]
