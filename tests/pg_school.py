"""Schools on the test PostgreSQL server: made once per session as template databases, and
copied for each test (``CREATE DATABASE ... TEMPLATE``) with the data folder made beside them."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

from factories import TODAY
from pg_cluster import Cluster

from sencodesk.services import accounts, demo
from sencodesk.services.context import Desk
from sencodesk.store import server

# The school's keys (until server mode keeps key slots of its own, the tests hold them).
KEY = bytes(range(32))
CONFIDENTIAL_KEY = bytes(range(32, 64))

_copies = itertools.count(1)


def make_template(cluster: Cluster, name: str, folder: Path, *,
                  demo_pupils: int | None = None) -> None:
    """A school in a new database ``name`` (its computer's folder at ``folder``), with its
    SENCO "senco"; with ``demo_pupils``, the demo school."""
    cluster.create_database(name)
    database = server.open_database(cluster.url(name), KEY, folder, create=True,
                                    confidential_key=CONFIDENTIAL_KEY)
    desk = accounts.start_school(database, folder, school_name="Oak Hill Academy",
                                 username="senco", full_name="Sam Patel")
    try:
        if demo_pupils is not None:
            desk.today = lambda: TODAY
            demo.build(desk, pupils=demo_pupils, seed=7)
    finally:
        desk.close()


def copy_of(cluster: Cluster, template: str, template_folder: Path, data_dir: Path) -> str:
    """A new database copied from ``template`` (and its folder to ``data_dir``): its name."""
    name = f"{template}_copy_{next(_copies)}"
    cluster.create_database(name, template=template)
    shutil.copytree(template_folder, data_dir)
    return name


def open_desk(cluster: Cluster, name: str, data_dir: Path, username: str = "senco") -> Desk:
    """``username``'s desk on the school in database ``name``; today is 22/11/2026."""
    return open_desk_at(cluster.url(name), data_dir, username)


def open_desk_at(url: str, data_dir: Path, username: str = "senco") -> Desk:
    """``username``'s desk on the school at ``url`` (another process may call this)."""
    database = server.open_database(url, KEY, data_dir, confidential_key=CONFIDENTIAL_KEY)
    desk = accounts.desk_on(database, data_dir, username)
    desk.today = lambda: TODAY
    return desk


def desk_beside(desk: Desk, username: str) -> Desk:
    """``username``'s desk on the same server database as ``desk`` (another person at
    another computer of the same school)."""
    url = desk.db.engine.url.render_as_string(hide_password=False)
    database = server.open_database(url, KEY, desk.data_dir, confidential_key=CONFIDENTIAL_KEY)
    return accounts.desk_on(database, desk.data_dir, username)
