"""Exports never write into sencodesk's data folder, and replace a file only when asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import PASSWORD

from sencodesk.cli import main
from sencodesk.domain.errors import ValidationError
from sencodesk.services import saving


@pytest.fixture
def school(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> Path:
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
    assert main(["demo", "--pupils", "5"]) == 0
    return data_dir


@pytest.mark.parametrize("name", ["sencodesk.db", "keyslots.json", "register.csv",
                                  "documents/register.csv"])
def test_no_export_writes_into_the_data_folder(
    school: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    (school / "documents").mkdir(exist_ok=True)
    target = school / name
    before = target.stat().st_ino if target.exists() else None  # a replaced file is new
    capsys.readouterr()
    assert main(["export", "register", "--csv", "-o", str(target), "--replace"]) == 1
    assert "data folder" in capsys.readouterr().err
    assert (target.stat().st_ino if target.exists() else None) == before
    assert main(["backup", "-o", str(target), "--replace"]) == 1
    assert (target.stat().st_ino if target.exists() else None) == before


def test_a_link_into_the_data_folder_is_refused(school: Path, tmp_path: Path) -> None:
    link = tmp_path / "innocent.csv"
    link.symlink_to(school / "keyslots.json")
    with pytest.raises(ValidationError, match="data folder"):
        saving.check_target(link, replace=True)


def test_an_existing_file_is_replaced_only_with_replace(
    school: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "register.pdf"
    target.write_bytes(b"someone's work")
    for command in (["export", "register", "-o", str(target)],
                    ["export", "register", "--csv", "-o", str(tmp_path / "r.csv")]):
        if "--csv" in command:
            (tmp_path / "r.csv").write_bytes(b"someone's work")
        capsys.readouterr()
        assert main(command) == 1
        assert "--replace" in capsys.readouterr().err
    assert target.read_bytes() == b"someone's work"
    assert main(["export", "register", "-o", str(target), "--replace"]) == 0
    assert target.read_bytes().startswith(b"%PDF")
