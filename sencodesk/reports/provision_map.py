"""The costed provision map: what the school provides beyond ordinary teaching, to whom, for how
many hours and at what cost, as a share of the notional SEN budget (SEND Code of Practice 6.76),
and each pupil's planned cost against the £6,000 a school meets before top-up funding."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from sencodesk.domain import funding
from sencodesk.domain.assessment import MIN_PUPILS, RATIO_GAIN_RULE, MeasuredImpact, figure_text
from sencodesk.domain.documents import ProvisionMapSheet
from sencodesk.domain.inclusion_figures import count_text
from sencodesk.domain.provision_map import ProvisionMap
from sencodesk.reports import charts, pages, theme
from sencodesk.reports.theme import Rendered, markup, money, uk_date

BODY_SIZE = 9.5


def render_provision_map(sheet: ProvisionMapSheet) -> Rendered:
    found = sheet.map
    s = theme.styles(BODY_SIZE)
    story: list[Flowable] = theme.title_block(
        "Costed provision map", markup(sheet.meta.school), _facts(found),
        "Every provision in a support plan that runs during the period, counted whole. Costs "
        "are staff time: hours × hourly cost of the grade delivering it, shared across the "
        "group.", BODY_SIZE)
    story += [Spacer(1, 3 * mm), budget_gauge(found), budget_caveat(),
              Paragraph("By intervention", s.h2), intervention_table(found),
              CondPageBreak(40 * mm), Paragraph("By pupil", s.h2),
              Paragraph(_THRESHOLD_NOTE, s.muted), Spacer(1, 2 * mm), _pupil_table(found)]
    if sheet.measured:
        story += [CondPageBreak(40 * mm), Paragraph("Measured impact", s.h2),
                  measured_note("plans running in the period"), Spacer(1, 2 * mm),
                  measured_table(sheet.measured)]
    return Rendered(pages.build_pdf(sheet.meta, story, subject="Costed provision map"))


_THRESHOLD_NOTE = (
    f"Each pupil's planned additional cost in this period against £6,000: "
    f"{markup(funding.THRESHOLD_SOURCE)}. The threshold is a year's cost; "
    "a pupil at or over it is marked, as an EHC needs assessment request or a top-up "
    "application will ask.")


def _facts(found: ProvisionMap) -> list[tuple[str, str]]:
    share = found.budget_share
    return [
        ("Period", f"{uk_date(found.starts_on)} to {uk_date(found.ends_on)}"),
        ("Planned provision", f"<b>{money(found.total_pence)}</b> for "
                              f"{found.total_hours:,.0f} hours"),
        ("Notional SEN budget", money(found.budget_pence) if found.budget_pence
         else "Not set (Settings)"),
        ("Share of that budget", f"{share:.0%} (a guide, not a pot: see the note)"
         if share is not None else "Not known"),
        ("Pupils receiving", f"{len(found.by_pupil):,}"),
        ("At or over £6,000", f"{sum(p.at_threshold for p in found.by_pupil):,} pupils"),
    ]


def budget_gauge(found: ProvisionMap) -> Flowable:
    share = (f": {found.budget_share:.0%} of the notional SEN budget"
             if found.budget_share is not None else "")
    return charts.gauge(found.total_pence, found.budget_pence, width=theme.FRAME_WIDTH,
                        spent_text=f"Planned provision {money(found.total_pence)}{share}",
                        budget_text=f"Notional SEN budget {money(found.budget_pence)}",
                        beyond=theme.ACCENT_DARK)


def budget_caveat() -> Flowable:
    return Paragraph(markup(funding.BUDGET_CAVEAT), theme.styles(BODY_SIZE).muted)


def measured_note(plans: str) -> Flowable:
    """What the measured-impact figures are worked from, and what a ratio gain means."""
    return Paragraph(markup(f"From the entry and exit measures of {plans}. {RATIO_GAIN_RULE}; "
                            f"1.0 is the progress of time alone. An average needs "
                            f"{MIN_PUPILS} pupils measured."), theme.styles(BODY_SIZE).muted)


def measured_table(measured: Sequence[tuple[str, MeasuredImpact]], *,
                   anonymised: bool = False) -> Flowable:
    """Per intervention: pupils with both measures, the average change in standardised score
    and the ratio gains; ``anonymised`` writes a count from 1 to 4 as "fewer than 5"."""
    s = theme.styles(BODY_SIZE)
    right = s.cell_head_right
    rows: list[list[Flowable | str]] = [[
        Paragraph("Intervention", s.cell_head), Paragraph("Pupils measured", right),
        Paragraph("Standardised score change", right), Paragraph("Reading ratio gain", right),
        Paragraph("Spelling ratio gain", right)]]
    for name, impact in measured:
        waiting = (f" ({count_text(impact.awaiting, anonymised=anonymised)} awaiting exit)"
                   if impact.awaiting else "")
        figures = [figure_text(value, count, places=places, anonymised=anonymised)
                   for value, count, places in (
                       (impact.score_change, impact.counts[0], 1),
                       (impact.reading_ratio_gain, impact.counts[1], 2),
                       (impact.spelling_ratio_gain, impact.counts[2], 2))]
        rows.append([Paragraph(markup(name), s.cell),
                     Paragraph(f"{count_text(impact.pupils, anonymised=anonymised)}{waiting}",
                               s.cell_right),
                     *(Paragraph(text, s.cell_right) for text in figures)])
    return theme.grid(rows, [None, 30 * mm, 30 * mm, 28 * mm, 28 * mm])


def intervention_table(found: ProvisionMap) -> Flowable:
    s = theme.styles(BODY_SIZE)
    if not found.by_intervention:
        return Paragraph("No provision is planned in this period.", s.muted)
    right = s.cell_head_right
    rows: list[list[Flowable | str]] = [[
        Paragraph("Intervention", s.cell_head), Paragraph("Support", s.cell_head),
        Paragraph("Pupils", right), Paragraph("Hours", right), Paragraph("Cost", right),
        Paragraph("A pupil", right), Paragraph("Sessions delivered", right),
        Paragraph("Share", right)]]
    total = found.total_pence or 1
    for line in found.by_intervention:
        rows.append([Paragraph(markup(line.name), s.cell),
                     Paragraph(funding.support_level(line.wave), s.cell),
                     Paragraph(f"{line.pupils:,}", s.cell_right),
                     Paragraph(f"{line.hours:,.0f}", s.cell_right),
                     Paragraph(money(line.cost_pence), s.cell_right),
                     Paragraph(money(line.cost_per_pupil_pence), s.cell_right),
                     Paragraph(line.delivery_share_text, s.cell_right),
                     Paragraph(f"{line.cost_pence / total:.0%}", s.cell_right)])
    bold = s.cell_right.clone("total", fontName=theme.FONT_BOLD)
    rows.append([Paragraph("<b>Total</b>", s.cell), "",
                 Paragraph(f"{len(found.by_pupil):,}", bold),
                 Paragraph(f"{found.total_hours:,.0f}", bold),
                 Paragraph(money(found.total_pence), bold), "", "", ""])
    return theme.grid(rows, [None, 19 * mm, 14 * mm, 14 * mm, 22 * mm, 18 * mm, 26 * mm,
                             12 * mm], total=True)


def _pupil_table(found: ProvisionMap) -> Flowable:
    s = theme.styles(BODY_SIZE)
    if not found.by_pupil:
        return Paragraph("No pupil receives extra provision in this period.", s.muted)
    right = s.cell_head_right
    rows: list[list[Flowable | str]] = [[
        Paragraph("Pupil", s.cell_head), Paragraph("Year", s.cell_head),
        Paragraph("Status", s.cell_head), Paragraph("Receives", s.cell_head),
        Paragraph("Hours", right), Paragraph("Cost", right), Paragraph("Of £6,000", right)]]
    for line in found.by_pupil:
        of_threshold = f"{line.threshold_share:.0%}"
        if line.at_threshold:
            of_threshold = f"<b>{of_threshold}</b>"
        rows.append([Paragraph(f"<b>{markup(line.name)}</b>", s.cell),
                     Paragraph(line.year_group, s.cell), Paragraph(line.status, s.cell),
                     Paragraph(markup(", ".join(line.interventions)), s.cell),
                     Paragraph(f"{line.hours:,.1f}", s.cell_right),
                     Paragraph(money(line.cost_pence), s.cell_right),
                     Paragraph(of_threshold, s.cell_right)])
    return theme.grid(rows, [42 * mm, 11 * mm, 13 * mm, None, 14 * mm, 20 * mm, 18 * mm])
