"""Teaching groups from an MIS class list: preview with errors by row, all or nothing,
idempotent, SIMS and Arbor headers."""

from __future__ import annotations

from datetime import date

import pytest
from factories import add_pupil, signed_in_as

from sencodesk.domain.codes import Role
from sencodesk.domain.errors import ValidationError
from sencodesk.services import audit, group_import, groups
from sencodesk.services.context import Desk

UPN_A, UPN_B, UPN_C = "A801200001001", "A801200001002", "A801200001003"


@pytest.fixture
def school(desk: Desk) -> dict[str, int]:
    from sencodesk.domain.upn import with_check_letter

    ids = {}
    for name, body in (("Able", "801200001001"), ("Baker", "801200001002"),
                       ("Cole", "801200001003")):
        ids[name] = add_pupil(desk, upn=with_check_letter(body), legal_surname=name)
    teacher = signed_in_as(desk, Role.TEACHER)
    groups.set_mis_code(desk, teacher.actor.username, "PEX")
    ids["teacher"] = teacher.actor.staff_id
    teacher.close()
    return ids


def _upns(desk: Desk) -> list[str]:
    from sencodesk.services import pupils

    return [p.upn for p in pupils.list_pupils(desk)]


SIMS = ("Class,Subject,Staff,UPN,Surname,Forename\n"
        "8X/Ma1,Mathematics,PEX,{a},Able,Ann\n"
        "8X/Ma1,Mathematics,PEX,{b},Baker,Ben\n"
        "Oak,Class,Sam Patel,{c},Cole,Cat\n")


def test_a_sims_class_list_imports_and_imports_again_unchanged(desk: Desk,
                                                              school: dict[str, int]) -> None:
    a, b, c = _upns(desk)
    data = SIMS.format(a=a, b=b, c=c).encode()
    plan = group_import.preview(desk, data, mapping="sims")
    assert plan.rejected == () and plan.writes == 2
    result = group_import.apply(desk, plan)
    assert (result.created, result.joined) == (2, 3)
    (maths,) = [g for g in groups.list_groups(desk) if g.code == "8X/Ma1"]
    assert (maths.subject, maths.teachers, maths.pupils) == ("Mathematics", ("Pat Example",), 2)
    assert [p.surname for p in groups.pupils_in(desk, maths.id)] == ["Able", "Baker"]
    again = group_import.preview(desk, data)
    assert again.writes == 0 and "2 unchanged" in group_import.describe(again)[0]


def test_a_pupil_no_longer_listed_leaves_the_group_as_of_yesterday(
        desk: Desk, school: dict[str, int]) -> None:
    a, b, _ = _upns(desk)
    september = (f"Class,Subject,Staff,UPN,Start Date\n8X/Ma1,Mathematics,PEX,{a},01/09/2026\n"
                 f"8X/Ma1,Mathematics,PEX,{b},01/09/2026\n").encode()
    group_import.apply(desk, group_import.preview(desk, september))
    moved = (f"Class,Subject,Staff,UPN\n8X/Ma1,Mathematics,PEX,{a}\n").encode()
    plan = group_import.preview(desk, moved)
    (change,) = plan.groups
    assert change.leaving == (school["Baker"],) and change.staying == 1
    group_import.apply(desk, plan)
    (maths,) = [g for g in groups.list_groups(desk) if g.code == "8X/Ma1"]
    assert [p.surname for p in groups.pupils_in(desk, maths.id)] == ["Able"]
    assert [p.surname for p in groups.pupils_in(desk, maths.id, day=date(2026, 11, 21))] == [
        "Able", "Baker"]


def test_bad_rows_are_named_and_nothing_is_imported(desk: Desk, school: dict[str, int]) -> None:
    a, b, _ = _upns(desk)
    data = ("Class,Subject,Staff,UPN\n"
            f"8X/Ma1,Mathematics,PEX,{a}\n"
            "8X/Ma1,Mathematics,PEX,A999999999999\n"      # unknown UPN
            f"8X/En1,English,ZZZ,{b}\n"                   # unknown teacher
            f"8X/Ma1,Science,PEX,{b}\n"                   # the same code, another group
            f"8X/Ma1,Mathematics,PEX,{a}\n").encode()     # listed twice
    plan = group_import.preview(desk, data)
    messages = {e.row: e.message for e in plan.rejected}
    assert set(messages) == {3, 4, 5, 6}
    assert messages[3] == ("UPN: no pupil with UPN A999999999999 is on the register (import "
                           "the pupils first)")
    assert messages[4].startswith("Staff: no member of staff has the code or name 'ZZZ'")
    assert "8X/Ma1 is 'Mathematics' in row 2 but 'Science' here" in messages[5]
    assert messages[6] == f"UPN: {a} is already in 8X/Ma1 in row 2"
    before = len(audit.list_events(desk))
    with pytest.raises(ValidationError, match=r"4 rows cannot be imported.*Nothing was imported"):
        group_import.apply(desk, plan)
    assert groups.list_groups(desk) == [] and len(audit.list_events(desk)) == before


def test_an_arbor_class_list_with_dates_and_two_teachers(desk: Desk,
                                                         school: dict[str, int]) -> None:
    a, _, _ = _upns(desk)
    data = ("Academic Unit,Subject,Teachers,Student UPN,Start Date,End Date\n"
            f"Year 3 Oak,Class,PEX; Sam Patel,{a},01/09/2026,\n").encode()
    plan = group_import.preview(desk, data, mapping="arbor")
    group_import.apply(desk, plan)
    (oak,) = groups.list_groups(desk)
    assert set(oak.teachers) == {"Pat Example", "Sam Patel"}
    assert groups.pupils_in(desk, oak.id, day=date(2026, 9, 1))[0].upn == a
    assert groups.pupils_in(desk, oak.id, day=date(2026, 8, 31)) == []


def test_a_file_without_a_group_column_says_so(desk: Desk, school: dict[str, int]) -> None:
    with pytest.raises(ValidationError, match="no column for Group"):
        group_import.preview(desk, b"Subject,UPN\nMaths,A801200001001\n")


def test_groups_are_listed_in_year_order() -> None:
    codes = ["10Y/En1", "7X/Ma2", "Oak", "7X/Ma1", "11A/Hi", "8Y/Sc1"]
    assert sorted(codes, key=groups.code_order) == [
        "7X/Ma1", "7X/Ma2", "8Y/Sc1", "10Y/En1", "11A/Hi", "Oak"]
