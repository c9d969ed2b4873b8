"""A teacher's pack: a cover listing their groups and a contents page, then one passport per
pupil, once, however many of the teacher's groups the pupil is in."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from sencodesk.domain.documents import TeacherPack
from sencodesk.reports import pages, passport, theme
from sencodesk.reports.cover_sheet import cover_page
from sencodesk.reports.theme import Rendered


def render_teacher_pack(pack: TeacherPack) -> Rendered:
    """The teacher's pack as one PDF; warnings are the passports' own. Every page after the
    front (cover sheets and passports) is exactly one page, so the contents are numbered
    before the one layout pass rather than by laying the whole pack out two or three times."""
    chosen = pack.passports
    groups_of: dict[str, list[str]] = {}
    for code, _subject, names in pack.groups:
        for name in names:
            groups_of.setdefault(name, []).append(code)
    entries = [f"Supply cover sheet · {cover.code}" for cover in pack.covers]
    for sheet in chosen.sheets:
        where = ", ".join(groups_of.get(sheet.pupil.display_name, []))
        entries.append(f"{sheet.pupil.sort_name} · {where}" if where else sheet.pupil.sort_name)
    placeholder = [(text, 999) for text in entries]
    first = pages.count_pages(_front(pack, placeholder)) + 1
    story = _front(pack, [(text, first + n) for n, text in enumerate(entries)])
    for cover in pack.covers:  # one page per group for supply staff, before the passports
        story += [PageBreak(), *cover_page(cover)]
    warnings: list[str] = []
    for sheet in chosen.sheets:
        page, notes = passport.page(chosen.meta, sheet.pupil, sheet.passport, sheet.photo,
                                    sheet.contacts, sheet.since)
        story += [PageBreak(), *page]
        warnings += [f"{sheet.pupil.display_name}: {note}" for note in notes]
    pdf = pages.build_pdf(chosen.meta, story, subject=f"Passports for {pack.teacher}")
    return Rendered(pdf, tuple(warnings))


def _front(pack: TeacherPack, contents: list[tuple[str, int]]) -> list[Flowable]:
    """The first page(s): who the pack is for, their groups, and the contents."""
    s = theme.styles()
    chosen = pack.passports
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
    return [*story, Spacer(1, 6), theme.grid(rows, [70, 90, None]),
            Spacer(1, 10), Paragraph("Contents", s.h2), pages.numbered_contents(contents, 10)]
