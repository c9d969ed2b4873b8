"""The shared theme: fonts, glyph coverage, markup and the numbered A4 page."""

from __future__ import annotations

import io
from pathlib import Path

from pdf_checks import embedded_fonts, is_a4, page_text
from pypdf import PdfReader
from report_samples import META
from reportlab.platypus import PageBreak, Paragraph

from sencodesk.reports import pages, theme


def test_fonts_register_once_and_cover_pupil_names() -> None:
    assert theme.register_fonts() is theme.register_fonts()
    coverage = theme.register_fonts().primary
    for char in "Zoë Łukasiewicz-Smith O'Brien Siobhán Şükrü Ørsted Müller £€–’…•×":
        assert ord(char) in coverage, char
    assert theme.missing_glyphs("Zoë Łukasiewicz-Smith") == set()


def test_markup_escapes_and_keeps_line_breaks() -> None:
    assert theme.markup("Tom & Jerry <3\nnext") == "Tom &amp; Jerry &lt;3<br/>next"


def test_characters_outside_atkinson_use_the_fallback_or_a_base_letter() -> None:
    text = theme.markup("İlker")  # U+0130 is not in Atkinson Hyperlegible
    if theme.register_fonts().fallback:
        assert text == f'<font face="{theme.FALLBACK}">İ</font>lker'
    else:
        assert text == "Ilker"
        assert theme.missing_glyphs("İlker") == {"İ"}


def test_small_helpers() -> None:
    from datetime import date

    assert theme.uk_date(date(2026, 3, 1)) == "01/03/2026"
    assert theme.uk_date(None) == "not set"
    assert theme.money(123456) == "£1,234.56"
    assert theme.styles(11) is theme.styles(11)


def test_build_pdf_numbers_pages_and_writes_to_a_path(tmp_path: Path) -> None:
    s = theme.styles()
    story = [Paragraph("First", s.body), PageBreak(), Paragraph("Second", s.body), PageBreak(),
             Paragraph("Third", s.body)]
    target = tmp_path / "out.pdf"
    pdf = pages.build_pdf(META, story, out=target)
    assert target.read_bytes() == pdf
    texts = page_text(pdf)
    assert [f"Page {n} of 3" in text for n, text in enumerate(texts, start=1)] == [True] * 3
    assert all("OFFICIAL-SENSITIVE" in text for text in texts)
    assert is_a4(pdf)
    fonts = embedded_fonts(pdf)
    assert fonts and all(fonts.values()), fonts
    buffer = io.BytesIO()
    pages.build_pdf(META, story, out=buffer)
    assert len(PdfReader(io.BytesIO(buffer.getvalue())).pages) == 3
