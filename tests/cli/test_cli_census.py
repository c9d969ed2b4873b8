"""`sencodesk census check --mis FILE`: the real register against a held-in MIS export, printed
for the office manager as a PDF and read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import PASSWORD, add_pupil, pupil_fields
from pdf_checks import page_text

from sencodesk.cli import main
from sencodesk.domain.codes import NeedType, SenStatus
from sencodesk.services import audit, pupils
from sencodesk.services.context import Desk


def test_check_lists_each_difference_and_prints_the_pdf(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ids = {
        "support": add_pupil(desk, legal_surname="Adams", legal_forename="Amy",
                             needs=(NeedType.SPLD,)),
        "plan": add_pupil(desk, SenStatus.EHCP, (NeedType.ASD,), legal_surname="Ford",
                          legal_forename="Fay"),
        "none": add_pupil(desk, SenStatus.NONE, legal_surname="Bell", legal_forename="Ben"),
        "same": add_pupil(desk, needs=(NeedType.MLD,), legal_surname="Iqbal"),
    }
    upn = {key: pupils.get(desk, pid).row.upn for key, pid in ids.items()}
    pupils.create(desk, pupil_fields(legal_surname="Nobody"))  # N, and not in the export
    mis = tmp_path / "sen.csv"
    mis.write_text("UPN,Surname,Forename,SEN Provision,SEN Need,Ranking\n"
                   f"{upn['plan']},Ford,Fay,E,NSA,1\n"
                   f"{upn['none']},Bell,Ben,K,MLD,1\n"
                   f"{upn['same']},Iqbal,Zoë,K,MLD,1\n", encoding="utf-8")
    desk.close()
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
    out = tmp_path / "census.pdf"
    assert main(["census", "check", "--mis", str(mis), "-o", str(out)]) == 1
    printed = capsys.readouterr().out
    assert "3 differences" in printed
    assert "In the MIS, record SEN provision K with SPLD (rank 1)." in printed
    text = " ".join(" ".join(page_text(out.read_bytes())).split())
    for words in ("CENSUS CHECK", "On the register here, not SEN in the MIS",
                  "SEN in the MIS, not on the register here",
                  "The census would reject the MIS record", "Replace NSA with the need types",
                  "Amy Adams", upn["support"], "DfE school census guide"):
        assert words in text, words
    assert upn["same"] not in text and "Nobody" not in text
    again = pupils_desk(tmp_path)
    assert any("census check against sen.csv: 3 differences" in e.summary
               for e in audit.list_events(again))
    again.close()


def pupils_desk(tmp_path: Path) -> Desk:
    from sencodesk.services import accounts

    return accounts.sign_in(tmp_path / "data", "senco", PASSWORD)


def test_an_agreeing_export_exits_0_and_a_missing_file_is_named(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    desk.close()
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
    mis = tmp_path / "sen.csv"
    mis.write_text("UPN,SEN Status\n", encoding="utf-8")
    assert main(["census", "check", "--mis", str(mis)]) == 0
    assert "0 differences" in capsys.readouterr().out
    assert main(["census", "check", "--mis", str(tmp_path / "gone.csv")]) == 1
    assert "cannot read" in capsys.readouterr().err
