"""Subject access exports and the end of retention, on a real encrypted case file."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from factories import TODAY, add_pupil, photo_png, signed_in_as
from pdf_checks import embedded_fonts, is_a4, page_text
from sqlalchemy import text

from sencodesk.domain.codes import Role
from sencodesk.domain.errors import PermissionDenied, StoreError, ValidationError
from sencodesk.domain.records import PassportContent
from sencodesk.reports import render
from sencodesk.services import (
    audit,
    passports,
    pupils,
    records_log,
    retention,
    subject_access,
)
from sencodesk.services.context import Desk

LATER = date(2036, 6, 2)  # the day after a 2005 birth's retention ends


def _full_pupil(desk: Desk, tmp_path: Path) -> int:
    pid = add_pupil(desk, dob=date(2005, 6, 1), year_group=14, form="")
    passports.save(desk, pid, PassportContent(about_me="I like trains"))
    passports.save(desk, pid, PassportContent(about_me="I like buses now"))
    letter = tmp_path / "letter from EP.pdf"
    letter.write_bytes(b"%PDF-1.4 the EP's letter")
    records_log.attach(desk, pid, letter, title="EP report", confidential=True)
    records_log.set_photo(desk, pid, photo_png())
    return pid


def test_subject_access_zip_holds_everything(desk: Desk, tmp_path: Path) -> None:
    pid = _full_pupil(desk, tmp_path)
    sheet = subject_access.gather(desk, pid)
    pdf = render(sheet).pdf
    archive = zipfile.ZipFile(io.BytesIO(subject_access.package(sheet, pdf)))
    names = set(archive.namelist())
    assert {"README.txt", "record.pdf", "record.json", "photo.png"} <= names
    (document,) = [n for n in names if n.startswith("documents/")]
    assert archive.read(document) == b"%PDF-1.4 the EP's letter"  # byte for byte
    data = json.loads(archive.read("record.json"))
    assert [v["content"]["about_me"] for v in data["passports"]] == [
        "I like buses now", "I like trains"]
    assert data["pupil"]["row"]["dob"] == "2005-06-01"
    assert {e["action"] for e in data["audit"]} >= {"create", "update", "read"}
    text = " ".join(" ".join(page_text(pdf)).split())
    for heading in ("SUBJECT ACCESS", "SEN status history", "every version", "I like trains",
                    "Audit trail", "EP report"):
        assert heading in text, heading
    assert is_a4(pdf) and all(embedded_fonts(pdf).values())
    assert "subject access" in {e.entity for e in audit.list_events(desk, pupil_id=pid)}


def test_subject_access_needs_the_right_role(desk: Desk, tmp_path: Path) -> None:
    pid = _full_pupil(desk, tmp_path)
    with pytest.raises(PermissionDenied):
        subject_access.gather(signed_in_as(desk, Role.TEACHER), pid)


def test_safe_names_cannot_leave_the_documents_folder() -> None:
    assert subject_access.safe_name("../../etc/passwd") == "passwd"
    assert subject_access.safe_name("C:\\evil\\..\\x:y?.pdf") == "x_y_.pdf"
    assert subject_access.safe_name("...") == "document"


def test_only_leavers_past_retention_are_listed_and_deletable(desk: Desk,
                                                              tmp_path: Path) -> None:
    pid = _full_pupil(desk, tmp_path)
    stays = add_pupil(desk, dob=date(2005, 6, 1), year_group=14, form="")
    desk.today = lambda: LATER
    assert retention.due_for_deletion(desk) == []  # neither has left
    with pytest.raises(ValidationError, match="has not left"):
        retention.delete_pupil(desk, pid, confirm_upn=pupils.get(desk, pid).row.upn)
    desk.today = lambda: TODAY
    pupils.mark_left(desk, pid, date(2024, 7, 19))
    assert retention.due_for_deletion(desk) == []  # left, but not yet past retention
    desk.today = lambda: LATER
    (due,) = retention.due_for_deletion(desk)
    assert due.pupil_id == pid and due.kept_until == date(2036, 6, 1)
    assert "left 19/07/2024" in due.reason
    with pytest.raises(ValidationError, match="does not match"):
        retention.delete_pupil(desk, pid, confirm_upn="not the upn")
    assert pupils.get(desk, pid)  # nothing was deleted
    assert pupils.get(desk, stays)


def test_deletion_removes_every_record_and_file_and_keeps_the_audit_chain(
        desk: Desk, tmp_path: Path) -> None:
    pid = _full_pupil(desk, tmp_path)
    pupils.mark_left(desk, pid, date(2024, 7, 19))
    files = sorted((desk.data_dir / "documents").rglob("*.bin"))
    assert len(files) == 2  # the letter and the photo
    desk.today = lambda: LATER
    retention.delete_pupil(desk, pid, confirm_upn=pupils.get(desk, pid).row.upn.lower())
    assert retention.due_for_deletion(desk) == []
    assert pupils.list_pupils(desk, pupils.RegisterFilter(include_left=True)) == []
    assert not any(path.exists() for path in files)
    assert audit.verify(desk) == []
    deleted = next(e for e in audit.list_events(desk, limit=5) if e.action == "delete")
    assert (deleted.action, deleted.entity, deleted.entity_id) == ("delete", "pupil", pid)
    assert "retention" in deleted.summary


def test_deletion_removes_what_the_audit_trail_says_about_the_pupil(
        desk: Desk, tmp_path: Path) -> None:
    pid = _full_pupil(desk, tmp_path)
    other = add_pupil(desk, legal_surname="Okonkwo", legal_forename="Chidi")
    detail = pupils.get(desk, pid)
    pupils.update(desk, pid, replace(pupils.fields_of(detail),
                                     legal_surname="Renamed-Before-Leaving"))
    pupils.mark_left(desk, pid, date(2024, 7, 19))
    secrets = (detail.row.upn, detail.legal_surname, "Renamed-Before-Leaving",
               detail.legal_forename, detail.row.dob.isoformat())
    trail = audit.list_events(desk, limit=None)
    mentioned = json.dumps([(e.summary, e.changes) for e in trail], ensure_ascii=False)
    assert all(secret in mentioned for secret in secrets)  # the trail did name them
    before = len(trail)
    desk.today = lambda: LATER
    retention.delete_pupil(desk, pid, confirm_upn=detail.row.upn)
    trail = audit.list_events(desk, limit=None)
    text = json.dumps([(e.summary, e.changes) for e in trail], ensure_ascii=False)
    assert not [secret for secret in secrets if secret in text]
    assert len(trail) == before + 1  # every entry kept (who did what, when), plus the deletion
    assert "Okonkwo" in text  # other pupils' entries untouched
    assert audit.verify(desk) == []  # re-sealed, still whole
    assert pupils.get(desk, other)


def test_a_broken_audit_trail_is_not_resealed_and_nothing_is_deleted(
        desk: Desk, tmp_path: Path) -> None:
    pid = _full_pupil(desk, tmp_path)
    pupils.mark_left(desk, pid, date(2024, 7, 19))
    with desk.db.engine.begin() as connection:  # someone edits the trail by hand
        connection.execute(text("UPDATE auditevent SET summary = 'nothing to see' "
                                "WHERE id = 2"))
    desk.today = lambda: LATER
    with pytest.raises(StoreError, match="broken at entry 2"):
        retention.delete_pupil(desk, pid, confirm_upn=pupils.get(desk, pid).row.upn)
    assert pupils.get(desk, pid)


def test_a_new_pupil_given_a_deleted_pupils_number_has_none_of_their_history(
        desk: Desk, tmp_path: Path) -> None:
    pid = _full_pupil(desk, tmp_path)
    pupils.mark_left(desk, pid, date(2024, 7, 19))
    desk.today = lambda: LATER
    retention.delete_pupil(desk, pid, confirm_upn=pupils.get(desk, pid).row.upn)
    desk.today = lambda: TODAY
    newcomer = add_pupil(desk)
    assert newcomer == pid  # SQLite reused the number
    history = audit.list_events(desk, pupil_id=newcomer)
    assert [e.action for e in history] == ["create"]
