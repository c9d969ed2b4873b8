"""Roles are enforced in services, not only hidden in the GUI."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from factories import add_pupil, signed_in_as, teaches

from sencodesk.domain.codes import Role, SenStatus
from sencodesk.domain.errors import PermissionDenied
from sencodesk.domain.records import PassportContent
from sencodesk.services import accounts, audit, ehcp, passports, pupils, records_log
from sencodesk.services.context import Desk

_as = signed_in_as


def test_teacher_reads_passports_adds_notes_but_no_ehcp(desk: Desk) -> None:
    pid = add_pupil(desk)
    passports.save(desk, pid, PassportContent(about_me="I like trains"))
    teacher = _as(desk, Role.TEACHER)
    teaches(desk, teacher, pid)
    assert passports.latest(teacher, pid) is not None
    records_log.add_contact(teacher, pid, occurred_on=date(2026, 11, 20),
                            kind="observation", summary="Settled well today")
    with pytest.raises(PermissionDenied, match="Teacher accounts cannot read EHCP"):
        ehcp.requests_for(teacher, [pid])
    with pytest.raises(PermissionDenied):
        ehcp.open_request(teacher, pid, received_on=date(2026, 9, 1))
    with pytest.raises(PermissionDenied):
        passports.save(teacher, pid, PassportContent(about_me="changed"))
    teacher.close()


def test_teacher_reads_no_documents(desk: Desk, tmp_path: object) -> None:
    from pathlib import Path

    pid = add_pupil(desk)
    file = Path(str(tmp_path)) / "note.txt"
    file.write_text("safeguarding note")
    doc = records_log.attach(desk, pid, file, title="Safeguarding", confidential=True)
    records_log.attach(desk, pid, file, title="Reading report")
    teacher = _as(desk, Role.TEACHER)
    teaches(desk, teacher, pid)
    with pytest.raises(PermissionDenied, match="cannot read documents"):
        records_log.documents(teacher, pid)
    with pytest.raises(PermissionDenied):
        records_log.read_document(teacher, doc)
    teacher.close()


@pytest.mark.parametrize(
    "call",
    [
        lambda d, pid: pupils.change_sen(d, pid, pupils.SenChange(SenStatus.NONE)),
        lambda d, pid: passports.save(d, pid, PassportContent(about_me="x")),
        lambda d, pid: ehcp.open_request(d, pid, received_on=date(2026, 9, 1)),
    ],
)
def test_head_reads_everything_and_changes_nothing(
    desk: Desk, call: Callable[[Desk, int], object]
) -> None:
    pid = add_pupil(desk)
    head = _as(desk, Role.HEAD)
    assert pupils.get(head, pid).row.id == pid
    assert ehcp.requests_for(head, [pid]) == {}
    assert audit.list_events(head, pupil_id=pid)
    with pytest.raises(PermissionDenied):
        call(head, pid)
    head.close()


def test_administrator_sees_no_pupil_data(desk: Desk) -> None:
    add_pupil(desk)
    admin = _as(desk, Role.ADMIN)
    with pytest.raises(PermissionDenied):
        pupils.list_pupils(admin)
    with pytest.raises(PermissionDenied):
        audit.list_events(admin)
    assert audit.verify(admin) == []
    assert any(a.username == "senco" for a in accounts.list_accounts(admin))
    admin.close()
