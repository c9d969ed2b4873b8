"""A teacher's pack: a cover listing their groups and a contents page, then one passport per
pupil, once, however many of the teacher's groups the pupil is in."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from sencodesk.domain.documents import TeacherPack
from sencodesk.reports import pages, passport, theme
from sencodesk.reports.cover_sheet import cover_page
from sencodesk.reports.theme import Rendered


class _Entry(Flowable):  # type: ignore[misc]  # ReportLab is untyped
    """Takes no room: tells the contents page which page a pupil's passport is on."""

    contents_level = 0

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        return None

    def getPlainText(self) -> str:  # noqa: N802 - the name the contents page asks for
        return self.text


def render_teacher_pack(pack: TeacherPack) -> Rendered:
    """The teacher's pack as one PDF; warnings are the passports' own."""
    s = theme.styles()
    chosen = pack.passports
    groups_of: dict[str, list[str]] = {}
    for code, _subject, names in pack.groups:
        for name in names:
            groups_of.setdefault(name, []).append(code)
    story: list[Flowable] = theme.title_block(
        "Pupil passports", escape(f"Passports for {pack.teacher}"),
        [("Groups", str(len(pack.groups))), ("Passports", str(len(chosen.sheets))),
         ("Produced", theme.uk_date(chosen.meta.produced_at.date()))],
        intro="A supply cover sheet for each of your groups, then one page for each pupil "
              "with SEND you teach, in register order; a pupil in two of your groups has one "
              "page. Keep this pack secure and return or shred it when "
              "the pupils' passports are next reviewed.")
    rows: list[list[Flowable]] = [[Paragraph(h, s.cell_head) for h in
                                   ("Group", "Subject", "Pupils with a passport")]]
    rows += [[Paragraph(escape(code), s.cell), Paragraph(escape(subject), s.cell),
              Paragraph(escape(", ".join(names) or "none"), s.cell)]
             for code, subject, names in pack.groups]
    story += [Spacer(1, 6), theme.grid(rows, [70, 90, None]),
              Spacer(1, 10), Paragraph("Contents", s.h2), pages.contents(10), PageBreak()]
    for cover in pack.covers:  # one page per group for supply staff, before the passports
        story += [_Entry(f"Supply cover sheet · {cover.code}"), *cover_page(cover),
                  PageBreak()]
    warnings: list[str] = []
    for number, sheet in enumerate(chosen.sheets):
        if number:
            story.append(PageBreak())
        name = sheet.pupil.display_name
        where = ", ".join(groups_of.get(name, []))
        story.append(_Entry(f"{sheet.pupil.sort_name} · {where}" if where
                            else sheet.pupil.sort_name))
        page, notes = passport.page(chosen.meta, sheet.pupil, sheet.passport, sheet.photo,
                                    sheet.contacts, sheet.since)
        story += page
        warnings += [f"{name}: {note}" for note in notes]
    pdf = pages.build_pdf(chosen.meta, story, subject=f"Passports for {pack.teacher}")
    return Rendered(pdf, tuple(warnings))
