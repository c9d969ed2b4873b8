"""The school's report of an annual review meeting, laid out for the local authority: the
facts and dates first, then progress on each outcome, provision delivered against the plan,
views, and the recommended amendments with any differing recommendations."""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from sencodesk.domain.documents import DocumentMeta
from sencodesk.domain.review_paperwork import (
    RULE_ADULTHOOD,
    RULE_PROGRESS,
    RULE_REPORT,
    RULE_VIEWS,
    ReviewSheet,
    report_status,
)
from sencodesk.reports import theme
from sencodesk.reports.pages import build_pdf, heading_with_room
from sencodesk.reports.theme import markup

NOT_WRITTEN = "Not written yet."


def _text(value: str, s: theme.Styles) -> list[Flowable]:
    lines = [line for line in value.splitlines() if line.strip()]
    if not lines:
        return [Paragraph(NOT_WRITTEN, s.muted)]
    return [Paragraph(markup(line), s.body) for line in lines]


def _heading(text: str, s: theme.Styles) -> Flowable:
    return heading_with_room(Paragraph(markup(text), s.h2), 30 * mm)


def _pairs(head: tuple[str, str], rows: list[tuple[str, str]], s: theme.Styles) -> Flowable:
    if not rows:
        return Paragraph(NOT_WRITTEN, s.muted)
    data = [[Paragraph(markup(head[0]), s.cell_head), Paragraph(markup(head[1]), s.cell_head)]]
    data += [[Paragraph(markup(a), s.cell), Paragraph(markup(b) or "—", s.cell)]
             for a, b in rows]
    return theme.grid(data, [theme.FRAME_WIDTH * 0.55, theme.FRAME_WIDTH * 0.45])


def review_report_pdf(sheet: ReviewSheet, *, today: datetime | None = None) -> bytes:
    """The report as a PDF."""
    s = theme.styles()
    report, dates = sheet.report, sheet.dates
    made = today or datetime.now()
    meta = DocumentMeta(sheet.school, sheet.produced_by, made,
                        f"Annual review report - {sheet.pupil_name}")
    status = report_status(dates.meeting_on, sheet.report_sent_on, sheet.today)
    facts = [
        ("Date of birth", theme.uk_date(sheet.dob)),
        ("Year", markup(sheet.year_group)),
        ("School", markup(sheet.school)),
        ("EHC plan", f"issued {theme.uk_date(sheet.plan_issued_on)} by "
                     f"{markup(sheet.local_authority or 'the local authority')}"),
        ("Review meeting", theme.uk_date(dates.meeting_on)),
        ("This report", markup(f"to the local authority and everyone invited within two "
                               f"weeks of the meeting ({RULE_REPORT}): {status}")),
    ]
    story: list[Flowable] = theme.title_block(
        "Annual review of an EHC plan", f"Report of the review meeting: "
        f"{markup(sheet.pupil_name)}", facts)
    story += [_heading("Who was invited and who attended", s), *_text(report.attendees, s),
              _heading("1. Progress towards the outcomes in the plan", s),
              Paragraph(markup(f"Considered at the meeting, as {RULE_PROGRESS} requires."),
                        s.small),
              _pairs(("Outcome", "Progress"),
                     [(o.outcome, o.progress) for o in report.outcomes], s),
              _heading("2. Provision: what the plan specifies and what was delivered", s),
              _pairs(("Specified in the plan", "Delivered"),
                     [(p.specified, p.delivered) for p in report.provision], s),
              _heading("3. Views", s),
              Paragraph(markup(f"Taken into account as {RULE_VIEWS} requires."), s.small),
              Paragraph(markup(f"{sheet.forename}'s views"), s.h3), *_text(report.pupil_views, s),
              Paragraph("Parents' views", s.h3), *_text(report.parent_views, s),
              Paragraph("Others' advice and views", s.h3), *_text(report.others_views, s)]
    if sheet.in_year_9_or_above:
        story += [_heading("Preparation for adulthood", s),
                  Paragraph(markup("In or beyond Year 9 the review considers what will help "
                                   f"prepare for adulthood and independent living "
                                   f"({RULE_ADULTHOOD})."), s.small),
                  *_text(report.adulthood, s)]
    story += [_heading("4. Recommended amendments to the EHC plan", s),
              *_text(report.recommendations, s),
              _heading("5. Where others' recommendations differ", s),
              *_text(report.differences, s),
              Spacer(1, 6 * mm),
              Paragraph(markup(f"Prepared by {sheet.produced_by}, {sheet.role}."), s.small)]
    return build_pdf(meta, story)
