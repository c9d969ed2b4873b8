"""The census check for the office manager: each difference between the register and the MIS,
with the fix to make in the MIS, grouped by kind."""

from __future__ import annotations

from itertools import groupby

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from sencodesk.domain.census_check import CensusCheckSheet
from sencodesk.domain.census_days import RULE
from sencodesk.domain.dates import uk
from sencodesk.reports import pages, theme
from sencodesk.reports.theme import Rendered, markup

BODY_SIZE = 9.5


def render_census_check(sheet: CensusCheckSheet) -> Rendered:
    s = theme.styles(BODY_SIZE)
    day = sheet.census_day
    facts = [
        ("Census day", f"{day.season}: {theme.uk_date(day.on)} ({markup(RULE)})"),
        ("MIS export", markup(sheet.mis_file)),
        ("SEN here / in MIS", f"{sheet.pupils_here:,} / {sheet.pupils_there:,} pupils"),
        ("Differences", f"{len(sheet.differences):,}"),
        ("Checked", uk(sheet.meta.produced_at)),
    ]
    story: list[Flowable] = theme.title_block(
        "Census check", markup(sheet.meta.school), facts, size=BODY_SIZE,
        intro="The SEND register compared with the MIS's SEN export. Make each fix in the MIS "
        "before the census is returned, then export and check again.")
    if not sheet.differences:
        story += [Spacer(1, 4 * mm),
                  Paragraph("No differences: the MIS agrees with the register.", s.body)]
    for kind, found in groupby(sheet.differences, key=lambda d: d.kind):
        rows: list[list[Flowable | str]] = [[Paragraph(h, s.cell_head) for h in (
            "Pupil", "UPN", "Here", "In the MIS", "Fix in the MIS")]]
        for difference in found:
            rows.append([Paragraph(markup(difference.pupil), s.cell), difference.upn,
                         Paragraph(markup(difference.here), s.cell),
                         Paragraph(markup(difference.there), s.cell),
                         Paragraph(f"{markup(difference.fix)}<br/><font size=7>"
                                   f"{markup(difference.rule)}</font>", s.cell)])
        story += [Spacer(1, 4 * mm),
                  pages.heading_with_room(Paragraph(markup(kind.value), s.h2), 30 * mm),
                  theme.grid(rows, [30 * mm, 28 * mm, 28 * mm, 28 * mm, None],
                             text_size=s.cell.fontSize)]
    return Rendered(pages.build_pdf(sheet.meta, story, subject="Census check"))
