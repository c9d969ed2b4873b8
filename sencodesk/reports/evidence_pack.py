"""The SEND evidence pack for Ofsted and governors: cover, contents, the register with charts,
the graduated approach, EHCP timeliness, intervention impact, cost against budget, inclusion
(attendance, suspensions, part-time timetables) and a case sample. Every chart has its
numbers beside it in words or a table."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from sencodesk.domain.codes import Progress
from sencodesk.domain.documents import OfstedPack
from sencodesk.domain.evidence import EhcpTimeliness, RegisterSummary, ReviewCompliance
from sencodesk.domain.review_duties import StepCount
from sencodesk.reports import charts, pages, theme
from sencodesk.reports.case_sample import case_study
from sencodesk.reports.inclusion_section import inclusion_section
from sencodesk.reports.provision_map import (
    budget_caveat,
    budget_gauge,
    intervention_table,
    measured_note,
    measured_table,
)
from sencodesk.reports.theme import Rendered, markup, money, uk_date

BODY_SIZE = 10.0


def render_evidence_pack(pack: OfstedPack) -> Rendered:
    story: list[Flowable] = [*_cover(pack), PageBreak(),
                             Paragraph("Contents", theme.styles(BODY_SIZE).h1),
                             pages.contents(BODY_SIZE), PageBreak()]
    story += _register(pack.summary)
    story += _graduated(pack.compliance)
    story += _ehcp(pack.timeliness)
    story += _impact(pack)
    story += _cost(pack)
    if pack.inclusion is not None:
        story += [_section("6. Inclusion"), *inclusion_section(pack.inclusion, BODY_SIZE)]
    if pack.cases:
        story += [PageBreak(), _section(f"{7 if pack.inclusion else 6}. Case sample")]
        s = theme.styles(BODY_SIZE)
        story.append(Paragraph(
            "Pupils chosen by the school to show the graduated approach in practice"
            + (" (anonymised: names are replaced by stable codes; UPNs, dates of birth and "
               "photos are left out)." if pack.anonymised else "."), s.muted))
        for number, case in enumerate(pack.cases):
            if number:
                story.append(PageBreak())
            story += case_study(case, BODY_SIZE)
    return Rendered(pages.build_pdf(pack.meta, story, subject="SEND evidence pack"))


def _section(text: str) -> Flowable:
    s = theme.styles(BODY_SIZE)
    style = ParagraphStyle("pack-h1", parent=s.h1, spaceBefore=BODY_SIZE * 1.6)
    return pages.heading_with_room(pages.section_heading(text, style), 60 * mm)


def _sub(text: str) -> Flowable:
    s = theme.styles(BODY_SIZE)
    return pages.heading_with_room(pages.section_heading(text, s.h2, level=1), 45 * mm)


def _head(*labels: str, text_columns: int = 1) -> list[Flowable | str]:
    """A header row: the first ``text_columns`` labels left-aligned, numbers' labels right."""
    s = theme.styles(BODY_SIZE)
    return [Paragraph(label, s.cell_head if i < text_columns else s.cell_head_right)
            for i, label in enumerate(labels)]


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "n/a"


def _cover(pack: OfstedPack) -> list[Flowable]:
    s = theme.styles(BODY_SIZE)
    summary, compliance, ehcp = pack.summary, pack.compliance, pack.timeliness
    register = summary.support + summary.ehcp
    spend = pack.provision
    figures = [
        (f"{register:,}", f"pupils on the SEND register ({_share(register, summary.on_roll)} "
                          f"of {summary.on_roll:,} on roll)"),
        (f"{summary.ehcp:,}", "with an education, health and care plan"),
        (_share(compliance.with_three_reviews, compliance.pupils),
         "School: on the register all year had three or more support plan reviews"),
        (_share(ehcp.school_met, ehcp.school_judged),
         "School: annual review steps done in time (meeting, invitations, advice, report)"),
        (_share(ehcp.met, ehcp.judged),
         "Local authority: EHC assessment steps that met their time limit"),
        (f"£{spend.total_pence / 100:,.0f}", "of provision planned this academic year"
         + (f" ({_share(spend.total_pence, spend.budget_pence)} of the notional SEN budget)"
            if spend.budget_pence else "")),
    ]
    big = ParagraphStyle("figure", parent=s.h1, fontSize=22, leading=26, textColor=theme.ACCENT,
                         spaceAfter=0)
    rows = [[Paragraph(value, big), Paragraph(text, s.body)] for value, text in figures]
    panel = Table(rows, colWidths=[48 * mm, None], hAlign="LEFT")
    panel.setStyle(theme.table_style([
        ("BACKGROUND", (0, 0), (-1, -1), theme.TINT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, -2), 0.5, theme.RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]))
    facts = [("As at", uk_date(pack.today)), ("Prepared by", markup(pack.meta.produced_by)),
             ("For", "Ofsted inspectors and governors")]
    if pack.anonymised:
        facts.append(("Anonymised", "Names are replaced by stable codes; no UPNs, dates of "
                                    "birth or photos."))
    return [Spacer(1, 30 * mm),
            *theme.title_block("SEND evidence pack", markup(pack.meta.school), facts,
                               size=BODY_SIZE),
            Spacer(1, 10 * mm), Paragraph("At a glance", s.h2), panel, Spacer(1, 8 * mm),
            Paragraph("Figures are worked out from the school's SEND case file on the date "
                      "above. Each section names the rule it measures against.", s.muted)]


def _register(summary: RegisterSummary) -> list[Flowable]:
    s = theme.styles(BODY_SIZE)
    register = summary.support + summary.ehcp
    story: list[Flowable] = [
        _section("1. The SEND register"),
        Paragraph(f"{register:,} of {summary.on_roll:,} pupils on roll "
                  f"({_share(register, summary.on_roll)}) are on the SEND register: "
                  f"{summary.support:,} on SEN support (K) and {summary.ehcp:,} with an EHC "
                  "plan (E).", s.body),
        _sub("By primary need"),
        charts.bars([(f"{need.label} ({need.value})", n) for need, n in summary.by_need],
                    width=theme.FRAME_WIDTH),
        _sub("By year group"),
    ]
    rows: list[list[Flowable | str]] = [_head("Year group", "SEN support", "EHC plan",
                                              "Total")]
    rows += [[Paragraph(year.label, s.cell), Paragraph(f"{k:,}", s.cell_right),
              Paragraph(f"{e:,}", s.cell_right), Paragraph(f"{k + e:,}", s.cell_right)]
             for year, k, e in summary.by_year]
    story += [
        charts.bars([(year.label, k + e) for year, k, e in summary.by_year],
                    width=theme.FRAME_WIDTH, colour=theme.ACCENT_DARK),
        Spacer(1, 3 * mm),
        theme.grid(rows, [None, 30 * mm, 30 * mm, 30 * mm]),
        _sub("Trend across census days"),
        charts.lines([p.label for p in summary.trend],
                     [("SEN support (K)", [p.support for p in summary.trend]),
                      ("EHC plan (E)", [p.ehcp for p in summary.trend])],
                     width=theme.FRAME_WIDTH),
    ]
    trend: list[list[Flowable | str]] = [_head("Census day", "Date", "SEN support", "EHC plan",
                                               "Total", text_columns=2)]
    trend += [[Paragraph(p.label, s.cell), Paragraph(uk_date(p.on), s.cell),
               Paragraph(f"{p.support:,}", s.cell_right), Paragraph(f"{p.ehcp:,}", s.cell_right),
               Paragraph(f"{p.support + p.ehcp:,}", s.cell_right)] for p in summary.trend]
    story += [Spacer(1, 3 * mm), KeepTogether(theme.grid(trend, [None, 28 * mm, 28 * mm,
                                                                   28 * mm, 24 * mm]))]
    return story


def _graduated(compliance: ReviewCompliance) -> list[Flowable]:
    s = theme.styles(BODY_SIZE)
    period = f"{uk_date(compliance.since)} to {uk_date(compliance.until)}"
    rows: list[list[Flowable | str]] = [_head("Year group", "On the register all year",
                                              "Three or more reviews", "Share")]
    rows += [[Paragraph(year.label, s.cell), Paragraph(f"{n:,}", s.cell_right),
              Paragraph(f"{k:,}", s.cell_right), Paragraph(_share(k, n), s.cell_right)]
             for year, n, k in compliance.by_year]
    return [
        _section("2. The graduated approach"),
        Paragraph("Pupils on SEN support have their support reviewed, with their parents, at "
                  "least three times a year, and the pupil's and parents' views are recorded "
                  "at each review (SEND Code of Practice 6.44-6.56 and 6.65). Measured over "
                  f"the twelve months {period}.", s.body),
        theme.fact_table([
            ("Pupils counted", f"{compliance.pupils:,} on the register for the whole twelve "
                               "months"),
            ("Three or more reviews", f"<b>{compliance.with_three_reviews:,}</b> "
             f"({_share(compliance.with_three_reviews, compliance.pupils)})"),
            ("Reviews held", f"{compliance.reviews:,}"),
            ("Pupil's views recorded", f"{compliance.with_pupil_voice:,} reviews "
             f"({_share(compliance.with_pupil_voice, compliance.reviews)})"),
            ("Parents' views recorded", f"{compliance.with_parent_voice:,} reviews "
             f"({_share(compliance.with_parent_voice, compliance.reviews)})"),
        ], BODY_SIZE),
        _sub("Three reviews a year, by year group"),
        charts.bars([(year.label, 100 * k / n if n else 0) for year, n, k in
                     compliance.by_year], width=theme.FRAME_WIDTH,
                    value_text=lambda v: f"{v:.0f}%", full_scale=100),
        Spacer(1, 3 * mm),
        theme.grid(rows, [None, 42 * mm, 42 * mm, 24 * mm]),
    ]


def _step_table(steps: Sequence[StepCount]) -> Flowable:
    s = theme.styles(BODY_SIZE)
    rows: list[list[Flowable | str]] = [_head("Step", "Rule", "On time", "Late",
                                              "Not recorded", "Met", text_columns=2)]
    for step in steps:
        rows.append([Paragraph(markup(step.label), s.cell), Paragraph(markup(step.rule), s.cell)]
                    + [Paragraph(f"{n:,}", s.cell_right)
                       for n in (step.on_time, step.late, step.not_recorded)]
                    + [Paragraph(_share(step.on_time, step.judged), s.cell_right)])
    return theme.grid(rows, [None, 30 * mm, 16 * mm, 12 * mm, 20 * mm, 14 * mm])


def _ehcp(timeliness: EhcpTimeliness) -> list[Flowable]:
    s = theme.styles(BODY_SIZE)
    rows: list[list[Flowable | str]] = [_head("Step", "On time", "Late", "Exception", "Overdue",
                                              "Met")]
    for step in timeliness.steps:
        judged = step.on_time + step.late + step.excused + step.overdue
        rows.append([Paragraph(markup(step.label), s.cell)] + [
            Paragraph(f"{n:,}", s.cell_right)
            for n in (step.on_time, step.late, step.excused, step.overdue)
        ] + [Paragraph(_share(step.on_time, judged), s.cell_right)])
    story: list[Flowable] = [
        _section("3. EHC plans: the school's duties and the local authority's"),
        Paragraph("An annual review must be completed, the local authority's decision "
                  "notified, within the 12 months starting with the plan's issue or the last "
                  "review's completion (CFA 2014 s44(1)). The school holds the meeting and "
                  "sends the invitations, the advice and the report; the local authority "
                  "decides. Figures cover reviews whose meeting fell in the past twelve months.",
                  s.body),
        _sub("What the school controls"),
        Paragraph(f"{timeliness.school_met:,} of {timeliness.school_judged:,} annual review "
                  f"steps ({_share(timeliness.school_met, timeliness.school_judged)}) were done "
                  "in time. A step with no date on file is counted as not recorded. Review "
                  f"meetings overdue now: {timeliness.reviews_overdue:,}.", s.body),
    ]
    if timeliness.school_steps:
        story.append(_step_table(timeliness.school_steps))
    story += [
        _sub("What the local authority must do"),
        Paragraph(f"{timeliness.requests:,} EHC needs assessment request"
                  f"{'s' if timeliness.requests != 1 else ''} on file. "
                  f"{timeliness.met:,} of {timeliness.judged:,} time-limited steps "
                  f"({_share(timeliness.met, timeliness.judged)}) were met: the decision to "
                  "assess (6 weeks, Reg 5(1)), advice (6 weeks, Reg 8(1)), a decision not to "
                  "issue (16 weeks, Reg 10(1)) and the final plan (20 weeks, Reg 13(2)). Where "
                  "an exception applies (Reg 5(4), 8(2), 10(4), 13(3)) lateness is not a breach.",
                  s.body),
    ]
    if timeliness.steps:
        story.append(theme.grid(rows, [None, 18 * mm, 14 * mm, 22 * mm, 20 * mm, 14 * mm]))
    if timeliness.la_review_steps:
        story += [Paragraph("After each annual review meeting of the past twelve months, the "
                            "local authority's decision, which completes the review:", s.body),
                  _step_table(timeliness.la_review_steps)]
    return story


def _impact(pack: OfstedPack) -> list[Flowable]:
    s = theme.styles(BODY_SIZE)
    story: list[Flowable] = [
        _section("4. Intervention impact"),
        Paragraph("Progress against the outcomes of every support plan reviewed in the past "
                  "twelve months, by intervention. An outcome counts only for the provision "
                  "its plan names as meant to achieve it; an outcome linked to no provision "
                  "is credited to none.", s.body),
    ]
    if not pack.impact:
        return [*story, Paragraph("No outcome linked to an intervention was reviewed in the "
                                  "past twelve months.", s.muted), *_measured(pack)]
    story.append(charts.bars(
        [(i.name, 100 * i.met_or_exceeded / i.outcomes) for i in pack.impact],
        width=theme.FRAME_WIDTH, value_text=lambda v: f"{v:.0f}% met or exceeded",
        full_scale=100))
    rows: list[list[Flowable | str]] = [_head("Intervention", "Pupils", "Outcomes",
                                              *(p.value.capitalize() for p in Progress))]
    for impact in pack.impact:
        counts = dict(impact.by_progress)
        rows.append([Paragraph(markup(impact.name), s.cell),
                     Paragraph(f"{impact.pupils:,}", s.cell_right),
                     Paragraph(f"{impact.outcomes:,}", s.cell_right),
                     *(Paragraph(f"{counts.get(p, 0):,}", s.cell_right) for p in Progress)])
    widths: Sequence[float | None] = [None, 16 * mm, 20 * mm, 19 * mm, 17 * mm, 15 * mm,
                                      20 * mm]
    return [*story, Spacer(1, 3 * mm), theme.grid(rows, widths), *_measured(pack)]


def _measured(pack: OfstedPack) -> list[Flowable]:
    """Impact from test results rather than ratings: entry and exit measures."""
    s = theme.styles(BODY_SIZE)
    story: list[Flowable] = [_sub("Measured impact"),
                             measured_note("support plans running in the past twelve months")]
    if not pack.measured:
        return [*story, Paragraph("No intervention has an entry and exit measure recorded in "
                                  "this time.", s.muted)]
    return [*story, Spacer(1, 2 * mm), measured_table(pack.measured, anonymised=pack.anonymised)]


def _cost(pack: OfstedPack) -> list[Flowable]:
    s = theme.styles(BODY_SIZE)
    found = pack.provision
    return [
        _section("5. Provision cost against budget"),
        Paragraph(f"Provision in support plans running from {uk_date(found.starts_on)} to "
                  f"{uk_date(found.ends_on)}: {money(found.total_pence)} for "
                  f"{found.total_hours:,.0f} hours of staff time, against a notional SEN "
                  f"budget of {money(found.budget_pence)}.", s.body),
        Spacer(1, 3 * mm), budget_gauge(found), budget_caveat(), Spacer(1, 4 * mm),
        intervention_table(found),
    ]
