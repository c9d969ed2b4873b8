"""The EHCP chronology PDF says what happened: each kind of event, read back from the PDF."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from factories import add_pupil
from pdf_checks import page_text

from sencodesk.domain.chronology import plan_events
from sencodesk.domain.codes import LaDecision, NeedType, RequestOutcome, SenStatus, YearGroup
from sencodesk.reports import render
from sencodesk.services import ehcp, report_data
from sencodesk.services.context import Desk


def _text(desk: Desk, pupil_id: int) -> str:
    pdf = render(report_data.ehcp_chronology(desk, pupil_id)).pdf
    return " ".join(" ".join(page_text(pdf)).split())


def test_every_kind_of_event_is_labelled_as_what_it_is(desk: Desk) -> None:
    pid = add_pupil(desk, status=SenStatus.EHCP, needs=(NeedType.ASD,),
                    year_group=YearGroup.Y9, dob=date(2012, 10, 1))
    refused = ehcp.open_request(desk, pid, received_on=date(2024, 1, 8), requested_by="Parent")
    ehcp.mark_done(desk, refused, "decision_to_assess", date(2024, 2, 16))
    ehcp.set_outcome(desk, refused, RequestOutcome.REFUSED)
    request = ehcp.open_request(desk, pid, received_on=date(2025, 1, 6), requested_by="School")
    ehcp.mark_done(desk, request, "decision_to_assess", date(2025, 2, 14))
    ehcp.add_advice(desk, request, source="Educational psychologist",
                    asked_on=date(2025, 2, 17), received_on=date(2025, 3, 28))
    ehcp.record_exception(desk, request, regulation="Reg 10(4)(d)", reason="family abroad",
                          starts_on=date(2025, 3, 1), ends_on=date(2025, 4, 5))
    ehcp.mark_done(desk, request, "draft_target", date(2025, 4, 14))
    ehcp.mark_done(desk, request, "final_plan", date(2025, 5, 19))
    ehcp.set_outcome(desk, request, RequestOutcome.PLAN_ISSUED)
    plan = ehcp.add_plan(desk, pid, issued_on=date(2025, 5, 19), request_id=request)
    ehcp.record_review(desk, plan, ehcp.ReviewFields(
        meeting_on=date(2026, 3, 23), invitations_sent_on=date(2026, 3, 2),
        advice_circulated_on=date(2026, 3, 9), report_sent_on=date(2026, 4, 2),
        la_decision=LaDecision.AMEND, la_decision_on=date(2026, 4, 17),
        amendments_proposed_on=date(2026, 4, 17), amended_plan_issued_on=date(2026, 6, 1)))
    text = _text(desk, pid)
    of = "the annual review meeting of 23/03/2026"
    for event in (
        "Request for an EHC needs assessment received by the local authority (from Parent)",
        "LA notified its decision whether to carry out an EHC needs assessment: it will not "
        "assess",
        "LA notified its decision whether to carry out an EHC needs assessment: it will assess",
        "Advice asked of Educational psychologist", "Advice received from Educational "
        "psychologist", "Exception to the time limits: family abroad until 05/04/2025",
        "Draft EHC plan served", "Final EHC plan issued",
        f"Invitations sent to {of}", f"Advice and information circulated for {of}",
        "Annual review meeting held", f"Report of {of} sent to the LA and everyone invited",
        f"LA notified its decision after {of}: amend the plan",
        "LA sent the proposed amendments to the plan", "Amended EHC plan issued",
    ):
        assert event in text, event
    # in the chronology, a served draft is not a refusal to issue, and no milestone label
    # (what is due) stands in for an event (what happened)
    events = text.split("EHC needs assessment request 1 of 2")[0]
    assert "will not issue" not in events
    assert "LA decides whether to assess" not in events
    # nor does the 16-week refusal notice stand among the milestones once a draft is served
    second = text.split("EHC needs assessment request 2 of 2")[1].split("Annual reviews")[0]
    assert "Family's comments on the draft plan (15 days)" in second
    assert "Last day for the LA to say it will not issue a plan" not in second
    # issued 19/05/2025: 12 months end 18/05/2026; meeting by 18/05 - 28 = 20/04/2026; held
    # 23/03/2026 on time; report due 23/03 + 14 = 06/04/2026, sent 02/04, on time
    assert "Due 20/04/2026: on time" in text and "Due 06/04/2026: on time" in text


def test_a_refusal_a_decision_not_recorded_and_a_ceased_plan(desk: Desk) -> None:
    pid = add_pupil(desk, status=SenStatus.EHCP, needs=(NeedType.SLCN,))
    request = ehcp.open_request(desk, pid, received_on=date(2025, 1, 6))
    ehcp.mark_done(desk, request, "decision_to_assess", date(2025, 2, 14))
    ehcp.mark_done(desk, request, "decision_not_to_issue", date(2025, 4, 25))
    ehcp.set_outcome(desk, request, RequestOutcome.NOT_ISSUED)
    plan = ehcp.add_plan(desk, pid, issued_on=date(2025, 6, 2))
    ehcp.record_review(desk, plan, ehcp.ReviewFields(meeting_on=date(2026, 4, 20)))
    text = _text(desk, pid)
    # 16 weeks after 06/01/2025 = 28/04/2025: notified 25/04/2025, on time (Reg 10(1))
    assert "LA notified the family that it will not issue an EHC plan" in text
    assert "Due 28/04/2025: on time" in text
    assert ("LA notified its decision after the annual review meeting of 20/04/2026: "
            "decision not recorded") not in text  # no decision date, so no event
    found = ehcp.plans_for(desk, [pid])[pid][0]
    events = [e.event for e in plan_events(replace(found, ceased_on=date(2026, 7, 1)))]
    assert events[-1] == "EHC plan ceased to be maintained"


def test_a_practice_target_passed_is_not_written_as_a_breach(desk: Desk) -> None:
    pid = add_pupil(desk)
    # received 20/07/2026: week 14 (practice) 26/10/2026 and week 16 (Reg 10(1)) 09/11/2026
    # have both passed by 22/11/2026 with nothing recorded
    ehcp.open_request(desk, pid, received_on=date(2026, 7, 20))
    text = _text(desk, pid)
    draft = text.split("Draft plan served (practical target, week 14)")[1][:120]
    assert "Target passed" in draft and "practice target" in draft and "Overdue" not in draft
    refusal = text.split("Last day for the LA to say it will not issue a plan (16 weeks)")[1]
    assert "Overdue" in refusal[:60]


def test_a_draft_served_after_week_14_is_done_after_the_target_not_late(desk: Desk) -> None:
    pid = add_pupil(desk)
    request = ehcp.open_request(desk, pid, received_on=date(2026, 1, 5))
    # week 14 = 13/04/2026; served 27/04/2026
    ehcp.mark_done(desk, request, "draft_target", date(2026, 4, 27))
    text = _text(desk, pid)
    row = text.split("Draft plan served (practical target, week 14)")[1][:90]
    assert "Done after the target" in row and "Done late" not in row
    assert "Target 13/04/2026: 14 days after it (practice target, not a breach)" in text
