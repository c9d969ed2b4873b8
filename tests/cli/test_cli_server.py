"""`sencodesk server init`, `sencodesk connect` and a command signed in to the server, as IT and
then a SENCO would type them."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from factories import PASSWORD, add_pupil
from pg_cluster import SUPERUSER, SUPERUSER_PASSWORD, Cluster

from sencodesk.cli import main
from sencodesk.services import accounts


def test_it_makes_the_school_then_a_computer_connects_and_works(
        pg_cluster: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    pg_cluster.create_database("cli_school")
    owner = f"postgresql://{SUPERUSER}@127.0.0.1:{pg_cluster.port}/cli_school"
    monkeypatch.setenv("PGPASSWORD", SUPERUSER_PASSWORD)  # as psql reads it
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
    try:
        it = ["--data-dir", str(tmp_path / "it")]
        assert main([*it, "server", "init", owner, "--school", "Oak Hill Academy"]) == 0
        said = capsys.readouterr().out
        staff_url = f"postgresql://127.0.0.1:{pg_cluster.port}/cli_school"
        assert f"sencodesk connect {staff_url}`" in said
        assert main([*it, "server", "upgrade", owner]) == 0
        monkeypatch.delenv("PGPASSWORD")

        assert main(["connect", staff_url.replace("//", "//senco:a-password@")]) == 0
        assert "now signs in to cli_school on 127.0.0.1" in capsys.readouterr().out
        assert "a-password" not in (Path(os.environ["SENCODESK_DATA_DIR"]) / "server.json")\
            .read_text()
        assert main(["pupils", "list", "--json"]) == 0
        assert json.loads(capsys.readouterr().out) == []
        assert main(["audit", "verify"]) == 0

        assert main(["connect", "--local"]) == 0
        capsys.readouterr()
        assert main(["pupils", "list"]) == 1  # no case file on this computer
    finally:
        pg_cluster.drop_database("cli_school")


def test_a_laptops_case_file_moves_to_the_server_and_back_out(
        pg_cluster: Cluster, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    laptop = tmp_path / "laptop"
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
    assert main(["init", "--data-dir", str(laptop), "--school", "Oak Hill Academy"]) == 0
    desk = accounts.sign_in(laptop, "senco", PASSWORD)
    add_pupil(desk, legal_surname="Ng")
    desk.close()
    capsys.readouterr()

    assert main(["server", "import-file", str(laptop), pg_url]) == 0
    said = capsys.readouterr()
    assert "pupil: 1 rows" in said.err and "Running audit verify on the server" in said.err
    assert "counts match and the audit trail verifies" in said.out

    assert main(["server", "export-file", pg_url, str(tmp_path / "back")]) == 0
    said = capsys.readouterr()
    assert "Running audit verify in the case file" in said.err
    assert main(["pupils", "list", "--json", "--data-dir", str(tmp_path / "back")]) == 0
    assert "Ng" in json.dumps(json.loads(capsys.readouterr().out))


def test_backup_on_a_connected_computer_is_a_pg_dump_that_restores(
        pg_cluster: Cluster, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
    assert main(["server", "init", pg_url, "--school", "Oak Hill Academy",
                 "--data-dir", str(tmp_path / "it")]) == 0
    assert main(["connect", pg_url]) == 0
    capsys.readouterr()
    backup = tmp_path / "oakhill.backup"

    assert main(["backup", "-o", str(backup)]) == 0
    assert "with pg_dump to" in capsys.readouterr().out and backup.exists()

    pg_cluster.create_database("cli_restored")
    try:
        monkeypatch.delenv("SENCODESK_USER")
        assert main(["server", "restore", str(backup), pg_cluster.url("cli_restored"),
                     "--user", "senco"]) == 0
        monkeypatch.setenv("SENCODESK_USER", "senco")
        assert "the audit trail verifies" in capsys.readouterr().out
        assert main(["connect", pg_cluster.url("cli_restored")]) == 0
        assert main(["audit", "verify"]) == 0
    finally:
        pg_cluster.drop_database("cli_restored")
