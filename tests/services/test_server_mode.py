"""Server mode end to end: a school made on an empty server database, computers connected to
it, staff signing in as their own login roles, key slots only their owner reads, attached
files in the database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from factories import PASSWORD, add_pupil
from pg_cluster import SUPERUSER, SUPERUSER_PASSWORD, Cluster

from sencodesk.domain.codes import Role
from sencodesk.domain.errors import AuthenticationFailed, ValidationError
from sencodesk.services import accounts, backups, location, records_log, server_mode
from sencodesk.store.backends.postgres_keys import role_name

TEACHER_PASSWORD = "chalk and talk"


@pytest.fixture
def school(pg_cluster: Cluster, tmp_path: Path) -> Iterator[str]:
    """A school made by IT on an empty database; the address staff computers connect to
    (loopback TCP: every login is checked with its SCRAM password)."""
    name = f"server_{tmp_path.name}".lower()[:60]
    pg_cluster.create_database(name)
    owner = pg_cluster.url(name, user=SUPERUSER, password=SUPERUSER_PASSWORD, tcp=True)
    server_mode.init_server(owner, tmp_path / "it", school_name="Oak Hill Academy",
                            username="senco", full_name="Sam Patel", password=PASSWORD).close()
    yield f"postgresql://127.0.0.1:{pg_cluster.port}/{name}"
    pg_cluster.drop_database(name)


def test_a_connected_computer_signs_in_to_the_server(school: str, data_dir: Path) -> None:
    assert not location.school_exists(data_dir)
    shown = server_mode.connect(data_dir, school)
    assert shown.startswith("server_") and "127.0.0.1" in shown
    assert location.server_of(data_dir) == shown and location.school_exists(data_dir)
    desk = accounts.sign_in(data_dir, "senco", PASSWORD)
    try:
        assert desk.actor.role is Role.SENCO and desk.db.confidential_blobs is not None
        add_pupil(desk, legal_surname="Ng")
    finally:
        desk.close()
    assert not (data_dir / "sencodesk.db").exists() and not (data_dir / "keyslots.json").exists()
    with pytest.raises(AuthenticationFailed, match="do not match"):
        accounts.sign_in(data_dir, "senco", "not the password")
    with pytest.raises(AuthenticationFailed, match="do not match"):
        accounts.sign_in(data_dir, "nobody", PASSWORD)


def test_attached_files_are_sealed_in_the_database(
        school: str, data_dir: Path, pg_cluster: Cluster) -> None:
    server_mode.connect(data_dir, school)
    desk = accounts.sign_in(data_dir, "senco", PASSWORD)
    try:
        pupil = add_pupil(desk)
        source = data_dir.parent / "report.pdf"
        source.write_bytes(b"%PDF-1.4 a speech and language report")
        records_log.attach(desk, pupil, source, title="SaLT report", kind="report")
        (document,) = records_log.documents(desk, pupil)
        _, data = records_log.read_document(desk, document.id)
        assert data == source.read_bytes()
    finally:
        desk.close()
    assert not (data_dir / "documents").exists()
    database = school.rpartition("/")[2]
    with pg_cluster.connect(database) as admin:
        stored = [bytes(row[0]) for row in admin.execute("SELECT sealed FROM storedfile")]  # type: ignore[call-overload]
    assert len(stored) == 1 and b"speech and language" not in stored[0]


def test_each_account_is_a_login_role_reading_only_its_own_slot(
        school: str, data_dir: Path, pg_cluster: Cluster) -> None:
    server_mode.connect(data_dir, school)
    senco = accounts.sign_in(data_dir, "senco", PASSWORD)
    try:
        accounts.add_account(senco, full_name="Pat Example", username="pat", role=Role.TEACHER,
                             password=TEACHER_PASSWORD)
    finally:
        senco.close()
    teacher = accounts.sign_in(data_dir, "pat", TEACHER_PASSWORD)
    try:
        assert teacher.actor.role is Role.TEACHER and teacher.db.confidential_blobs is None
    finally:
        teacher.close()
    database = school.rpartition("/")[2]
    with psycopg.connect(host="127.0.0.1", port=pg_cluster.port, dbname=database,
                         user=role_name(database, "pat"), password=TEACHER_PASSWORD,
                         autocommit=True) as raw:
        slots = raw.execute("SELECT username FROM keyslot").fetchall()
        assert slots == [("pat",)]  # the SENCO's slot is not even visible
        for statement in ("UPDATE keyslot SET slot = '{}'",
                          "DELETE FROM keyslot",
                          "SELECT sencodesk_set_slot('senco', 'x', '{}')",
                          "SELECT sencodesk_drop_slot('senco')",
                          "CREATE ROLE intruder LOGIN"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                raw.execute(statement.encode())
    with pytest.raises(psycopg.OperationalError, match="authentication failed"):
        psycopg.connect(host="127.0.0.1", port=pg_cluster.port, dbname=database,
                        user=role_name(database, "pat"), password="a guess").close()


def test_a_withdrawn_account_can_no_longer_sign_in(school: str, data_dir: Path) -> None:
    server_mode.connect(data_dir, school)
    senco = accounts.sign_in(data_dir, "senco", PASSWORD)
    try:
        accounts.add_account(senco, full_name="Pat Example", username="pat", role=Role.TEACHER,
                             password=TEACHER_PASSWORD)
        accounts.remove_account(senco, "pat")
    finally:
        senco.close()
    with pytest.raises(AuthenticationFailed):
        accounts.sign_in(data_dir, "pat", TEACHER_PASSWORD)


def test_a_new_school_needs_a_good_password_first(pg_url: str, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="at least 8"):
        server_mode.init_server(pg_url, tmp_path, school_name="Oak Hill", username="senco",
                                full_name="Sam Patel", password="short")


def test_it_sets_up_with_an_owner_role_that_is_no_superuser(
        pg_cluster: Cluster, tmp_path: Path, data_dir: Path) -> None:
    """As the README tells IT: an owner role that may create roles, owning the database."""
    with pg_cluster.connect() as admin:
        admin.execute("DROP ROLE IF EXISTS school_owner")
        admin.execute("CREATE ROLE school_owner LOGIN CREATEROLE PASSWORD 'owner pass'")
        admin.execute("CREATE DATABASE owned_school OWNER school_owner")
    try:
        owner = f"postgresql://school_owner:owner%20pass@127.0.0.1:{pg_cluster.port}/owned_school"
        server_mode.init_server(owner, tmp_path / "it", school_name="Oak Hill Academy",
                                username="senco", full_name="Sam Patel",
                                password=PASSWORD).close()
        server_mode.connect(data_dir, f"postgresql://127.0.0.1:{pg_cluster.port}/owned_school")
        senco = accounts.sign_in(data_dir, "senco", PASSWORD)
        try:
            accounts.add_account(senco, full_name="Pat Example", username="pat",
                                 role=Role.TEACHER, password=TEACHER_PASSWORD)
        finally:
            senco.close()
        accounts.sign_in(data_dir, "pat", TEACHER_PASSWORD).close()
    finally:
        pg_cluster.drop_database("owned_school")


def test_the_server_is_not_copied_to_this_computer_on_closing(
        school: str, data_dir: Path) -> None:
    """Closing the app takes no copy of the server; a backup asked for is a pg_dump (over
    loopback TCP, as the SENCO's own login with its password)."""
    server_mode.connect(data_dir, school)
    desk = accounts.sign_in(data_dir, "senco", PASSWORD)
    try:
        assert backups.auto_backup(desk) is None
        taken = backups.backup(desk, data_dir.parent / "copy.sencodesk-backup")
        assert taken.read_bytes().startswith(b"SENCODESK-SERVER-BACKUP\n")
    finally:
        desk.close()
    assert not (data_dir / "backups").exists()
