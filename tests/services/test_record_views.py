"""Opening a pupil's record is audited once per opening, in the same unit of work as the read;
reading parts of it (the register, a tab's refresh) is not."""

from __future__ import annotations

from counting import transactions
from factories import add_pupil, signed_in_as, teaches

from sencodesk.domain.codes import Role
from sencodesk.domain.records import AuditRecord
from sencodesk.services import audit, pupils, record_views
from sencodesk.services.context import Desk


def _views(desk: Desk, pid: int) -> list[AuditRecord]:
    return [e for e in audit.list_events(desk, pupil_id=pid) if e.action == "view"]


def test_opening_a_record_says_who_looked_and_when(desk: Desk) -> None:
    pid = add_pupil(desk)
    teacher = signed_in_as(desk, Role.TEACHER)
    teaches(desk, teacher, pid)
    try:
        with transactions(teacher) as begun:
            detail = record_views.open_record(teacher, pid)
        assert detail == pupils.get(desk, pid)
        assert len(begun) == 1
    finally:
        teacher.close()
    (seen,) = _views(desk, pid)
    assert seen.actor == "Pat Example" and seen.summary == "record opened"


def test_reading_without_opening_is_not_a_view(desk: Desk) -> None:
    pid = add_pupil(desk)
    pupils.get(desk, pid)
    pupils.list_pupils(desk)
    assert _views(desk, pid) == []
