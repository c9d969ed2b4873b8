"""Server mode over the network: TLS, with the server's certificate checked against the school's
own CA (sslmode=verify-full), on a server set up as the README tells IT (``ssl = on``,
``hostssl`` for staff, ``hostnossl ... reject``); only loopback and the socket go without.

The TLS server listens on 127.0.0.2 (NETWORK_ADDRESS), which sencodesk takes for another
computer, and on 127.0.0.3 (OTHER_ADDRESS), an address its certificate does not name.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from factories import PASSWORD
from pg_cluster import (
    NETWORK_ADDRESS,
    OTHER_ADDRESS,
    SUPERUSER,
    SUPERUSER_PASSWORD,
    Cluster,
)
from pg_tls import Authority, ServerFiles
from sqlalchemy import text

from sencodesk.cli import main
from sencodesk.domain.errors import StoreError
from sencodesk.services import accounts, backups, server_mode
from sencodesk.services.context import Desk
from sencodesk.store import keyslots, server, server_address
from sencodesk.store.backends.postgres import TLS_REQUIRED

README = Path(__file__).parents[2] / "README.md"
SCHOOL = "tls_school"
ENCRYPTED = "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"


@pytest.fixture(scope="module")
def tls_school(pg_tls_cluster: Cluster, school_ca: Authority,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A school made by IT from "another computer" (over TLS, trusting the school's CA) as
    the owner; the address staff computers connect to, as IT types it."""
    pg_tls_cluster.create_database(SCHOOL)
    owner = (f"postgresql://{SUPERUSER}:{quote(SUPERUSER_PASSWORD)}@{NETWORK_ADDRESS}:"
             f"{pg_tls_cluster.port}/{SCHOOL}")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keyslots, "DEFAULT_KDF", keyslots.KdfParams(n=2**10, r=8, p=1))
        patch.setenv("PGSSLROOTCERT", str(school_ca.certificate))
        server_mode.init_server(owner, tmp_path_factory.mktemp("it"),
                                school_name="Oak Hill Academy", username="senco",
                                full_name="Sam Patel", password=PASSWORD).close()
    yield f"postgresql://{NETWORK_ADDRESS}:{pg_tls_cluster.port}/{SCHOOL}"
    pg_tls_cluster.drop_database(SCHOOL)


@pytest.fixture
def other_ca(tmp_path: Path) -> Authority:
    """A certificate authority that is not the school's."""
    return Authority.make(tmp_path / "other-ca", "Somebody Else CA")


def _encrypted(desk: Desk) -> bool:
    """Whether the server says the desk's connection to it is over TLS."""
    with desk.db.engine.connect() as connection:
        return bool(connection.execute(text(ENCRYPTED)).scalar_one())


@pytest.mark.parametrize("trust", ["root.crt", "PGSSLROOTCERT", "sslrootcert"])
def test_over_the_network_staff_sign_in_over_tls_with_the_schools_ca(
        tls_school: str, school_ca: Authority, data_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, trust: str) -> None:
    """The CA where libpq finds it: the computer's ~/.postgresql/root.crt (as the README
    says), the PGSSLROOTCERT variable, or sslrootcert= in the address."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    address = tls_school
    if trust == "root.crt":
        (tmp_path / "home" / ".postgresql").mkdir(parents=True)
        shutil.copyfile(school_ca.certificate, tmp_path / "home" / ".postgresql" / "root.crt")
    elif trust == "PGSSLROOTCERT":
        monkeypatch.setenv("PGSSLROOTCERT", str(school_ca.certificate))
    else:
        address += f"?sslrootcert={quote(str(school_ca.certificate), safe='')}"
    assert server_mode.connect(data_dir, address) == f"{SCHOOL} on {NETWORK_ADDRESS}"
    kept = server.address(data_dir)
    assert kept is not None and "sslmode=verify-full" in kept  # added by sencodesk
    desk = accounts.sign_in(data_dir, "senco", PASSWORD)
    try:
        assert desk.db.engine.url.host == NETWORK_ADDRESS
        assert desk.db.engine.url.query["sslmode"] == "verify-full"
        assert _encrypted(desk)
    finally:
        desk.close()


def test_a_backup_over_the_network_checks_the_certificate_too(
        tls_school: str, school_ca: Authority, data_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """pg_dump is given the signed-in address, verify-full and all: with the school's CA it
    dumps over TLS; with no CA where libpq looks it refuses, where a weaker sslmode would
    have dumped without checking."""
    monkeypatch.setenv("PGSSLROOTCERT", str(school_ca.certificate))
    server_mode.connect(data_dir, tls_school)
    desk = accounts.sign_in(data_dir, "senco", PASSWORD)
    try:
        taken = backups.backup(desk, tmp_path / "school.sencodesk-backup")
        assert taken.read_bytes().startswith(b"SENCODESK-SERVER-BACKUP\n")
        monkeypatch.setenv("PGSSLROOTCERT", str(tmp_path / "no-such-ca.crt"))
        with pytest.raises(StoreError) as refused:
            backups.backup(desk, tmp_path / "unchecked.sencodesk-backup")
        assert str(refused.value) == server.NOT_SECURE  # not libpq's "change sslmode to disable"
    finally:
        desk.close()
    assert not (tmp_path / "unchecked.sencodesk-backup").exists()


def test_a_certificate_from_another_ca_is_refused_in_plain_words(
        tls_school: str, other_ca: Authority, data_dir: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PGSSLROOTCERT", str(other_ca.certificate))
    server_mode.connect(data_dir, tls_school)
    before = sorted(p.relative_to(data_dir) for p in data_dir.rglob("*"))
    with pytest.raises(StoreError) as refused:
        accounts.sign_in(data_dir, "senco", PASSWORD)
    assert str(refused.value) == server.NOT_SECURE
    assert refused.value.__cause__ is None and refused.value.__suppress_context__
    assert sorted(p.relative_to(data_dir) for p in data_dir.rglob("*")) == before
    assert accounts.sign_in_wait(data_dir, "senco") == ""  # no wrong password was counted
    # as a SENCO sees it at the command line: the message, and no traceback
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", PASSWORD)
    assert main(["pupils", "list"]) == 1
    said = capsys.readouterr()
    assert said.err == f"sencodesk: {server.NOT_SECURE}\n" and said.out == ""


def test_a_certificate_naming_another_address_is_refused(
        tls_school: str, pg_tls_cluster: Cluster, school_ca: Authority, data_dir: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The same server, with the school's CA trusted, at an address its certificate does not
    name: whoever answers there could hold any certificate the CA ever signed."""
    monkeypatch.setenv("PGSSLROOTCERT", str(school_ca.certificate))
    elsewhere = tls_school.replace(NETWORK_ADDRESS, OTHER_ADDRESS)
    with psycopg.connect(host=OTHER_ADDRESS, port=pg_tls_cluster.port, dbname=SCHOOL,
                         user=SUPERUSER, password=SUPERUSER_PASSWORD,
                         sslmode="verify-ca") as unchecked_name:  # the CA alone would do
        assert unchecked_name.execute(ENCRYPTED).fetchone() == (True,)
    server_mode.connect(data_dir, elsewhere)
    with pytest.raises(StoreError) as refused:
        accounts.sign_in(data_dir, "senco", PASSWORD)
    assert str(refused.value) == server.NOT_SECURE


@pytest.mark.parametrize("weaker", ["disable", "allow", "prefer", "require", "verify-ca"])
def test_a_weaker_sslmode_for_a_network_address_is_refused(
        tls_school: str, school_ca: Authority, data_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, weaker: str) -> None:
    """Typed by IT when connecting or making a school, or found in this computer's
    server.json: refused before anything is sent, the CA trusted or not."""
    monkeypatch.setenv("PGSSLROOTCERT", str(school_ca.certificate))
    typed = f"{tls_school}?sslmode={weaker}"
    with pytest.raises(StoreError) as refused:
        server_mode.connect(data_dir, typed)
    assert str(refused.value) == TLS_REQUIRED
    assert server.address(data_dir) is None
    with pytest.raises(StoreError, match="checks its certificate"):
        server_mode.init_server(typed.replace("//", f"//{SUPERUSER}@"), tmp_path / "it",
                                school_name="Oak Hill Academy", username="senco",
                                full_name="Sam Patel", password=PASSWORD)
    server_address.write(data_dir, typed)
    with pytest.raises(StoreError) as refused:
        accounts.sign_in(data_dir, "senco", PASSWORD)
    assert str(refused.value) == TLS_REQUIRED


@pytest.mark.parametrize("named_by", ["hostaddr", "PGHOST", "PGHOSTADDR"])
def test_a_server_named_other_than_by_the_addresss_host_is_over_the_network_too(
        tls_school: str, pg_tls_cluster: Cluster, data_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, named_by: str) -> None:
    """libpq reaches the server at ``hostaddr=``, or where PGHOST or PGHOSTADDR say when the
    address names no host: another computer all the same. With no CA on this computer the
    certificate cannot be checked, so nobody signs in (not over TLS left unchecked)."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    address = f"postgresql:///{SCHOOL}?port={pg_tls_cluster.port}"
    if named_by == "hostaddr":
        address += f"&hostaddr={NETWORK_ADDRESS}"
    else:
        monkeypatch.setenv(named_by, NETWORK_ADDRESS)
    server_mode.connect(data_dir, address)
    assert "sslmode=verify-full" in (server.address(data_dir) or "")
    with pytest.raises(StoreError) as refused:
        accounts.sign_in(data_dir, "senco", PASSWORD).close()
    assert str(refused.value) == server.NOT_SECURE


def test_the_tls_server_lets_no_one_in_over_tcp_without_tls(
        tls_school: str, pg_tls_cluster: Cluster) -> None:
    """What pg_hba.conf's ``hostnossl ... reject`` does, whatever a client asks for."""
    with pytest.raises(psycopg.OperationalError, match=r"rejects connection.*no encryption"):
        psycopg.connect(host=NETWORK_ADDRESS, port=pg_tls_cluster.port, dbname=SCHOOL,
                        user=SUPERUSER, password=SUPERUSER_PASSWORD, sslmode="disable")


def test_the_servers_own_loopback_and_socket_go_without_tls(
        pg_cluster: Cluster, pg_url: str, data_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """On a server offering no TLS at all (the ordinary test server), with no CA anywhere:
    127.0.0.1, localhost and the unix socket are this computer, and need none."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    server_mode.init_server(pg_url, tmp_path / "it", school_name="Oak Hill Academy",
                            username="senco", full_name="Sam Patel", password=PASSWORD).close()
    name = pg_url.rpartition("/")[2].partition("?")[0]
    for address in (f"postgresql://127.0.0.1:{pg_cluster.port}/{name}",
                    f"postgresql://localhost:{pg_cluster.port}/{name}",
                    pg_cluster.url(name).replace("+psycopg", "").replace(f"{SUPERUSER}@", "")):
        server_mode.connect(data_dir, address)
        assert "sslmode" not in (server.address(data_dir) or "")
        desk = accounts.sign_in(data_dir, "senco", PASSWORD)
        try:
            assert not _encrypted(desk)
        finally:
            desk.close()


def test_the_readmes_commands_make_a_certificate_staff_sign_in_with(
        data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """IT's openssl commands, as the README gives them (naming this server's address rather
    than 10.0.0.5), make a CA and a server certificate that sencodesk signs in with."""
    commands = README.read_text(encoding="utf-8").partition(
        "```sh\n# the school's CA")[2].partition("```")[0]
    assert "IP:10.0.0.5" in commands
    commands = "# the school's CA" + commands.replace("IP:10.0.0.5", f"IP:{NETWORK_ADDRESS}")
    subprocess.run(["sh", "-e", "-c", commands], cwd=tmp_path, check=True, capture_output=True)
    cluster = Cluster.start(tls=ServerFiles(tmp_path / "server.crt", tmp_path / "server.key"))
    try:
        cluster.create_database("readme_school")
        server_mode.init_server(cluster.url("readme_school"), tmp_path / "it",
                                school_name="Oak Hill Academy", username="senco",
                                full_name="Sam Patel", password=PASSWORD).close()
        monkeypatch.setenv("HOME", str(tmp_path / "home"))
        (tmp_path / "home" / ".postgresql").mkdir(parents=True)
        shutil.copyfile(tmp_path / "school-ca.crt",
                        tmp_path / "home" / ".postgresql" / "root.crt")
        server_mode.connect(data_dir, f"postgresql://{NETWORK_ADDRESS}:{cluster.port}/"
                                      "readme_school")
        desk = accounts.sign_in(data_dir, "senco", PASSWORD)
        try:
            assert _encrypted(desk)
        finally:
            desk.close()
    finally:
        cluster.stop()
