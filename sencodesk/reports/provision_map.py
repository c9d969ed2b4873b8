"""The costed provision map: what the school provides beyond ordinary teaching, to whom, for how
many hours and at what cost, against the notional SEN budget (SEND Code of Practice 6.76)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from sencodesk.domain.documents import ProvisionMapSheet
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
    story += [Spacer(1, 3 * mm), budget_gauge(found), Paragraph("By intervention", s.h2),
              intervention_table(found), CondPageBreak(40 * mm), Paragraph("By pupil", s.h2),
              _pupil_table(found)]
    return Rendered(pages.build_pdf(sheet.meta, story, subject="Costed provision map"))


def _facts(found: ProvisionMap) -> list[tuple[str, str]]:
    remaining = found.remaining_pence
    balance = (money(remaining) + " left" if remaining >= 0 else
               f'<font color="{theme.MARKING_RED.hexval()}"><b>{money(-remaining)} over '
               "budget</b></font>")
    return [
        ("Period", f"{uk_date(found.starts_on)} to {uk_date(found.ends_on)}"),
        ("Total cost", f"<b>{money(found.total_pence)}</b> for "
                       f"{found.total_hours:,.0f} hours"),
        ("Notional SEN budget", money(found.budget_pence) if found.budget_pence
         else "Not set (Settings)"),
        ("Balance", balance if found.budget_pence else "Not known"),
        ("Pupils receiving", f"{len(found.by_pupil):,}"),
    ]


def budget_gauge(found: ProvisionMap) -> Flowable:
    share = (f" ({found.total_pence / found.budget_pence:.0%} of the budget)"
             if found.budget_pence else "")
    return charts.gauge(found.total_pence, found.budget_pence, width=theme.FRAME_WIDTH,
                        spent_text=f"Planned provision {money(found.total_pence)}{share}",
                        budget_text=f"Budget {money(found.budget_pence)}")


def intervention_table(found: ProvisionMap) -> Flowable:
    s = theme.styles(BODY_SIZE)
    if not found.by_intervention:
        return Paragraph("No provision is planned in this period.", s.muted)
    right = s.cell_head_right
    rows: list[list[Flowable | str]] = [[
        Paragraph("Intervention", s.cell_head), Paragraph("Wave", right),
        Paragraph("Pupils", right), Paragraph("Hours", right), Paragraph("Cost", right),
        Paragraph("Share", right)]]
    total = found.total_pence or 1
    for line in found.by_intervention:
        rows.append([Paragraph(markup(line.name), s.cell),
                     Paragraph(str(line.wave) if line.wave else "", s.cell_right),
                     Paragraph(f"{line.pupils:,}", s.cell_right),
                     Paragraph(f"{line.hours:,.0f}", s.cell_right),
                     Paragraph(money(line.cost_pence), s.cell_right),
                     Paragraph(f"{line.cost_pence / total:.0%}", s.cell_right)])
    bold = s.cell_right.clone("total", fontName=theme.FONT_BOLD)
    rows.append([Paragraph("<b>Total</b>", s.cell), "",
                 Paragraph(f"{len(found.by_pupil):,}", bold),
                 Paragraph(f"{found.total_hours:,.0f}", bold),
                 Paragraph(money(found.total_pence), bold), ""])
    return theme.grid(rows, [None, 14 * mm, 16 * mm, 18 * mm, 26 * mm, 16 * mm], total=True)


def _pupil_table(found: ProvisionMap) -> Flowable:
    s = theme.styles(BODY_SIZE)
    if not found.by_pupil:
        return Paragraph("No pupil receives extra provision in this period.", s.muted)
    right = s.cell_head_right
    rows: list[list[Flowable | str]] = [[
        Paragraph("Pupil", s.cell_head), Paragraph("Year", s.cell_head),
        Paragraph("Status", s.cell_head), Paragraph("Receives", s.cell_head),
        Paragraph("Hours", right), Paragraph("Cost", right)]]
    for line in found.by_pupil:
        rows.append([Paragraph(f"<b>{markup(line.name)}</b>", s.cell),
                     Paragraph(line.year_group, s.cell), Paragraph(line.status, s.cell),
                     Paragraph(markup(", ".join(line.interventions)), s.cell),
                     Paragraph(f"{line.hours:,.1f}", s.cell_right),
                     Paragraph(money(line.cost_pence), s.cell_right)])
    return theme.grid(rows, [46 * mm, 13 * mm, 14 * mm, None, 16 * mm, 22 * mm])
