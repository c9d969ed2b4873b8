"""The pupil passport: one A4 page, whatever the SENCO wrote, with real, searchable text."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from factories import photo_png
from pdf_checks import embedded_fonts, is_a4, page_text
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from report_samples import CONTACTS, CONTENT, META, long_content, passport, pupil

from sencodesk.domain.documents import PassportSet, PassportSheet
from sencodesk.domain.records import PASSPORT_HEADINGS, PassportContent
from sencodesk.reports import Rendered, render
from sencodesk.reports.passport import render_passport


def _render(**changes: object) -> Rendered:
    options: dict[str, object] = {"photo": photo_png(), "contacts": CONTACTS}
    options.update(changes)
    return render_passport(META, pupil(), passport(), **options)  # type: ignore[arg-type]


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_normal_passport_is_one_a4_page_with_every_heading() -> None:
    result = _render()
    assert result.warnings == ()
    pages = page_text(result.pdf)
    assert len(pages) == 1
    assert is_a4(result.pdf)
    text = _flat(pages[0])
    for _, heading in PASSPORT_HEADINGS:
        assert heading in text
    assert "Key contacts" in text
    assert "OFFICIAL-SENSITIVE" in text
    assert "Page 1 of 1" in text
    assert "Oak Hill Academy" in text
    assert "Produced by Sam Patel on 22/11/2026 at 14:05" in text


def test_names_dates_and_bullets_survive_extraction() -> None:
    text = _flat(page_text(_render().pdf)[0])
    assert "Zoë Łukasiewicz-Smith" in text
    assert "Mr D O'Brien" in text
    assert "Year 7" in text and "Class 7B" in text
    assert "Written 15/09/2026" in text
    assert "Next review 11/12/2026" in text
    for strategy in CONTENT.strategies:
        assert _flat(strategy)[:40] in text


def test_normal_length_uses_large_type() -> None:
    pdf = _render().pdf
    sizes: list[float] = []

    def visitor(text: str, cm: object, tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes.append(size * tm[0])

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visitor)
    body = [s for s in sizes if 9 < s < 20]
    assert body, sizes
    assert max(set(body), key=body.count) >= 11


def test_fonts_are_embedded_and_metadata_set() -> None:
    pdf = _render().pdf
    fonts = embedded_fonts(pdf)
    assert any("Atkinson" in name for name in fonts), fonts
    assert all(fonts.values()), fonts
    info = PdfReader(io.BytesIO(pdf)).metadata
    assert info is not None
    assert info.title == "Pupil passport"
    assert info.author == "Sam Patel"


def test_very_long_text_still_fits_one_page_and_warns() -> None:
    result = render_passport(
        META, pupil(), passport(long_content()), photo=None, contacts=CONTACTS
    )
    pages = page_text(result.pdf)
    assert len(pages) == 1
    assert "Page 1 of 1" in pages[0]
    assert "What I find difficult is too long to fit on one page; shorten it" in result.warnings
    assert len(result.warnings) == len(PASSPORT_HEADINGS)
    assert "…" in pages[0]


def test_one_long_section_is_cut_and_the_rest_kept_whole() -> None:
    content = replace(CONTENT, find_difficult="I find it hard to sit still. " * 400)
    result = render_passport(META, pupil(), passport(content), photo=None, contacts=CONTACTS)
    assert len(page_text(result.pdf)) == 1
    assert result.warnings == (
        "What I find difficult is too long to fit on one page; shorten it",
    )
    text = _flat(page_text(result.pdf)[0])
    assert "when someone is sad." in text  # about_me untouched


def test_moderately_long_text_shrinks_without_cutting() -> None:
    content = PassportContent(*(f"{CONTENT.about_me} " * 3 for _ in range(7)))
    result = render_passport(META, pupil(), passport(content), photo=None, contacts=CONTACTS)
    assert result.warnings == ()
    assert len(page_text(result.pdf)) == 1


def test_empty_passport_and_no_photo_show_initials() -> None:
    result = render_passport(
        META, pupil("Liam", "O'Brien"), passport(PassportContent()), photo=None, contacts=()
    )
    text = _flat(page_text(result.pdf)[0])
    assert "Liam O'Brien" in text
    assert "LO" in text
    assert "Not written yet." in text
    assert result.warnings == ()


def test_unreadable_photo_falls_back_to_initials_with_warning() -> None:
    result = _render(photo=b"not an image")
    assert len(page_text(result.pdf)) == 1
    assert result.warnings == ("The photo could not be read, so initials are shown instead",)


def test_class_set_has_one_page_per_pupil_and_named_warnings() -> None:
    sheets = (
        PassportSheet(pupil(), passport(), photo_png(), tuple(CONTACTS)),
        PassportSheet(pupil("Liam", "O'Brien", 2), passport(long_content(), 2), None,
                      tuple(CONTACTS)),
        PassportSheet(pupil("Aisha", "Rahman", 3), passport(pupil_id=3), None, ()),
    )
    result = render(PassportSet(META, sheets))
    pages = page_text(result.pdf)
    assert len(pages) == 3
    assert "Page 2 of 3" in pages[1]
    assert "Liam O'Brien" in _flat(pages[1])
    assert result.warnings
    assert all(w.startswith("Liam O'Brien: ") for w in result.warnings)


@pytest.mark.usefixtures("qapp")
def test_page_renders_to_a_non_blank_image() -> None:
    pdf = _render().pdf
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    assert document.status() == QPdfDocument.Status.Ready
    assert document.pageCount() == 1
    image = document.render(0, QSize(595, 842)).convertToFormat(QImage.Format.Format_RGB32)
    assert not image.isNull()
    colours = {image.pixel(x, y) for x in range(0, 595, 7) for y in range(0, 842, 7)}
    assert len(colours) > 10
    # Ink on roughly the page's top third (the name) and its middle (the support box).
    dark = [
        y for y in range(0, 842, 3)
        if any(QImage.pixelColor(image, x, y).lightness() < 100 for x in range(0, 595, 3))
    ]
    assert min(dark) < 200 < 600 < max(dark)
