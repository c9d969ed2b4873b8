"""`sencodesk review-papers KIND UPN -o F.pdf`, and `report-sent`, on a demo school."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories import PASSWORD
from pdf_checks import page_text

from sencodesk.cli import main


def _demo_upns(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
               status: str) -> list[str]:
    """A demo school signed in from the environment; the UPNs of pupils with ``status``."""
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
    assert main(["demo", "--pupils", "60", "--seed", "5"]) == 0
    capsys.readouterr()
    assert main(["pupils", "list", "--status", status, "--json"]) == 0
    return [p["upn"] for p in json.loads(capsys.readouterr().out)]


def test_every_paper_of_a_review_and_the_report_sent(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    with_plans = _demo_upns(monkeypatch, capsys, "E")
    out = tmp_path / "invitations.pdf"
    upn = next(u for u in with_plans
               if main(["review-papers", "invitations", u, "-o", str(out)]) == 0)
    printed = capsys.readouterr().out
    assert "for two weeks' notice of the meeting" in printed
    pages = page_text(out.read_bytes())
    assert len(pages) == 5 and "Reg 20(2)(e)" in " ".join(pages[4].split())
    for kind, words in (("advice-requests", "Please send it by"),
                        ("views-forms", "What I think"),
                        ("report", "Report of the review meeting")):
        target = tmp_path / f"{kind}.pdf"
        assert main(["review-papers", kind, upn, "-o", str(target)]) == 0, kind
        assert words in " ".join(" ".join(page_text(target.read_bytes())).split()), kind
    capsys.readouterr()
    held = [u for u in with_plans if main(["review-papers", "report-sent", u]) == 0]
    assert held, "a demo pupil whose review meeting has been held"
    assert "Report of the meeting on" in capsys.readouterr().out
    assert main(["review-papers", "report-sent", upn, "--on", "22/11/2099"]) == 1
    assert "in the future" in capsys.readouterr().err
    assert main(["review-papers", "report", upn]) == 1
    assert "-o FILE.pdf" in capsys.readouterr().err
    assert main(["review-papers", "invitations", upn, "--meeting", "01/01/2001",
                 "-o", str(tmp_path / "x.pdf")]) == 1
    assert "No annual review on 01/01/2001" in capsys.readouterr().err


def test_the_request_pack_of_a_pupil_on_sen_support(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    support = _demo_upns(monkeypatch, capsys, "K")
    out = tmp_path / "pack.pdf"
    assert any(main(["export", "request-pack", upn, "-o", str(out)]) == 0 for upn in support)
    text = " ".join(" ".join(page_text(out.read_bytes())).split())
    for heading in ("1. Chronology", "2. The graduated approach", "3. Costed provision",
                    "4. Advice and reports held", "5. The views of the pupil and the parents"):
        assert heading in text
