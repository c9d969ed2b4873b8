"""The trust's dashboard as a PDF: each school's register and timeliness side by side, and the
trust's register by need and year group. Counts from 1 to 4 and shares of small groups are
suppressed (domain.trust_dashboard); no pupil is named."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from sencodesk.domain.trust_dashboard import (
    Row,
    TrustDashboardSheet,
    need_rows,
    register_rows,
    timeliness_rows,
    year_rows,
)
from sencodesk.reports import pages, theme
from sencodesk.reports.theme import Rendered, markup

BODY_SIZE = 9.5
INTRO = ("Counts only, from each school's own case file: no pupil is named. A count from 1 to "
         "4 is shown as \"fewer than 5\", and no share is given of fewer than 5 pupils, so that "
         "no pupil can be picked out. Assessment steps: the time-limited steps of EHC needs "
         "assessments (SEND Regulations 2014, regulations 5(1), 8(1), 10(1) and 13(2)) done in "
         "time, of those due. Annual reviews: meetings of the past twelve months held in time "
         "for the review to finish within twelve months (Children and Families Act 2014, "
         "section 44(1)). Where a school's figure is suppressed, the trust's total in that "
         "column is withheld, as the total less the other schools' figures would give it away; "
         "likewise, in the trust's tables by need and year group, the smallest counts are "
         "withheld where the total less the counts shown would give a small one away.")


def render_trust_dashboard(sheet: TrustDashboardSheet) -> Rendered:
    s = theme.styles(BODY_SIZE)
    dashboard, meta = sheet.dashboard, sheet.meta
    total = dashboard.total
    facts = [("Schools", f"{len(dashboard.schools):,}"),
             ("Figures as of", theme.uk_date(total.as_of)),
             ("Pupils on roll", f"{total.on_roll:,}")]
    if sheet.not_shared:
        facts.append(("Not shared yet", markup(", ".join(sheet.not_shared))))
    oldest = min(dashboard.schools, key=lambda school: school.as_of)
    if oldest.as_of != total.as_of:  # a school's summary is older than the others'
        facts.insert(2, ("Oldest figures", f"{markup(oldest.school)}, as of "
                                           f"{theme.uk_date(oldest.as_of)}"))
    story: list[Flowable] = theme.title_block(
        "Trust dashboard", markup(meta.school), facts, size=BODY_SIZE, intro=INTRO)

    def head(*cells: str) -> list[Flowable | str]:
        return [Paragraph(cell, s.cell_head) for cell in cells]

    def body(rows: list[Row]) -> list[list[Flowable | str]]:
        return [[Paragraph(markup(school), s.cell), *cells] for school, *cells in rows]

    register = [head("School", "On roll", "SEN support (K)", "EHC plan (E)",
                     "On the register"), *body(register_rows(dashboard))]
    timeliness = [head("School", "Assessment steps due", "Done in time",
                       "Annual reviews on time", "Late", "Overdue now"),
                  *body(timeliness_rows(dashboard))]
    needs: list[list[Flowable | str]] = [head("Primary need", "Pupils", "Share of the register")]
    needs += [[Paragraph(markup(need), s.cell), *cells] for need, *cells in need_rows(dashboard)]
    years: list[list[Flowable | str]] = [head("Year group", "SEN support (K)", "EHC plan (E)")]
    years += [list(row) for row in year_rows(dashboard)]
    size = s.cell.fontSize
    for title, table in (
            ("The register, school by school", theme.grid(
                register, [None, 22 * mm, 30 * mm, 28 * mm, 30 * mm], total=True,
                text_size=size)),
            ("EHC needs assessments and annual reviews", theme.grid(
                timeliness, [None, 24 * mm, 25 * mm, 24 * mm, 22 * mm, 22 * mm], total=True,
                text_size=size)),
            ("The trust's register by primary need", theme.grid(
                needs, [None, 30 * mm, 40 * mm], text_size=size)),
            ("The trust's register by year group", theme.grid(
                years, [None, 36 * mm, 36 * mm], text_size=size))):
        story += [Spacer(1, 5 * mm), pages.heading_with_room(Paragraph(title, s.h2), 30 * mm),
                  table]
    return Rendered(pages.build_pdf(meta, story, subject="Trust dashboard"))
