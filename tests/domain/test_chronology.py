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
    decision = next(e for e in events if e.event.startswith("LA notified its decision whether"))
    assert decision.event.endswith(": it will assess")
    # 6 weeks after 05/01/2026 is 16/02/2026; done on 20/02 is four days late.
    assert decision.source == "Reg 5(1)"
    assert decision.timeliness == "Due 16/02/2026: 4 days late"
    advice = [e for e in events if "Educational psychologist" in e.event]
    assert [e.on for e in advice] == [date(2026, 2, 23), date(2026, 3, 30)]


def test_the_draft_and_the_final_plan_appear_once_each() -> None:
    request = _request()
    events = chronology([(request, _milestones(request))], [_plan()])
    drafts = [e for e in events if e.event.startswith("Draft EHC plan served")]
    # week 14 after 05/01/2026 is 13/04/2026; served 06/04/2026: the practice target was met
    assert [d.timeliness for d in drafts] == ["Target 13/04/2026: met"]
    issued = [e for e in events if e.event.startswith("Final EHC plan issued")]
    assert len(issued) == 1
    assert issued[0].timeliness == "Due 25/05/2026: on time"
    assert issued[0].source == "Reg 13(2)"
    # the draft served settles the 16-week refusal notice; it is not listed as a refusal
    assert not any("will not issue" in e.event or "Reg 10(1)" in e.source for e in events)


def test_a_refusal_to_issue_is_listed_as_one() -> None:
    request = _request(draft_served_on=None, outcome="not issued",
                       done={"decision_to_assess": date(2026, 2, 13),
                             "decision_not_to_issue": date(2026, 4, 20)})
    events = chronology([(request, _milestones(request))], [])
    refusal = next(e for e in events if "will not issue" in e.event)
    # 16 weeks after 05/01/2026 = 27/04/2026: notified 20/04/2026, on time
    assert (refusal.event, refusal.source, refusal.timeliness) == (
        "LA notified the family that it will not issue an EHC plan", "Reg 10(1)",
        "Due 27/04/2026: on time")


def test_a_plan_from_elsewhere_lists_its_issue_and_reviews() -> None:
    review = AnnualReviewRecord(1, 1, date(2027, 5, 10), date(2027, 4, 20), date(2027, 4, 26),
                                date(2027, 5, 20), LaDecision.AMEND, date(2027, 6, 1),
                                date(2027, 6, 1), date(2027, 7, 20), "")
    events = chronology([], [_plan((review,))])
    texts = [e.event for e in events]
    assert texts[0] == "Final EHC plan issued by Riverside"
    assert "Annual review meeting held" in texts
    of = "the annual review meeting of 10/05/2027"
    assert f"LA notified its decision after {of}: amend the plan" in texts
    assert texts[-1] == "Amended EHC plan issued"
    by_text = {e.event: e for e in events}
    assert by_text["Amended EHC plan issued"].source == "Reg 22(3)"
    # amendments sent 01/06/2027 + 8 weeks = 27/07/2027: issued 20/07/2027, on time
    assert by_text["Amended EHC plan issued"].timeliness == "Due 27/07/2027: on time"
    assert by_text[f"Invitations sent to {of}"].source == "Reg 20(3)"
    # invitations due 10/05 - 14 days = 26/04/2027: sent 20/04, on time
    assert by_text[f"Invitations sent to {of}"].timeliness == "Due 26/04/2027: on time"
    # issued 18/05/2026: 12 months end 17/05/2027, meeting by 17/05 - 28 = 19/04/2027
    assert by_text["Annual review meeting held"].timeliness == "Due 19/04/2027: 21 days late"
    # report due 10/05 + 14 = 24/05/2027; sent 20/05
    assert by_text[f"Report of {of} sent to the LA and everyone invited"].timeliness == \
        "Due 24/05/2027: on time"
    assert by_text["LA sent the proposed amendments to the plan"].source == "Reg 22(2)(a)"


def test_an_exception_is_listed_and_excuses_lateness() -> None:
    exception = ExceptionRecord(1, "Reg 10(4)(d)", "family abroad", date(2026, 1, 20),
                                date(2026, 3, 1), None)
    request = _request(exceptions=(exception,))
    from sencodesk.domain.clock import RecordedException

    milestones = ehcp_timeline(request.received_on, today=TODAY,
                               draft_served_on=request.draft_served_on, done=request.done,
                               exceptions=[RecordedException("Reg 10(4)(d)", "family abroad",
                                                             date(2026, 1, 20),
                                                             date(2026, 3, 1))])
    assert any(m.status is MilestoneStatus.EXCEPTION for m in milestones)
    events = chronology([(request, milestones)], [])
    listed = next(e for e in events if e.event.startswith("Exception to the time limits"))
    assert "family abroad until 01/03/2026" in listed.event and listed.source == "Reg 10(4)(d)"
    decision = next(e for e in events if e.event.startswith("LA notified its decision whether"))
    assert decision.timeliness.endswith("4 days late (exception recorded)")


def test_a_draft_served_after_week_14_is_not_called_late() -> None:
    request = _request(draft_served_on=date(2026, 4, 27))
    events = chronology([(request, _milestones(request))], [])
    draft = next(e for e in events if e.event == "Draft EHC plan served")
    # week 14 = 13/04/2026; served 27/04/2026, 14 days after: a practice target, not a breach
    assert draft.timeliness == ("Target 13/04/2026: 14 days after it (practice target, not a "
                                "breach)")
    assert "late" not in draft.timeliness
