"""A leaver's whole SEN file for their next school: an AES-encrypted ZIP opened here with the
passphrase the SENCO chose; afterwards the record is listed for deletion, while a pupil whose
file stays here is kept to date of birth + 31 years."""

from __future__ import annotations

import io
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
import pyzipper
from factories import TODAY, add_pupil, photo_png
from pdf_checks import page_text

from sencodesk.domain.codes import NeedType, Progress, SenStatus
from sencodesk.domain.ctf import parse_ctf
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.records import PassportContent
from sencodesk.domain.retention import retention_ends
from sencodesk.reports import pdf_bytes
from sencodesk.services import (
    audit,
    cycles,
    passports,
    pupils,
    records_log,
    retention,
    transfer,
)
from sencodesk.services.context import Desk

PASSPHRASE = "blue heron at the weir"
DESTINATION = "Hillside Academy, Riverside (URN 149998)"


def _leaver(desk: Desk, tmp_path: Path) -> int:
    pid = add_pupil(desk, status=SenStatus.SUPPORT, needs=(NeedType.DS,),
                    dob=date(2014, 3, 1))
    passports.save(desk, pid, PassportContent(about_me="I like trains"))
    cid = cycles.create(desk, pid, cycles.CyclePlan(
        starts_on=date(2026, 9, 7), review_on=date(2026, 11, 20),
        outcomes=(cycles.OutcomeInput("Read 150 words"),)))
    cycles.activate(desk, cid)
    cycles.record_review(desk, cid, cycles.ReviewInput(date(2026, 11, 20), {1: Progress.MET},
                                                       pupil_voice="Reading is easier"))
    letter = tmp_path / "EP report.pdf"
    letter.write_bytes(b"%PDF-1.4 the EP's letter")
    records_log.attach(desk, pid, letter, title="EP report", confidential=True)
    records_log.set_photo(desk, pid, photo_png())
    pupils.mark_left(desk, pid, TODAY - timedelta(days=1), destination=DESTINATION)
    return pid


def _pdf_text(archive: pyzipper.AESZipFile, name: str) -> str:
    return " ".join(" ".join(page_text(archive.read(name))).split())


def test_the_pack_opens_with_the_passphrase_and_holds_the_whole_file(
        desk: Desk, tmp_path: Path) -> None:
    pid = _leaver(desk, tmp_path)
    upn = pupils.get(desk, pid).row.upn
    pack = transfer.transfer_pack(desk, pid, passphrase=PASSPHRASE, render=pdf_bytes)
    with pytest.raises(RuntimeError):  # encrypted: nothing reads without the passphrase
        zipfile.ZipFile(io.BytesIO(pack.data)).read("summary.pdf")
    with pyzipper.AESZipFile(io.BytesIO(pack.data)) as archive:
        assert all(info.flag_bits & 0x1 for info in archive.infolist())  # every entry
        archive.setpassword(b"not the passphrase")
        with pytest.raises(RuntimeError):
            archive.read("ctf.xml")
        archive.setpassword(PASSPHRASE.encode())
        names = set(archive.namelist())
        assert {"README.txt", "summary.pdf", "ctf.xml", "plans-and-reviews.pdf",
                "passport.pdf", "photo.png"} <= names
        (document,) = [n for n in names if n.startswith("documents/")]
        assert archive.read(document) == b"%PDF-1.4 the EP's letter"
        (row,) = parse_ctf(archive.read("ctf.xml")).rows
        assert (row.upn, row.needs) == (upn, (NeedType.DS,))
        summary = _pdf_text(archive, "summary.pdf")
        for expected in ("SEN FILE FOR THE NEXT SCHOOL", DESTINATION, "I like trains",
                         "EP report", "Read 150 words"):
            assert expected in summary, expected
        assert "Audit trail" not in summary  # who looked at what stays here
        assert "Reading is easier" in _pdf_text(archive, "plans-and-reviews.pdf")
        assert "I like trains" in _pdf_text(archive, "passport.pdf")
        assert DESTINATION in archive.read("README.txt").decode()
    event = audit.list_events(desk, pupil_id=pid)[0]
    assert (event.action, event.entity) == ("export", "transfer pack")
    assert DESTINATION in event.summary


def test_once_sent_the_record_is_listed_for_deletion_and_can_be_deleted(
        desk: Desk, tmp_path: Path) -> None:
    sent = _leaver(desk, tmp_path)
    stays = add_pupil(desk, dob=date(2010, 1, 5), year_group=12)
    pupils.mark_left(desk, stays, TODAY, destination="")  # left, file kept here
    assert retention.due_for_deletion(desk) == []
    transfer.transfer_pack(desk, sent, passphrase=PASSPHRASE, render=pdf_bytes)
    (due,) = retention.due_for_deletion(desk)
    assert (due.pupil_id, due.sent_to, due.sent_on) == (sent, DESTINATION, TODAY)
    assert "IRMS" in due.reason and "check it arrived" in due.reason
    # the last school keeps its leaver's file to date of birth + 31 years: 05/01/2041
    assert retention_ends(date(2010, 1, 5)) == date(2041, 1, 5)
    with pytest.raises(ValidationError, match="kept until 05/01/2041"):
        retention.delete_pupil(desk, stays, confirm_upn=pupils.get(desk, stays).row.upn)
    retention.delete_pupil(desk, sent, confirm_upn=due.upn)
    assert [r.id for r in pupils.list_pupils(desk, pupils.RegisterFilter(
        include_left=True))] == [stays]


def test_the_pack_needs_a_leaver_a_destination_and_a_real_passphrase(
        desk: Desk, tmp_path: Path) -> None:
    on_roll = add_pupil(desk)
    with pytest.raises(ValidationError, match="has not left"):
        transfer.transfer_pack(desk, on_roll, passphrase=PASSPHRASE, render=pdf_bytes)
    pupils.mark_left(desk, on_roll, TODAY)
    with pytest.raises(ValidationError, match="record the school"):
        transfer.transfer_pack(desk, on_roll, passphrase=PASSPHRASE, render=pdf_bytes)
    with pytest.raises(ValidationError, match="at least 12"):
        transfer.transfer_pack(desk, on_roll, passphrase="short", render=pdf_bytes)
    pupils.record_destination(desk, on_roll, DESTINATION)
    transfer.transfer_pack(desk, on_roll, passphrase=PASSPHRASE, render=pdf_bytes)
    with pytest.raises(ValidationError, match="was sent to"):
        pupils.record_destination(desk, on_roll, "Somewhere else")
