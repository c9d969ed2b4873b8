"""EHC needs assessment requests, EHC plans and their annual reviews.

Due dates are never stored: the statutory clock computes them from these facts, so a
correction to a date moves every milestone that hangs from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlmodel import Session, col, select

from sencodesk.domain import validation
from sencodesk.domain.clock.phase_transfer import Destination
from sencodesk.domain.codes import LaDecision, RequestOutcome
from sencodesk.domain.dates import uk
from sencodesk.domain.ehcp_records import (
    AdviceRecord,
    AnnualReviewRecord,
    ExceptionRecord,
    PlanRecord,
    RequestRecord,
)
from sencodesk.domain.errors import NotFound, ValidationError
from sencodesk.domain.permissions import Permission
from sencodesk.services import audit, pupils, versions
from sencodesk.services.context import Desk
from sencodesk.store.tables import (
    AnnualReview,
    EhcpAdvice,
    EhcpException,
    EhcPlan,
    EhcpMilestoneDone,
    EhcpRequest,
    Pupil,
)

#: Regulations under which the LA need not meet the time limits (SEND-RULES.md).
EXCEPTION_REGULATIONS = ("Reg 5(4)", "Reg 8(2)", "Reg 10(4)(a)", "Reg 10(4)(b)", "Reg 10(4)(c)",
                         "Reg 10(4)(d)", "Reg 13(3)")


@dataclass(frozen=True)
class ReviewFields:
    meeting_on: date
    invitations_sent_on: date | None = None
    advice_circulated_on: date | None = None
    report_sent_on: date | None = None
    la_decision: LaDecision | None = None
    la_decision_on: date | None = None
    amendments_proposed_on: date | None = None
    amended_plan_issued_on: date | None = None
    notes: str = ""


def _pupil(session: Session, pupil_id: int) -> Pupil:
    """The pupil, if their file is still open: a leaver's file is read-only."""
    return pupils.editable(session, pupil_id)


def _request(session: Session, request_id: int) -> EhcpRequest:
    """The request, to change it: refused once the pupil has left."""
    row = session.get(EhcpRequest, request_id)
    if row is None:
        raise NotFound(f"There is no EHC needs assessment request with id {request_id}.")
    pupils.editable(session, row.pupil_id)
    return row


Code = TypeVar("Code", RequestOutcome, LaDecision)


def _choice(codes: type[Code], value: str, field: str) -> Code:
    try:
        return codes(value)
    except ValueError:
        raise ValidationError(field, "choose one of: " + ", ".join(c.value for c in codes)
                              ) from None


def _not_future(desk: Desk, field: str, value: date | None) -> None:
    if value is not None and value > desk.today():
        raise ValidationError(field, f"{uk(value)} is in the future")


def open_request(desk: Desk, pupil_id: int, *, received_on: date, requested_by: str = "",
                 local_authority: str = "", notes: str = "") -> int:
    """Record a request; the statutory clock starts on the day the LA received it."""
    _not_future(desk, "date received", received_on)
    with desk.unit(Permission.EDIT_EHCP) as session:
        pupil = _pupil(session, pupil_id)
        if received_on < pupil.dob:
            raise ValidationError("date received", "is before the pupil was born")
        row = EhcpRequest(
            pupil_id=pupil_id, received_on=received_on,
            requested_by=validation.text("requested by", requested_by, max_length=120),
            local_authority=validation.text("local authority", local_authority, max_length=120),
            notes=validation.text("notes", notes),
        )
        session.add(row)
        session.flush()
        audit.record(session, desk.actor, "create", "ehcp request", entity_id=row.id,
                     pupil_id=pupil_id, summary=f"received by LA {uk(received_on)}")
        assert row.id is not None
        return row.id


def _claim_request(session: Session, request: EhcpRequest, opened_version: int | None) -> None:
    versions.claim(session, request, opened_version, what="EHC needs assessment request",
                   entities=("ehcp request", "ehcp milestone"), entity_id=request.id)


def mark_done(desk: Desk, request_id: int, milestone_id: str, done_on: date,
              note: str = "", *, opened_version: int | None = None) -> None:
    """Record the actual date a milestone happened (replacing an earlier entry). From a
    form, ``opened_version`` is the request's version it showed (services.versions)."""
    _not_future(desk, "date done", done_on)
    with desk.unit(Permission.EDIT_EHCP) as session:
        request = _request(session, request_id)
        _claim_request(session, request, opened_version)
        if done_on < request.received_on:
            raise ValidationError("date done", "is before the request was received")
        existing = session.exec(select(EhcpMilestoneDone).where(
            EhcpMilestoneDone.request_id == request_id,
            EhcpMilestoneDone.milestone_id == milestone_id)).first()
        old = existing.done_on.isoformat() if existing else None
        row = existing or EhcpMilestoneDone(request_id=request_id, milestone_id=milestone_id,
                                            done_on=done_on)
        row.done_on, row.note = done_on, validation.text("note", note, max_length=1000)
        if milestone_id == "draft_target":
            request.draft_served_on = done_on
        if milestone_id == "final_plan":
            request.outcome = RequestOutcome.PLAN_ISSUED.value
        session.add_all([row, request])
        audit.record(session, desk.actor, "update", "ehcp milestone", entity_id=request_id,
                     pupil_id=request.pupil_id,
                     changed={milestone_id: [old, done_on.isoformat()]})


def set_outcome(desk: Desk, request_id: int, outcome: RequestOutcome, *,
                opened_version: int | None = None) -> None:
    """Where the request stands now (e.g. the LA refused to assess)."""
    chosen = _choice(RequestOutcome, outcome, "outcome")
    with desk.unit(Permission.EDIT_EHCP) as session:
        request = _request(session, request_id)
        _claim_request(session, request, opened_version)
        old, request.outcome = request.outcome, chosen.value
        session.add(request)
        audit.record(session, desk.actor, "update", "ehcp request", entity_id=request_id,
                     pupil_id=request.pupil_id, changed={"outcome": [old, chosen.value]})


def add_advice(desk: Desk, request_id: int, *, source: str, asked_on: date,
               received_on: date | None = None) -> int:
    """Advice asked of someone; it is due six weeks after asking (Reg 8(1))."""
    validation.period(asked_on, received_on, start_field="date asked",
                      end_field="date received")
    with desk.unit(Permission.EDIT_EHCP) as session:
        request = _request(session, request_id)
        row = EhcpAdvice(request_id=request_id, asked_on=asked_on, received_on=received_on,
                         source=validation.text("advice from", source, max_length=120,
                                                required=True))
        session.add(row)
        session.flush()
        audit.record(session, desk.actor, "create", "ehcp advice", entity_id=row.id,
                     pupil_id=request.pupil_id, summary=f"advice asked of {row.source}")
        assert row.id is not None
        return row.id


def record_exception(desk: Desk, request_id: int, *, regulation: str, reason: str,
                     starts_on: date, ends_on: date | None = None,
                     milestone_id: str | None = None) -> int:
    """An exception to the time limits. It does not move a statutory date; the overdue
    milestone shows 'exception recorded' instead of a breach."""
    if regulation not in EXCEPTION_REGULATIONS:
        raise ValidationError("regulation", f"choose one of: {', '.join(EXCEPTION_REGULATIONS)}")
    validation.period(starts_on, ends_on, start_field="exception start",
                      end_field="exception end")
    with desk.unit(Permission.EDIT_EHCP) as session:
        request = _request(session, request_id)
        row = EhcpException(request_id=request_id, regulation=regulation,
                            reason=validation.text("reason", reason, max_length=1000,
                                                   required=True),
                            starts_on=starts_on, ends_on=ends_on, milestone_id=milestone_id)
        session.add(row)
        session.flush()
        audit.record(session, desk.actor, "create", "ehcp exception", entity_id=row.id,
                     pupil_id=request.pupil_id, summary=f"{regulation}: {row.reason}")
        assert row.id is not None
        return row.id


def requests_for(desk: Desk, pupil_ids: Sequence[int] | None) -> dict[int, list[RequestRecord]]:
    """Requests per pupil (None: the whole school), newest first."""
    with desk.unit(Permission.READ_EHCP) as session:
        query = select(EhcpRequest).order_by(col(EhcpRequest.received_on).desc())
        if pupil_ids is not None:
            query = query.where(col(EhcpRequest.pupil_id).in_(list(pupil_ids)))
        rows = list(session.exec(query))
        ids = [r.id for r in rows]
        done: dict[int, dict[str, date]] = {}
        for d in session.exec(select(EhcpMilestoneDone)
                              .where(col(EhcpMilestoneDone.request_id).in_(ids))):
            done.setdefault(d.request_id, {})[d.milestone_id] = d.done_on
        advice: dict[int, list[AdviceRecord]] = {}
        for a in session.exec(select(EhcpAdvice).where(col(EhcpAdvice.request_id).in_(ids))):
            advice.setdefault(a.request_id, []).append(
                AdviceRecord(a.id or 0, a.source, a.asked_on, a.received_on))
        exceptions: dict[int, list[ExceptionRecord]] = {}
        for e in session.exec(select(EhcpException)
                              .where(col(EhcpException.request_id).in_(ids))):
            exceptions.setdefault(e.request_id, []).append(ExceptionRecord(
                e.id or 0, e.regulation, e.reason, e.starts_on, e.ends_on, e.milestone_id))
        result: dict[int, list[RequestRecord]] = {}
        for r in rows:
            assert r.id is not None
            result.setdefault(r.pupil_id, []).append(RequestRecord(
                id=r.id, pupil_id=r.pupil_id, received_on=r.received_on,
                requested_by=r.requested_by, local_authority=r.local_authority,
                draft_served_on=r.draft_served_on, outcome=RequestOutcome(r.outcome), notes=r.notes,
                done=done.get(r.id, {}), advice=tuple(advice.get(r.id, ())),
                exceptions=tuple(exceptions.get(r.id, ())), version=r.version))
        return result


def add_plan(desk: Desk, pupil_id: int, *, issued_on: date, local_authority: str = "",
             request_id: int | None = None, sections_summary: str = "") -> int:
    """Record an issued EHC plan; the first annual review falls due 12 months later."""
    _not_future(desk, "date issued", issued_on)
    with desk.unit(Permission.EDIT_EHCP) as session:
        pupil = _pupil(session, pupil_id)
        if issued_on < pupil.dob:
            raise ValidationError("date issued", "is before the pupil was born")
        row = EhcPlan(pupil_id=pupil_id, issued_on=issued_on, request_id=request_id,
                      local_authority=validation.text("local authority", local_authority,
                                                      max_length=120),
                      sections_summary=validation.text("plan summary", sections_summary,
                                                       max_length=20_000))
        session.add(row)
        session.flush()
        audit.record(session, desk.actor, "create", "ehc plan", entity_id=row.id,
                     pupil_id=pupil_id, summary=f"plan issued {uk(issued_on)}")
        assert row.id is not None
        return row.id


def set_destination(desk: Desk, plan_id: int, destination: str | None, *,
                    opened_version: int | None = None) -> None:
    """Record where the pupil goes at the next move; it decides the Reg 18 date."""
    if destination is not None and destination not in {d.value for d in Destination}:
        raise ValidationError("destination", "choose own sixth form, another school or "
                              "a college, post-16 institution or apprenticeship")
    with desk.unit(Permission.EDIT_EHCP) as session:
        plan = session.get(EhcPlan, plan_id)
        if plan is None:
            raise NotFound(f"There is no EHC plan with id {plan_id}.")
        versions.claim(session, plan, opened_version, what="EHC plan", entities=("ehc plan",),
                       entity_id=plan_id)
        before = plan.transfer_destination
        plan.transfer_destination = destination
        session.add(plan)
        audit.record(session, desk.actor, "update", "ehc plan", entity_id=plan_id,
                     pupil_id=plan.pupil_id,
                     changed={"transfer_destination": [before, destination]})


def _check_review(fields: ReviewFields) -> None:
    if fields.la_decision is not None:
        _choice(LaDecision, fields.la_decision, "LA decision")
    for name in ("report_sent_on", "la_decision_on", "amendments_proposed_on"):
        value = getattr(fields, name)
        if value is not None and value < fields.meeting_on:
            raise ValidationError(name.replace("_", " "), "is before the review meeting")
    if fields.amended_plan_issued_on and fields.amendments_proposed_on:
        validation.period(fields.amendments_proposed_on, fields.amended_plan_issued_on,
                          start_field="amendments proposed",
                          end_field="amended plan issued")


def record_review(desk: Desk, plan_id: int, fields: ReviewFields,
                  review_id: int | None = None, *, opened_version: int | None = None) -> int:
    """Add an annual review of a plan, or update one as its dates become known. Updating
    from a form, ``opened_version`` is the review's version it showed (services.versions)."""
    _check_review(fields)
    with desk.unit(Permission.EDIT_EHCP) as session:
        plan = session.get(EhcPlan, plan_id)
        if plan is None:
            raise NotFound(f"There is no EHC plan with id {plan_id}.")
        pupils.editable(session, plan.pupil_id)
        if fields.meeting_on < plan.issued_on:
            raise ValidationError("meeting date", "is before the plan was issued")
        row = session.get(AnnualReview, review_id) if review_id else None
        if review_id and (row is None or row.plan_id != plan_id):
            raise NotFound(f"There is no annual review with id {review_id} on this plan.")
        before = row.model_dump(exclude={"version"}) if row else {}
        if row is not None:
            versions.claim(session, row, opened_version, what="annual review",
                           entities=("annual review",), entity_id=review_id)
        row = row or AnnualReview(plan_id=plan_id, meeting_on=fields.meeting_on)
        for name, value in fields.__dict__.items():
            setattr(row, name, value.value if isinstance(value, LaDecision) else value)
        row.notes = validation.text("notes", fields.notes)
        session.add(row)
        session.flush()
        audit.record(session, desk.actor, "update" if before else "create", "annual review",
                     entity_id=row.id, pupil_id=plan.pupil_id,
                     changed=audit.changes(before, row.model_dump(exclude={"version"})))
        assert row.id is not None
        return row.id


def plans_for(desk: Desk, pupil_ids: Sequence[int] | None) -> dict[int, list[PlanRecord]]:
    """Plans per pupil (None: the whole school), newest first, with their annual reviews."""
    with desk.unit(Permission.READ_EHCP) as session:
        query = select(EhcPlan).order_by(col(EhcPlan.issued_on).desc())
        if pupil_ids is not None:
            query = query.where(col(EhcPlan.pupil_id).in_(list(pupil_ids)))
        plans = list(session.exec(query))
        reviews: dict[int, list[AnnualReviewRecord]] = {}
        for r in session.exec(select(AnnualReview)
                              .where(col(AnnualReview.plan_id).in_([p.id for p in plans]))
                              .order_by(col(AnnualReview.meeting_on))):
            reviews.setdefault(r.plan_id, []).append(AnnualReviewRecord(
                r.id or 0, r.plan_id, r.meeting_on, r.invitations_sent_on,
                r.advice_circulated_on, r.report_sent_on,
                LaDecision(r.la_decision) if r.la_decision else None, r.la_decision_on,
                r.amendments_proposed_on, r.amended_plan_issued_on, r.notes, r.version))
        result: dict[int, list[PlanRecord]] = {}
        for p in plans:
            assert p.id is not None
            result.setdefault(p.pupil_id, []).append(PlanRecord(
                p.id, p.pupil_id, p.request_id, p.issued_on, p.local_authority,
                p.sections_summary, p.document_sha256, p.ceased_on,
                tuple(reviews.get(p.id, ())), p.transfer_destination, p.version))
        return result
