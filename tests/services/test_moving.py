"""Moving a school's case file from a laptop onto the school's server and back out, with real
files and the real test server: every row, attached file and audit entry survives, and the
audit trail verifies on both sides."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from factories import PASSWORD, add_pupil
from pg_cluster import Cluster
from sqlalchemy import select

from sencodesk.domain.codes import Role
from sencodesk.domain.errors import PermissionDenied, StoreError
from sencodesk.services import accounts, audit, moving, records_log, server_mode
from sencodesk.services.context import Desk
from sencodesk.store import moving as store_moving

TEACHER = "pat"
FIRST_PUPIL = 1  # the demo's first pupil


def _rows(desk: Desk) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, in primary-key order."""
    with desk.db.engine.connect() as connection:
        return {table.name: [tuple(row) for row in connection.execute(
                    select(table).order_by(*table.primary_key.columns))]
                for table in store_moving.tables()}


def _laptop(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """The 80-pupil demo school on a laptop, with a teacher's account and attached files (one
    confidential)."""
    folder = tmp_path / "laptop"
    shutil.copytree(request.getfixturevalue("_demo_school"), folder)
    desk = accounts.sign_in(folder, "senco", PASSWORD)
    try:
        accounts.add_account(desk, full_name="Pat Example", username=TEACHER,
                             role=Role.TEACHER, password="chalk and talk")
        source = tmp_path / "report.pdf"
        source.write_bytes(b"%PDF-1.4 speech and language report")
        records_log.attach(desk, FIRST_PUPIL, source, title="SaLT report", kind="report")
        source.write_bytes(b"%PDF-1.4 social care chronology")
        records_log.attach(desk, FIRST_PUPIL, source, title="Chronology", confidential=True)
    finally:
        desk.close()
    return folder


def test_round_trip_file_to_server_to_file_keeps_every_row(
        request: pytest.FixtureRequest, tmp_path: Path, pg_url: str) -> None:
    laptop = _laptop(request, tmp_path)
    original = accounts.open_as(laptop, "senco", PASSWORD)
    try:
        before = _rows(original)
    finally:
        original.close()
    said: list[str] = []

    moved = moving.import_file(laptop, pg_url, "senco", PASSWORD, progress=said.append)

    assert moved.rows["pupil"] == 80 and moved.total == sum(map(len, before.values()))
    assert set(moved.temporary_passwords) == {TEACHER}
    assert "pupil: 80 rows" in said and "attached files: 2 of 2" in said
    on_server = tmp_path / "computer"
    server_mode.connect(on_server, pg_url)
    desk = accounts.sign_in(on_server, "senco", PASSWORD)
    try:
        server_rows = _rows(desk)
        assert audit.verify(desk) == []
        documents = records_log.documents(desk, FIRST_PUPIL)
        assert sorted(records_log.read_document(desk, d.id)[1] for d in documents) == [
            b"%PDF-1.4 social care chronology", b"%PDF-1.4 speech and language report"]
    finally:
        desk.close()
    _same_apart_from_newer_audit(before, server_rows)
    teacher = accounts.sign_in(on_server, TEACHER, moved.temporary_passwords[TEACHER])
    teacher.close()

    back = tmp_path / "back"
    out = moving.export_file(pg_url, back, "senco", PASSWORD)
    assert out.rows["pupil"] == 80
    desk = accounts.sign_in(back, "senco", PASSWORD)
    try:
        assert audit.verify(desk) == []
        after = _rows(desk)
        documents = records_log.documents(desk, FIRST_PUPIL)
        assert len(documents) == 2 and all(records_log.read_document(desk, d.id)[1]
                                           for d in documents)
    finally:
        desk.close()
    _same_apart_from_newer_audit(server_rows, after)
    _same_apart_from_newer_audit(before, after)
    accounts.sign_in(back, TEACHER, out.temporary_passwords[TEACHER]).close()


def _same_apart_from_newer_audit(older: dict[str, list[tuple[Any, ...]]],
                                 newer: dict[str, list[tuple[Any, ...]]]) -> None:
    """Every row is the same, and the older audit trail is the start of the newer one (signing
    in and verifying add entries)."""
    for name, rows in older.items():
        if name == "auditevent":
            assert newer[name][:len(rows)] == rows
        else:
            assert newer[name] == rows, name


def test_a_server_that_is_not_empty_is_refused_and_the_copy_carries_on(
        request: pytest.FixtureRequest, tmp_path: Path, pg_url: str) -> None:
    laptop = _laptop(request, tmp_path)
    moving.import_file(laptop, pg_url, "senco", PASSWORD)
    with pytest.raises(StoreError, match="not empty"):
        moving.import_file(laptop, pg_url, "senco", PASSWORD)
    server_mode.connect(tmp_path / "computer", pg_url)
    desk = accounts.sign_in(tmp_path / "computer", "senco", PASSWORD)
    try:
        assert add_pupil(desk, legal_surname="Newcomer") == 81  # numbering carries on
    finally:
        desk.close()


def test_a_broken_audit_trail_keeps_nothing_on_the_server(
        request: pytest.FixtureRequest, tmp_path: Path, pg_url: str,
        pg_cluster: Cluster) -> None:
    laptop = _laptop(request, tmp_path)
    desk = accounts.open_as(laptop, "senco", PASSWORD)
    with desk.db.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE auditevent SET summary = 'rewritten' WHERE id = 3")
    desk.close()

    with pytest.raises(store_moving.MoveFailed, match="audit entry 3 has been altered"):
        moving.import_file(laptop, pg_url, "senco", PASSWORD)

    with pg_cluster.connect(pg_url.rpartition("/")[2].partition("?")[0]) as admin:
        left = admin.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        assert left.fetchone() == (0,)


def test_only_a_senco_moves_the_case_file(request: pytest.FixtureRequest, tmp_path: Path,
                                          pg_url: str) -> None:
    laptop = _laptop(request, tmp_path)
    with pytest.raises(PermissionDenied, match="Only a SENCO"):
        moving.import_file(laptop, pg_url, TEACHER, "chalk and talk")
