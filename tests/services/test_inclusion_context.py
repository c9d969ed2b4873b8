"""A pupil's inclusion context: audited writes, safeguarding flags for SENCO and head only,
and part-time timetable reviews on the Due list."""

from __future__ import annotations

import re
from datetime import date

import pytest
from factories import add_pupil, signed_in_as

from sencodesk.domain.codes import Role
from sencodesk.domain.errors import PermissionDenied, ValidationError
from sencodesk.domain.inclusion import AttendanceRecord, ContextFlags, ExclusionKind, Term
from sencodesk.services import audit, deadlines, inclusion
from sencodesk.services.context import Desk


def test_flags_are_saved_and_audited_without_safeguarding_values(desk: Desk) -> None:
    pid = add_pupil(desk)
    inclusion.set_context(desk, pid, ContextFlags(fsm=True, pupil_premium=True,
                                                  child_protection=True))
    flags = inclusion.context_of(desk, pid)
    assert (flags.fsm, flags.pupil_premium, flags.child_protection, flags.eal) == (
        True, True, True, False)
    assert flags.disadvantaged
    (event, *_) = audit.list_events(desk, pupil_id=pid)
    assert event.entity == "pupil context"
    assert event.changes["child_protection"] == ["…", "…"]
    assert event.changes["fsm"] == [False, True]


@pytest.mark.parametrize("role", [Role.TEACHER, Role.ADMIN])
def test_only_senco_and_head_read_child_in_need_and_protection(desk: Desk, role: Role) -> None:
    """A Teacher reads passports and plans, never a pupil's context (attendance, exclusions,
    flags); safeguarding flags need a permission of their own besides."""
    pid = add_pupil(desk)
    inclusion.set_context(desk, pid, ContextFlags(child_in_need=True, child_protection=True,
                                                  eal=True))
    head = signed_in_as(desk, Role.HEAD)
    assert inclusion.context_of(head, pid).child_in_need is True
    other = signed_in_as(desk, role)
    with pytest.raises(PermissionDenied):
        inclusion.context_of(other, pid)
    with pytest.raises(PermissionDenied):
        inclusion.contexts(other)
    with pytest.raises(PermissionDenied):
        inclusion.set_context(other, pid, ContextFlags())
    with pytest.raises(PermissionDenied):
        inclusion.set_context(head, pid, ContextFlags())


def test_attendance_replaces_its_term_and_refuses_sessions_that_do_not_add_up(
        desk: Desk) -> None:
    pid = add_pupil(desk)
    inclusion.set_attendance(desk, pid, AttendanceRecord(2025, Term.SPRING, 120, 110, 6, 4))
    inclusion.set_attendance(desk, pid, AttendanceRecord(2025, Term.AUTUMN, 140, 130, 10, 0))
    inclusion.set_attendance(desk, pid, AttendanceRecord(2025, Term.SPRING, 120, 100, 12, 8))
    assert [(r.term, r.attended) for r in inclusion.attendance_of(desk, pid)] == [
        (Term.AUTUMN, 130), (Term.SPRING, 100)]
    with pytest.raises(ValidationError, match="add up to 121"):
        inclusion.set_attendance(desk, pid, AttendanceRecord(2025, Term.SUMMER, 120, 110, 6, 5))


def test_exclusions_take_dfe_reason_codes(desk: Desk) -> None:
    pid = add_pupil(desk)
    inclusion.add_exclusion(desk, pid, ExclusionKind.SUSPENSION, date(2026, 10, 6), 2, "va")
    (found,) = inclusion.exclusions(desk)[pid]
    assert (found.reason, found.reason_label) == (
        "VA", "Verbal abuse or threatening behaviour against an adult")
    with pytest.raises(ValidationError, match="not a DfE exclusion reason code"):
        inclusion.add_exclusion(desk, pid, ExclusionKind.SUSPENSION, date(2026, 10, 9), 1,
                                "XX")
    with pytest.raises(ValidationError, match="half a day to 45 school days"):
        inclusion.add_exclusion(desk, pid, ExclusionKind.SUSPENSION, date(2026, 10, 9), 50,
                                "DB")
    inclusion.remove_exclusion(desk, found.id)
    assert inclusion.exclusions(desk) == {}


def test_an_overdue_part_time_review_is_on_the_due_list_until_reviewed(desk: Desk) -> None:
    pid = add_pupil(desk)
    with pytest.raises(ValidationError, match="time limit"):
        inclusion.add_part_time(desk, pid, date(2026, 10, 1), date(2026, 9, 1),
                                date(2026, 10, 15), "medical")
    inclusion.add_part_time(desk, pid, date(2026, 10, 1), date(2026, 12, 18),
                            date(2026, 11, 12), "medical: reintegration after surgery")
    (item,) = deadlines.school_deadlines(desk, overdue_only=True)
    assert (item.pupil_id, item.tab, item.milestone.due) == (pid, "inclusion", date(2026, 11, 12))
    assert "Working together to improve school attendance" in item.milestone.rule
    (timetable,) = inclusion.part_time(desk)
    inclusion.review_part_time(desk, timetable.id, next_review_on=date(2026, 12, 3))
    assert deadlines.school_deadlines(desk, overdue_only=True) == []
    inclusion.review_part_time(desk, timetable.id, ended_on=date(2026, 11, 20))
    assert all(i.milestone.id != "part_time_review" for i in deadlines.school_deadlines(desk))


def test_a_passport_never_prints_child_in_need_or_protection(desk: Desk) -> None:
    from pdf_checks import page_text

    from sencodesk.domain.records import PassportContent
    from sencodesk.reports import render
    from sencodesk.services import passports, report_data

    pid = add_pupil(desk)
    inclusion.set_context(desk, pid, ContextFlags(child_in_need=True, child_protection=True,
                                                  looked_after=True, eal=True))
    passports.save(desk, pid, PassportContent(about_me="I like trains"))
    text = " ".join(page_text(render(report_data.passport(desk, pid)).pdf)).casefold()
    assert "i like trains" in text  # the passport was read back
    for word in ("child in need", "protection", "safeguarding", "cin", "cp"):
        assert not re.search(rf"\b{word}\b", text)
