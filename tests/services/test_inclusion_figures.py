"""School-wide inclusion figures, on the Inclusion screen and in the evidence pack: rates by
group over three years, part-time timetables in force, and, anonymised, no count from 1 to 4
and no pupil named."""

from __future__ import annotations

import re

from inclusion_samples import small_school as _school
from pdf_checks import page_text

from sencodesk.domain.codes import SenStatus
from sencodesk.reports import render
from sencodesk.services import evidence_pack, inclusion_figures
from sencodesk.services.context import Desk

K, E, N = SenStatus.SUPPORT, SenStatus.EHCP, SenStatus.NONE


def test_the_figures_by_group_and_year(desk: Desk) -> None:
    _school(desk)
    figures = inclusion_figures.figures(desk)
    assert [y.start_year for y in figures.years] == [2024, 2025, 2026]
    now = figures.years[-1]
    k = now.of(K)
    # K: 300 possible, 80 + 96 + 96 = 272 attended; 1 of 3 persistently absent; 1 suspension
    assert (k.pupils, k.possible, k.attended) == (3, 300, 272)
    assert (k.persistent_absentees, k.suspensions) == (1, 1)
    assert now.of(E).attendance_rate == 95.0 and now.of(E).suspensions == 0
    assert figures.years[1].of(E).suspensions == 1  # 03/11/2025 fell in 2025/26
    (timetable,) = figures.part_time
    assert timetable.overdue(figures.today) and timetable.reason.startswith("Anxiety")
    assert [(d.group, d.pupils, d.fsm) for d in figures.disadvantage] == [
        (K, 3, 0), (E, 6, 1), (N, 2, 0)]


def _inclusion_text(pdf: bytes) -> str:
    text = "\n".join(page_text(pdf))
    start = text.rindex("6. Inclusion")  # the heading, after the contents page's entry
    section = text[start + len("6. Inclusion"):]
    return " ".join(re.sub(r"Page \d+ of \d+", "", section).split())


def test_an_anonymised_pack_prints_no_count_from_one_to_four_and_no_name(desk: Desk) -> None:
    ids = _school(desk)
    named = _inclusion_text(render(evidence_pack.evidence_pack(desk, anonymise=False)).pdf)
    assert "Trelawney" in named and "(overdue)" in named  # the part-time timetable
    pdf = render(evidence_pack.evidence_pack(desk, anonymise=True)).pdf
    section = _inclusion_text(pdf)
    assert "fewer than 5" in section and "c: not shown, as it is worked from a count" in section
    assert "95.0%" in section  # six pupils on E: their rate is shown
    small = re.findall(r"(?<![\d.,/:])\b[1-4]\b(?![\d.,/:%])", section)
    assert small == [], small
    whole = " ".join(page_text(pdf))
    for surname in ids:
        assert surname not in whole
    assert "Anxiety" not in whole
