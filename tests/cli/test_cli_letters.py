"""`sencodesk letters KIND UPN... --each-to FOLDER | -o FILE`: real files, one per family."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories import PASSWORD
from pdf_checks import page_text

from sencodesk.cli import main


def test_letters_one_file_per_family_then_one_pdf(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
    assert main(["demo", "--pupils", "40", "--seed", "5"]) == 0
    capsys.readouterr()
    assert main(["pupils", "list", "--status", "K", "--json"]) == 0
    support = json.loads(capsys.readouterr().out)
    upns = [p["upn"] for p in support[:3]]
    folder = tmp_path / "letters"
    folder.mkdir()
    assert main(["letters", "sen-provision", *upns, "--each-to", str(folder)]) == 0
    files = sorted(folder.iterdir())
    assert len(files) == 3
    for pupil in support[:3]:
        name = f"{pupil['forename']} {pupil['surname']}"
        named = folder / f"Special educational provision - {name}.pdf"
        assert named in files, named
        text = " ".join(page_text(named.read_bytes()))
        assert "special educational provision" in text and pupil["upn"] not in text
    out = tmp_path / "all.pdf"
    assert main(["letters", "sen-provision", *upns, "-o", str(out)]) == 0
    assert len(page_text(out.read_bytes())) == 3
    assert main(["letters", "sen-provision", "-o", str(tmp_path / "none.pdf")]) == 1
    assert "name the pupils" in capsys.readouterr().err
