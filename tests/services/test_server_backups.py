"""`sencodesk backup` of a case file on the school's server (an encrypted pg_dump) and its
restore into an empty database on the real test server."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import PASSWORD
from test_moving import FIRST_PUPIL, TEACHER, _rows, _same_apart_from_newer_audit

from sencodesk.domain.codes import Role
from sencodesk.domain.errors import AuthenticationFailed, StoreError
from sencodesk.services import accounts, audit, backups, records_log, server_backups, server_mode
from sencodesk.services.context import Desk


@pytest.fixture
def taken(server_demo_desk: Desk,
          tmp_path: Path) -> tuple[Path, dict[str, list[tuple[object, ...]]]]:
    """A backup of the demo school on the server, with a teacher's account and an attached
    file, and the rows it was taken of."""
    demo_desk = server_demo_desk
    accounts.add_account(demo_desk, full_name="Pat Example", username=TEACHER,
                         role=Role.TEACHER, password="chalk and talk")
    source = tmp_path / "report.pdf"
    source.write_bytes(b"%PDF-1.4 speech and language report")
    records_log.attach(demo_desk, FIRST_PUPIL, source, title="SaLT report")
    rows = _rows(demo_desk)
    path = backups.backup(demo_desk, tmp_path / "oakhill.sencodesk-server-backup")
    assert backups.on_server(demo_desk)
    return path, rows


def test_a_server_backup_restores_into_an_empty_database(
        taken: tuple[Path, dict[str, list[tuple[object, ...]]]], pg_url: str,
        tmp_path: Path) -> None:
    path, before = taken
    surname = before["pupil"][0]
    assert all(str(value).encode() not in path.read_bytes()
               for value in surname if isinstance(value, str) and len(value) > 3)
    assert server_backups.taken_at(path).year >= 2026

    moved = server_backups.restore(path, pg_url, "senco", PASSWORD)

    assert moved.rows["pupil"] == 80 and set(moved.temporary_passwords) == {TEACHER}
    computer = tmp_path / "computer"
    server_mode.connect(computer, pg_url)
    desk = accounts.sign_in(computer, "senco", PASSWORD)
    try:
        assert audit.verify(desk) == []
        _same_apart_from_newer_audit(before, _rows(desk))
        (document,) = records_log.documents(desk, FIRST_PUPIL)
        assert records_log.read_document(desk, document.id)[1].startswith(b"%PDF-1.4 speech")
    finally:
        desk.close()
    accounts.sign_in(computer, TEACHER, moved.temporary_passwords[TEACHER]).close()


def test_a_server_backup_opens_only_with_its_takers_password_and_whole(
        taken: tuple[Path, dict[str, list[tuple[object, ...]]]], pg_url: str) -> None:
    path, _ = taken
    with pytest.raises(AuthenticationFailed, match="senco, who took it"):
        server_backups.restore(path, pg_url, "senco", "not the password")
    cut = path.with_name("cut")
    cut.write_bytes(path.read_bytes()[:-100])
    with pytest.raises(StoreError, match="damaged"):
        server_backups.restore(cut, pg_url, "senco", PASSWORD)
    with pytest.raises(StoreError, match="not a backup of a school's server"):
        server_backups.restore(Path(__file__), pg_url, "senco", PASSWORD)
