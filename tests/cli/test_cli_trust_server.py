"""A trust's server as IT, two schools' SENCOs and the trust's central team would type it:
two schools made on one server (each with a SENCO called "senco"), the trust's login, each
school sharing its summary, and the trust's dashboard drawn from the server."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import PASSWORD
from pdf_checks import page_text
from pg_cluster import Cluster

from sencodesk.cli import main

SCHOOLS = {"cli_ash": "Ash Primary", "cli_birch": "Birch Academy"}
TRUST_PASSWORD = "the trust's own passphrase"
OWNER, OWNER_PASSWORD = "trust_it", "the owner role passphrase"


def test_two_schools_share_with_their_trust_which_draws_its_dashboard(
        pg_cluster: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    server = f"127.0.0.1:{pg_cluster.port}"
    monkeypatch.setenv("SENCODESK_USER", "senco")
    with pg_cluster.connect() as admin:  # as the README has IT do, with createuser/createdb
        admin.execute(f"CREATE ROLE {OWNER} LOGIN CREATEROLE PASSWORD '{OWNER_PASSWORD}'"
                      .encode())
        for database in SCHOOLS:
            admin.execute(f"CREATE DATABASE {database} OWNER {OWNER}".encode())
    it = ["--data-dir", str(tmp_path / "it")]
    try:
        monkeypatch.setenv("PGPASSWORD", OWNER_PASSWORD)  # IT, as the server's owner role
        for database, name in SCHOOLS.items():
            monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
            assert main([*it, "server", "init", f"postgresql://{OWNER}@{server}/{database}",
                         "--school", name]) == 0
        assert main([*it, "server", "upgrade", "--every-school",
                     f"postgresql://{OWNER}@{server}/postgres"]) == 0
        assert "Up to date: cli_ash, cli_birch." in capsys.readouterr().out
        with pg_cluster.connect() as admin:  # a role that owns no school's database
            admin.execute(f"CREATE ROLE nobody_it LOGIN PASSWORD '{OWNER_PASSWORD}'".encode())
        try:
            assert main([*it, "server", "upgrade", "--every-school",
                         f"postgresql://nobody_it@{server}/postgres"]) == 1
            assert "owns no school's database" in capsys.readouterr().err
        finally:
            with pg_cluster.connect() as admin:
                admin.execute(b"DROP ROLE nobody_it")
        monkeypatch.setenv("SENCODESK_PASSWORD", TRUST_PASSWORD)
        assert main([*it, "server", "trust-login", "central",
                     f"postgresql://{OWNER}@{server}/postgres"]) == 0
        assert f"--server postgresql://{server}/postgres --login central" in \
            capsys.readouterr().out
        monkeypatch.delenv("PGPASSWORD")

        monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
        for database in SCHOOLS:  # each school's SENCO, on their own computer
            computer = ["--data-dir", str(tmp_path / database)]
            assert main([*computer, "connect", f"postgresql://{server}/{database}"]) == 0
            assert main([*computer, "trust", "share"]) == 0
            assert "Shared with the trust: 0 pupils on roll" in capsys.readouterr().out

        out = tmp_path / "dashboard.pdf"
        dashboard = ["trust", "dashboard", "--server", f"postgresql://{server}/postgres",
                     "--trust", "Oak Learning Trust", "-o", str(out)]
        assert main(dashboard) == 1  # whose login?
        assert "name the trust's login on the server" in capsys.readouterr().err
        monkeypatch.setenv("SENCODESK_PASSWORD", "a guess")
        assert main([*dashboard, "--login", "central"]) == 1
        assert not out.exists()
        monkeypatch.setenv("SENCODESK_PASSWORD", TRUST_PASSWORD)
        assert main([*dashboard, "--login", "central"]) == 0
        assert f"Wrote {out}: 2 schools." in capsys.readouterr().out
        text = " ".join(" ".join(page_text(out.read_bytes())).split())
        for words in ("Oak Learning Trust", "TRUST DASHBOARD", *SCHOOLS.values()):
            assert words in text
    finally:
        for database in SCHOOLS:
            pg_cluster.drop_database(database)
        with pg_cluster.connect() as admin:
            admin.execute(f"DROP OWNED BY {OWNER}; DROP ROLE {OWNER}".encode())
