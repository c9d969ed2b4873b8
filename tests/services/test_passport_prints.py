"""What changed in a passport since a teacher's copy was printed: recorded at each print (or
pack made for them), marked in My pupils and on the next print, and cleared by printing."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from factories import add_pupil, signed_in_as, teaches
from pdf_checks import page_text

from sencodesk.domain.codes import Role
from sencodesk.domain.errors import PermissionDenied
from sencodesk.domain.records import PassportContent, changed_sections
from sencodesk.reports import render
from sencodesk.services import my_pupils, passport_prints, passports, report_data, teacher_packs
from sencodesk.services.context import Desk

_FIRST = PassportContent(about_me="I like trains", support_me="Sit me near the front")


def _line(teacher: Desk) -> my_pupils.PupilLine:
    (group,) = my_pupils.my_groups(teacher)
    (line,) = group.pupils
    return line


def test_a_teacher_sees_and_prints_what_changed_since_their_copy(desk: Desk) -> None:
    pid = add_pupil(desk, legal_surname="Able", legal_forename="Kit")
    passports.save(desk, pid, _FIRST)
    teacher = signed_in_as(desk, Role.TEACHER)
    teaches(desk, teacher, pid, code="8X/Ma1")
    try:
        first = report_data.passport(teacher, pid)
        assert first.sheets[0].since is None  # never printed before
        assert "Changed since" not in page_text(render(first).pdf)[0]
        assert _line(teacher).since is None
        # the SENCO rewrites two sections (and only re-spaces a third)
        passports.save(desk, pid, replace(_FIRST, about_me="I like  trains",
                                          support_me="Sit me near the front\nGive me time",
                                          key_information="Reading age 8y 2m"))
        since = _line(teacher).since
        assert since is not None and since.printed_version == 1
        assert since.titles == ("How best to support me", "Key information")
        # the SENCO never printed it: nothing is marked for them
        assert passport_prints.since_printed(desk, passports.latest_for(desk, [pid])) == {}
        again = report_data.passports_for(teacher, [pid])
        text = " ".join(page_text(render(again).pdf)[0].split())
        assert re.search(r"Changed since your copy printed on \d\d/\d\d/\d{4}: How best to "
                         r"support me, Key information", text)
        assert text.count("CHANGED") == 2
        assert _line(teacher).since is None  # this print is now their copy
    finally:
        teacher.close()


def test_a_pack_made_for_a_teacher_is_their_copy(desk: Desk) -> None:
    pid = add_pupil(desk, legal_surname="Able")
    passports.save(desk, pid, _FIRST)
    teacher = signed_in_as(desk, Role.TEACHER)
    teaches(desk, teacher, pid, code="8X/Ma1")
    try:
        pack = teacher_packs.pack_for(desk, teacher.actor.staff_id, "Pat Example")
        assert pack is not None and pack.passports.sheets[0].since is None
        passports.save(desk, pid, replace(_FIRST, help_myself="I use my checklist"))
        since = _line(teacher).since
        assert since is not None and since.titles == ("How I will help myself",)
        pack = teacher_packs.pack_for(desk, teacher.actor.staff_id, "Pat Example")
        assert pack is not None
        assert "How I will help myself CHANGED" in " ".join(
            page_text(render(pack).pdf)[-1].split())
    finally:
        teacher.close()


def test_only_those_who_make_other_staffs_packs_print_in_another_name(desk: Desk) -> None:
    pid = add_pupil(desk, legal_surname="Able")
    passports.save(desk, pid, _FIRST)
    teacher = signed_in_as(desk, Role.TEACHER)
    head = signed_in_as(desk, Role.HEAD)
    teaches(desk, teacher, pid, code="8X/Ma1")
    try:
        with pytest.raises(PermissionDenied, match="cannot export"):
            report_data.passports_for(teacher, [pid], for_staff=desk.actor.staff_id)
        # a Head makes a teacher's pack (on a server too: row-level security lets them)
        assert teacher_packs.pack_for(head, teacher.actor.staff_id, "Pat Example") is not None
        passports.save(desk, pid, replace(_FIRST, help_myself="I use my checklist"))
        assert _line(teacher).since is not None  # the pack was their copy
        assert passport_prints.since_printed(  # the refused print was nobody's
            desk, passports.latest_for(desk, [pid])) == {}
    finally:
        teacher.close()
        head.close()


def test_a_change_of_spacing_alone_is_no_change() -> None:
    assert changed_sections(_FIRST, replace(_FIRST, about_me=" I like\ntrains ")) == ()
