"""The EHCP chronology: every dated event on a pupil's EHC file, then each request's statutory
milestones (due, done, rule) and each plan's annual reviews, set out for a tribunal bundle."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from sencodesk.domain.clock import OWNER_SHORT, Milestone, MilestoneStatus
from sencodesk.domain.clock import status_text as status_words
from sencodesk.domain.documents import ChronologySheet, RequestTimeline
from sencodesk.domain.ehcp_records import PlanRecord
from sencodesk.reports import pages, theme
from sencodesk.reports.theme import Rendered, markup, uk_date

BODY_SIZE = 10.0

#: Status words and their ink: statutory breaches in red, exceptions amber, the rest calm.
#: Practice targets have a look of their own (accent, italic) and are never drawn as breaches.
_STATUS_INK = {
    MilestoneStatus.OVERDUE: theme.MARKING_RED,
    MilestoneStatus.DONE_LATE: theme.MARKING_RED,
    MilestoneStatus.EXCEPTION: theme.HIGHLIGHT_EDGE,
}


def _status_cell(m: Milestone) -> str:
    if m.note == "the window has closed":
        return "Window closed"
    status = status_words(m).capitalize() + (f"<br/>{markup(m.note)}" if m.note else "")
    if m.is_practice and m.status is not MilestoneStatus.DONE_ON_TIME:
        return f'<font color="{theme.ACCENT.hexval()}"><i>{status}<br/>practice target</i></font>'
    ink = _STATUS_INK.get(m.status)
    if ink is not None:
        return f'<font color="{ink.hexval()}"><b>{status}</b></font>'
    return status


def render_chronology(sheet: ChronologySheet) -> Rendered:
    pupil = sheet.pupil
    facts = [*theme.pupil_facts(pupil), ("UPN", pupil.upn)]
    story: list[Flowable] = theme.title_block(
        "EHCP chronology", markup(pupil.display_name), facts,
        "Dates are as recorded in the school's case file. Statutory deadlines are worked out "
        "from the SEND Regulations 2014 and the SEND Code of Practice (2015); each line cites "
        "its rule. Days are calendar days.", BODY_SIZE)
    story += [_heading("Chronology"), _events(sheet)]
    for number, timeline in enumerate(sheet.requests, start=1):
        story += _request(timeline, number, len(sheet.requests))
    for plan in sheet.plans:
        story += _plan(plan)
    if sheet.review_milestones:
        story += [_heading("Annual review deadlines of the plan in force"),
                  _milestones(sheet.review_milestones)]
    pdf = pages.build_pdf(sheet.meta, story, subject=f"EHCP chronology: {pupil.display_name}")
    return Rendered(pdf)


def _heading(text: str, *, level: int = 2) -> Flowable:
    s = theme.styles(BODY_SIZE)
    return pages.heading_with_room(Paragraph(text, s.h2 if level == 2 else s.h3), 35 * mm)


def _events(sheet: ChronologySheet) -> Flowable:
    s = theme.styles(BODY_SIZE)
    if not sheet.events:
        return Paragraph("Nothing has been recorded yet.", s.muted)
    rows: list[list[Flowable]] = [[Paragraph(h, s.cell_head) for h in
                                   ("Date", "Event", "Rule or source", "Timeliness")]]
    for event in sheet.events:
        late = "late" in event.timeliness and "exception" not in event.timeliness
        timeliness = (f'<font color="{theme.MARKING_RED.hexval()}"><b>{event.timeliness}</b>'
                      "</font>" if late else event.timeliness)
        rows.append([Paragraph(uk_date(event.on), s.cell), Paragraph(markup(event.event), s.cell),
                     Paragraph(markup(event.source), s.cell), Paragraph(timeliness, s.cell)])
    return theme.grid(rows, [22 * mm, None, 40 * mm, 40 * mm])


def _milestones(milestones: Sequence[Milestone]) -> Flowable:
    s = theme.styles(BODY_SIZE)
    rows: list[list[Flowable]] = [[Paragraph(h, s.cell_head) for h in
                                   ("Step", "Whose", "Due", "Done", "Status", "Rule")]]
    for m in milestones:
        rows.append([Paragraph(markup(m.label), s.cell), Paragraph(OWNER_SHORT[m.owner], s.cell),
                     Paragraph(uk_date(m.due), s.cell),
                     Paragraph(uk_date(m.done_on) if m.done_on else "", s.cell),
                     Paragraph(_status_cell(m), s.cell), Paragraph(markup(m.rule), s.cell)])
    return theme.grid(rows, [None, 15 * mm, 23 * mm, 23 * mm, 32 * mm, 32 * mm])


def _request(timeline: RequestTimeline, number: int, count: int) -> list[Flowable]:
    s = theme.styles(BODY_SIZE)
    request = timeline.request
    title = "EHC needs assessment request" + (f" {number} of {count}" if count > 1 else "")
    facts = [
        ("Received by the LA", uk_date(request.received_on)),
        ("Requested by", markup(request.requested_by) or "Not recorded"),
        ("Local authority", markup(request.local_authority) or "Not recorded"),
        ("Draft plan served", uk_date(request.draft_served_on)),
        ("Outcome", markup(request.outcome.capitalize())),
    ]
    story: list[Flowable] = [_heading(title),
                             theme.fact_table(facts, BODY_SIZE),
                             _heading("Statutory milestones", level=3),
                             _milestones(timeline.milestones)]
    if request.advice:
        rows = [[Paragraph(h, s.cell_head) for h in ("Advice from", "Asked", "Received")]]
        rows += [[Paragraph(markup(a.source), s.cell), Paragraph(uk_date(a.asked_on), s.cell),
                  Paragraph(uk_date(a.received_on) if a.received_on else "Not yet", s.cell)]
                 for a in request.advice]
        story += [_heading("Advice", level=3), theme.grid(rows, [None, 28 * mm, 28 * mm])]
    if request.exceptions:
        rows = [[Paragraph(h, s.cell_head) for h in ("Regulation", "Reason", "From", "To")]]
        rows += [[Paragraph(markup(e.regulation), s.cell), Paragraph(markup(e.reason), s.cell),
                  Paragraph(uk_date(e.starts_on), s.cell),
                  Paragraph(uk_date(e.ends_on) if e.ends_on else "Open", s.cell)]
                 for e in request.exceptions]
        story += [_heading("Exceptions to the time limits", level=3),
                  theme.grid(rows, [34 * mm, None, 24 * mm, 24 * mm])]
    if request.notes.strip():
        story += [_heading("Notes", level=3), Paragraph(markup(request.notes), s.body)]
    return story


def _plan(plan: PlanRecord) -> list[Flowable]:
    s = theme.styles(BODY_SIZE)
    facts = [
        ("Issued", uk_date(plan.issued_on)),
        ("Local authority", markup(plan.local_authority) or "Not recorded"),
        ("Ceased", uk_date(plan.ceased_on) if plan.ceased_on else "In force"),
    ]
    if plan.sections_summary.strip():
        facts.append(("Summary", markup(plan.sections_summary)))
    story: list[Flowable] = [_heading(f"EHC plan issued {uk_date(plan.issued_on)}"),
                             theme.fact_table(facts, BODY_SIZE)]
    if not plan.reviews:
        return [*story, Paragraph("No annual review has been held yet.", s.muted)]
    rows = [[Paragraph(h, s.cell_head) for h in ("Meeting", "Invitations sent",
                                                   "Advice circulated", "Report sent",
                                                   "LA decision", "Amended plan")]]
    for review in sorted(plan.reviews, key=lambda r: r.meeting_on):
        decision = uk_date(review.la_decision_on) if review.la_decision_on else ""
        if review.la_decision:
            decision = f"{markup(review.la_decision.capitalize())}<br/>{decision}"
        dates = (review.meeting_on, review.invitations_sent_on, review.advice_circulated_on,
                 review.report_sent_on)
        rows.append([*(Paragraph(uk_date(d) if d else "", s.cell) for d in dates),
                     Paragraph(decision, s.cell),
                     Paragraph(uk_date(review.amended_plan_issued_on)
                               if review.amended_plan_issued_on else "", s.cell)])
    return [*story, _heading("Annual reviews", level=3), theme.grid(rows, [None] * 6)]
