"""The EHC needs assessment request pack: one PDF with a contents page, ready to attach to the
local authority's own form or portal."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from sencodesk.domain import request_pack
from sencodesk.domain.funding import THRESHOLD_SOURCE, TOP_UP_THRESHOLD_PENCE
from sencodesk.domain.request_pack import RequestPackSheet
from sencodesk.reports import theme
from sencodesk.reports.pages import build_pdf, contents, heading_with_room, section_heading
from sencodesk.reports.plan import cycle_story
from sencodesk.reports.theme import Rendered, markup, money, uk_date

SIZE = 11.0


def _h(text: str) -> Flowable:
    return heading_with_room(section_heading(markup(text), theme.styles(SIZE).h2), 40 * mm)


def _none(text: str) -> Paragraph:
    return Paragraph(markup(text), theme.styles(SIZE).muted)


def _cell(text: str) -> Paragraph:
    return Paragraph(markup(text), theme.styles(SIZE).cell)


def _bold(text: str) -> Paragraph:
    return Paragraph(f"<b>{markup(text)}</b>", theme.styles(SIZE).cell)


def _head(text: str) -> Paragraph:
    return Paragraph(markup(text), theme.styles(SIZE).cell_head)


def _chronology(sheet: RequestPackSheet) -> list[Flowable]:
    lines = request_pack.chronology(sheet)
    rows = [[_head("Date"), _head("What happened")]]
    rows += [[_cell(uk_date(line.on)), _cell(line.what)] for line in lines]
    return [_h("1. Chronology"), theme.grid(rows, [30 * mm, None])]


def _costs(sheet: RequestPackSheet) -> list[Flowable]:
    s = theme.styles(SIZE)
    start, cost = request_pack.costed_year(sheet.cycles, sheet.today)
    rows = [[_head("Support plan"), _head("Provision"), _head("Planned cost")]]
    for cycle in sheet.cycles:
        if cycle.starts_on <= sheet.today and (cycle.reviewed_on or cycle.review_on) >= start:
            names = "; ".join(p.name for p in cycle.provisions) or "none recorded"
            rows.append([_cell(f"from {uk_date(cycle.starts_on)}"), _cell(names),
                         _cell(money(cycle.cost_pence))])
    rows.append([_cell(""), _bold("The year"), _bold(money(cost))])
    verdict = ("more than" if request_pack.above_threshold(cost) else "within")
    return [_h("3. Costed provision against the £6,000"),
            Paragraph(markup(
                f"Provision planned in the support plans that ran from {uk_date(start)} to "
                f"{uk_date(sheet.today)}: {money(cost)}, {verdict} the "
                f"{money(TOP_UP_THRESHOLD_PENCE)} a mainstream school meets from its own budget "
                f"({THRESHOLD_SOURCE})."), s.body),
            theme.grid(rows, [40 * mm, None, 32 * mm], total=True)]


def _documents(sheet: RequestPackSheet) -> list[Flowable]:
    story: list[Flowable] = [_h("4. Advice and reports held")]
    agencies = [f"{a.name}" + (f" (since {uk_date(a.started_on)})" if a.started_on else "")
                for a in sheet.agencies]
    if agencies:
        story.append(Paragraph(markup("Agencies involved: " + "; ".join(agencies) + "."),
                               theme.styles(SIZE).body))
    if not sheet.documents:
        return [*story, _none("No reports are attached to the file.")]
    rows = [[_head("Report"), _head("Kind"), _head("Dated")]]
    rows += [[_cell(d.title), _cell(d.kind), _cell(uk_date(d.dated))] for d in sheet.documents]
    return [*story, Paragraph("Each is attached to the file and sent on request.",
                              theme.styles(SIZE).small),
            theme.grid(rows, [None, 40 * mm, 30 * mm])]


def _views(sheet: RequestPackSheet) -> list[Flowable]:
    s = theme.styles(SIZE)
    given = request_pack.views(sheet.cycles)
    story: list[Flowable] = [_h("5. The views of the pupil and the parents")]
    if not given:
        return [*story, _none("No views have been recorded at a review yet.")]
    for v in given:
        story.append(Paragraph(f"At the review on {uk_date(v.reviewed_on)}", s.h3))
        if v.pupil:
            story.append(Paragraph(markup(f"{sheet.pupil.forename}: \u201c{v.pupil}\u201d"),
                                   s.body))
        if v.parents:
            story.append(Paragraph(markup(f"Parents: \u201c{v.parents}\u201d"), s.body))
    return story


def render_request_pack(sheet: RequestPackSheet) -> Rendered:
    s = theme.styles(SIZE)
    pupil = sheet.pupil
    intro = markup(
        f"The evidence of the support {pupil.forename} has had under the graduated approach, "
        "drawn from the school's case file, to go with a request for an EHC needs assessment "
        f"made on behalf of the school ({request_pack.RULE_WHO_MAY_ASK}). The local authority "
        "determines whether it may be necessary for provision to be made through an EHC plan "
        f"({request_pack.RULE_LA_DETERMINES}) and tells the parents within 6 weeks of "
        f"receiving the request ({request_pack.RULE_SIX_WEEKS}).")
    story: list[Flowable] = theme.title_block(
        "EHC needs assessment request", markup(pupil.display_name),
        [*theme.pupil_facts(pupil), ("Pack made", uk_date(sheet.today))], intro, SIZE)
    story += [Spacer(1, 4 * mm), Paragraph("Contents", s.h2), contents(SIZE), PageBreak()]
    story += _chronology(sheet)
    story.append(_h("2. The graduated approach: support plans and reviews"))
    for index, cycle in enumerate(sheet.cycles):
        story += cycle_story(pupil, cycle, latest=index == len(sheet.cycles) - 1)
    story += _costs(sheet) + _documents(sheet) + _views(sheet)
    return Rendered(build_pdf(sheet.meta, story,
                              subject=f"EHC needs assessment request: {pupil.display_name}"))
