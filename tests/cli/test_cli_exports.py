"""`sencodesk export passport|passports|plan` write real, audited PDFs."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from factories import PASSWORD
from pypdf import PdfReader

from sencodesk.cli import main


@pytest.fixture
def demo_school(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> list[dict[str, str]]:
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
    assert main(["demo", "--pupils", "120", "--seed", "9"]) == 0
    capsys.readouterr()
    assert main(["pupils", "list", "--status", "K", "--json"]) == 0
    rows: list[dict[str, str]] = json.loads(capsys.readouterr().out)
    return rows


def test_passport_plan_and_class_set(
    demo_school: list[dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pupil = demo_school[0]
    passport = tmp_path / "passport.pdf"
    assert main(["export", "passport", pupil["upn"], "-o", str(passport)]) == 0
    reader = PdfReader(passport)
    assert len(reader.pages) == 1
    assert pupil["surname"] in reader.pages[0].extract_text()
    plan = tmp_path / "plan.pdf"
    assert main(["export", "plan", pupil["upn"], "-o", str(plan)]) == 0
    assert "OFFICIAL-SENSITIVE" in PdfReader(plan).pages[0].extract_text()
    class_set = tmp_path / "7x.pdf"
    assert main(["export", "passports", "--class", pupil["class"], "-o", str(class_set)]) == 0
    assert len(PdfReader(class_set).pages) >= 1
    capsys.readouterr()
    assert main(["audit", "list", "--json", "--limit", "10"]) == 0
    exported = [e for e in json.loads(capsys.readouterr().out) if e["action"] == "export"]
    assert {e["entity"] for e in exported} >= {"passport", "plan", "passports"}


def test_unknown_class_and_bad_upn_are_clear(
    demo_school: list[dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "passports", "--class", "Z9", "-o", str(tmp_path / "x.pdf")]) == 1
    assert "no pupil on the SEND register is in class 'Z9'" in capsys.readouterr().err
    assert main(["export", "passport", "C801200005001", "-o", str(tmp_path / "y.pdf")]) == 1
    assert "check letter should be B" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.pdf"))


def test_ehcp_register_provision_map_and_ofsted(
    demo_school: list[dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pupils", "list", "--status", "E", "--json"]) == 0
    with_plan = json.loads(capsys.readouterr().out)
    chronologies = 0
    for pupil in with_plan:
        out = tmp_path / f"ehcp-{pupil['upn']}.pdf"
        if main(["export", "ehcp", pupil["upn"], "-o", str(out)]) == 0:
            assert "EHCP CHRONOLOGY" in PdfReader(out).pages[0].extract_text()
            chronologies += 1
    assert chronologies
    register = tmp_path / "register.pdf"
    assert main(["export", "register", "-o", str(register)]) == 0
    assert demo_school[0]["upn"] in " ".join(p.extract_text() for p in PdfReader(register).pages)
    provision = tmp_path / "map.pdf"
    assert main(["export", "provision-map", "--from", "01/09/2026", "--to", "31/12/2026",
                 "-o", str(provision)]) == 0
    assert "01/09/2026 to 31/12/2026" in PdfReader(provision).pages[0].extract_text()
    pack = tmp_path / "ofsted.pdf"
    cases = [demo_school[0]["upn"], demo_school[1]["upn"]]
    assert main(["export", "ofsted", "--case", *cases, "-o", str(pack)]) == 0
    text = " ".join(p.extract_text() for p in PdfReader(pack).pages)
    assert "SEND EVIDENCE PACK" in text and "Pupil " in text  # anonymised by default
    assert not any(upn in text for upn in cases)
    assert demo_school[0]["surname"] not in text
    named = tmp_path / "ofsted-named.pdf"
    assert main(["export", "ofsted", "--named", "--case", *cases, "-o", str(named)]) == 0
    assert demo_school[0]["surname"] in " ".join(p.extract_text() for p in PdfReader(named).pages)
    capsys.readouterr()
    assert main(["audit", "list", "--json", "--limit", "20"]) == 0
    exported = {e["entity"] for e in json.loads(capsys.readouterr().out)
                if e["action"] == "export"}
    assert exported >= {"ehcp chronology", "register", "provision map", "evidence pack"}


def test_bad_export_options_are_clear(
    demo_school: list[dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    assert main(["export", "ehcp", demo_school[0]["upn"], "-o", str(out)]) == 1
    assert "has no EHC needs assessment request or plan" in capsys.readouterr().err
    assert main(["export", "provision-map", "--from", "01/01/2027", "--to", "01/09/2026",
                 "-o", str(out)]) == 1
    assert "to" in capsys.readouterr().err
    upns = [p["upn"] for p in demo_school[:7]]
    assert main(["export", "ofsted", "--case", *upns, "-o", str(out)]) == 1
    assert "at most 6 pupils" in capsys.readouterr().err
    assert not out.exists()


def test_subject_access_zip_and_retention_commands(
    demo_school: list[dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import zipfile

    upn = demo_school[0]["upn"]
    out = tmp_path / "sar.zip"
    assert main(["export", "sar", upn, "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as archive:
        assert {"README.txt", "record.pdf", "record.json"} <= set(archive.namelist())
        assert upn in archive.read("README.txt").decode()
    capsys.readouterr()
    assert main(["retention", "list"]) == 0
    assert "No leaver's file is past its retention date" in capsys.readouterr().out
    assert main(["retention", "delete", upn, "--yes"]) == 1
    assert "has not left; nothing was deleted" in capsys.readouterr().err


def test_an_output_file_that_cannot_be_written_is_refused_before_any_work(
    demo_school: list[dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    upn = demo_school[0]["upn"]
    capsys.readouterr()
    with pytest.raises(SystemExit) as stopped:
        main(["export", "passport", upn, "-o", str(tmp_path / "no such folder" / "p.pdf")])
    assert stopped.value.code == 2
    assert "there is no folder" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", "register", "--csv", "-o", str(tmp_path)])
    assert "is a folder" in capsys.readouterr().err
    assert main(["audit", "list", "--json", "--limit", "5"]) == 0
    assert not [e for e in json.loads(capsys.readouterr().out) if e["action"] == "export"]


def test_a_full_disk_gives_a_message_and_leaves_no_partial_file(
    demo_school: list[dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    capsys.readouterr()
    assert main(["export", "passport", demo_school[0]["upn"], "-o",
                 str(tmp_path / "p.pdf")]) == 1
    err = capsys.readouterr().err
    assert "could not save" in err and "No space left on device" in err
    assert "Traceback" not in err
    assert list(tmp_path.glob("p.pdf*")) == []


def test_register_refuses_a_file_name_for_the_other_format(
    demo_school: list[dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "register", "--csv", "-o", str(tmp_path / "reg.pdf")]) == 1
    assert "reg.pdf ends in .pdf but this writes CSV; name it reg.csv" in capsys.readouterr().err
    assert main(["export", "register", "-o", str(tmp_path / "reg.csv")]) == 1
    assert "name it reg.pdf" in capsys.readouterr().err
    assert not list(tmp_path.glob("reg.*"))
    assert main(["pupils", "list", "--status", "k", "--need", "slcn", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed and all(p["status"] == "K" and "SLCN" in (p["primary_need"], p["secondary_need"])
                          for p in listed)


def test_case_can_be_given_more_than_once(
    demo_school: list[dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = demo_school[0], demo_school[1]
    pack = tmp_path / "pack.pdf"
    assert main(["export", "ofsted", "--named", "--case", first["upn"], "--case", second["upn"],
                 "-o", str(pack)]) == 0
    text = " ".join(p.extract_text() for p in PdfReader(pack).pages)
    assert first["upn"] in text and second["upn"] in text
