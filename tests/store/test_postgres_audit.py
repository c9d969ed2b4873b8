"""The audit trail on a PostgreSQL server: concurrent writers never fork the chain, and staff
cannot rewrite it (their role may only read it and append to it)."""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Iterator
from pathlib import Path

import pg_school
import psycopg
import pytest
from factories import PASSWORD
from pg_cluster import Cluster
from sqlalchemy import text

from sencodesk.domain.upn import with_check_letter
from sencodesk.services import audit, pupils, server_mode
from sencodesk.store.backends.postgres import STAFF_ROLE
from sencodesk.store.backends.postgres_keys import role_name
from sencodesk.store.tables.audit import REDACTED

WRITERS, EACH = 5, 10  # fifty audited writes from five processes at once


@pytest.fixture
def school(pg_cluster: Cluster, tmp_path: Path) -> Iterator[str]:
    """A school on the server, and a computer's folder (``tmp_path/computer``) connected."""
    name = f"audit_{tmp_path.name}".lower()[:60]
    pg_school.make_template(pg_cluster, name, tmp_path / "it")
    server_mode.connect(tmp_path / "computer", pg_cluster.url(name))
    yield name
    pg_cluster.drop_database(name)


def _writer(folder: str, number: int, start: float) -> None:
    """One member of staff's computer adding pupils (each an audited unit of work)."""
    from factories import pupil_fields

    desk = pg_school.sign_in(Path(folder))
    try:
        time.sleep(max(0.0, start - time.time()))  # all begin together
        for i in range(EACH):
            upn = with_check_letter(f"80120{number:03d}{i:04d}")
            surname = "Writer" + "ABCDEFGHIJ"[number]
            pupils.create(desk, pupil_fields(upn=upn, legal_surname=surname), None)
    finally:
        desk.close()


def test_fifty_concurrent_audited_writes_leave_one_unbroken_chain(
        pg_cluster: Cluster, school: str, tmp_path: Path) -> None:
    spawn = multiprocessing.get_context("spawn")
    start = time.time() + 4.0  # time for the processes to import sencodesk
    folder = str(tmp_path / "computer")
    workers = [spawn.Process(target=_writer, args=(folder, n, start)) for n in range(WRITERS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert [w.exitcode for w in workers] == [0] * WRITERS
    desk = pg_school.sign_in(tmp_path / "computer")
    try:
        assert audit.verify(desk) == []
        with desk.db.transaction(snapshot="read") as session:
            rows = session.execute(text(
                "SELECT id, prev_hash, hash FROM auditevent ORDER BY id")).all()
        creations = [r for r in audit.list_events(desk, limit=None)
                     if r.action == "create" and r.entity == "pupil"]
        assert len(creations) == WRITERS * EACH
        assert [r[0] for r in rows] == list(range(1, len(rows) + 1))  # no gaps, no fork
        assert all(rows[i][1] == rows[i - 1][2] for i in range(1, len(rows)))
    finally:
        desk.close()


def test_staff_may_append_to_the_trail_but_never_change_or_delete_it(
        pg_cluster: Cluster, school: str) -> None:
    # the SENCO's own login (a member of the staff role, with a SCRAM password)
    with psycopg.connect(host="127.0.0.1", port=pg_cluster.port, dbname=school,
                         user=role_name(school, "senco"), password=PASSWORD,
                         autocommit=True) as staff:
        assert staff.execute("SELECT count(*) FROM auditevent").fetchone() == (1,)
        staff.execute("UPDATE pupil SET form = '7C'")  # records: allowed
        staff.execute(
            "INSERT INTO auditevent (id, at, actor_id, actor, action, entity, summary, "
            "changes_json, prev_hash, hash) VALUES (2, '', sencodesk_staff_id(), "
            "sencodesk_staff_name(), "
            "'create', 'pupil', '', '{}', '', '')")
        refused = ("UPDATE auditevent SET summary = 'nothing happened'",
                   "DELETE FROM auditevent WHERE id = 2",
                   "TRUNCATE auditevent",
                   "DROP TABLE auditevent",
                   "UPDATE alembic_version SET version_num = '0001'")
        for statement in refused:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                staff.execute(statement.encode())
        assert staff.execute("SELECT count(*) FROM auditevent").fetchone() == (2,)
        # the one sanctioned change (a deleted pupil's entries) refuses any other entry
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            staff.execute("SELECT sencodesk_reseal(1, %s, '{}', '', '')", (REDACTED,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            staff.execute("SELECT sencodesk_reseal(1, 'rewritten', '{}', '', '')")


def test_the_staff_role_is_granted_again_after_every_upgrade(
        pg_cluster: Cluster, school: str) -> None:
    with pg_cluster.connect(school) as admin:
        granted = admin.execute(
            "SELECT privilege_type FROM information_schema.role_table_grants "
            "WHERE grantee = %s AND table_name = 'auditevent' ORDER BY 1",
            (STAFF_ROLE,)).fetchall()
    assert [g[0] for g in granted] == ["INSERT", "SELECT"]
