"""The one look every sencodesk document shares: fonts, colours, paragraph styles, tables and
title blocks. The A4 page itself (marking, header, "Page x of y" footer) is in reports.pages.

Fonts: Atkinson Hyperlegible (Braille Institute, OFL), chosen for readers with low vision and
dyslexia. It covers Latin-1 and most of Latin Extended-A (Zoë, Łukasiewicz, Şükrü, Nguyễn is
*not* covered). Characters it lacks are drawn one by one in a fallback font (DejaVu Sans from
``resources/fonts`` if bundled, else a system DejaVu Sans or Arial); if no fallback can draw a
character it is shown as its base letter (İ -> I) and :func:`missing_glyphs` lets a document warn.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from sencodesk import paths
from sencodesk.domain import dates
from sencodesk.domain.records import PupilRow
from sencodesk.reports import bidi

FAMILY = "Atkinson"
FONT = "Atkinson"
FONT_BOLD = "Atkinson-Bold"
FONT_ITALIC = "Atkinson-Italic"
FONT_BOLD_ITALIC = "Atkinson-BoldItalic"
FALLBACK = "SencodeskFallback"
MARKING = "OFFICIAL-SENSITIVE"

# Colours: dark navy ink on white, one teal accent, soft tints for panels. All text colours keep
# a contrast ratio above 7:1 on white and on their tints.
INK = colors.HexColor("#1B2333")
MUTED = colors.HexColor("#4A5568")
ACCENT = colors.HexColor("#005A70")
ACCENT_DARK = colors.HexColor("#00404F")
TINT = colors.HexColor("#EEF4F6")
RULE = colors.HexColor("#C9D6DC")
HIGHLIGHT = colors.HexColor("#FFF6E5")
HIGHLIGHT_EDGE = colors.HexColor("#D98E04")
MARKING_RED = colors.HexColor("#A4141B")

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 16 * mm
MARGIN_TOP = 17 * mm
MARGIN_BOTTOM = 18 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
# SimpleDocTemplate's frame has 6 pt padding on every side.
FRAME_PADDING = 6
FRAME_WIDTH = CONTENT_WIDTH - 2 * FRAME_PADDING
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - 2 * FRAME_PADDING

_FACES = {
    FONT: "AtkinsonHyperlegible_400Regular.ttf",
    FONT_BOLD: "AtkinsonHyperlegible_700Bold.ttf",
    FONT_ITALIC: "AtkinsonHyperlegible_400Regular_Italic.ttf",
    FONT_BOLD_ITALIC: "AtkinsonHyperlegible_700Bold_Italic.ttf",
}

# Tried in order; the first pair whose regular face exists becomes the per-glyph fallback.
_FALLBACK_CANDIDATES: tuple[tuple[str, str], ...] = (
    (str(paths.resource("fonts", "DejaVuSans.ttf")),
     str(paths.resource("fonts", "DejaVuSans-Bold.ttf"))),
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
     "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"),
    (os.path.expandvars(r"%WINDIR%\Fonts\arial.ttf"),
     os.path.expandvars(r"%WINDIR%\Fonts\arialbd.ttf")),
    ("/System/Library/Fonts/Supplemental/Arial.ttf",
     "/System/Library/Fonts/Supplemental/Arial Bold.ttf"),
)


@dataclass(frozen=True)
class _Fonts:
    primary: frozenset[int]
    fallback: frozenset[int]


@cache
def register_fonts() -> _Fonts:
    """Register the Atkinson Hyperlegible family (and a fallback, if one is found) with
    ReportLab once per process; later calls return the cached character coverage."""
    primary: frozenset[int] = frozenset()
    for name, filename in _FACES.items():
        face = TTFont(name, str(paths.resource("fonts", filename)))
        pdfmetrics.registerFont(face)
        if name == FONT:
            primary = frozenset(face.face.charToGlyph)
    pdfmetrics.registerFontFamily(
        FAMILY, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )
    fallback: frozenset[int] = frozenset()
    for regular, bold in _FALLBACK_CANDIDATES:
        if not Path(regular).is_file():
            continue
        face = TTFont(FALLBACK, regular)
        pdfmetrics.registerFont(face)
        bold_name = FALLBACK
        if Path(bold).is_file():
            bold_name = FALLBACK + "-Bold"
            pdfmetrics.registerFont(TTFont(bold_name, bold))
        pdfmetrics.registerFontFamily(
            FALLBACK, normal=FALLBACK, bold=bold_name, italic=FALLBACK, boldItalic=bold_name
        )
        fallback = frozenset(face.face.charToGlyph)
        break
    return _Fonts(primary, fallback)


def missing_glyphs(text: str) -> set[str]:
    """The characters in ``text`` that neither Atkinson Hyperlegible nor the fallback can draw."""
    fonts = register_fonts()
    return {
        c for c in text
        if c.isprintable() and ord(c) not in fonts.primary and ord(c) not in fonts.fallback
    }


def _base_letter(char: str, primary: frozenset[int]) -> str:
    base = "".join(
        c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
    )
    return base if base and all(ord(c) in primary for c in base) else "?"


def markup(text: str) -> str:
    """``text`` made safe for a ReportLab Paragraph: XML-escaped, newlines kept as line breaks,
    and characters Atkinson Hyperlegible lacks switched to the fallback font."""
    fonts = register_fonts()
    bidi.install()
    text = bidi.shape(text)  # Arabic joined before it is measured; lines reordered when drawn
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            out.append(f'<font face="{FALLBACK}">{xml_escape("".join(run))}</font>')
            run.clear()

    for char in text.replace("\r\n", "\n"):
        code = ord(char)
        if char == "\n":
            flush()
            out.append("<br/>")
        elif code in fonts.primary or char in " \t":
            flush()
            out.append(xml_escape(char))
        elif code in fonts.fallback:
            run.append(char)
        elif char.isprintable():
            flush()
            out.append(xml_escape(_base_letter(char, fonts.primary)))
    flush()
    return "".join(out)


@dataclass(frozen=True)
class Rendered:
    """A document's PDF and anything the user should fix before printing (a passport section
    too long for its page, characters no bundled font can draw)."""

    pdf: bytes
    warnings: tuple[str, ...] = ()


def uk_date(value: date | None) -> str:
    """dd/mm/yyyy, or "not set"."""
    return dates.uk(value, "not set")


def money(pence: int) -> str:
    """Pence as pounds: 123456 -> "£1,234.56"."""
    sign = "-" if pence < 0 else ""
    return f"{sign}£{abs(pence) / 100:,.2f}"


@dataclass(frozen=True)
class Styles:
    """Paragraph styles for one body size; headings scale with it."""

    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    bullet: ParagraphStyle
    label: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head: ParagraphStyle
    cell_head_right: ParagraphStyle


@cache
def styles(size: float = 11.0) -> Styles:
    """The shared paragraph styles with body text at ``size`` points (cached per size)."""
    register_fonts()
    lead = round(size * 1.3, 2)
    body = ParagraphStyle(
        f"body{size}", fontName=FONT, fontSize=size, leading=lead, textColor=INK,
        alignment=TA_LEFT, spaceAfter=size * 0.35, bulletFontName=FONT,
    )
    small_size = max(size - 2, 7)
    cell_size = max(size - 1, 7)
    return Styles(
        body=body,
        small=ParagraphStyle(f"small{size}", parent=body, fontSize=small_size,
                             leading=small_size * 1.3, spaceAfter=0),
        muted=ParagraphStyle(f"muted{size}", parent=body, textColor=MUTED, fontName=FONT_ITALIC),
        bullet=ParagraphStyle(f"bullet{size}", parent=body, leftIndent=size * 1.1,
                              bulletIndent=size * 0.1, spaceAfter=size * 0.2),
        label=ParagraphStyle(f"label{size}", parent=body, fontName=FONT_BOLD,
                             fontSize=small_size, leading=small_size * 1.25, textColor=ACCENT,
                             spaceAfter=1),
        h1=ParagraphStyle(f"h1{size}", parent=body, fontName=FONT_BOLD, fontSize=size * 2,
                          leading=size * 2.35, textColor=INK, spaceAfter=size * 0.3),
        h2=ParagraphStyle(f"h2{size}", parent=body, fontName=FONT_BOLD, fontSize=size * 1.4,
                          leading=size * 1.75, textColor=ACCENT_DARK, spaceBefore=size * 0.9,
                          spaceAfter=size * 0.4),
        h3=ParagraphStyle(f"h3{size}", parent=body, fontName=FONT_BOLD, fontSize=size * 1.1,
                          leading=size * 1.4, textColor=ACCENT, spaceBefore=size * 0.6,
                          spaceAfter=size * 0.2),
        cell=ParagraphStyle(f"cell{size}", parent=body, fontSize=cell_size,
                            leading=cell_size * 1.25, spaceAfter=0),
        cell_right=ParagraphStyle(f"cellr{size}", parent=body, fontSize=cell_size,
                                  leading=cell_size * 1.25, spaceAfter=0, alignment=TA_RIGHT),
        cell_head=ParagraphStyle(f"cellh{size}", parent=body, fontName=FONT_BOLD,
                                 fontSize=cell_size, leading=cell_size * 1.25, spaceAfter=0,
                                 textColor=colors.white),
        cell_head_right=ParagraphStyle(f"cellhr{size}", parent=body, fontName=FONT_BOLD,
                                       fontSize=cell_size, leading=cell_size * 1.25,
                                       spaceAfter=0, textColor=colors.white,
                                       alignment=TA_RIGHT),
    )


def table_style(commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    """A TableStyle whose plain-text cells use Atkinson too (ReportLab's default is an
    unembedded Helvetica, which would otherwise be listed in every PDF)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands])


def grid(data: Sequence[Sequence[Any]], widths: Sequence[float | None], *,
         total: bool = False, text_size: float | None = None) -> Table:
    """A calm table: accent header row, hairline rules, zebra tint, optional total row.
    Plain-string cells (much faster to lay out than Paragraphs in a long table) are set at
    ``text_size`` points in ink."""
    table = Table([list(row) for row in data], colWidths=list(widths), repeatRows=1,
                  hAlign="LEFT")
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT_DARK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.5, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    for row in range(2, len(data), 2):
        commands.append(("BACKGROUND", (0, row), (-1, row), TINT))
    if text_size is not None:
        commands += [("FONTSIZE", (0, 1), (-1, -1), text_size),
                     ("LEADING", (0, 1), (-1, -1), text_size * 1.25),
                     ("TEXTCOLOR", (0, 1), (-1, -1), INK)]
    if total:
        commands += [("BACKGROUND", (0, -1), (-1, -1), colors.white),
                     ("LINEABOVE", (0, -1), (-1, -1), 1, INK)]
    table.setStyle(table_style(commands))
    return table


def pupil_facts(pupil: PupilRow) -> list[tuple[str, str]]:
    """Year and class, date of birth, SEN status and needs, marked up for a title block."""
    needs = [
        f"{markup(need.label)} ({rank})"
        for need, rank in ((pupil.primary_need, "main need"),
                           (pupil.secondary_need, "second need"))
        if need is not None
    ]
    return [
        ("Year and class", pupil.year_group.label + (f", {markup(pupil.form)}" if pupil.form
                                                      else "")),
        ("Date of birth", uk_date(pupil.dob)),
        ("SEN status", markup(pupil.status.label)),
        ("Type of need", "<br/>".join(needs) or "Not recorded"),
    ]


def fact_table(facts: Sequence[tuple[str, str]], size: float = 11.0) -> Table:
    """Label and value pairs (values already marked up) in two unruled columns."""
    s = styles(size)
    rows = [[Paragraph(label, s.label), Paragraph(value, s.cell)] for label, value in facts]
    table = Table(rows, colWidths=[34 * mm, None], hAlign="LEFT")
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return table


def title_block(kicker: str, title: str, facts: Sequence[tuple[str, str]] = (),
                intro: str = "", size: float = 11.0) -> list[Flowable]:
    """The top of a document: a small capitalised kicker, the title (already marked up), a
    two-column table of facts (label, marked-up value) and an optional muted introduction."""
    s = styles(size)
    story: list[Flowable] = [
        Paragraph(xml_escape(kicker.upper()), ParagraphStyle("kick", parent=s.label,
                                                             fontSize=9)),
        Paragraph(title, ParagraphStyle("doctitle", parent=s.h1, fontSize=24, leading=28,
                                        spaceAfter=4)),
    ]
    if facts:
        story.append(fact_table(facts, size))
    if intro:
        story += [Spacer(1, 3 * mm),
                  Paragraph(intro, ParagraphStyle("intro", parent=s.body, textColor=MUTED))]
    return story
