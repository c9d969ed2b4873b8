"""The school's paperwork for an annual review of an EHC plan: invitations, requests for
advice, views forms and the report of the meeting, drafted from the case file; the report is
saved as the SENCO edits it, and the day it was sent is recorded so the duty shows as done."""

from __future__ import annotations

import json
from datetime import date

from sqlmodel import Session, col, select

from sencodesk.domain import review_letters
from sencodesk.domain.clock.annual_review import PREPARING_FOR_ADULTHOOD_FROM
from sencodesk.domain.dates import uk
from sencodesk.domain.errors import NotFound, ValidationError
from sencodesk.domain.letters import Letter, LetterSet, ReviewPaper, greeting
from sencodesk.domain.permissions import Permission
from sencodesk.domain.review_paperwork import (
    ReviewReport,
    ReviewSheet,
    draft_report,
    review_dates,
)
from sencodesk.services import audit, cycles, letters, pupils, records_log, school, versions
from sencodesk.services.context import Desk, composite
from sencodesk.services.report_data import record_export
from sencodesk.store.tables import AnnualReview, AnnualReviewReport, EhcPlan

_CONTACT_KIND = "letter"


def _review(session: Session, review_id: int) -> tuple[AnnualReview, EhcPlan]:
    review = session.get(AnnualReview, review_id)
    plan = session.get(EhcPlan, review.plan_id) if review else None
    if review is None or plan is None:
        raise NotFound(f"There is no annual review with id {review_id}.")
    return review, plan


def _saved(session: Session, review_id: int) -> AnnualReviewReport | None:
    return session.exec(select(AnnualReviewReport)
                        .where(AnnualReviewReport.review_id == review_id)).first()


def review_for(desk: Desk, pupil_id: int, meeting_on: date | None = None) -> int:
    """The annual review of the pupil's latest EHC plan held (or booked) on ``meeting_on``, or
    its latest review."""
    with desk.unit(Permission.READ_EHCP) as session:
        plan = session.exec(select(EhcPlan).where(EhcPlan.pupil_id == pupil_id)
                            .order_by(col(EhcPlan.issued_on).desc())).first()
        if plan is None:
            raise NotFound("This pupil has no EHC plan recorded.")
        query = select(AnnualReview).where(AnnualReview.plan_id == plan.id)
        if meeting_on is not None:
            query = query.where(AnnualReview.meeting_on == meeting_on)
        review = session.exec(query.order_by(col(AnnualReview.meeting_on).desc())).first()
        if review is None or review.id is None:
            when = f" on {uk(meeting_on)}" if meeting_on else ""
            raise NotFound(f"No annual review{when} is recorded for this pupil's EHC plan: "
                           "record the meeting first.")
        return review.id


def reports_for(desk: Desk, pupil_id: int) -> tuple[tuple[date, ReviewReport], ...]:
    """Every saved report of the pupil's annual review meetings, oldest first."""
    with desk.unit(Permission.READ_EHCP) as session:
        rows = session.exec(
            select(col(AnnualReview.meeting_on), col(AnnualReviewReport.content))
            .join(AnnualReviewReport, col(AnnualReviewReport.review_id) == AnnualReview.id)
            .join(EhcPlan, col(EhcPlan.id) == AnnualReview.plan_id)
            .where(EhcPlan.pupil_id == pupil_id)
            .order_by(col(AnnualReview.meeting_on))).all()
    return tuple((meeting, ReviewReport.from_json(json.loads(content or "{}")))
                 for meeting, content in rows)


@composite(Permission.READ_EHCP, writes=False)
def sheet(desk: Desk, review_id: int) -> ReviewSheet:
    """Everything the review's papers are drawn from: the saved report, or a first draft of
    it from the support plans that ran since the last review."""
    with desk.unit(Permission.READ_EHCP) as session:
        review, plan = _review(session, review_id)
        earlier = session.exec(select(AnnualReview).where(
            AnnualReview.plan_id == plan.id,
            AnnualReview.meeting_on < review.meeting_on)).all()
        saved = _saved(session, review_id)
        report_version = saved.version if saved is not None else 0
        since = max((r.meeting_on for r in earlier), default=plan.issued_on)
        meeting_on, sent_on, la, issued = (review.meeting_on, review.report_sent_on,
                                           plan.local_authority, plan.issued_on)
        pupil_id = plan.pupil_id
    detail = pupils.get(desk, pupil_id)
    row, today = detail.row, desk.today()
    if saved is not None:
        report = ReviewReport.from_json(json.loads(saved.content or "{}"))
    else:
        report = draft_report(cycles.cycles_for(desk, pupil_id), since=since, until=meeting_on)
    agencies = tuple(a.name for a in detail.agencies
                     if a.ended_on is None or a.ended_on >= today)
    return ReviewSheet(
        pupil_id, review_id, row.display_name, row.forename, row.dob, row.year_group.label,
        row.year_group >= PREPARING_FOR_ADULTHOOD_FROM, school.get(desk).name, la, issued,
        review_dates(meeting_on), report, sent_on, desk.actor.name, desk.actor.role.label, today,
        greeting(detail.parents), agencies, report_version)


@composite(Permission.EXPORT, Permission.ADD_CONTACT)
def papers(desk: Desk, review_id: int, kind: ReviewPaper) -> LetterSet:
    """The letters or forms of ``kind`` for this review, on the letterhead. Invitations are
    recorded in the pupil's contact log as sent, and as the review's invitations date if none
    is recorded yet."""
    drawn = sheet(desk, review_id)
    today = desk.today()
    made: list[Letter]
    if kind is ReviewPaper.INVITATION:
        made = review_letters.invitations(drawn, today=today)
    elif kind is ReviewPaper.ADVICE_REQUEST:
        made = review_letters.advice_requests(drawn, today=today)
    else:
        made = review_letters.views_forms(drawn, today=today)
    if kind is ReviewPaper.INVITATION:
        records_log.add_contact(
            desk, drawn.pupil_id, occurred_on=today, kind=_CONTACT_KIND,
            with_whom=drawn.parents_greeting.removeprefix("Dear ").rstrip(","),
            summary=f"Letter sent: {kind.value} on {uk(drawn.dates.meeting_on)}")
        with desk.unit(Permission.EDIT_EHCP) as session:
            review, _plan = _review(session, review_id)
            if review.invitations_sent_on is None:
                versions.claim(session, review, None, what="annual review",
                               entities=("annual review",), entity_id=review_id)
                review.invitations_sent_on = today
                session.add(review)
                audit.record(session, desk.actor, "update", "annual review",
                             entity_id=review_id, pupil_id=drawn.pupil_id,
                             changed={"invitations_sent_on": [None, today.isoformat()]})
    record_export(desk, "annual review papers", pupil_id=drawn.pupil_id,
                  summary=f"{len(made)} × {kind.value}")
    return LetterSet(letters.letterhead(desk), tuple(made), desk.actor.name)


def save_report(desk: Desk, review_id: int, report: ReviewReport, *,
                opened_version: int | None = None) -> None:
    """Keep the report as the SENCO has written it (replacing the last saved one). With
    ``opened_version`` (the sheet's ``report_version`` the form showed), a save over someone
    else's newer report is refused (StaleEdit) rather than silently replacing it."""
    content = json.dumps(report.to_json(), ensure_ascii=False)
    if len(content) > 100_000:
        raise ValidationError("report", "is too long to keep: shorten the longest sections")
    with desk.unit(Permission.EDIT_EHCP) as session:
        review, plan = _review(session, review_id)
        pupils.editable(session, plan.pupil_id)
        row = _saved(session, review_id) or AnnualReviewReport(review_id=review_id, version=0)
        versions.claim(session, row, opened_version, what="annual review report",
                       entities=("annual review report",), entity_id=review_id)
        row.content, row.updated_on = content, desk.today()
        session.add(row)
        audit.record(session, desk.actor, "update", "annual review report",
                     entity_id=review_id, pupil_id=plan.pupil_id,
                     summary=f"report of the meeting on {uk(review.meeting_on)} saved")


@composite(Permission.EXPORT, writes=True)
def report_sheet(desk: Desk, review_id: int) -> ReviewSheet:
    """The review's report to print (the export audited)."""
    drawn = sheet(desk, review_id)
    record_export(desk, "annual review report", pupil_id=drawn.pupil_id,
                  summary=f"meeting {uk(drawn.dates.meeting_on)}")
    return drawn


def record_report_sent(desk: Desk, review_id: int, sent_on: date) -> None:
    """The day the report went to the LA and everyone invited (due within two weeks of the
    meeting, Reg 20): the Due page then shows the duty done, on time or late."""
    if sent_on > desk.today():
        raise ValidationError("date sent", f"{uk(sent_on)} is in the future")
    with desk.unit(Permission.EDIT_EHCP) as session:
        review, plan = _review(session, review_id)
        pupils.editable(session, plan.pupil_id)
        if sent_on < review.meeting_on:
            raise ValidationError("date sent", "is before the review meeting")
        before = review.report_sent_on
        versions.claim(session, review, None, what="annual review",
                       entities=("annual review",), entity_id=review_id)
        review.report_sent_on = sent_on
        session.add(review)
        audit.record(session, desk.actor, "update", "annual review", entity_id=review_id,
                     pupil_id=plan.pupil_id,
                     changed={"report_sent_on": [before.isoformat() if before else None,
                                                 sent_on.isoformat()]})
