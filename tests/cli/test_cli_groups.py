"""`sencodesk import groups` and `accounts staff-code`: a class list from the command line,
refused whole when a row is wrong; a Teacher's commands reach only their pupils."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories import PASSWORD

from sencodesk.cli import main

PUPILS = ("UPN,Surname,Forename,DOB,Year,Class\n"
          "B801200005001,Adeyemi,Tunde,01/03/2013,8,8X\n"
          "Q801200005002,Brown,Amy,02/04/2013,8,8X\n")


@pytest.fixture
def school(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
           tmp_path: Path) -> None:
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("SENCODESK_NEW_PASSWORD", "teacher pass word")
    assert main(["init", "--school", "Oak", "--name", "Sam Patel"]) == 0
    (tmp_path / "pupils.csv").write_text(PUPILS, encoding="utf-8")
    assert main(["import", "pupils", str(tmp_path / "pupils.csv"), "--yes"]) == 0
    assert main(["accounts", "add", "jsmith", "--name", "Jo Smith", "--role", "teacher"]) == 0
    assert main(["accounts", "staff-code", "jsmith", "JSM"]) == 0
    capsys.readouterr()


def test_a_bad_row_refuses_the_file_then_a_good_one_imports(
        school: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "classes.csv"
    file.write_text("Class,Subject,Staff,UPN\n8X/Ma1,Maths,JSM,B801200005001\n"
                    "8X/Ma1,Maths,JSM,B801200009999\n", encoding="utf-8")
    assert main(["import", "groups", str(file), "--yes"]) == 1
    captured = capsys.readouterr()
    assert "Rejected: row 3: UPN: no pupil with UPN B801200009999" in captured.out
    assert "Nothing was imported" in captured.err
    file.write_text("Class,Subject,Staff,UPN\n8X/Ma1,Maths,JSM,B801200005001\n",
                    encoding="utf-8")
    assert main(["import", "groups", str(file), "--dry-run", "--mapping", "sims"]) == 0
    assert "New group: 8X/Ma1 (Maths, taught by Jo Smith): 1 joining" in capsys.readouterr().out
    assert main(["import", "groups", str(file), "--yes"]) == 0
    assert "1 new and 0 changed groups; 1 pupils placed" in capsys.readouterr().out
    assert main(["import", "groups", str(file), "--yes"]) == 0
    assert "Nothing to import." in capsys.readouterr().out


def test_a_teachers_commands_reach_only_their_pupils(
        school: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "classes.csv"
    file.write_text("Class,Subject,Staff,UPN\n8X/Ma1,Maths,JSM,B801200005001\n",
                    encoding="utf-8")
    assert main(["import", "groups", str(file), "--yes"]) == 0
    monkeypatch.setenv("SENCODESK_USER", "jsmith")
    monkeypatch.setenv("SENCODESK_PASSWORD", "teacher pass word")
    capsys.readouterr()
    assert main(["pupils", "list", "--json"]) == 0
    assert [p["upn"] for p in json.loads(capsys.readouterr().out)] == ["B801200005001"]
    assert main(["pupils", "show", "Q801200005002"]) == 1
    assert "not in any of your teaching groups" in capsys.readouterr().err


@pytest.mark.parametrize("command", [
    ["pupils", "show", "{upn}"],
    ["pupils", "leave", "{upn}", "--on", "22/11/2026"],
    ["export", "passport", "{upn}", "-o", "{out}.pdf"],
    ["export", "plan", "{upn}", "-o", "{out}.pdf"],
    ["export", "ehcp", "{upn}", "-o", "{out}.pdf"],
    ["export", "ctf", "{upn}", "-o", "{out}.xml"],
    ["export", "sar", "{upn}", "-o", "{out}.zip"],
    ["export", "transfer-pack", "{upn}", "-o", "{out}.zip"],
    ["audit", "list", "--pupil", "{upn}"],
    ["retention", "delete", "{upn}", "--yes"],
], ids=lambda c: " ".join(c[:2]))
def test_no_command_gives_a_teacher_a_pupil_outside_their_groups(
        school: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    file = tmp_path / "classes.csv"
    file.write_text("Class,Subject,Staff,UPN\n8X/Ma1,Maths,JSM,B801200005001\n",
                    encoding="utf-8")
    assert main(["import", "groups", str(file), "--yes"]) == 0
    monkeypatch.setenv("SENCODESK_USER", "jsmith")
    monkeypatch.setenv("SENCODESK_PASSWORD", "teacher pass word")
    monkeypatch.setenv("SENCODESK_TRANSFER_PASSPHRASE", "a long enough passphrase")
    capsys.readouterr()
    out = tmp_path / "out"
    args = [part.format(upn="Q801200005002", out=out) for part in command]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "not in any of your teaching groups" in err or "Teacher accounts cannot" in err
    assert list(tmp_path.glob("out*")) == []


def test_a_pupil_shared_by_name_from_the_command_line(
        school: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "classes.csv"
    file.write_text("Class,Subject,Staff,UPN\n8X/Ma1,Maths,JSM,B801200005001\n",
                    encoding="utf-8")
    assert main(["import", "groups", str(file), "--yes"]) == 0
    assert main(["groups", "share", "Q801200005002", "jsmith", "--until", "31/12/2040"]) == 0
    assert "Shared Q801200005002 with jsmith until 31/12/2040." in capsys.readouterr().out
    monkeypatch.setenv("SENCODESK_USER", "jsmith")
    monkeypatch.setenv("SENCODESK_PASSWORD", "teacher pass word")
    assert main(["groups", "list"]) == 0
    assert "8X/Ma1  Maths    Jo Smith  1" in capsys.readouterr().out
    assert main(["pupils", "show", "Q801200005002"]) == 0
    assert main(["groups", "share", "B801200005001", "jsmith", "--until", "31/12/2040"]) == 1
    assert "Teacher accounts cannot change teaching groups" in capsys.readouterr().err
