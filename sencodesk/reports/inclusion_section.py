"""The Inclusion section of the evidence pack: attendance, persistent absence, suspensions and
permanent exclusions for pupils on K, on E and not on the register over three years;
part-time timetables in force; disadvantaged pupils with SEND. Anonymised, no count from 1 to
4 is printed and no pupil is named."""

from __future__ import annotations

from functools import partial

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from sencodesk.domain.codes import SenStatus
from sencodesk.domain.inclusion import academic_year_label
from sencodesk.domain.inclusion_figures import (
    FEWER,
    HIDDEN_NOTE,
    InclusionFigures,
    YearRates,
    count_text,
    rate_text,
)
from sencodesk.domain.inclusion_rates import (
    ATTENDANCE_RULE,
    EXCLUSION_RATE_RULE,
    GROUPS,
    PERSISTENT_ABSENCE_RULE,
    GroupRates,
)
from sencodesk.reports import charts, pages, theme
from sencodesk.reports.theme import markup, uk_date

_GROUP_NAMES = {SenStatus.SUPPORT: "SEN support (K)", SenStatus.EHCP: "EHC plan (E)",
                SenStatus.NONE: "Not on the register"}
PART_TIME_RULE = ("A part-time timetable is for the shortest time necessary, with a time "
                  "limit for the return to full time, and is reviewed regularly with the pupil "
                  "and parents (DfE statutory guidance, Working together to improve school "
                  "attendance, 2024, paras 65-66).")


def _sub(text: str, size: float) -> Flowable:
    return pages.heading_with_room(pages.section_heading(text, theme.styles(size).h2, level=1),
                                   45 * mm)


def _cells(values: list[str], size: float, text_columns: int = 1) -> list[Flowable | str]:
    """A row: the first ``text_columns`` cells left-aligned, figures right."""
    s = theme.styles(size)
    return [Paragraph(markup(v), s.cell if i < text_columns else s.cell_right)
            for i, v in enumerate(values)]


def _head(labels: list[str], size: float, text_columns: int = 1) -> list[Flowable | str]:
    s = theme.styles(size)
    return [Paragraph(label, s.cell_head if i < text_columns else s.cell_head_right)
            for i, label in enumerate(labels)]


def _row(year: YearRates, rates: GroupRates, anonymised: bool) -> list[str]:
    count = partial(count_text, anonymised=anonymised)
    rate = partial(rate_text, anonymised=anonymised)
    return [f"{academic_year_label(year.start_year)} {rates.group.value}", count(rates.pupils),
            rate(rates.attendance_rate, [rates.with_attendance]),
            rate(rates.persistent_absence_rate,
                 [rates.persistent_absentees, rates.with_attendance]),
            count(rates.suspensions),
            rate(rates.suspension_rate, [rates.suspensions, rates.pupils], unit=""),
            count(rates.permanent_exclusions),
            rate(rates.permanent_exclusion_rate, [rates.permanent_exclusions, rates.pupils],
                 unit="")]


def _attendance_chart(figures: InclusionFigures) -> list[Flowable]:
    """Attendance by group and year, as bars; a bar whose rate is not shown is left out."""
    items = [(f"{academic_year_label(y.start_year)} {_GROUP_NAMES[r.group]}", r.attendance_rate)
             for y in figures.years for r in y.groups
             if r.attendance_rate is not None
             and not (figures.anonymised and 0 < r.with_attendance < 5)]
    if not items:
        return []
    return [charts.bars([(label, value) for label, value in items if value is not None],
                        width=theme.FRAME_WIDTH, value_text=lambda v: f"{v:.1f}%",
                        full_scale=100), Spacer(1, 3 * mm)]


def inclusion_section(figures: InclusionFigures, size: float) -> list[Flowable]:
    """Everything under the section's heading."""
    s = theme.styles(size)
    anonymised = figures.anonymised
    story: list[Flowable] = [Paragraph(
        "How pupils with SEND attend, and how often they are suspended or permanently "
        "excluded, beside pupils not on the SEND register, for this academic year so far and "
        "the two before. " + (f"Anonymised: any count under five is shown as \u201c{FEWER}\u201d "
                              "and a rate worked from one is not shown." if anonymised
                              else ""),
        s.body)]
    story += [Paragraph(markup(rule), s.muted) for rule in (
        ATTENDANCE_RULE, PERSISTENT_ABSENCE_RULE, EXCLUSION_RATE_RULE)]
    story += [_sub("Attendance by group", size), *_attendance_chart(figures)]
    rows = [_head(["Year and group", "Pupils", "Attendance", "Persistent absence",
                   "Suspensions", "Per 100", "Permanent exclusions", "Per 100"], size)]
    rows += [_cells(_row(year, year.of(group), anonymised), size)
             for year in figures.years for group in GROUPS]
    story.append(KeepTogether(theme.grid(rows, [None, 16 * mm, 22 * mm, 22 * mm, 25 * mm,
                                                15 * mm, 24 * mm, 15 * mm])))
    if anonymised:
        story.append(Paragraph(HIDDEN_NOTE, s.muted))
    story += [_sub("Part-time timetables in force", size), Paragraph(PART_TIME_RULE, s.muted)]
    timetables, overdue = figures.part_time, figures.overdue_reviews
    count = partial(count_text, anonymised=anonymised)
    story.append(Paragraph(
        f"{count(len(timetables))} in force on {uk_date(figures.today)}; "
        f"{count(overdue)} with the review date passed.", s.body))
    if timetables and not anonymised:
        table = [_head(["Pupil", "Year", "Status", "From", "Planned end", "Review", "Reason"],
                       size, text_columns=7)]
        table += [_cells([p.pupil, p.year_group.short, p.status.value, uk_date(p.starts_on),
                          uk_date(p.planned_end),
                          uk_date(p.review_on) + (" (overdue)" if p.overdue(figures.today)
                                                  else ""), p.reason], size, text_columns=7)
                  for p in timetables]
        story.append(theme.grid(table, [None, 12 * mm, 16 * mm, 23 * mm, 24 * mm, 26 * mm,
                                        42 * mm]))
    story += [_sub("Disadvantaged pupils with SEND", size), Paragraph(
        "Pupils on roll today. Disadvantaged: eligible for the pupil premium, on free school "
        "meals, looked after or previously looked after.", s.muted)]
    table = [_head(["Group", "Pupils", "Disadvantaged", "Free school meals",
                    "Looked after or previously", "EAL"], size)]
    table += [_cells([_GROUP_NAMES[d.group], count(d.pupils), count(d.disadvantaged),
                      count(d.fsm), count(d.looked_after), count(d.eal)], size)
              for d in figures.disadvantage]
    story.append(theme.grid(table, [None, 18 * mm, 26 * mm, 28 * mm, 36 * mm, 16 * mm]))
    return story
