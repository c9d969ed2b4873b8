"""Passports are for class and supply staff: the SENCO always, no parent's phone by default,
and only a parent/carer with parental responsibility if the school names one."""

from __future__ import annotations

from dataclasses import replace

import pytest
from factories import add_pupil, signed_in_as, teaches
from pdf_checks import page_text

from sencodesk.domain.codes import Role
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.passport_contacts import ParentContact, passport_contacts
from sencodesk.domain.records import ParentRecord, PassportContent
from sencodesk.reports import render
from sencodesk.services import passports, people, report_data, school
from sencodesk.services.context import Desk

DAD = ParentRecord(1, "Tom Hughes", "Father", "07700 900111", "", False)
MUM = ParentRecord(2, "Sara Hughes", "Mother", "07700 900222", "", True)


@pytest.mark.parametrize(("policy", "expected"), [
    (ParentContact.NONE, ("SENCO: Ms Patel, ext. 214",)),
    (ParentContact.NAME, ("SENCO: Ms Patel, ext. 214", "Mother: Sara Hughes")),
    (ParentContact.NAME_AND_PHONE, ("SENCO: Ms Patel, ext. 214",
                                    "Mother: Sara Hughes (07700 900222)")),
])
def test_the_school_setting_decides_the_parent_line(policy: ParentContact,
                                                    expected: tuple[str, ...]) -> None:
    # the father is listed first but has no parental responsibility: never shown
    assert passport_contacts(policy, (DAD, MUM), senco_contact="Ms Patel, ext. 214",
                             senco_name="Amira Patel") == expected


def test_the_senco_is_always_reachable_even_without_a_contact_set() -> None:
    assert passport_contacts(ParentContact.NAME, (DAD,), senco_contact="",
                             senco_name="Amira Patel") == (
        "SENCO: Amira Patel, through the school office",)
    assert passport_contacts(ParentContact.NONE, (), senco_contact=" ", senco_name="") == (
        "SENCO: through the school office",)


def test_a_teacher_prints_a_passport_with_the_senco_and_no_phone_numbers(desk: Desk) -> None:
    pid = add_pupil(desk)
    people.add_parent(desk, pid, name="Tom Hughes", relationship="Father",
                      phone="07700 900111", parental_responsibility=False)
    people.add_parent(desk, pid, name="Sara Hughes", relationship="Mother",
                      phone="07700 900222")
    passports.save(desk, pid, PassportContent(about_me="I like drawing."))
    teacher = signed_in_as(desk, Role.TEACHER)
    teaches(desk, teacher, pid)
    text = " ".join(" ".join(page_text(render(report_data.passport(teacher, pid)).pdf)).split())
    assert "SENCO:" in text and "through the school office" in text
    assert "07700" not in text and "Hughes (" not in text and "Tom Hughes" not in text
    school.update(desk, replace(school.get(desk), senco_contact="Ms Patel, ext. 214",
                                passport_parent_contact=ParentContact.NAME_AND_PHONE.value))
    text = " ".join(" ".join(page_text(render(report_data.passport(teacher, pid)).pdf)).split())
    assert "SENCO: Ms Patel, ext. 214" in text
    assert "Mother: Sara Hughes (07700 900222)" in text and "Tom Hughes" not in text
    teacher.close()


def test_an_unknown_parent_contact_setting_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="not a choice"):
        school.update(desk, replace(school.get(desk), passport_parent_contact="everyone"))
