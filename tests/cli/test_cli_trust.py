"""`sencodesk trust summary` in two schools, then `sencodesk trust dashboard` over both: one
PDF with each school and the trust, small counts suppressed, no pupil named."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from factories import PASSWORD
from pdf_checks import page_text

from sencodesk.cli import main


def _school_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                    capsys: pytest.CaptureFixture[str], phase: str, pupils: int) -> Path:
    monkeypatch.setenv("SENCODESK_DATA_DIR", str(tmp_path / phase))
    assert main(["demo", "--pupils", str(pupils), "--seed", "3", "--phase", phase]) == 0
    out = tmp_path / f"{phase}.json"
    assert main(["trust", "summary", "-o", str(out)]) == 0
    assert f"Wrote {out}" in capsys.readouterr().out
    return out


def test_a_trust_dashboard_from_two_schools_summaries(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
    big = _school_summary(tmp_path, monkeypatch, capsys, "secondary", 120)
    small = _school_summary(tmp_path, monkeypatch, capsys, "primary", 12)
    assert main(["pupils", "list", "--json"]) == 0
    named = json.loads(capsys.readouterr().out)
    out = tmp_path / "dashboard.pdf"
    monkeypatch.delenv("SENCODESK_PASSWORD")  # drawing it needs no case file
    assert main(["trust", "dashboard", str(big), str(small), "--trust", "Oakwood Trust",
                 "-o", str(out)]) == 0
    assert "2 schools" in capsys.readouterr().out
    text = " ".join(" ".join(page_text(out.read_bytes())).split())
    for words in ("Oakwood Trust", "TRUST DASHBOARD", "Riverside Primary School (demo)",
                  "Riverside Community Academy (demo)",
                  "All schools", "The trust's register by primary need", "fewer than 5"):
        assert words in text
    for pupil in named:  # the small school's pupils are nowhere
        assert pupil["upn"] not in text and pupil["surname"] not in text
    small_row = re.search(r"Riverside Primary School \(demo\) ([0-9,]+) ", text)
    assert small_row is not None and small_row.group(1) == "12"


def test_a_file_that_is_not_a_summary_is_named(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    wrong = tmp_path / "register.json"
    wrong.write_text('{"pupils": []}', encoding="utf-8")
    assert main(["trust", "dashboard", str(wrong), "-o", str(tmp_path / "d.pdf")]) != 0
    printed = capsys.readouterr()
    assert f"{wrong}: file is not a school summary exported by sencodesk" in \
        printed.out + printed.err
    assert not (tmp_path / "d.pdf").exists()
