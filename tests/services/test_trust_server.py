"""A trust's server: two schools, each in a database of its own on one PostgreSQL server and
each with a SENCO called "senco". Each school's logins reach their own school only; the
trust's login reads the summaries the schools share (counts only) and nothing else."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pg_school
import psycopg
import pytest
from factories import PASSWORD, TODAY, signed_in_as
from pdf_checks import page_text
from pg_cluster import Cluster

from sencodesk.domain.codes import Role
from sencodesk.domain.errors import (
    AuthenticationFailed,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from sencodesk.reports import render
from sencodesk.services import audit, demo, school, server_mode, trust_summary
from sencodesk.services.context import Desk
from sencodesk.store.backends.postgres_keys import role_name
from sencodesk.store.backends.postgres_trust import trust_login

# the second is the demo school (which names itself)
SCHOOLS = {"trust_ash": ("Ash Primary", 0),
           "trust_birch": ("Riverside Community Academy (demo)", 40)}
TRUST_PASSWORD = "the trust's own passphrase"


@pytest.fixture(scope="module")
def trust(pg_cluster: Cluster, tmp_path_factory: pytest.TempPathFactory,
          ) -> Iterator[dict[str, Path]]:
    """The two schools (IT's `server init` for each, the second with demo pupils), a computer
    connected to each, and the trust's login: the computers' folders by database."""
    computers = {}
    with pytest.MonkeyPatch.context() as patch:
        from sencodesk.store import keyslots

        patch.setattr(keyslots, "DEFAULT_KDF", keyslots.KdfParams(n=2**10, r=8, p=1))
        for database, (name, pupils) in SCHOOLS.items():
            folder = tmp_path_factory.mktemp(database)
            pg_cluster.create_database(database)
            desk = server_mode.init_server(pg_cluster.url(database), folder / "it",
                                           school_name=name, username="senco",
                                           full_name="Sam Patel", password=PASSWORD)
            pg_school.pin_today(pg_cluster, database)
            try:
                desk.today = lambda: TODAY
                if pupils:
                    demo.build(desk, pupils=pupils, seed=5)
            finally:
                desk.close()
            server_mode.connect(folder / "computer", pg_cluster.url(database))
            computers[database] = folder / "computer"
    server_mode.set_trust_login(pg_cluster.url("postgres"), "central", TRUST_PASSWORD)
    yield computers
    for database in SCHOOLS:
        pg_cluster.drop_database(database)


Raw = psycopg.Connection[tuple[object, ...]]


def _staff(cluster: Cluster, database: str, login_of: str) -> Raw:
    """A raw connection over loopback, as psql would make, by the SENCO of ``login_of``."""
    return psycopg.connect(host="127.0.0.1", port=cluster.port, dbname=database,
                           user=role_name(login_of, "senco"), password=PASSWORD)


def _as_trust(cluster: Cluster, database: str) -> Raw:
    return psycopg.connect(host="127.0.0.1", port=cluster.port, dbname=database,
                           user=trust_login("central"), password=TRUST_PASSWORD,
                           autocommit=True)


def _sign_in(folder: Path) -> Desk:
    return pg_school.sign_in(folder)


def test_each_schools_senco_signs_in_to_their_own_school_only(
        trust: dict[str, Path], pg_cluster: Cluster) -> None:
    for database, (name, _pupils) in SCHOOLS.items():
        desk = _sign_in(trust[database])
        try:
            assert school.get(desk).name == name
        finally:
            desk.close()
    assert role_name("trust_ash", "senco") != role_name("trust_birch", "senco")
    with _staff(pg_cluster, "trust_ash", "trust_ash") as own:
        assert own.execute("SELECT count(*) FROM staffmember").fetchone() == (1,)
    with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
        _staff(pg_cluster, "trust_birch", "trust_ash").close()


def test_the_server_names_a_login_as_the_app_does(trust: dict[str, Path],
                                                  pg_cluster: Cluster) -> None:
    with pg_cluster.connect("trust_ash") as owner:
        for username in ("senco", "j.o'neill", "x" * 60):
            made = owner.execute("SELECT sencodesk_role_name(%s)", (username,)).fetchone()
            assert made == (role_name("trust_ash", username),)
    assert role_name("trust_ash", "senco") == "sd:trust_ash:senco"
    assert len(role_name("trust_ash", "x" * 60)) <= 63  # too long to read: a digest


def test_the_trust_reads_the_summaries_the_schools_share(trust: dict[str, Path],
                                                         pg_cluster: Cluster) -> None:
    address = f"postgresql://127.0.0.1:{pg_cluster.port}/postgres"
    with pytest.raises(NotFound, match="No school on the trust's server has shared"):
        trust_summary.dashboard_from_server(address, "central", TRUST_PASSWORD, "Oak Trust")
    shared = {}
    for database in SCHOOLS:
        desk = _sign_in(trust[database])
        try:
            assert trust_summary.last_shared(desk) is None
            shared[database] = trust_summary.share_with_trust(desk)
            last = trust_summary.last_shared(desk)
            assert last is not None and last.by == "senco" and last.at.tzinfo is not None
            (event,) = [e for e in audit.list_events(desk, limit=3)
                        if e.entity == trust_summary.EXPORTED]
            assert "shared on the trust's server" in event.summary
        finally:
            desk.close()
    assert shared["trust_birch"].on_roll == 40 and shared["trust_ash"].on_roll == 0

    sheet = trust_summary.dashboard_from_server(address, "central", TRUST_PASSWORD,
                                                "Oak Trust")
    assert sheet.dashboard.schools == (shared["trust_ash"], shared["trust_birch"])
    assert sheet.meta.school == "Oak Trust" and sheet.meta.produced_by == "central"
    with pytest.raises(AuthenticationFailed):
        trust_summary.dashboard_from_server(address, "central", "a guess", "Oak Trust")


def test_schools_of_one_name_are_told_apart_and_those_yet_to_share_are_named(
        trust: dict[str, Path], pg_cluster: Cluster, tmp_path: Path) -> None:
    address = f"postgresql://127.0.0.1:{pg_cluster.port}/postgres"
    namesake, quiet = "trust_ash_two", "trust_cedar"
    pg_cluster.create_database(namesake)
    try:
        desk = server_mode.init_server(pg_cluster.url(namesake), tmp_path / "it",
                                       school_name="Ash Primary", username="senco",
                                       full_name="Sam Patel", password=PASSWORD)
        try:
            trust_summary.share_with_trust(desk)
        finally:
            desk.close()
        pg_school.make_template(pg_cluster, quiet, tmp_path / "cedar")
        sheet = trust_summary.dashboard_from_server(address, "central", TRUST_PASSWORD, "")
        names = [school.school for school in sheet.dashboard.schools]
        assert "Ash Primary (trust_ash)" in names and "Ash Primary (trust_ash_two)" in names
        assert quiet in sheet.not_shared and "trust_ash" not in sheet.not_shared
        text = " ".join(" ".join(page_text(render(sheet).pdf)).split())
        assert "Not shared yet" in text and quiet in text
    finally:
        pg_cluster.drop_database(namesake)
        pg_cluster.drop_database(quiet)


def test_the_trust_login_reads_nothing_else_of_a_school(trust: dict[str, Path],
                                                        pg_cluster: Cluster) -> None:
    with pg_cluster.connect("trust_birch") as owner:
        tables = [row[0] for row in owner.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")]
    assert "pupil" in tables and "auditevent" in tables and len(tables) >= 40
    with _as_trust(pg_cluster, "trust_birch") as central:
        for table in tables:
            if table == "trustsummary":
                central.execute("SELECT shared_at, summary_json FROM trustsummary").fetchall()
                with pytest.raises(psycopg.errors.InsufficientPrivilege):  # a username
                    central.execute("SELECT shared_by FROM trustsummary")
                continue
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                central.execute(f"SELECT * FROM {table} LIMIT 1".encode())
        for statement in ("INSERT INTO trustsummary (shared_at, shared_by, summary_json) "
                          "VALUES (now(), 'central', '{}')",
                          "DELETE FROM trustsummary",
                          "UPDATE trustsummary SET summary_json = '{}'",
                          "SELECT sencodesk_pupils_in_view()",
                          "SELECT sencodesk_set_slot('central', 'x', '{}')"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                central.execute(statement.encode())


def test_only_a_senco_on_a_server_shares_with_the_trust(desk: Desk, backend: str) -> None:
    head = signed_in_as(desk, Role.HEAD)
    try:
        with pytest.raises(PermissionDenied):
            trust_summary.share_with_trust(head)
    finally:
        head.close()
    if backend == "sqlite":
        with pytest.raises(ValidationError, match="send it to the trust"):
            trust_summary.share_with_trust(desk)
    else:
        assert trust_summary.share_with_trust(desk).on_roll == 0
