"""A4 page furniture for every document: the header (school, OFFICIAL-SENSITIVE), the footer
(who, when, version, page x of y), the contents page and headings that keep room below them,
and build_pdf, which lays a story out on those pages."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape as xml_escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Table,
)
from reportlab.platypus.tableofcontents import TableOfContents

from sencodesk import __version__
from sencodesk.domain.dates import uk
from sencodesk.domain.documents import DocumentMeta
from sencodesk.reports.theme import (
    CONTENT_WIDTH,
    FONT,
    FONT_BOLD,
    FRAME_PADDING,
    FRAME_WIDTH,
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MARKING,
    MARKING_RED,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    markup,
    register_fonts,
    styles,
    table_style,
)


def _chrome(canvas: Canvas, meta: DocumentMeta, page: int, total: int) -> None:
    """Header (school, marking) and footer (who, when, version, page x of y) on one page."""
    canvas.saveState()
    left, right = MARGIN_X + FRAME_PADDING, PAGE_WIDTH - MARGIN_X - FRAME_PADDING
    top = PAGE_HEIGHT - 10 * mm
    school = Paragraph(
        f'<font face="{FONT_BOLD}">{markup(meta.school)}</font>',
        ParagraphStyle("hdr", fontName=FONT, fontSize=9, leading=11, textColor=INK),
    )
    school.wrap(CONTENT_WIDTH - 45 * mm, 30)
    school.drawOn(canvas, left, top - 2)  # a long name grows upwards, clear of the rule
    marking = "" if meta.published else MARKING
    canvas.setFont(FONT_BOLD, 9)
    canvas.setFillColor(MARKING_RED)
    canvas.drawRightString(right, top, marking)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(left, top - 4, right, top - 4)

    bottom = 10 * mm
    canvas.line(left, bottom + 10, right, bottom + 10)
    canvas.setFont(FONT, 7.5)
    canvas.setFillColor(MUTED)
    stamp = f"on {uk(meta.produced_at)} at {meta.produced_at:%H:%M}"
    who = Paragraph(
        f"Produced by {markup(meta.produced_by)} {stamp} · sencodesk {xml_escape(__version__)}",
        ParagraphStyle("ftr", fontName=FONT, fontSize=7.5, leading=9, textColor=MUTED),
    )
    _, height = who.wrap(CONTENT_WIDTH * 0.55, 40)
    who.drawOn(canvas, left, bottom + 9 - height)
    canvas.setFont(FONT_BOLD, 7.5)
    canvas.setFillColor(MARKING_RED)
    canvas.drawCentredString(PAGE_WIDTH / 2 + CONTENT_WIDTH * 0.12, bottom + 2, marking)
    canvas.setFont(FONT_BOLD, 8)
    canvas.setFillColor(INK)
    canvas.drawRightString(right, bottom + 2, f"Page {page} of {total}")
    canvas.restoreState()


def _numbered_canvas(meta: DocumentMeta) -> type[Canvas]:
    """A canvas that holds back each page until the end so the footer can say "of y"."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab is untyped
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _chrome(self, meta, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def build_pdf(
    meta: DocumentMeta,
    story: Sequence[Flowable],
    *,
    subject: str = "",
    out: str | os.PathLike[str] | BinaryIO | None = None,
    on_page: Callable[[Canvas, Any], None] | None = None,
) -> bytes:
    """Lay ``story`` out on themed A4 pages and return the PDF bytes (also written to ``out``,
    a path or binary file, when given). Fonts are embedded; title and author are set."""
    register_fonts()
    buffer = io.BytesIO()
    doc = _ThemedDoc(
        buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=meta.title, author=meta.produced_by,
        subject=subject or meta.title, creator=f"sencodesk {__version__}",
        producer=f"sencodesk {__version__} (ReportLab)", keywords="" if meta.published else MARKING,
        initialFontName=FONT,  # else every page lists an unembedded Helvetica
    )
    flowables = list(story)
    build = doc.multiBuild if any(isinstance(f, TableOfContents) for f in flowables) \
        else doc.build  # a contents page needs a second pass to learn the page numbers
    build(
        flowables, canvasmaker=_numbered_canvas(meta),
        onFirstPage=on_page or _no_op, onLaterPages=on_page or _no_op,
    )
    data = buffer.getvalue()
    if out is not None:
        if isinstance(out, str | os.PathLike):
            Path(out).write_bytes(data)
        else:
            out.write(data)
    return data


class _ThemedDoc(SimpleDocTemplate):  # type: ignore[misc]  # ReportLab is untyped
    """Tells a contents page about every heading made by :func:`section_heading`."""

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - ReportLab's name
        level = getattr(flowable, "contents_level", None)
        if level is not None:
            self.notify("TOCEntry", (level, flowable.getPlainText(), self.page))


def section_heading(text: str, style: ParagraphStyle, level: int = 0) -> Paragraph:
    """A heading listed on the document's contents page (if it has one)."""
    heading = Paragraph(text, style)
    heading.contents_level = level
    return heading


def heading_with_room(heading: Flowable, room: float) -> Flowable:
    """A heading that starts a new page unless ``room`` is left below it, so it is never left
    alone at the foot of a page (what follows may split, so it is not glued to all of it)."""
    return KeepTogether([CondPageBreak(room), heading])


def contents(size: float = 11.0) -> TableOfContents:
    """A contents page listing every :func:`section_heading` with its page number."""
    s = styles(size)
    table = TableOfContents(dotsMinLevel=0, tableStyle=table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    table.levelStyles = [
        ParagraphStyle("toc0", parent=s.body, fontSize=size + 1, leading=(size + 1) * 1.6,
                       leftIndent=0, firstLineIndent=0),
        ParagraphStyle("toc1", parent=s.body, leftIndent=14, firstLineIndent=0),
    ]
    return table


def count_pages(story: Sequence[Flowable]) -> int:
    """How many A4 pages ``story`` takes with the house margins (laid out only, not kept), so a
    document whose later pages are one page each can number its contents in one pass."""
    register_fonts()
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4, leftMargin=MARGIN_X,
                            rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
                            bottomMargin=MARGIN_BOTTOM, initialFontName=FONT)
    doc.build(list(story))
    return int(doc.page)


def numbered_contents(entries: Sequence[tuple[str, int]], size: float = 11.0) -> Flowable:
    """A contents list of (entry, page number) known beforehand, set like :func:`contents`."""
    s = styles(size)
    entry = ParagraphStyle("tocn", parent=s.body, fontSize=size, leading=size * 1.45,
                           spaceAfter=0)
    number = ParagraphStyle("tocnr", parent=entry, alignment=2)  # right-aligned
    rows = [[Paragraph(markup(text), entry), Paragraph(str(page), number)]
            for text, page in entries]
    table = Table(rows or [["", ""]], colWidths=[FRAME_WIDTH - 40, 40], hAlign="LEFT")
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
    ]))
    return table


def _no_op(canvas: Canvas, doc: Any) -> None:
    """Header and footer are drawn by the numbered canvas once the page count is known."""
