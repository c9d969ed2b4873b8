"""`sencodesk pupils leave` records where a leaver went; `sencodesk export transfer-pack`
writes their whole SEN file, encrypted, and the record is then listed for deletion."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import pyzipper
from factories import PASSWORD

from sencodesk.cli import main


def test_leave_then_transfer_pack_then_listed_for_deletion(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
    assert main(["demo", "--pupils", "40", "--seed", "3"]) == 0
    capsys.readouterr()
    assert main(["pupils", "list", "--status", "E", "--json"]) == 0
    upn = json.loads(capsys.readouterr().out)[0]["upn"]
    out = tmp_path / "pack.zip"
    monkeypatch.setenv("SENCODESK_TRANSFER_PASSPHRASE", "kingfisher over the lock")
    assert main(["export", "transfer-pack", upn, "-o", str(out)]) == 1
    assert "has not left" in capsys.readouterr().err
    assert main(["pupils", "leave", upn]) == 0
    assert main(["export", "transfer-pack", upn, "-o", str(out)]) == 1
    assert "record the school the pupil moved to" in capsys.readouterr().err
    assert main(["pupils", "leave", upn, "--destination", "Hillside Academy"]) == 0
    monkeypatch.setenv("SENCODESK_TRANSFER_PASSPHRASE", "too short")
    assert main(["export", "transfer-pack", upn, "-o", str(out)]) == 1
    assert "at least 12 characters" in capsys.readouterr().err and not out.exists()
    monkeypatch.setenv("SENCODESK_TRANSFER_PASSPHRASE", "kingfisher over the lock")
    assert main(["export", "transfer-pack", upn, "-o", str(out)]) == 0
    assert "Hillside Academy" in capsys.readouterr().out
    with pyzipper.AESZipFile(out) as archive:
        archive.setpassword(b"kingfisher over the lock")
        names = set(archive.namelist())
        assert {"summary.pdf", "ctf.xml", "ehcp-chronology.pdf", "README.txt"} <= names
        assert upn.encode() in archive.read("ctf.xml")
    assert main(["retention", "list"]) == 0
    listed = capsys.readouterr().out
    assert upn in listed and "file sent to Hillside Academy" in listed
