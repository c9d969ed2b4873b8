"""The audit chain's head anchored outside the case file at every backup and export, so the
tail deleted or the chain recomputed is found by verify (issue 16.8)."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

from factories import PASSWORD, add_pupil
from sqlalchemy import text

from sencodesk.services import accounts, audit, backups, pupils, report_data, retention
from sencodesk.services.context import Desk
from sencodesk.store import anchors

LATER = date(2036, 6, 2)  # the day after a 2005 birth's retention ends


def _busy_trail(desk: Desk, tmp_path: Path) -> None:
    for surname in ("Adeyemi", "Brown", "Clarke"):
        add_pupil(desk, legal_surname=surname)
    backups.backup(desk, tmp_path / "one.sencodesk-backup")


def _rehash_from(desk: Desk, first: int) -> None:
    """What an attacker with the key can do: recompute every hash from entry ``first`` on."""
    with desk.db.transaction() as session:
        rows = session.execute(text("SELECT * FROM auditevent ORDER BY id")).mappings().all()
        previous = next(r["hash"] for r in rows if r["id"] == first - 1)
        for row in rows:
            if row["id"] < first:
                continue
            body = [previous, row["at"], row["actor_id"], row["actor"], row["action"],
                    row["entity"], row["entity_id"], row["pupil_id"], row["summary"],
                    row["changes_json"]]
            digest = hashlib.sha256(json.dumps(body, ensure_ascii=False,
                                               separators=(",", ":")).encode()).hexdigest()
            session.execute(text("UPDATE auditevent SET prev_hash = :p, hash = :h "
                                 "WHERE id = :i"), {"p": previous, "h": digest, "i": row["id"]})
            previous = digest


def test_a_backup_and_an_export_anchor_the_head_outside_the_case_file(
        desk: Desk, tmp_path: Path) -> None:
    _busy_trail(desk, tmp_path)
    (first,) = anchors.read(desk.data_dir)
    newest = audit.list_events(desk, limit=1)[0]
    assert (first.count, first.why) == (newest.id, "export backup")
    head = backups._layout(tmp_path / "one.sencodesk-backup").header["audit_head"]
    assert isinstance(head, dict)  # the backup carries the head it holds (before its entry)
    assert head["count"] == newest.id - 1 and len(str(head["hash"])) == 64
    pid = pupils.list_pupils(desk)[0].id
    report_data.record_export(desk, "passport", pupil_id=pid)
    second = anchors.read(desk.data_dir)[-1]
    assert (second.count, second.why) == (first.count + 1, "export passport")
    assert audit.verify(desk) == []


def test_deleting_the_newest_entries_is_found(desk: Desk, tmp_path: Path) -> None:
    _busy_trail(desk, tmp_path)
    last = audit.list_events(desk, limit=1)[0].id
    with desk.db.transaction() as session:
        session.execute(text("DELETE FROM auditevent WHERE id > :n"), {"n": last - 3})
    problems = audit.verify(desk)
    assert [p.entry_id for p in problems] == [last]
    assert "the newest entries were deleted" in problems[0].message


def test_editing_an_entry_and_recomputing_the_chain_is_found(desk: Desk,
                                                             tmp_path: Path) -> None:
    _busy_trail(desk, tmp_path)
    victim = audit.list_events(desk, limit=None)[-3].id  # an early entry: a sign-in
    with desk.db.transaction() as session:
        session.execute(text("UPDATE auditevent SET actor = 'someone else' WHERE id = :i"),
                        {"i": victim})
    _rehash_from(desk, victim)
    problems = audit.verify(desk)
    assert len(problems) == 1
    assert "entries were changed and the chain recomputed" in problems[0].message


def test_a_retention_deletion_carries_the_anchors_over_its_resealing(
        desk: Desk, tmp_path: Path) -> None:
    pid = add_pupil(desk, legal_surname="Leaver", dob=date(2005, 6, 1), year_group=14, form="")
    add_pupil(desk, legal_surname="Stays")
    backups.backup(desk, tmp_path / "one.sencodesk-backup")
    pupils.mark_left(desk, pid, date(2024, 7, 19))
    desk.today = lambda: LATER
    retention.delete_pupil(desk, pid, confirm_upn=pupils.get(desk, pid).row.upn)
    assert audit.verify(desk) == []


def test_a_restore_anchors_the_restored_trail(desk: Desk, tmp_path: Path) -> None:
    _busy_trail(desk, tmp_path)
    add_pupil(desk, legal_surname="After")
    backups.backup(desk, tmp_path / "two.sencodesk-backup")
    desk.close()
    backups.restore(desk.data_dir, tmp_path / "one.sencodesk-backup", "senco", PASSWORD)
    again = accounts.sign_in(desk.data_dir, "senco", PASSWORD)
    try:
        assert audit.verify(again) == []
        assert [a.why for a in anchors.read(desk.data_dir)][-1] == "restore backup"
    finally:
        again.close()


def test_a_new_school_in_the_folder_does_not_take_the_old_anchors(
        desk: Desk, tmp_path: Path) -> None:
    _busy_trail(desk, tmp_path)
    folder = desk.data_dir
    desk.close()
    for name in ("sencodesk.db", "keyslots.json"):
        (folder / name).unlink()
    fresh = accounts.init_school(folder, school_name="New", username="senco",
                                 full_name="Sam Patel", password=PASSWORD)
    try:
        assert audit.verify(fresh) == []
        assert list(folder.glob(f"{anchors.NAME}.before-*"))
    finally:
        fresh.close()
