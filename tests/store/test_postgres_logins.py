"""Logins on a server that holds many schools: each is named for its school's database, a
server set up before that keeps its staff's logins (renamed at the upgrade), only a school's
own logins may connect to its database, and a login of the right name that was not made for
this school is never taken over."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pg_school
import psycopg
import pytest
from factories import PASSWORD
from pg_cluster import Cluster

from sencodesk.domain.codes import Role
from sencodesk.domain.errors import SencodeskError, ValidationError
from sencodesk.services import accounts, server_mode
from sencodesk.store.backends.postgres_keys import role_name


@pytest.fixture
def school(pg_cluster: Cluster, tmp_path: Path) -> Iterator[str]:
    """A new school on the server, and this computer's folder (tmp_path/pc) connected to it
    over loopback TCP, where passwords are checked."""
    name = f"logins_{tmp_path.name}".lower()[:40]
    pg_school.make_template(pg_cluster, name, tmp_path / "it")
    server_mode.connect(tmp_path / "pc", f"postgresql://127.0.0.1:{pg_cluster.port}/{name}")
    yield name
    pg_cluster.drop_database(name)


def _connect_grants(cluster: Cluster, database: str) -> set[str]:
    with cluster.connect(database) as owner:
        rows = owner.execute(
            "SELECT coalesce(a.rolname, 'PUBLIC') FROM pg_database d, aclexplode(d.datacl) x "
            "LEFT JOIN pg_roles a ON a.oid = x.grantee WHERE d.datname = current_database() "
            "AND x.privilege_type = 'CONNECT'").fetchall()
    return {str(row[0]) for row in rows}


def test_a_server_set_up_before_logins_named_their_school_keeps_its_staff(
        school: str, pg_cluster: Cluster, tmp_path: Path) -> None:
    with pg_cluster.connect(school) as owner:  # as the earlier version named the login
        owner.execute(f'ALTER ROLE "{role_name(school, "senco")}" RENAME TO "sd:senco"'
                      .encode())
        owner.execute(b"UPDATE keyslot SET role_name = 'sd:senco'")
    with pytest.raises(SencodeskError):
        accounts.sign_in(tmp_path / "pc", "senco", PASSWORD)
    server_mode.upgrade_server(pg_cluster.url(school), tmp_path / "it")
    accounts.sign_in(tmp_path / "pc", "senco", PASSWORD).close()
    assert role_name(school, "senco") in _connect_grants(pg_cluster, school)


def test_only_the_schools_own_logins_may_connect_after_an_upgrade(
        school: str, pg_cluster: Cluster, tmp_path: Path) -> None:
    other = "sd:another_school:senco"
    with pg_cluster.connect(school) as owner:  # e.g. the original's, after a restore here
        owner.execute(f'CREATE ROLE "{other}" LOGIN'.encode())
        owner.execute(f'GRANT CONNECT ON DATABASE "{school}" TO "{other}"'.encode())
        owner.execute(f'GRANT CONNECT ON DATABASE "{school}" TO PUBLIC'.encode())
    try:
        server_mode.upgrade_server(pg_cluster.url(school), tmp_path / "it")
        granted = _connect_grants(pg_cluster, school)
        assert other not in granted and "PUBLIC" not in granted
        assert role_name(school, "senco") in granted and "sencodesk_trust" in granted
    finally:
        with pg_cluster.connect() as admin:
            admin.execute(f'DROP OWNED BY "{other}"; DROP ROLE "{other}"'.encode())


def test_a_login_of_the_right_name_made_elsewhere_is_never_taken_over(
        school: str, pg_cluster: Cluster, tmp_path: Path) -> None:
    taken = role_name(school, "mallory")
    with pg_cluster.connect() as admin:  # not made by this school for its own account
        admin.execute(f"CREATE ROLE \"{taken}\" LOGIN PASSWORD 'theirs and only theirs'"
                      .encode())
    try:
        senco = accounts.sign_in(tmp_path / "pc", "senco", PASSWORD)
        try:
            with pytest.raises(SencodeskError):
                accounts.add_account(senco, full_name="Mal Lory", username="mallory",
                                     role=Role.TEACHER, password=PASSWORD)
        finally:
            senco.close()
        psycopg.connect(host="127.0.0.1", port=pg_cluster.port, dbname="postgres",
                        user=taken, password="theirs and only theirs").close()
    finally:
        with pg_cluster.connect() as admin:
            admin.execute(f'DROP ROLE "{taken}"'.encode())


def test_a_username_holds_no_colon() -> None:
    # sd:<database>:<username>: with a colon, "b:c" at school "a" and "c" at "a:b" would be
    # the same login
    with pytest.raises(ValidationError, match='no ":"'):
        accounts.clean_username("b:c")
