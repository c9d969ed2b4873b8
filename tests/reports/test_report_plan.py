"""The APDR support plan and review, for parents and staff."""

from __future__ import annotations

import io
from dataclasses import replace

from pdf_checks import embedded_fonts, is_a4, page_text
from pypdf import PdfReader
from report_samples import META, cycles, pupil

from sencodesk.domain.codes import CycleStatus
from sencodesk.reports.plan import render_plan

PLAN_META = replace(META, title="Support plan and review")


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(page_text(pdf)).split())


def test_plan_shows_plan_and_review_newest_first() -> None:
    active, reviewed = cycles()
    pdf = render_plan(PLAN_META, pupil(), [reviewed, active])  # order given is not kept
    text = _text(pdf)
    assert text.index("Plan from 15/09/2026") < text.index("Plan from 20/04/2026")
    for heading in ("Areas of need", "What we are aiming for", "Support we will give",
                    "What we aimed for", "Support we gave", "Next steps", "What Zoë said",
                    "What parents or carers said", "Who was at the review"):
        assert heading in text, heading
    assert "Review date 11/12/2026" in text
    assert "Reviewed on 08/07/2026" in text
    assert "Partly met" in text and "Exceeded" in text
    assert "Does so in 4 out of 5 observed lessons by December." in text


def test_provision_table_has_hours_and_costs() -> None:
    text = _text(render_plan(PLAN_META, pupil(), cycles()[:1]))
    for column in ("What", "Who", "Group size", "Each week", "Weeks", "Hours", "Cost"):
        assert column in text
    assert "3 × 20 min" in text
    assert "1:1" in text
    assert "£180.00" in text
    assert "£311.00" in text  # total of the three provisions
    assert "Total 35" in text  # 12 + 18 + 5 hours


def test_names_with_accents_and_apostrophes() -> None:
    text = _text(render_plan(PLAN_META, pupil("Siobhán", "O'Brien"), cycles()))
    assert "Siobhán O'Brien" in text
    assert "Mrs Łukasiewicz-Smith (mum)" in text


def test_chrome_fonts_metadata_and_page_numbers() -> None:
    pdf = render_plan(PLAN_META, pupil(), cycles())
    pages = page_text(pdf)
    assert len(pages) >= 2
    assert is_a4(pdf)
    for number, page in enumerate(pages, start=1):
        assert "OFFICIAL-SENSITIVE" in page
        assert f"Page {number} of {len(pages)}" in page
        assert "Oak Hill Academy" in page
    fonts = embedded_fonts(pdf)
    assert fonts and all(fonts.values()), fonts
    info = PdfReader(io.BytesIO(pdf)).metadata
    assert info is not None and info.title == "Support plan and review"
    assert info.author == "Sam Patel"


def test_many_cycles_flow_over_pages() -> None:
    active, reviewed = cycles()
    many = [replace(reviewed, id=n, starts_on=reviewed.starts_on.replace(year=2000 + n))
            for n in range(1, 9)]
    pdf = render_plan(PLAN_META, pupil(), [active, *many])
    pages = page_text(pdf)
    assert len(pages) >= 6
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]


def test_no_cycles_and_a_draft() -> None:
    assert "No support plan has been written yet." in _text(render_plan(PLAN_META, pupil(), []))
    active, _ = cycles()
    draft = replace(active, status=CycleStatus.DRAFT, outcomes=(), provisions=())
    text = _text(render_plan(PLAN_META, pupil(), [draft]))
    assert "Draft: not yet agreed" in text
    assert "No outcomes agreed yet." in text
    assert "No extra support planned yet." in text
