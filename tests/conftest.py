"""Shared fixtures: every test gets its own data folder and settings; scrypt is made cheap."""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from factories import PASSWORD, TODAY
from pg_cluster import Cluster

from sencodesk.services import accounts, demo
from sencodesk.services.context import Desk
from sencodesk.store import keyslots


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point data and settings at tmp_path; make key derivation fast for tests (the real cost
    is measured in benchmarks)."""
    monkeypatch.setenv("SENCODESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
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
def desk(data_dir: Path, _empty_school: Path) -> Iterator[Desk]:
    """A fresh, empty school signed in as its SENCO, with today fixed at 22/11/2026."""
    shutil.copytree(_empty_school, data_dir)
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
def demo_desk(data_dir: Path, _demo_school: Path) -> Iterator[Desk]:
    """A signed-in SENCO desk on an 80-pupil demo school; today is 22/11/2026."""
    shutil.copytree(_demo_school, data_dir)
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


_numbers = itertools.count(1)


@pytest.fixture
def pg_url(pg_cluster: Cluster) -> Iterator[str]:
    """The address of a new, empty database on the test server, dropped afterwards."""
    name = f"empty_{next(_numbers)}"
    pg_cluster.create_database(name)
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)
