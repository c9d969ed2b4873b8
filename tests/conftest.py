"""Shared fixtures: every test gets its own data folder and settings; scrypt is made cheap."""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pg_school
from factories import PASSWORD, TODAY
from pg_cluster import NETWORK_ADDRESS, Cluster
from pg_tls import Authority

from sencodesk.services import accounts, demo
from sencodesk.services.context import Desk
from sencodesk.store import keyslots


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--backend", choices=("sqlite", "postgresql"), default=None,
                     help="run the service tests on this backend only (default: both)")


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point data and settings at tmp_path; make key derivation fast for tests (the real cost
    is measured in benchmarks)."""
    monkeypatch.setenv("SENCODESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    for libpq_default in ("PGHOST", "PGHOSTADDR", "PGSSLMODE", "PGSSLROOTCERT"):
        monkeypatch.delenv(libpq_default, raising=False)  # this machine's, not the tests'
    monkeypatch.setattr(keyslots, "DEFAULT_KDF", keyslots.KdfParams(n=2**10, r=8, p=1))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture(scope="session")
def _empty_school(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One freshly migrated empty school, copied for each test that needs one (migrating from
    nothing for every test would dominate the suite's run time)."""
    folder = tmp_path_factory.mktemp("template") / "data"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keyslots, "DEFAULT_KDF", keyslots.KdfParams(n=2**10, r=8, p=1))
        accounts.init_school(
            folder, school_name="Oak Hill Academy", username="senco",
            full_name="Sam Patel", password=PASSWORD,
        ).close()
    return folder


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Where the case file lives: "sqlite" (the file, by default) or "postgresql" (a server);
    tests/services runs its desk tests on both (its conftest parametrises this)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def desk(backend: str, data_dir: Path, request: pytest.FixtureRequest) -> Iterator[Desk]:
    """A fresh, empty school signed in as its SENCO, with today fixed at 22/11/2026."""
    if backend == "postgresql":
        yield from _server_desk(request, "_pg_empty_school", data_dir)
        return
    shutil.copytree(request.getfixturevalue("_empty_school"), data_dir)
    desk = accounts.sign_in(data_dir, "senco", PASSWORD)
    desk.today = lambda: TODAY
    yield desk
    desk.close()


DEMO_PUPILS = 80


@pytest.fixture(scope="session")
def _demo_school(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo-template") / "data"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keyslots, "DEFAULT_KDF", keyslots.KdfParams(n=2**10, r=8, p=1))
        desk = accounts.init_school(folder, school_name="Demo", username="senco",
                                    full_name="Sam Patel", password=PASSWORD)
        desk.today = lambda: TODAY
        demo.build(desk, pupils=DEMO_PUPILS, seed=7)
        desk.close()
    return folder


@pytest.fixture
def demo_desk(backend: str, data_dir: Path, request: pytest.FixtureRequest) -> Iterator[Desk]:
    """A signed-in SENCO desk on an 80-pupil demo school; today is 22/11/2026."""
    if backend == "postgresql":
        yield from _server_desk(request, "_pg_demo_school", data_dir)
        return
    shutil.copytree(request.getfixturevalue("_demo_school"), data_dir)
    desk = accounts.sign_in(data_dir, "senco", PASSWORD)
    desk.today = lambda: TODAY
    yield desk
    desk.close()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """One throwaway PostgreSQL server for the whole test session (started on first use)."""
    cluster = Cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def school_ca(tmp_path_factory: pytest.TempPathFactory) -> Authority:
    """The school's own certificate authority (its certificate is each computer's root.crt)."""
    return Authority.make(tmp_path_factory.mktemp("school-ca"), "Oak Hill Academy CA")


@pytest.fixture(scope="session")
def pg_tls_cluster(school_ca: Authority, tmp_path_factory: pytest.TempPathFactory,
                   ) -> Iterator[Cluster]:
    """A second throwaway server, set up as a school's IT sets theirs up: TCP only over TLS,
    with a certificate from ``school_ca`` naming NETWORK_ADDRESS (started on first use)."""
    server = school_ca.issue(tmp_path_factory.mktemp("tls-server"), [NETWORK_ADDRESS])
    cluster = Cluster.start(tls=server)
    yield cluster
    cluster.stop()


_numbers = itertools.count(1)


def _template(cluster: Cluster, factory: pytest.TempPathFactory, name: str,
              demo_pupils: int | None = None) -> tuple[str, Path]:
    folder = factory.mktemp(name) / "data"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keyslots, "DEFAULT_KDF", keyslots.KdfParams(n=2**10, r=8, p=1))
        pg_school.make_template(cluster, name, folder, demo_pupils=demo_pupils)
    return name, folder


@pytest.fixture(scope="session")
def _pg_empty_school(pg_cluster: Cluster, tmp_path_factory: pytest.TempPathFactory,
                     ) -> tuple[str, Path]:
    """The empty school on the test server, made once and copied for each test."""
    return _template(pg_cluster, tmp_path_factory, "empty_school")


@pytest.fixture(scope="session")
def _pg_demo_school(pg_cluster: Cluster, tmp_path_factory: pytest.TempPathFactory,
                    ) -> tuple[str, Path]:
    return _template(pg_cluster, tmp_path_factory, "demo_school", DEMO_PUPILS)


def _server_desk(request: pytest.FixtureRequest, template: str, data_dir: Path,
                 ) -> Iterator[Desk]:
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    name, folder = request.getfixturevalue(template)
    copy = pg_school.copy_of(cluster, name, folder, data_dir)
    desk = pg_school.sign_in(data_dir)
    yield desk
    desk.close()
    cluster.drop_database(copy)


@pytest.fixture
def server_demo_desk(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[Desk]:
    """The SENCO's desk on a copy of the 80-pupil demo school on the test server, whatever
    --backend says (for tests of server mode itself)."""
    yield from _server_desk(request, "_pg_demo_school", data_dir)


@pytest.fixture
def pg_url(pg_cluster: Cluster) -> Iterator[str]:
    """The address of a new, empty database on the test server, dropped afterwards."""
    name = f"empty_{next(_numbers)}"
    pg_cluster.create_database(name)
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)
