"""One pupil of the evidence pack's case sample: who they are (or their code), how best to
support them, and their recent support plans with progress and voices."""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Paragraph, Table

from sencodesk.domain import pictures
from sencodesk.domain.codes import CycleStatus
from sencodesk.domain.documents import CaseStudy
from sencodesk.domain.records import CycleRecord
from sencodesk.reports import pages, theme
from sencodesk.reports.passport import Initials
from sencodesk.reports.theme import markup, uk_date

PHOTO_WIDTH = 26 * mm


def case_study(case: CaseStudy, size: float) -> list[Flowable]:
    s = theme.styles(size)
    facts = [("Year group", case.year_group.label), ("SEN status", case.status.label),
             ("Needs", ", ".join(n.label for n in case.needs) or "Not recorded"),
             ("Reviews in the past year", f"{case.reviews_past_year}")]
    if case.upn:
        facts.insert(0, ("UPN", case.upn))
    if case.dob:
        facts.insert(1, ("Date of birth", uk_date(case.dob)))
    heading = pages.section_heading(markup(case.name), s.h2, level=1)
    top: Flowable = theme.fact_table([(label, markup(value)) for label, value in facts], size)
    photo = _photo(case)
    if photo is not None:
        top = Table([[top, photo]], colWidths=[None, PHOTO_WIDTH + 4], hAlign="LEFT")
        top.setStyle(theme.table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                        ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story: list[Flowable] = [KeepTogether([heading, top])]
    story += [Paragraph("How best to support me", s.h3),
              Paragraph(markup(case.support_me) or "No passport yet.",
                        s.body if case.support_me else s.muted)]
    if not case.cycles:
        story.append(Paragraph("No support plan has been written yet.", s.muted))
    for cycle in case.cycles:
        story += _cycle(cycle, size)
    return story


def _photo(case: CaseStudy) -> Flowable | None:
    """The photo, initials if it cannot be read whole, or None if there is none."""
    if not case.photo:
        return None
    size = pictures.picture_size(case.photo)
    if size is None:
        words = case.name.split()
        return Initials("".join(w[:1].upper() for w in (words[:1] + words[1:][-1:])))
    width, height = size
    return Image(io.BytesIO(case.photo), width=PHOTO_WIDTH, height=PHOTO_WIDTH * height / width)


def _cycle(cycle: CycleRecord, size: float) -> list[Flowable]:
    s = theme.styles(size)
    state = (f"reviewed {uk_date(cycle.reviewed_on)}" if cycle.status is CycleStatus.REVIEWED
             else f"review due {uk_date(cycle.review_on)}")
    rows: list[list[Flowable | str]] = [[Paragraph(h, s.cell_head) for h in
                                         ("Outcome", "Progress")]]
    rows += [[Paragraph(markup(o.description), s.cell),
              Paragraph(o.progress.value.capitalize() if o.progress else "Not yet reviewed",
                        s.cell)] for o in sorted(cycle.outcomes, key=lambda o: o.position)]
    provision = ", ".join(cycle.interventions) or "None recorded"
    story: list[Flowable] = [
        KeepTogether([Paragraph(f"Support plan from {uk_date(cycle.starts_on)} ({state})", s.h3),
                      theme.grid(rows, [None, 36 * mm])]),
        Paragraph(f"<b>Provision:</b> {markup(provision)}", s.body),
    ]
    for label, text in (("Pupil's views", cycle.pupil_voice),
                        ("Parents' views", cycle.parent_voice),
                        ("Next steps", cycle.next_steps)):
        if text.strip():
            story.append(Paragraph(f"<b>{label}:</b> {markup(text)}", s.body))
    return story
