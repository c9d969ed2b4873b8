"""Passports for every teacher: one PDF each, a contents page, each pupil's passport once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from factories import add_pupil, signed_in_as
from pdf_checks import page_text

from sencodesk.cli import main
from sencodesk.domain.codes import Role
from sencodesk.domain.errors import PermissionDenied
from sencodesk.domain.records import PassportContent
from sencodesk.reports import pdf_bytes
from sencodesk.services import accounts, groups, passports, pupils, teacher_packs
from sencodesk.services.context import Desk


def _school(desk: Desk) -> tuple[int, int]:
    """Two teachers: one with 8X/Ma1 and 8X/Sc1 sharing a pupil, one with no passports."""
    ids = {}
    for surname in ("Young", "Adams", "Moss"):
        ids[surname] = add_pupil(desk, legal_surname=surname, legal_forename="Kit")
        passports.save(desk, ids[surname], PassportContent(about_me=f"I am {surname}"))
    bare = add_pupil(desk, legal_surname="Bare")
    first = signed_in_as(desk, Role.TEACHER)
    first_id = first.actor.staff_id
    first.close()
    second = desk.actor.staff_id  # the SENCO teaches a group too
    maths = groups.create_group(desk, groups.GroupFields("8X/Ma1", "Maths", (first_id,)))
    science = groups.create_group(desk, groups.GroupFields("8X/Sc1", "Science", (first_id,)))
    nurture = groups.create_group(desk, groups.GroupFields("8N", "Nurture", (second,)))
    groups.add_pupils(desk, maths, [ids["Young"], ids["Adams"]], starts_on=date(2026, 9, 1))
    groups.add_pupils(desk, science, [ids["Adams"], ids["Moss"]], starts_on=date(2026, 9, 1))
    groups.add_pupils(desk, nurture, [bare], starts_on=date(2026, 9, 1))
    return first_id, second


def test_a_pack_per_teacher_with_contents_and_each_passport_once(desk: Desk,
                                                                 tmp_path: Path) -> None:
    _school(desk)
    written = teacher_packs.write_all(desk, tmp_path / "packs", render=pdf_bytes)
    by_teacher = {w.teacher: w for w in written}
    assert by_teacher["Sam Patel"].path is None
    pack = by_teacher["Pat Example"]
    assert pack.path is not None and pack.passports == 3
    pages = [" ".join(p.split()) for p in page_text(pack.path.read_bytes())]
    # the cover with its contents, a supply cover sheet per group, then three passports
    assert len(pages) == 6
    assert "Passports for Pat Example" in pages[0]
    assert "8X/Ma1 Maths Kit Adams, Kit Young" in pages[0]
    assert "Adams, Kit · 8X/Ma1, 8X/Sc1" in pages[0]
    # numbered as laid out: the front page, the cover sheets on 2 and 3, then passports
    assert "Supply cover sheet · 8X/Ma1 2" in pages[0]
    assert "Adams, Kit · 8X/Ma1, 8X/Sc1 4" in pages[0] and "Young, Kit · 8X/Ma1 6" in pages[0]
    assert "SUPPLY COVER SHEET 8X/Ma1 · Maths" in pages[1]
    assert "SUPPLY COVER SHEET 8X/Sc1 · Science" in pages[2]
    assert ["Adams" in pages[3], "Moss" in pages[4], "Young" in pages[5]] == [True] * 3


def test_one_teachers_pack_from_the_command_line(desk: Desk, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    _school(desk)
    desk.close()
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", "correct horse battery")
    folder = tmp_path / "out"
    assert main(["export", "teacher-packs", "-o", str(folder), "--teacher", "pat example"]) == 0
    assert "Pat Example: 3 passports" in capsys.readouterr().out
    assert [p.name for p in folder.iterdir()] == ["Passports - Pat Example.pdf"]
    assert main(["export", "teacher-packs", "-o", str(folder), "--teacher", "Nobody"]) == 1
    assert "No one called 'Nobody' teaches a group." in capsys.readouterr().err


def test_a_teacher_cannot_make_packs(desk: Desk, tmp_path: Path) -> None:
    _school(desk)
    teacher = accounts.sign_in(desk.data_dir, "teacheruser", "long enough pass")
    try:
        with pytest.raises(PermissionDenied, match="cannot export"):
            teacher_packs.write_all(teacher, tmp_path, render=pdf_bytes)
    finally:
        teacher.close()


def test_a_pupil_in_two_teachers_packs_prints_the_same_page_in_each(desk: Desk) -> None:
    first_id, senco_id = _school(desk)
    nurture = next(g for g in groups.list_groups(desk) if g.code == "8N")
    taught = [p.id for p in pupils.list_pupils(desk) if p.surname != "Bare"]
    groups.add_pupils(desk, nurture.id, taught, starts_on=date(2026, 9, 1))
    one = teacher_packs.pack_for(desk, first_id, "Pat Example")
    two = teacher_packs.pack_for(desk, senco_id, "Sam Patel")
    assert one is not None and two is not None
    # the second pack's passport pages are drawn again from the first's laid-out pages
    body_one = [p.split("Produced by")[0] for p in page_text(pdf_bytes(one))[-3:]]
    body_two = [p.split("Produced by")[0] for p in page_text(pdf_bytes(two))[-3:]]
    assert body_one == body_two
    assert ["Adams" in body_one[0], "Moss" in body_one[1], "Young" in body_one[2]] == [True] * 3
