"""The SEN information report as a PDF, and the content both it and the web page are drawn
from: for each section its heading, its source, the school's words and any table of figures
(counts from 1 to 4 suppressed, no pupil named)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from sencodesk.domain.documents import DocumentMeta
from sencodesk.domain.info_report import SECTIONS, InfoReportSheet, suppressed
from sencodesk.reports import pages, theme
from sencodesk.reports.theme import markup

BODY_SIZE = 10.5
NOT_WRITTEN = "This section has not been written yet."


@dataclass(frozen=True)
class Table:
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Block:
    heading: str
    source: str
    paragraphs: tuple[str, ...]
    tables: tuple[Table, ...] = ()


def _tables(sheet: InfoReportSheet, kind: str) -> tuple[tuple[Table, ...], tuple[str, ...]]:
    f = sheet.figures
    if kind == "needs":
        return ((Table("Pupils on the SEN register", ("Group", "Pupils"), (
            ("On roll", f"{f.on_roll:,}"), ("SEN support", suppressed(f.support)),
            ("Education, health and care plan", suppressed(f.ehcp)))),
            Table("Pupils on the SEN register by their main type of need",
                  ("Type of need", "Pupils"),
                  tuple((need.label, suppressed(n)) for need, n in f.by_need))), ())
    if kind == "provision":
        return ((Table("Support running this school year, by wave",
                       ("Wave", "Interventions", "Places"),
                       tuple((f"Wave {wave}", f"{n:,}", suppressed(places))
                             for wave, n, places in f.provision)),), ())
    if kind == "impact":
        shown = [i for i in f.impact if i.published]
        note = () if len(shown) == len(f.impact) else (
            "Interventions with fewer than 5 pupils in the last 12 months are left out.",)
        return ((Table("Goals met or exceeded at review in the last 12 months",
                       ("Intervention", "Pupils", "Goals reviewed", "Met or exceeded"),
                       tuple((i.intervention, f"{i.pupils:,}", f"{i.outcomes:,}",
                              f"{round(100 * i.met_or_exceeded / i.outcomes)}%")
                             for i in shown if i.outcomes)),), note)
    if kind == "senco":
        who = f.senco_name or "Not recorded"
        contact = f" Contact: {f.senco_contact}." if f.senco_contact else ""
        return (), (f"Our SENCO is {who}.{contact}",)
    return (), ()


def blocks(sheet: InfoReportSheet) -> list[Block]:
    """Every section in Schedule 1 order."""
    found = []
    for section in SECTIONS:
        tables, notes = _tables(sheet, section.figures)
        words = sheet.texts.get(section.key, "").strip()
        paragraphs = tuple(p.strip() for p in words.split("\n\n") if p.strip())
        if not paragraphs and not tables and not notes:
            paragraphs = (NOT_WRITTEN,)
        found.append(Block(section.heading, section.source, notes + paragraphs, tables))
    return found


def info_report_pdf(sheet: InfoReportSheet) -> bytes:
    s = theme.styles(BODY_SIZE)
    meta = DocumentMeta(sheet.school, sheet.produced_by, _as_datetime(sheet), "SEN information "
                        "report", published=True)
    story: list[Flowable] = theme.title_block(
        "SEN information report", markup(sheet.school),
        [("As at", theme.uk_date(sheet.as_at)),
         ("Law", "Children and Families Act 2014 s69; SEND Regulations 2014 reg 51 and "
                 "Schedule 1")],
        intro="Counts from 1 to 4 are shown as \u201cfewer than 5\u201d so that no pupil can "
        "be identified.", size=BODY_SIZE)
    for block in blocks(sheet):
        story.append(pages.heading_with_room(Paragraph(markup(block.heading), s.h2), 25 * mm))
        story.append(Paragraph(markup(block.source), s.small))
        story += [Paragraph(markup(p), s.body) for p in block.paragraphs]
        for table in block.tables:
            rows: list[list[Flowable | str]] = [
                [Paragraph(markup(h), s.cell_head) for h in table.headers]]
            rows += [[Paragraph(markup(c), s.cell) for c in row] for row in table.rows]
            caption = Paragraph(f"<b>{markup(table.caption)}</b>", s.body)
            story += [Spacer(1, 2 * mm), pages.heading_with_room(caption, 30 * mm),
                      theme.grid(rows, [None] * len(table.headers),
                                 text_size=s.cell.fontSize)]
    return pages.build_pdf(meta, story, subject="SEN information report")


def _as_datetime(sheet: InfoReportSheet) -> datetime:
    return datetime.combine(sheet.as_at, datetime.now().time())
