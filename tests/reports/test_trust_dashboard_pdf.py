"""The trust's dashboard as a PDF: when a school's summary is older than the others' (shared
some time ago on the trust's server), the first page says whose, and from when."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from pdf_checks import page_text

from sencodesk.domain.codes import NeedType, YearGroup
from sencodesk.domain.documents import DocumentMeta
from sencodesk.domain.trust_dashboard import SchoolSummary, TrustDashboardSheet, combine
from sencodesk.reports import render

ASH = SchoolSummary("Ash Primary", date(2026, 11, 30), 210, 30, 6,
                    ((NeedType.SEMH, 12), (NeedType.SLCN, 24)),
                    ((YearGroup.Y1, 15, 3), (YearGroup.Y2, 15, 3)), steps_met=4,
                    steps_judged=5, reviews_on_time=5, reviews_late=1, reviews_overdue=0)


def _first_page(*schools: SchoolSummary) -> str:
    meta = DocumentMeta(school="Oak Learning Trust", produced_by="central",
                        produced_at=datetime(2026, 12, 2, 9, 0), title="Trust dashboard")
    pdf = render(TrustDashboardSheet(meta, combine(schools))).pdf
    return " ".join(page_text(pdf)[0].split())


def test_the_oldest_figures_are_named_when_schools_shared_on_different_days() -> None:
    birch = replace(ASH, school="Birch Academy", as_of=date(2026, 11, 14))
    text = _first_page(ASH, birch)
    assert "Figures as of 30/11/2026" in text
    assert "Oldest figures Birch Academy, as of 14/11/2026" in text


def test_no_oldest_figures_when_every_school_is_as_of_the_same_day() -> None:
    text = _first_page(ASH, replace(ASH, school="Birch Academy"))
    assert "Figures as of 30/11/2026" in text and "Oldest figures" not in text
