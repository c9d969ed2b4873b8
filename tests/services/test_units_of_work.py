"""Composite services are one unit of work: one transaction (so one snapshot of the case file)
and their audit rows committed with the reads, counted on the engine itself."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from counting import audit_rows, transactions
from factories import PASSWORD, add_pupil, photo_png

from sencodesk.domain.codes import SenStatus
from sencodesk.domain.errors import SencodeskError
from sencodesk.domain.records import PassportContent
from sencodesk.services import (
    accounts,
    audit,
    backups,
    ctf,
    deadlines,
    demo,
    evidence_pack,
    passports,
    pupils,
    records_log,
    report_data,
    subject_access,
)
from sencodesk.services.context import Desk


def _with_passport(desk: Desk) -> int:
    pid = add_pupil(desk)
    passports.save(desk, pid, PassportContent(about_me="I like trains"))
    records_log.set_photo(desk, pid, photo_png())
    return pid


def _with_documents(desk: Desk, tmp_path: Path, count: int) -> int:
    pid = _with_passport(desk)
    for number in range(count):
        letter = tmp_path / f"letter {number}.pdf"
        letter.write_bytes(f"%PDF-1.4 letter {number}".encode())
        records_log.attach(desk, pid, letter, title=f"Letter {number}")
    return pid


def test_a_printed_passport_is_one_transaction_with_its_export_row(desk: Desk) -> None:
    pid = _with_passport(desk)
    before = audit_rows(desk)
    with transactions(desk) as begun:
        report_data.passport(desk, pid)
    assert len(begun) == 1
    assert audit_rows(desk) == before + 1


def test_a_class_set_of_passports_is_one_transaction(desk: Desk) -> None:
    for _ in range(3):
        _with_passport(desk)
    with transactions(desk) as begun:
        printed = report_data.class_set(desk, "7B")
    assert len(printed.sheets) == 3
    assert len(begun) == 1


def test_the_evidence_pack_is_one_transaction_with_every_case_audited(
    demo_desk: Desk,
) -> None:
    cases = [r.id for r in pupils.list_pupils(demo_desk) if r.status is SenStatus.EHCP][:3]
    assert len(cases) == 3
    before = audit_rows(demo_desk)
    with transactions(demo_desk) as begun:
        evidence_pack.evidence_pack(demo_desk, case_ids=cases, anonymise=True)
    assert len(begun) == 1
    assert audit_rows(demo_desk) == before + 1 + len(cases)  # the pack, and each case's own


def test_subject_access_is_one_transaction_however_many_files(desk: Desk,
                                                              tmp_path: Path) -> None:
    pid = _with_documents(desk, tmp_path, 4)
    before = audit_rows(desk)
    with transactions(desk) as begun:
        sheet = subject_access.gather(desk, pid)
    assert len(sheet.documents) == 4
    assert len(begun) == 1
    assert audit_rows(desk) == before + 4 + 1  # each file read, and the export


def test_a_subject_access_export_that_fails_leaves_no_audit_rows(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The files' "read" rows used to be committed one by one before the export failed."""
    pid = _with_documents(desk, tmp_path, 2)
    before = audit_rows(desk)

    def broken(*_args: object) -> bytes:
        raise SencodeskError("the photo could not be read")

    monkeypatch.setattr(records_log, "photo", broken)
    with pytest.raises(SencodeskError):
        subject_access.gather(desk, pid)
    assert audit_rows(desk) == before


def test_a_ctf_export_is_one_transaction(desk: Desk) -> None:
    ids = [add_pupil(desk) for _ in range(4)]
    before = audit_rows(desk)
    with transactions(desk) as begun:
        ctf.export(desk, ids)
    assert len(begun) == 1
    assert audit_rows(desk) == before + len(ids)


READS: dict[str, Any] = {
    "deadlines": lambda d, _pid: deadlines.school_deadlines(d),
    "provision map": lambda d, _pid: report_data.provision_map(
        d, starts_on=date(2026, 9, 1), ends_on=date(2027, 7, 31)),
    "register": lambda d, _pid: report_data.register(d),
    "support plan": lambda d, pid: report_data.plan(d, pid),
    "ehcp chronology": lambda d, pid: report_data.ehcp_chronology(d, pid),
}


@pytest.mark.parametrize("name", READS)
def test_whole_school_and_document_reads_are_one_transaction(demo_desk: Desk,
                                                             name: str) -> None:
    pid = next(r.id for r in pupils.list_pupils(demo_desk) if r.status is SenStatus.EHCP)
    with transactions(demo_desk) as begun:
        READS[name](demo_desk, pid)
    assert len(begun) == 1


def test_a_composite_reads_one_snapshot_while_someone_else_writes(desk: Desk) -> None:
    add_pupil(desk)
    other = accounts.sign_in(desk.data_dir, "senco", PASSWORD)
    try:
        with desk.composite(writes=False):
            first = len(pupils.list_pupils(desk))
            add_pupil(other)  # the command line, or a second window, saving meanwhile
            second = len(pupils.list_pupils(desk))
        assert first == second == 1
        assert len(pupils.list_pupils(desk)) == 2
    finally:
        other.close()


def test_no_audit_row_is_written_outside_a_desk_unit(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Exports, backups and the demo builder write their audit rows in the desk's own unit of
    work (which checks the permission), never in a transaction of their own."""
    real = audit.record
    outside: list[str] = []

    def watched(session: Any, actor: Any, action: str, entity: str, **kwargs: Any) -> None:
        if getattr(desk._open, "session", None) is not session:
            outside.append(f"{action} {entity}")
        real(session, actor, action, entity, **kwargs)

    monkeypatch.setattr(audit, "record", watched)
    demo.build(desk, pupils=2)
    pid = _with_passport(desk)
    report_data.passport(desk, pid)
    backups.backup(desk, tmp_path / "copy.sencodesk-backup")
    watched_actions = [e.action + " " + e.entity for e in audit.list_events(desk, limit=8)]
    assert {"create demo school", "export passport", "export backup"} <= set(watched_actions)
    assert outside == []
