"""Schools on the test PostgreSQL server: made once per session as template databases (as IT
does, with ``server init``), and copied for each test (``CREATE DATABASE ... TEMPLATE``) with
a data folder connected to the copy, where staff sign in as on any school computer."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

from factories import PASSWORD, TODAY
from pg_cluster import Cluster

from sencodesk.services import accounts, demo, server_mode
from sencodesk.services.context import Desk

_copies = itertools.count(1)


def make_template(cluster: Cluster, name: str, folder: Path, *,
                  demo_pupils: int | None = None) -> None:
    """A school in a new database ``name`` (IT's folder at ``folder``), with its SENCO
    "senco"; with ``demo_pupils``, the demo school."""
    cluster.create_database(name)
    school = "Oak Hill Academy" if demo_pupils is None else "Demo"  # as the file's templates
    desk = server_mode.init_server(cluster.url(name), folder, school_name=school,
                                   username="senco", full_name="Sam Patel", password=PASSWORD)
    pin_today(cluster, name)
    try:
        if demo_pupils is not None:
            desk.today = lambda: TODAY
            demo.build(desk, pupils=demo_pupils, seed=7)
    finally:
        desk.close()


def pin_today(cluster: Cluster, database: str) -> None:
    """The school's day on the server is the tests' fixed day (22/11/2026), as the desks'
    (row-level security narrows a Teacher to their pupils on that day)."""
    with cluster.connect(database) as owner:
        owner.execute(("CREATE OR REPLACE FUNCTION sencodesk_today() RETURNS date LANGUAGE sql "
                       f"STABLE AS $$ SELECT DATE '{TODAY.isoformat()}' $$").encode())


def copy_of(cluster: Cluster, template: str, template_folder: Path, data_dir: Path) -> str:
    """A new database copied from ``template``, and ``data_dir`` (a copy of the template's
    folder) connected to it: the copy's name."""
    name = f"{template}_copy_{next(_copies)}"
    cluster.create_database(name, template=template)
    own_logins(cluster, name)
    shutil.copytree(template_folder, data_dir)
    server_mode.connect(data_dir, cluster.url(name))
    return name


def own_logins(cluster: Cluster, database: str) -> None:
    """A copied school's staff get login roles of its own (logins are named for their
    school's database), with the template's passwords: a SCRAM verifier does not depend on
    the role's name, so the superuser copies it. The copy is closed to other logins, as the
    template is (a database's own privileges are not copied with it)."""
    with cluster.connect(database) as owner:
        owner.execute(b"""
            DO $$ DECLARE k record; v text; BEGIN
              EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', current_database());
              EXECUTE format('GRANT CONNECT ON DATABASE %I TO sencodesk_trust',
                             current_database());
              FOR k IN SELECT username, role_name FROM keyslot LOOP
                v := sencodesk_role_name(k.username);
                EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE sencodesk_staff', v,
                               (SELECT rolpassword FROM pg_authid WHERE rolname = k.role_name));
                EXECUTE format('COMMENT ON ROLE %I IS %L', v, sencodesk_role_mark(k.username));
                EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), v);
                UPDATE keyslot SET role_name = v WHERE username = k.username;
              END LOOP;
            END $$""")


def sign_in(data_dir: Path, username: str = "senco") -> Desk:
    """``username``'s desk on the school ``data_dir`` is connected to; today is 22/11/2026."""
    desk = accounts.sign_in(data_dir, username, PASSWORD)
    desk.today = lambda: TODAY
    return desk
