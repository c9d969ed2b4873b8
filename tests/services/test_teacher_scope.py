"""A Teacher reaches only the pupils they teach: enforced in the services, for every call."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from factories import TODAY, add_pupil, signed_in_as

from sencodesk.domain.codes import Role
from sencodesk.domain.errors import OutsideView, PermissionDenied
from sencodesk.domain.records import PassportContent
from sencodesk.services import audit, groups, passports, pupils, records_log
from sencodesk.services.context import Desk


@dataclass
class School:
    senco: Desk
    teacher: Desk
    mine: int  # in 8X/Ma1
    other: int  # in no group of the teacher's
    group: int


@pytest.fixture
def school(desk: Desk) -> Iterator[School]:
    mine = add_pupil(desk, legal_surname="Able")
    other = add_pupil(desk, legal_surname="Zed")
    for pid in (mine, other):
        passports.save(desk, pid, PassportContent(about_me="I like trains"))
    teacher = signed_in_as(desk, Role.TEACHER)
    group = groups.create_group(desk, groups.GroupFields(
        "8X/Ma1", "Maths", (teacher.actor.staff_id,)))
    groups.add_pupils(desk, group, [mine], starts_on=date(2026, 9, 1))
    yield School(desk, teacher, mine, other, group)
    teacher.close()


def test_teacher_lists_and_reads_only_their_pupils(school: School) -> None:
    teacher = school.teacher
    assert [p.id for p in pupils.list_pupils(teacher)] == [school.mine]
    assert pupils.get(teacher, school.mine).row.id == school.mine
    assert passports.latest(teacher, school.mine) is not None
    with pytest.raises(OutsideView, match="not in any of your teaching groups"):
        pupils.get(teacher, school.other)
    with pytest.raises(OutsideView):
        passports.latest(teacher, school.other)


def test_a_refusal_is_audited(school: School) -> None:
    with pytest.raises(OutsideView):
        passports.latest(school.teacher, school.other)
    refusals = [e for e in audit.list_events(school.senco, pupil_id=school.other)
                if e.action == "refused"]
    assert len(refusals) == 1 and "teaching groups" in refusals[0].summary


def test_head_keeps_the_whole_school_view(school: School) -> None:
    head = signed_in_as(school.senco, Role.HEAD)
    assert {p.id for p in pupils.list_pupils(head)} == {school.mine, school.other}
    head.close()


def test_share_by_name_ends_on_its_end_date(school: School) -> None:
    teacher = school.teacher
    groups.share(school.senco, school.other, teacher.actor.staff_id,
                 ends_on=TODAY + timedelta(days=7))
    assert passports.latest(teacher, school.other) is not None
    teacher.today = lambda: TODAY + timedelta(days=7)
    assert passports.latest(teacher, school.other) is not None
    teacher.today = lambda: TODAY + timedelta(days=8)
    with pytest.raises(OutsideView):
        passports.latest(teacher, school.other)


def test_a_pupil_who_changes_group_drops_out_that_day(school: School) -> None:
    groups.remove_pupil(school.senco, school.group, school.mine, last_day=TODAY)
    assert [p.id for p in pupils.list_pupils(school.teacher)] == [school.mine]
    school.teacher.today = lambda: TODAY + timedelta(days=1)
    assert pupils.list_pupils(school.teacher) == []
    with pytest.raises(OutsideView):
        pupils.get(school.teacher, school.mine)


def test_a_leaver_drops_out_on_the_day_they_leave(school: School) -> None:
    pupils.mark_left(school.senco, school.mine, TODAY + timedelta(days=3))
    school.teacher.today = lambda: TODAY + timedelta(days=2)
    assert passports.latest(school.teacher, school.mine) is not None
    school.teacher.today = lambda: TODAY + timedelta(days=3)
    with pytest.raises(OutsideView):
        passports.latest(school.teacher, school.mine)


def test_notes_teachers_read_their_own_and_those_for_teachers(school: School) -> None:
    senco, teacher = school.senco, school.teacher
    records_log.add_contact(senco, school.mine, occurred_on=date(2026, 11, 2),
                            kind="phone call", summary="Private call with mum")
    records_log.add_contact(teacher, school.mine, occurred_on=date(2026, 11, 20),
                            kind="observation", summary="Settled well today")
    records_log.add_contact(senco, school.mine, occurred_on=date(2026, 11, 21),
                            kind="observation", summary="Sits near the front",
                            for_teachers=True)
    with pytest.raises(OutsideView):
        records_log.add_contact(teacher, school.other, occurred_on=date(2026, 11, 20),
                                kind="observation", summary="Not mine")
    seen = [c.summary for c in records_log.contacts(teacher, school.mine)]
    assert seen == ["Sits near the front", "Settled well today"]
    assert len(records_log.contacts(senco, school.mine)) == 3
    assert [c.summary for c in records_log.contacts(teacher)] == seen


def test_teachers_read_no_documents(school: School) -> None:
    with pytest.raises(PermissionDenied, match="cannot read documents"):
        records_log.documents(school.teacher, school.mine)


def test_my_pupils_lists_groups_then_shared_pupils_with_needs_and_strategies(
        school: School) -> None:
    from sencodesk.services import my_pupils

    passports.save(school.senco, school.mine, PassportContent(
        about_me="I like trains", support_me="Sit me near the front\n- Give me a word bank\n"
        "Check in after instructions\nUse my name first"))
    groups.share(school.senco, school.other, school.teacher.actor.staff_id,
                 ends_on=TODAY + timedelta(days=30))
    maths, shared = my_pupils.my_groups(school.teacher)
    assert maths.title == "8X/Ma1 (Maths)" and shared.title == "Shared with you"
    (line,) = maths.with_send
    assert line.need == "Speech, language and communication needs"
    assert line.strategies == ("Sit me near the front", "Give me a word bank",
                               "Check in after instructions")
    assert [p.row.id for p in shared.pupils] == [school.other]
