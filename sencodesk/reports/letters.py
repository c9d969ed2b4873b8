"""Letters to parents on the school's letterhead (logo, name, address), one letter per family:
all in one PDF, each starting on a new page, or one PDF per family."""

from __future__ import annotations

import io
import re
from dataclasses import replace

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from sencodesk import __version__
from sencodesk.domain.letters import ANSWER_BOX, Letter, LetterSet
from sencodesk.domain.pictures import picture_size
from sencodesk.reports import theme
from sencodesk.reports.theme import markup

BODY_SIZE = 12  # larger than documents for staff: read at home, by some with poor sight
LOGO_HEIGHT = 22 * mm


def _letterhead(sheet: LetterSet) -> list[Flowable]:
    s = theme.styles(BODY_SIZE)
    head = sheet.letterhead
    name = Paragraph(f"<b>{markup(head.school)}</b>",
                     ParagraphStyle("lh", parent=s.h2, spaceBefore=0, alignment=TA_RIGHT))
    address = [Paragraph(markup(line), ParagraphStyle("ad", parent=s.small,
                                                      alignment=TA_RIGHT))
               for line in head.address]
    logo: Flowable | str = ""
    size = picture_size(head.logo) if head.logo else None
    if head.logo and size:
        width, height = size
        logo = Image(io.BytesIO(head.logo), width=LOGO_HEIGHT * width / height,
                     height=LOGO_HEIGHT)
    table = Table([[logo, [name, *address]]], colWidths=[60 * mm, None])
    table.setStyle(theme.table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                      ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                      ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [table, Spacer(1, 8 * mm)]


def _answer_box(text: str, size: int) -> Flowable:
    """An empty ruled box of the number of lines after the marker, to write an answer in."""
    lines = int(text.removeprefix(ANSWER_BOX).strip() or "3")
    box = Table([[""]], colWidths=[theme.FRAME_WIDTH], rowHeights=[lines * size * 1.9])
    box.setStyle(theme.table_style([("BOX", (0, 0), (-1, -1), 1, theme.MUTED)]))
    return box


def _letter(sheet: LetterSet, letter: Letter) -> list[Flowable]:
    size = letter.size or BODY_SIZE
    s = theme.styles(size)
    story = _letterhead(sheet)
    story += [Paragraph(markup(letter.to), s.body),
              Paragraph(f"{letter.dated.day} {letter.dated:%B %Y}", s.body),
              Spacer(1, 5 * mm),
              Paragraph(markup(letter.greeting), s.body),
              Paragraph(f"<b>{markup(letter.subject)}</b>", s.h3)]
    for heading, paragraphs in letter.sections:
        block: list[Flowable] = [Paragraph(markup(heading), s.h3)] if heading else []
        for text in paragraphs:
            if text.startswith(ANSWER_BOX):
                block.append(_answer_box(text, size))
            elif text.startswith("• "):
                block.append(Paragraph(markup(text[2:]), s.bullet, bulletText="•"))
            else:
                block += [Paragraph(markup(line), s.body) for line in text.splitlines()
                          if line.strip()]
        story.append(KeepTogether(block))
    if letter.signed:  # a form to fill in is not signed
        story += [Spacer(1, 6 * mm), Paragraph("Yours sincerely,", s.body), Spacer(1, 10 * mm),
                  Paragraph(f"<b>{markup(letter.signed)}</b>", s.body),
                  Paragraph(markup(letter.role), s.body)]
    return story


def letters_pdf(sheet: LetterSet) -> bytes:
    """Every letter of ``sheet`` in one PDF, each on a new page."""
    theme.register_fonts()
    buffer = io.BytesIO()
    title = sheet.letters[0].kind.value if sheet.letters else "Letters"
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=theme.MARGIN_X,
                            rightMargin=theme.MARGIN_X, topMargin=14 * mm,
                            bottomMargin=16 * mm, title=title, author=sheet.produced_by,
                            creator=f"sencodesk {__version__}", initialFontName=theme.FONT)
    story: list[Flowable] = []
    for index, letter in enumerate(sheet.letters):
        if index:
            story.append(PageBreak())
        story += _letter(sheet, letter)
    doc.build(story)
    return buffer.getvalue()


def file_name(letter: Letter) -> str:
    """"Special educational provision - Amy Adams.pdf" (characters no file system takes are
    left out)."""
    plain = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "", f"{letter.kind.value} - {letter.pupil_name}")
    return plain.strip(" .") + ".pdf"


def letters_each(sheet: LetterSet) -> list[tuple[str, bytes]]:
    """One PDF per family, with its file name."""
    return [(file_name(letter), letters_pdf(replace(sheet, letters=(letter,))))
            for letter in sheet.letters]
