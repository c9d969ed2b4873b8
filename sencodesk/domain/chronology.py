"""A dated list of everything that happened in a pupil's EHC needs assessment and plan, as a
tribunal bundle's chronology sets it out: one line per event, oldest first, each with its source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sencodesk.domain.clock import Milestone, MilestoneStatus
from sencodesk.domain.clock.rules import citation
from sencodesk.domain.ehcp_records import PlanRecord, RequestRecord

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


def _timeliness(milestone: Milestone) -> str:
    if milestone.done_on is None:
        return ""
    late = (milestone.done_on - milestone.due).days
    verdict = "on time" if late <= 0 else f"{late} day{'s' if late != 1 else ''} late"
    if late > 0 and milestone.status is MilestoneStatus.EXCEPTION:
        verdict += " (exception recorded)"
    return f"Due {milestone.due:%d/%m/%Y}: {verdict}"


#: Milestones whose "done" is the same fact as an event already listed (the draft served, the
#: plan issued): their timeliness goes on that event instead of a second line.
_SAME_FACT = {"draft_target": "Draft EHC plan served", "final_plan": "Final EHC plan issued"}


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
        until = f" until {exception.ends_on:%d/%m/%Y}" if exception.ends_on else ""
        events.append(ChronologyEvent(exception.starts_on,
                                      f"Exception to the time limits: {exception.reason}{until}",
                                      exception.regulation))
    for milestone in milestones:
        if milestone.done_on is not None and milestone.status in _DONE \
                and milestone.note != "the window has closed":
            events.append(ChronologyEvent(
                milestone.done_on, _SAME_FACT.get(milestone.id, milestone.label),
                milestone.rule, _timeliness(milestone)))
    if request.draft_served_on and not any(e.event == _SAME_FACT["draft_target"]
                                           for e in events):
        events.append(ChronologyEvent(request.draft_served_on, _SAME_FACT["draft_target"],
                                      citation("draft_comments_end")))
    return events


def plan_events(plan: PlanRecord, *, issue_listed: bool = False) -> list[ChronologyEvent]:
    """The plan's issue (unless its request already lists it), each annual review's steps,
    amendments and cessation."""
    events = [] if issue_listed else [ChronologyEvent(
        plan.issued_on, _SAME_FACT["final_plan"]
        + (f" by {plan.local_authority}" if plan.local_authority else ""), citation("final_plan"))]
    for review in sorted(plan.reviews, key=lambda r: r.meeting_on):
        held = f"annual review of {review.meeting_on:%d/%m/%Y}"
        steps = (
            (review.invitations_sent_on, f"Invitations sent for the {held}",
             citation("review_invitations")),
            (review.advice_circulated_on, f"Advice circulated for the {held}",
             citation("review_advice")),
            (review.meeting_on, "Annual review meeting held", citation("review_meeting")),
            (review.report_sent_on, f"Review report sent after the {held}",
             citation("review_report")),
            (review.la_decision_on,
             f"Local authority decided to {review.la_decision or 'decide'} the plan",
             citation("review_la_decision")),
            (review.amendments_proposed_on, "Amendments to the plan proposed",
             citation("amendment_comments_end")),
            (review.amended_plan_issued_on, "Amended EHC plan issued", citation("amended_plan")),
        )
        events += [ChronologyEvent(on, text, source) for on, text, source in steps if on]
    if plan.ceased_on:
        events.append(ChronologyEvent(plan.ceased_on, "EHC plan ceased",
                                      citation("review_la_decision")))
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
