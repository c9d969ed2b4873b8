"""`sencodesk import pupils`: a readable preview, --dry-run, --yes, and the CSV round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories import PASSWORD
from inclusion_samples import sims_file

from sencodesk.cli import main


@pytest.fixture
def school(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
    assert main(["init", "--school", "Oak"]) == 0
    capsys.readouterr()


def test_dry_run_then_yes(school: None, tmp_path: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "sims.csv"
    file.write_bytes("UPN;Legal Surname;Legal Forename;DOB;Year;Reg;SEN Status;Primary Need\n"
                     "B801200005001;Łukasiewicz-Smith;Zoë;01/03/2014;7;7B;P;SPLD\n"
                     "B801200005002;Oops;Row;31/02/2014;7;7B;N;\n".encode("utf-8-sig"))
    assert main(["import", "pupils", str(file), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 new, 0 updated, 0 unchanged, 1 rejected." in out
    assert "Rejected: row 3: DOB: 31/02/2014 is not a real date" in out
    assert "Note: row 2: historical code P recorded as K" in out
    assert "Nothing was changed." in out
    assert main(["import", "pupils", str(file)]) == 1  # no terminal, no --yes
    assert main(["import", "pupils", str(file), "--yes"]) == 0
    capsys.readouterr()
    assert main(["pupils", "list", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["surname"], row["status"], row["primary_need"]) == ("Łukasiewicz-Smith", "K",
                                                                     "SPLD")


def test_register_csv_export_reimports_unchanged(school: None, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "in.csv"
    file.write_text("UPN,Surname,Forename,DOB,Year,Class\nB801200005001,Adeyemi,Tunde,"
                    "01/03/2014,7,7A\n", encoding="utf-8")
    assert main(["import", "pupils", str(file), "--yes"]) == 0
    out = tmp_path / "register.csv"
    assert main(["export", "register", "--csv", "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["import", "pupils", str(out), "--dry-run"]) == 0
    assert "0 new, 0 updated, 1 unchanged, 0 rejected." in capsys.readouterr().out


def test_an_unreadable_file_is_a_clear_error(school: None, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "pupils", str(tmp_path / "missing.csv")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_ctf_import_then_export(school: None, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    from ctf_samples import UPN_A, UPN_B, ctf_file, ctf_pupil

    file = tmp_path / "incoming.xml"
    file.write_bytes(ctf_file(ctf_pupil(), ctf_pupil(UPN_B, dob="2014-02-30")))
    assert main(["import", "ctf", str(file), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "1 new, 0 updated, 0 unchanged, 1 rejected." in out
    assert "Rejected: line 8: DOB: '2014-02-30' is not a date" in out
    assert main(["import", "ctf", str(file), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Imported: 1 new and 0 updated pupils." in out
    assert "Left out: 1 rejected line (listed above)" in out
    out_file = tmp_path / "leaver.xml"
    assert main(["export", "ctf", UPN_A, "-o", str(out_file)]) == 0
    assert b"<UPN>" + UPN_A.encode() + b"</UPN>" in out_file.read_bytes()
    hostile = tmp_path / "hostile.xml"
    hostile.write_bytes(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><CTfile/>')
    assert main(["import", "ctf", str(hostile), "--yes"]) == 1
    assert "refused unread" in capsys.readouterr().err


def _one_pupil(tmp_path: Path) -> None:
    """B801200005001 on the register, imported as a school would."""
    pupils = tmp_path / "pupils.csv"
    pupils.write_text("UPN,Surname,Forename,DOB,Year\nB801200005001,Adeyemi,Tunde,01/03/2014,7\n",
                      encoding="utf-8")
    assert main(["import", "pupils", str(pupils), "--yes"]) == 0


def test_context_import_with_a_mapped_column(school: None, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    _one_pupil(tmp_path)
    file = tmp_path / "exclusions.csv"
    file.write_text("Pupil,Type,Start,Days,Reason\nB801200005001,Suspension,06/10/2026,2,VA\n"
                    "B801200005001,Suspension,07/10/2026,1,XY\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["import", "context", "exclusions", str(file), "--column", "Pupil=upn",
                 "--yes"]) == 0
    out = capsys.readouterr().out
    assert "1 new, 0 updated, 0 unchanged, 1 rejected." in out
    assert "Rejected: row 3: Reason: 'XY' is not a DfE exclusion reason code" in out
    assert "Imported 1 record." in out
    assert main(["import", "context", "exclusions", str(file), "--column", "Pupil=upn",
                 "--dry-run"]) == 0
    assert "0 new, 0 updated, 1 unchanged, 1 rejected." in capsys.readouterr().out


def test_context_import_of_a_sims_export_by_its_preset(school: None, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    _one_pupil(tmp_path)
    file = tmp_path / "attendance.csv"
    file.write_bytes(sims_file("attendance", ["B801200005001"]))
    capsys.readouterr()
    assert main(["import", "context", "attendance", str(file), "--mapping", "sims",
                 "--yes"]) == 0
    out = capsys.readouterr().out
    assert "1 new, 0 updated, 0 unchanged, 0 rejected." in out
    assert "Columns not used: Surname, Forename, Year, Reg." in out
    with pytest.raises(SystemExit):
        main(["import", "context", "attendance", str(file), "--mapping", "bromcom"])
