"""A supply cover sheet: one A4 page for whoever covers a teaching group, listing its pupils
with SEND in register order with one line each of how best to support them."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepInFrame, Paragraph, Spacer

from sencodesk.domain.documents import CoverSheet
from sencodesk.reports import pages, theme
from sencodesk.reports.theme import Rendered

NO_PASSPORT = "No passport yet: ask the SENCO"


def render_cover_sheet(sheet: CoverSheet) -> Rendered:
    """The group's cover sheet on exactly one A4 page."""
    return Rendered(pages.build_pdf(sheet.meta, cover_page(sheet),
                                    subject=f"Supply cover sheet: {sheet.code}"))


def cover_page(sheet: CoverSheet) -> list[Flowable]:
    """The flowables of one cover sheet, shrunk if need be so it never runs onto a second
    page (a teacher pack sets one after another)."""
    s = theme.styles(10)
    where = theme.markup(sheet.code) + (f" · {theme.markup(sheet.subject)}"
                                       if sheet.subject else "")
    facts = [("Teacher" if len(sheet.teachers) == 1 else "Teachers",
              theme.markup(", ".join(sheet.teachers)) or "Not set"),
             ("Pupils with SEND", str(len(sheet.lines))),
             ("Printed", theme.uk_date(sheet.meta.produced_at.date()))]
    others = {0: "", 1: " One other pupil in the group is not on the SEN register."}.get(
        sheet.others, f" The other {sheet.others} pupils in the group are not on the SEN "
        "register.")
    ask = (f" For help, ask the SENCO: {theme.markup(sheet.senco_contact)}."
           if sheet.senco_contact else "")
    story: list[Flowable] = theme.title_block(
        "Supply cover sheet", where, facts, size=10,
        intro="For staff covering this group: the pupils with special educational needs or "
              "a passport, in register order, each with the first thing their passport asks "
              f"of staff.{others}{ask} Leave this sheet for the class teacher; do not take it "
              "out of school.")
    rows: list[list[Flowable | str]] = [[Paragraph(h, s.cell_head) for h in
                                         ("Pupil", "Need", "How best to support me")]]
    for line in sheet.lines:
        status = f"<br/><font size=7>{theme.markup(line.status)}</font>" if line.status else ""
        rows.append([Paragraph(f"<b>{theme.markup(line.name)}</b>{status}", s.cell),
                     Paragraph(theme.markup(line.need) or "—", s.cell),
                     Paragraph(theme.markup(line.support) if line.support
                               else f"<i>{NO_PASSPORT}</i>", s.cell)])
    if not sheet.lines:
        rows.append([Paragraph("No pupil in this group has SEND or a passport.", s.cell),
                     "", ""])
    story += [Spacer(1, 6), theme.grid(rows, [120, 120, None])]
    return [KeepInFrame(theme.FRAME_WIDTH, theme.FRAME_HEIGHT, story, mode="shrink")]
