"""The SEN support plan and review (assess, plan, do, review; SEND Code of Practice 6.44-6.56),
written for parents and staff in plain English. Cycles come newest first and flow over pages.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from sencodesk.domain.codes import CycleStatus, Progress
from sencodesk.domain.documents import DocumentMeta, PlanSheet
from sencodesk.domain.records import CycleRecord, OutcomeRecord, ProvisionRecord, PupilRow
from sencodesk.reports import pages, theme
from sencodesk.reports.theme import Rendered, markup, uk_date

BODY_SIZE = 11.0

_PROGRESS_COLOURS = {
    Progress.NOT_MET: colors.HexColor("#A4141B"),
    Progress.PARTLY: colors.HexColor("#8A5300"),
    Progress.MET: colors.HexColor("#1E6B2E"),
    Progress.EXCEEDED: colors.HexColor("#0F5223"),
}


def render_plan(meta: DocumentMeta, pupil: PupilRow, cycles: Sequence[CycleRecord]) -> bytes:
    """The pupil's support plans and reviews, newest cycle first, as PDF bytes."""
    s = theme.styles(BODY_SIZE)
    story: list[Flowable] = _title(pupil)
    ordered = sorted(cycles, key=lambda c: (c.starts_on, c.id), reverse=True)
    if not ordered:
        story.append(Paragraph("No support plan has been written yet.", s.muted))
    for number, cycle in enumerate(ordered):
        story.extend(_cycle(pupil, cycle, latest=number == 0))
    return pages.build_pdf(meta, story, subject=f"Support plan and review: {pupil.display_name}")


def render_plan_sheet(sheet: PlanSheet) -> Rendered:
    return Rendered(render_plan(sheet.meta, sheet.pupil, sheet.cycles))


def cycle_story(pupil: PupilRow, cycle: CycleRecord, *, latest: bool) -> list[Flowable]:
    """One cycle as the plan draws it, for documents that include plans (the EHC request
    pack)."""
    return _cycle(pupil, cycle, latest=latest)


def _title(pupil: PupilRow) -> list[Flowable]:
    intro = (
        f"This plan sets out what we are aiming for with {markup(pupil.forename)}, the extra "
        "support the school will give, and what happened at each review. We agree it with "
        f"{markup(pupil.forename)} and their family and review it at least three times a year."
    )
    return theme.title_block("Support plan and review", markup(pupil.display_name),
                             theme.pupil_facts(pupil),
                             intro, BODY_SIZE)


def _cycle(pupil: PupilRow, cycle: CycleRecord, *, latest: bool) -> list[Flowable]:
    """One assess-plan-do-review cycle: the plan, then the review if there has been one."""
    s = theme.styles(BODY_SIZE)
    if cycle.status is CycleStatus.REVIEWED and cycle.reviewed_on:
        state = f"Reviewed on {uk_date(cycle.reviewed_on)}"
    elif cycle.status is CycleStatus.DRAFT:
        state = "Draft: not yet agreed"
    else:
        state = "Current plan" if latest else "Active"
    band = Table(
        [[Paragraph(f"Plan from {uk_date(cycle.starts_on)}", _band_style(s.h2)),
          Paragraph(state, _band_style(s.body, right=True))]],
        colWidths=[None, 60 * mm],
    )
    band.setStyle(theme.table_style([
        ("BACKGROUND", (0, 0), (-1, -1), theme.ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    dates = Paragraph(
        f"Started <b>{uk_date(cycle.starts_on)}</b>&nbsp;&nbsp;·&nbsp;&nbsp;"
        f"Review date <b>{uk_date(cycle.review_on)}</b>"
        + (f"&nbsp;&nbsp;·&nbsp;&nbsp;Reviewed <b>{uk_date(cycle.reviewed_on)}</b>"
           if cycle.reviewed_on else ""),
        ParagraphStyle("dates", parent=s.body, spaceBefore=6),
    )
    band.spaceBefore = 6 * mm  # dropped at the top of a page, unlike a Spacer
    done = cycle.status is CycleStatus.REVIEWED or cycle.reviewed_on is not None
    story: list[Flowable] = [CondPageBreak(70 * mm), band, dates]
    story += _text_section("What we know", cycle.assess_notes)
    story += _text_section("Areas of need", cycle.areas_of_need, empty="Not recorded yet.")
    story += [_heading("What we aimed for" if done else "What we are aiming for"),
              _outcomes(cycle.outcomes, cycle)]
    story += [_heading("Support we gave" if done else "Support we will give"),
              _provisions(cycle.provisions)]
    if done:
        when = f" on {uk_date(cycle.reviewed_on)}" if cycle.reviewed_on else ""
        story += [Spacer(1, 3 * mm), _review_band(f"How it went: review{when}")]
        story += _text_section("Next steps", cycle.next_steps, empty="Not recorded.")
        story += _text_section(f"What {markup(pupil.forename)} said", cycle.pupil_voice,
                               empty="Not recorded.", quote=True)
        story += _text_section("What parents or carers said", cycle.parent_voice,
                               empty="Not recorded.", quote=True)
        story += _text_section("Who was at the review", cycle.attendees, empty="Not recorded.")
    return story


def _review_band(text: str) -> Flowable:
    s = theme.styles(BODY_SIZE)
    style = ParagraphStyle("review", parent=s.h3, spaceBefore=0, spaceAfter=0,
                           textColor=theme.ACCENT_DARK, fontSize=BODY_SIZE * 1.25,
                           leading=BODY_SIZE * 1.6)
    band = Table([[Paragraph(text, style)]], colWidths=[theme.FRAME_WIDTH])
    band.setStyle(theme.table_style([
        ("BACKGROUND", (0, 0), (-1, -1), theme.TINT),
        ("LINEBEFORE", (0, 0), (0, 0), 3, theme.ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    band.keepWithNext = True
    return band


def _band_style(parent: ParagraphStyle, *, right: bool = False) -> ParagraphStyle:
    return ParagraphStyle(
        f"band{parent.name}{right}", parent=parent, textColor=colors.white, spaceBefore=0,
        spaceAfter=0, alignment=2 if right else 0, fontName=theme.FONT_BOLD,
    )


def _heading(text: str, size: float = 1.1) -> Paragraph:
    s = theme.styles(BODY_SIZE)
    style = ParagraphStyle(f"plan-h{size}", parent=s.h3, fontSize=BODY_SIZE * size,
                           leading=BODY_SIZE * size * 1.3, spaceBefore=BODY_SIZE * 0.9,
                           keepWithNext=1)
    return Paragraph(text, style)


def _text_section(
    title: str, text: str, *, empty: str = "", quote: bool = False
) -> list[Flowable]:
    """A heading and its text; nothing at all if the text is blank and ``empty`` is not given."""
    s = theme.styles(BODY_SIZE)
    if not text.strip() and not empty:
        return []
    heading = _heading(title)
    if not text.strip():
        return [heading, Paragraph(empty, s.muted)]
    style = s.body
    if quote:
        style = ParagraphStyle("quote", parent=s.body, leftIndent=10, borderPadding=(0, 0, 0, 6),
                               fontName=theme.FONT_ITALIC)
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    paragraphs: list[Flowable] = [Paragraph(markup(block), style) for block in blocks]
    return [KeepTogether([heading, paragraphs[0]]), *paragraphs[1:]]


def _outcomes(outcomes: Sequence[OutcomeRecord], cycle: CycleRecord) -> Flowable:
    s = theme.styles(BODY_SIZE)
    if not outcomes:
        return Paragraph("No outcomes agreed yet.", s.muted)
    reviewed = cycle.status is CycleStatus.REVIEWED or any(o.progress for o in outcomes)
    head = ["", "What we want to achieve", "How we will know"]
    widths: list[float | None] = [8 * mm, None, 62 * mm]
    if reviewed:
        head.append("Progress")
        widths.append(24 * mm)
    rows: list[list[Flowable]] = [[Paragraph(h, s.cell_head) for h in head]]
    for outcome in sorted(outcomes, key=lambda o: o.position):
        row = [
            Paragraph(f"<b>{outcome.position}</b>", s.cell),
            Paragraph(markup(outcome.description), s.cell),
            Paragraph(markup(outcome.success_criteria) or "Not set", s.cell),
        ]
        if reviewed:
            row.append(_progress(outcome.progress))
        rows.append(row)
    return theme.grid(rows, widths)


def _progress(progress: Progress | None) -> Paragraph:
    s = theme.styles(BODY_SIZE)
    if progress is None:
        return Paragraph("Not judged", s.cell)
    colour = _PROGRESS_COLOURS[progress].hexval()
    return Paragraph(f'<font color="{colour}"><b>{progress.value.capitalize()}</b></font>', s.cell)


def _provisions(provisions: Sequence[ProvisionRecord]) -> Flowable:
    s = theme.styles(BODY_SIZE)
    if not provisions:
        return Paragraph("No extra support planned yet.", s.muted)
    left, right = s.cell_head, s.cell_head_right
    head = [Paragraph("What", left), Paragraph("Who", left), Paragraph("Group size", right),
            Paragraph("Each week", right), Paragraph("Weeks", right),
            Paragraph("Hours", right), Paragraph("Cost", right)]
    rows: list[list[Flowable]] = [head]
    small = ParagraphStyle("desc", parent=s.cell, fontSize=s.cell.fontSize - 1.5,
                           leading=(s.cell.fontSize - 1.5) * 1.25, textColor=theme.MUTED)
    for p in provisions:
        what: list[Flowable] = [Paragraph(f"<b>{markup(p.intervention)}</b>", s.cell)]
        if p.description.strip():
            what.append(Paragraph(markup(p.description), small))
        if p.sessions_delivered is not None:
            what.append(Paragraph(f"{p.sessions_delivered} of {p.sessions_planned} sessions "
                                  "delivered", small))
        rows.append([
            what,  # a cell may hold a list of flowables
            Paragraph(markup(p.delivered_by) or "Not set", s.cell),
            Paragraph("1:1" if p.group_size == 1 else str(p.group_size), s.cell_right),
            Paragraph(f"{p.sessions_per_week} × {p.minutes_per_session} min", s.cell_right),
            Paragraph(str(p.weeks), s.cell_right),
            Paragraph(_hours(p.hours), s.cell_right),
            Paragraph(theme.money(p.cost_pence), s.cell_right),
        ])
    hours = sum(p.hours for p in provisions)
    cost = sum(p.cost_pence for p in provisions)
    bold = ParagraphStyle("total", parent=s.cell_right, fontName=theme.FONT_BOLD)
    rows.append([Paragraph("<b>Total</b>", s.cell), "", "", "", "",
                 Paragraph(_hours(hours), bold), Paragraph(theme.money(cost), bold)])
    widths: list[float | None] = [None, 32 * mm, 17 * mm, 25 * mm, 16 * mm, 15 * mm, 21 * mm]
    return theme.grid(rows, widths, total=True)


def _hours(hours: float) -> str:
    """12.0 -> "12", 7.25 -> "7.3"."""
    text = f"{hours:,.1f}"
    return text.removesuffix(".0")
