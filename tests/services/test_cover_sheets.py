"""Supply cover sheets: one A4 page per teaching group, its pupils with SEND in register order
with one line each of how best to support them; a Teacher prints only their own groups'."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from factories import add_pupil, signed_in_as
from pdf_checks import page_text

from sencodesk.cli import main
from sencodesk.domain.codes import Role, SenStatus
from sencodesk.domain.errors import NotFound, PermissionDenied
from sencodesk.domain.records import PassportContent
from sencodesk.reports import render
from sencodesk.services import audit, cover_sheets, groups, passports
from sencodesk.services.context import Desk


def _group(desk: Desk, teacher_id: int) -> None:
    young = add_pupil(desk, legal_surname="Young", legal_forename="Ava")
    passports.save(desk, young, PassportContent(
        support_me="Sit me near the front\nGive me time to answer"))
    adams = add_pupil(desk, status=SenStatus.EHCP, legal_surname="Adams", legal_forename="Ben")
    quiet = add_pupil(desk, status=SenStatus.NONE, legal_surname="Brown", legal_forename="Cy")
    noted = add_pupil(desk, status=SenStatus.NONE, legal_surname="Moss", legal_forename="Di")
    passports.save(desk, noted, PassportContent(support_me="- Let me use a fidget toy"))
    group = groups.create_group(desk, groups.GroupFields("8X/Ma1", "Maths", (teacher_id,)))
    groups.add_pupils(desk, group, [young, adams, quiet, noted], starts_on=date(2026, 9, 1))


def test_the_cover_sheet_lists_the_groups_pupils_with_send_on_one_page(desk: Desk) -> None:
    teacher = signed_in_as(desk, Role.TEACHER)
    _group(desk, teacher.actor.staff_id)
    try:
        sheet = cover_sheets.cover_sheet(teacher, "8x/ma1")
    finally:
        teacher.close()
    assert [(line.name, line.support) for line in sheet.lines] == [
        ("Ben Adams", ""), ("Di Moss", "Let me use a fidget toy"),
        ("Ava Young", "Sit me near the front")]
    (page,) = page_text(render(sheet).pdf)
    text = " ".join(page.split())
    assert "OFFICIAL-SENSITIVE" in text and "SUPPLY COVER SHEET 8X/Ma1 · Maths" in text
    assert "Teacher Pat Example" in text
    assert text.index("Ben Adams") < text.index("Di Moss") < text.index("Ava Young")
    assert "Sit me near the front" in text and "Give me time" not in text  # one line each
    assert "No passport yet: ask the SENCO" in text and "EHC plan" in text
    assert "Brown" not in text and "One other pupil in the group is not on the SEN" in text
    assert any(e.action == "export" and e.summary.startswith("supply cover sheet for 8X/Ma1")
               for e in audit.list_events(desk, limit=5))


def test_a_teacher_prints_only_their_own_groups_sheet(desk: Desk) -> None:
    _group(desk, desk.actor.staff_id)  # the SENCO's group
    teacher = signed_in_as(desk, Role.TEACHER)
    try:
        with pytest.raises(PermissionDenied, match="You do not teach 8X/Ma1"):
            cover_sheets.cover_sheet(teacher, "8X/Ma1")
        with pytest.raises(NotFound, match="There is no teaching group '9Z'"):
            cover_sheets.cover_sheet(teacher, "9Z")
    finally:
        teacher.close()
    assert any(e.action == "refused" and "You do not teach 8X/Ma1" in e.summary
               for e in audit.list_events(desk, limit=5))


def test_the_cover_sheet_from_the_command_line(desk: Desk, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _group(desk, desk.actor.staff_id)
    desk.close()
    monkeypatch.setenv("SENCODESK_USER", "senco")
    monkeypatch.setenv("SENCODESK_PASSWORD", "correct horse battery")
    out = tmp_path / "cover.pdf"
    assert main(["export", "cover-sheet", "--group", "8X/Ma1", "-o", str(out)]) == 0
    (page,) = page_text(out.read_bytes())
    assert "Ava Young" in page and "SUPPLY COVER SHEET" in page
