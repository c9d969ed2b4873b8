"""A dated list of everything that happened in a pupil's EHC needs assessment and plan, as a
tribunal bundle's chronology sets it out: one line per event, oldest first, each with its source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sencodesk.domain.clock import Milestone, MilestoneStatus
from sencodesk.domain.clock.annual_review import (
    LA_DECISION_WEEKS,
    NOTICE,
    estimated_completion,
    review_period_end,
)
from sencodesk.domain.clock.calendar import weeks_after
from sencodesk.domain.clock.rules import citation
from sencodesk.domain.dates import uk
from sencodesk.domain.ehcp_records import AnnualReviewRecord, PlanRecord, RequestRecord

_DONE = frozenset({MilestoneStatus.DONE_ON_TIME, MilestoneStatus.DONE_LATE,
                   MilestoneStatus.EXCEPTION})


@dataclass(frozen=True)
class ChronologyEvent:
    on: date
    event: str
    #: The rule it answers to, or where the fact comes from ("school record").
    source: str
    #: "Due 11/10/2022: on time", "Due …: 3 days late"; "" when there is no deadline.
    timeliness: str = ""


def _verdict(due: date, done_on: date, *, excused: bool = False) -> str:
    late = (done_on - due).days
    verdict = "on time" if late <= 0 else f"{late} day{'s' if late != 1 else ''} late"
    if late > 0 and excused:
        verdict += " (exception recorded)"
    return f"Due {uk(due)}: {verdict}"


def _timeliness(milestone: Milestone) -> str:
    if milestone.done_on is None:
        return ""
    if milestone.is_practice:  # a target, never written (or drawn) as a breach
        after = (milestone.done_on - milestone.due).days
        return (f"Target {uk(milestone.due)}: "
                + ("met" if after <= 0 else f"{after} day{'s' if after != 1 else ''} after it "
                   "(practice target, not a breach)"))
    return _verdict(milestone.due, milestone.done_on,
                    excused=milestone.status is MilestoneStatus.EXCEPTION)


#: What happened when a milestone was met, said as the event it is (the milestone's own label
#: says what is due, not what was done).
_EVENTS = {
    "decision_to_assess": "LA notified its decision whether to carry out an EHC needs "
                          "assessment",
    "advice_due": "Advice received from those asked",
    "decision_not_to_issue": "LA notified the family that it will not issue an EHC plan",
    "draft_target": "Draft EHC plan served",
    "final_plan": "Final EHC plan issued",
}
_DECISION_TO_ASSESS = {"refused to assess": ": it will not assess",
                       "assessing": ": it will assess", "not issued": ": it will assess",
                       "plan issued": ": it will assess"}
#: Milestones whose "done" is the same fact as an event already listed (the draft served, the
#: plan issued): their timeliness goes on that event instead of a second line.
_SAME_FACT = {"draft_target": _EVENTS["draft_target"], "final_plan": _EVENTS["final_plan"]}


def request_events(request: RequestRecord,
                   milestones: Sequence[Milestone]) -> list[ChronologyEvent]:
    """The facts of one request: received, advice asked and received, each milestone met (with
    its due date and rule), exceptions recorded, draft served and the outcome."""
    events = [ChronologyEvent(request.received_on,
                              "Request for an EHC needs assessment received by the local "
                              "authority" + (f" (from {request.requested_by})"
                                             if request.requested_by else ""),
                              citation("decision_to_assess"))]
    for advice in request.advice:
        events.append(ChronologyEvent(advice.asked_on, f"Advice asked of {advice.source}",
                                      citation("advice_due")))
        if advice.received_on:
            events.append(ChronologyEvent(advice.received_on,
                                          f"Advice received from {advice.source}",
                                          citation("advice_due")))
    for exception in request.exceptions:
        until = f" until {uk(exception.ends_on)}" if exception.ends_on else ""
        events.append(ChronologyEvent(exception.starts_on,
                                      f"Exception to the time limits: {exception.reason}{until}",
                                      exception.regulation))
    for milestone in milestones:
        if milestone.done_on is None or milestone.status not in _DONE \
                or milestone.id not in _EVENTS:
            continue  # a window that closed, or a step not yet taken, is no event
        if milestone.id == "decision_not_to_issue" and milestone.id not in request.done:
            continue  # settled by the draft served: the LA is issuing a plan, not refusing
        text = _EVENTS[milestone.id]
        if milestone.id == "decision_to_assess":
            text += _DECISION_TO_ASSESS.get(request.outcome, "")
        events.append(ChronologyEvent(milestone.done_on, text, milestone.rule,
                                      _timeliness(milestone)))
    if request.draft_served_on and not any(e.event == _SAME_FACT["draft_target"]
                                           for e in events):
        events.append(ChronologyEvent(request.draft_served_on, _SAME_FACT["draft_target"],
                                      citation("draft_comments_end")))
    return events


_LA_DECISIONS = {"maintain": "maintain the plan as it is", "amend": "amend the plan",
                 "cease": "cease to maintain the plan"}


def _review_events(review: AnnualReviewRecord, anchor: date) -> list[ChronologyEvent]:
    """One review's steps, each with the date it was due (counted as the clock counts it)."""
    meeting = review.meeting_on
    latest = review_period_end(anchor) - timedelta(weeks=LA_DECISION_WEEKS)
    of = f"the annual review meeting of {uk(meeting)}"
    decision = (f"LA notified its decision after {of}: "
                + _LA_DECISIONS.get(review.la_decision or "",
                                    "decision not recorded (maintain, amend or cease)"))
    decision_due = min(review_period_end(anchor), weeks_after(meeting, LA_DECISION_WEEKS))
    steps: tuple[tuple[date | None, str, str, date | None], ...] = (
        (review.invitations_sent_on, f"Invitations sent to {of}", citation("review_invitations"),
         meeting - NOTICE),
        (review.advice_circulated_on, f"Advice and information circulated for {of}",
         citation("review_advice"), meeting - NOTICE),
        (meeting, "Annual review meeting held", citation("review_meeting"), latest),
        (review.report_sent_on, f"Report of {of} sent to the LA and everyone invited",
         citation("review_report"), meeting + NOTICE),
        (review.la_decision_on, decision, citation("review_la_decision"), decision_due),
        (review.amendments_proposed_on, "LA sent the proposed amendments to the plan",
         "Reg 22(2)(a)", None),
        (review.amended_plan_issued_on, "Amended EHC plan issued", citation("amended_plan"),
         weeks_after(review.amendments_proposed_on, 8) if review.amendments_proposed_on
         else None),
    )
    return [ChronologyEvent(on, text, source, _verdict(due, on) if due else "")
            for on, text, source, due in steps if on]


def plan_events(plan: PlanRecord, *, issue_listed: bool = False) -> list[ChronologyEvent]:
    """The plan's issue (unless its request already lists it), each annual review's steps
    (each 12 months counted from the plan's issue or the last review's completion),
    amendments and cessation."""
    events = [] if issue_listed else [ChronologyEvent(
        plan.issued_on, _SAME_FACT["final_plan"]
        + (f" by {plan.local_authority}" if plan.local_authority else ""), citation("final_plan"))]
    anchor = plan.issued_on
    for review in sorted(plan.reviews, key=lambda r: r.meeting_on):
        events += _review_events(review, anchor)
        anchor = review.la_decision_on or estimated_completion(review.meeting_on)
    if plan.ceased_on:
        events.append(ChronologyEvent(plan.ceased_on, "EHC plan ceased to be maintained",
                                      "school record"))
    return events


def chronology(requests: Sequence[tuple[RequestRecord, Sequence[Milestone]]],
               plans: Sequence[PlanRecord]) -> list[ChronologyEvent]:
    """Every event of every request and plan, oldest first (stable for events on one day)."""
    events: list[ChronologyEvent] = []
    for request, milestones in requests:
        events += request_events(request, milestones)
    issued = {e.on for e in events if e.event == _SAME_FACT["final_plan"]}
    for plan in plans:
        events += plan_events(plan, issue_listed=plan.issued_on in issued)
    return sorted(events, key=lambda e: e.on)
