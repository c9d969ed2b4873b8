"""The SEN information report from the demo school: every Schedule 1 heading in order, the
school's words kept, no count from 1 to 4, no pupil named; the web page checked for headings,
alternative text, table headers, language and colour contrast."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from factories import photo_png
from pdf_checks import page_text

from sencodesk.domain.errors import ValidationError
from sencodesk.domain.info_report import SECTIONS, suppressed
from sencodesk.reports import info_report_html as page
from sencodesk.reports.info_report import blocks, info_report_pdf
from sencodesk.services import info_report, pupils, school
from sencodesk.services.context import Desk


def test_counts_from_1_to_4_are_suppressed() -> None:
    assert [suppressed(n) for n in (0, 1, 4, 5, 1234)] == [
        "0", "fewer than 5", "fewer than 5", "5", "1,234"]


@pytest.fixture
def sheet(demo_desk: Desk):  # type: ignore[no-untyped-def]
    info_report.set_text(demo_desk, "complaints",
                         "Talk to the class teacher first.\n\nThen the SENCO.")
    school.set_logo(demo_desk, photo_png())
    return info_report.gather(demo_desk)


def test_pdf_has_every_heading_in_order_and_no_names(demo_desk: Desk, sheet) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(" ".join(page_text(info_report_pdf(sheet))).split())
    where = [text.find(s.heading) for s in SECTIONS]
    assert all(i >= 0 for i in where) and where == sorted(where)
    assert "Talk to the class teacher first. Then the SENCO." in text
    assert "This section has not been written yet." in text
    for row in pupils.list_pupils(demo_desk):
        assert f"{row.forename} {row.surname}" not in text and row.upn not in text
    # counts of pupils (not of interventions or goals) are the ones suppressed
    figures = [row[i] for block in blocks(sheet) for table in block.tables
               for row in table.rows for i, head in enumerate(table.headers)
               if head in ("Pupils", "Places")]
    assert figures
    for cell in figures:
        number = re.fullmatch(r"[\d,]+", cell)
        assert number is None or int(cell.replace(",", "")) == 0 or \
            int(cell.replace(",", "")) >= 5, cell
    assert "fewer than 5" in text  # the demo school has small need groups
    assert "OFFICIAL-SENSITIVE" not in text  # published on the school's website


def test_a_section_key_must_exist(demo_desk: Desk) -> None:
    with pytest.raises(ValidationError, match="not a section"):
        info_report.set_text(demo_desk, "nonsense", "words")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.images: list[dict[str, str | None]] = []
        self.lang = ""
        self.th_scopes: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag == "img":
            self.images.append(found)
        elif tag == "html":
            self.lang = found.get("lang") or ""
        elif tag == "th":
            self.th_scopes.append(found.get("scope"))


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(one: str, two: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_web_page_is_accessible(sheet) -> None:  # type: ignore[no-untyped-def]
    html = page.info_report_html(sheet).decode("utf-8")
    parsed = _Page()
    parsed.feed(html)
    assert parsed.lang == "en-GB" and "<title>SEN information report" in html
    assert parsed.headings[0] == 1 and parsed.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(parsed.headings, parsed.headings[1:], strict=False))
    assert parsed.headings.count(2) == len(SECTIONS)
    assert parsed.images and all(i.get("alt") for i in parsed.images)
    assert parsed.th_scopes and all(s in ("col", "row") for s in parsed.th_scopes)
    for colour in (page.INK, page.ACCENT, page.MUTED):
        assert contrast(colour, page.BACKGROUND) >= 4.5, colour
    assert "http://" not in html and "https://" not in html  # nothing fetched from elsewhere
