"""The EHCP chronology: every dated fact once, oldest first, each with its rule."""

from __future__ import annotations

from datetime import date

from sencodesk.domain.chronology import chronology
from sencodesk.domain.clock import MilestoneStatus, ehcp_timeline
from sencodesk.domain.codes import LaDecision, RequestOutcome
from sencodesk.domain.ehcp_records import (
    AdviceRecord,
    AnnualReviewRecord,
    ExceptionRecord,
    PlanRecord,
    RequestRecord,
)

TODAY = date(2026, 11, 22)


def _request(**changes: object) -> RequestRecord:
    values: dict[str, object] = {
        "id": 1, "pupil_id": 1, "received_on": date(2026, 1, 5), "requested_by": "School",
        "local_authority": "Riverside", "draft_served_on": date(2026, 4, 6),
        "outcome": RequestOutcome.PLAN_ISSUED, "notes": "",
        "done": {"decision_to_assess": date(2026, 2, 20), "final_plan": date(2026, 5, 18)},
        "advice": (AdviceRecord(1, "Educational psychologist", date(2026, 2, 23),
                                date(2026, 3, 30)),),
        "exceptions": (),
    }
    values.update(changes)
    return RequestRecord(**values)  # type: ignore[arg-type]


def _milestones(request: RequestRecord) -> list:  # type: ignore[type-arg]
    return ehcp_timeline(request.received_on, today=TODAY,
                         advice_asked_on=request.advice[0].asked_on if request.advice else None,
                         draft_served_on=request.draft_served_on, done=request.done)


def _plan(reviews: tuple[AnnualReviewRecord, ...] = ()) -> PlanRecord:
    return PlanRecord(1, 1, 1, date(2026, 5, 18), "Riverside", "", None, None, reviews)


def test_events_are_in_date_order_with_rules_and_lateness() -> None:
    request = _request()
    events = chronology([(request, _milestones(request))], [_plan()])
    assert [e.on for e in events] == sorted(e.on for e in events)
    first = events[0]
    assert first.on == date(2026, 1, 5) and "received" in first.event
    decision = next(e for e in events if e.event.startswith("LA decides whether to assess"))
    # 6 weeks after 05/01/2026 is 16/02/2026; done on 20/02 is four days late.
    assert decision.source == "Reg 5(1)"
    assert decision.timeliness == "Due 16/02/2026: 4 days late"
    advice = [e for e in events if "Educational psychologist" in e.event]
    assert [e.on for e in advice] == [date(2026, 2, 23), date(2026, 3, 30)]


def test_the_draft_and_the_final_plan_appear_once_each() -> None:
    request = _request()
    events = chronology([(request, _milestones(request))], [_plan()])
    assert sum(e.event.startswith("Draft EHC plan served") for e in events) == 1
    issued = [e for e in events if e.event.startswith("Final EHC plan issued")]
    assert len(issued) == 1
    assert issued[0].timeliness == "Due 25/05/2026: on time"
    assert issued[0].source == "Reg 13(2)"


def test_a_plan_from_elsewhere_lists_its_issue_and_reviews() -> None:
    review = AnnualReviewRecord(1, 1, date(2027, 5, 10), date(2027, 4, 20), date(2027, 4, 26),
                                date(2027, 5, 20), LaDecision.AMEND, date(2027, 6, 1),
                                date(2027, 6, 1), date(2027, 7, 20), "")
    events = chronology([], [_plan((review,))])
    texts = [e.event for e in events]
    assert texts[0] == "Final EHC plan issued by Riverside"
    assert "Annual review meeting held" in texts
    assert "Local authority decided to amend the plan" in texts
    assert texts[-1] == "Amended EHC plan issued"
    sources = {e.event: e.source for e in events}
    assert sources["Amended EHC plan issued"] == "Reg 22(3)"
    assert sources["Invitations sent for the annual review of 10/05/2027"] == "Reg 20(3)"


def test_an_exception_is_listed_and_excuses_lateness() -> None:
    exception = ExceptionRecord(1, "Reg 10(4)(b)", "family abroad", date(2026, 1, 20),
                                date(2026, 3, 1), None)
    request = _request(exceptions=(exception,))
    from sencodesk.domain.clock import RecordedException

    milestones = ehcp_timeline(request.received_on, today=TODAY,
                               draft_served_on=request.draft_served_on, done=request.done,
                               exceptions=[RecordedException("Reg 10(4)(b)", "family abroad",
                                                             date(2026, 1, 20),
                                                             date(2026, 3, 1))])
    assert any(m.status is MilestoneStatus.EXCEPTION for m in milestones)
    events = chronology([(request, milestones)], [])
    listed = next(e for e in events if e.event.startswith("Exception to the time limits"))
    assert "family abroad until 01/03/2026" in listed.event and listed.source == "Reg 10(4)(b)"
    decision = next(e for e in events if e.event.startswith("LA decides whether to assess"))
    assert decision.timeliness.endswith("4 days late (exception recorded)")
