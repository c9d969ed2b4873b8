"""The readable half of a subject access export: every record about one pupil, section by
section, every version included, ending with the audit trail of who did what and when."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from sencodesk.domain.dates import uk, uk_time
from sencodesk.domain.documents import SubjectAccessSheet
from sencodesk.domain.records import PASSPORT_HEADINGS
from sencodesk.reports import pages, theme
from sencodesk.reports.theme import Rendered, markup, uk_date

BODY_SIZE = 9.5


def render_subject_access(sheet: SubjectAccessSheet) -> Rendered:
    detail, row = sheet.pupil, sheet.pupil.row
    facts = [
        ("Legal name", markup(f"{detail.legal_forename} {detail.legal_surname}")),
        ("UPN", row.upn), *theme.pupil_facts(row),
        ("Joined", uk_date(detail.joined_on)),
        ("Left", uk_date(row.left_on) if row.left_on else "On roll"),
    ]
    if sheet.sent_to:
        kind = "SEN file for the next school"
        facts.append(("Sent to", markup(sheet.sent_to)))
        intro = (f"The SEN file {markup(sheet.meta.school)} held in sencodesk about this pupil "
                 f"on {uk(sheet.meta.produced_at)}, with every earlier version, for "
                 f"{markup(sheet.sent_to)}. The plans, reviews, Common Transfer File and "
                 "attached files are beside this PDF.")
    else:
        kind = "Subject access: everything held"
        intro = (f"All records {markup(sheet.meta.school)} holds in sencodesk about this pupil "
                 f"on {uk(sheet.meta.produced_at)}, with every earlier version (UK GDPR "
                 "Article 15). Attached files are in the documents folder beside this PDF.")
    story: list[Flowable] = theme.title_block(kind, markup(row.display_name), facts, intro,
                                              BODY_SIZE)
    story += _section("SEN status history", ("From", "To", "Status"),
                      [(uk_date(s.starts_on), uk_date(s.ends_on) if s.ends_on else "Now",
                        s.status.label) for s in detail.statuses])
    story += _section("Need history", ("From", "To", "Rank", "Need"),
                      [(uk_date(n.starts_on), uk_date(n.ends_on) if n.ends_on else "Now",
                        "Primary" if n.rank == 1 else "Secondary", n.need.label)
                       for n in detail.needs])
    story += _section("Parents and carers", ("Name", "Relationship", "Phone", "Email"),
                      [(p.name, p.relationship, p.phone, p.email) for p in detail.parents])
    story += _section("Other agencies", ("Agency", "Contact", "From", "To"),
                      [(a.name, a.contact, uk_date(a.started_on),
                        uk_date(a.ended_on) if a.ended_on else "Ongoing")
                       for a in detail.agencies])
    story += _passports(sheet)
    story += _cycles(sheet)
    story += _section("EHC needs assessment requests", ("Received", "Requested by", "Outcome",
                                                        "Steps recorded"),
                      [(uk_date(r.received_on), r.requested_by, r.outcome,
                        "; ".join(f"{k.replace('_', ' ')} {uk(d)}"
                                  for k, d in sorted(r.done.items(), key=lambda i: i[1])))
                       for r in sheet.requests])
    story += _section("EHC plans and annual reviews", ("Issued", "Local authority",
                                                       "Reviews held", "Ceased"),
                      [(uk_date(p.issued_on), p.local_authority,
                        ", ".join(f"{uk(r.meeting_on)}" for r in p.reviews),
                        uk_date(p.ceased_on) if p.ceased_on else "")
                       for p in sheet.plans])
    story += _section("Reports of annual review meetings",
                      ("Meeting", "Outcomes and progress", "Recommended amendments", "Views"),
                      [(uk(meeting), "; ".join(f"{o.outcome}: {o.progress}"
                                               for o in report.outcomes),
                        report.recommendations,
                        " ".join(v for v in (report.pupil_views, report.parent_views) if v))
                       for meeting, report in sheet.review_reports])
    story += _section("Contact log", ("Date", "Kind", "With", "Summary", "By"),
                      [(uk_date(c.occurred_on), c.kind, c.with_whom, c.summary, c.author)
                       for c in sheet.contacts])
    story += _section("Documents (files in the documents folder)",
                      ("Title", "File", "Dated", "Added", "Confidential"),
                      [(d.title, d.filename, uk_date(d.dated), f"{uk(d.added_at)}",
                        "Yes" if d.confidential else "No") for d, _ in sheet.documents])
    if not sheet.sent_to:
        story += _section("Audit trail: every change and export, newest first",
                          ("When", "Who", "Action", "What", "Summary"),
                          [(uk_time(e.at), e.actor, e.action, e.entity, e.summary)
                           for e in sheet.audit])
    pdf = pages.build_pdf(sheet.meta, story, subject=f"{kind}: {row.display_name}")
    return Rendered(pdf)


def _heading(text: str) -> Flowable:
    s = theme.styles(BODY_SIZE)
    return pages.heading_with_room(Paragraph(text, s.h2), 30 * mm)


def _section(title: str, head: Sequence[str],
             rows: Sequence[Sequence[str]]) -> list[Flowable]:
    s = theme.styles(BODY_SIZE)
    if not rows:
        return [_heading(title), Paragraph("None recorded.", s.muted)]
    data = [[Paragraph(h, s.cell_head) for h in head]]
    data += [[Paragraph(markup(str(cell)), s.cell) for cell in row] for row in rows]
    return [_heading(title), theme.grid(data, [None] * len(head))]


def _passports(sheet: SubjectAccessSheet) -> list[Flowable]:
    s = theme.styles(BODY_SIZE)
    story: list[Flowable] = [_heading("Pupil passport: every version, newest first")]
    if not sheet.passports:
        return [*story, Paragraph("None recorded.", s.muted)]
    for version in sheet.passports:
        story.append(Paragraph(
            f"Version {version.version}: written {uk_date(version.written_on)} by "
            f"{markup(version.author)}, review {uk_date(version.review_on)}", s.h3))
        for key, heading in PASSPORT_HEADINGS:
            text = getattr(version.content, key).strip()
            if text:
                story.append(Paragraph(f"<b>{markup(heading)}:</b> {markup(text)}", s.body))
    return story


def _cycles(sheet: SubjectAccessSheet) -> list[Flowable]:
    s = theme.styles(BODY_SIZE)
    story: list[Flowable] = [_heading("Support plans and reviews (APDR)")]
    if not sheet.cycles:
        return [*story, Paragraph("None recorded.", s.muted)]
    for cycle in sheet.cycles:
        state = (f"reviewed {uk_date(cycle.reviewed_on)}" if cycle.reviewed_on
                 else f"{cycle.status.value}, review due {uk_date(cycle.review_on)}")
        story.append(Paragraph(f"Plan from {uk_date(cycle.starts_on)} ({state})", s.h3))
        for outcome in cycle.outcomes:
            progress = outcome.progress.value if outcome.progress else "not yet reviewed"
            story.append(Paragraph(f"Outcome {outcome.position}: {markup(outcome.description)} "
                                   f"({progress})", s.body))
        for label, text in (("Areas of need", cycle.areas_of_need),
                            ("What we know", cycle.assess_notes),
                            ("Provision", ", ".join(cycle.interventions)),
                            ("Pupil's views", cycle.pupil_voice),
                            ("Parents' views", cycle.parent_voice),
                            ("Next steps", cycle.next_steps), ("At the review", cycle.attendees)):
            if text.strip():
                story.append(Paragraph(f"<b>{label}:</b> {markup(text)}", s.body))
    return story
