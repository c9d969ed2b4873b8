"""The deadlines service joins the clock to the case file."""

from __future__ import annotations

from datetime import date

from factories import add_pupil, teaches

from sencodesk.domain.clock import MilestoneStatus
from sencodesk.domain.codes import LaDecision, NeedType, Role, SenStatus, YearGroup
from sencodesk.domain.records import PassportContent
from sencodesk.services import accounts, cycles, deadlines, ehcp, passports, pupils
from sencodesk.services.context import Desk

S = MilestoneStatus


def test_an_open_request_and_a_cycle_review_appear(desk: Desk) -> None:
    pid = add_pupil(desk)
    request = ehcp.open_request(desk, pid, received_on=date(2026, 9, 1))
    ehcp.record_exception(desk, request, regulation="Reg 10(4)(a)", reason="school closure",
                          starts_on=date(2026, 10, 20))
    cycles.create(desk, pid, cycles.CyclePlan(
        starts_on=date(2026, 9, 7), review_on=date(2026, 12, 4),
        outcomes=(cycles.OutcomeInput("Read 150 words"),)))
    items = {(i.milestone.id, i.tab): i for i in deadlines.school_deadlines(desk)}
    # 01/09/2026 + 6 weeks = 13/10/2026: the exception began later, so this is a breach
    assert items[("decision_to_assess", "ehcp")].milestone.status is S.OVERDUE
    assert items[("decision_to_assess", "ehcp")].milestone.due == date(2026, 10, 13)
    assert items[("apdr_review", "support")].milestone.status is S.DUE_SOON
    assert items[("final_plan", "ehcp")].milestone.due == date(2027, 1, 19)


def test_a_plan_gives_annual_review_and_transfer_deadlines(desk: Desk) -> None:
    pid = add_pupil(desk, status=SenStatus.EHCP, needs=(NeedType.ASD,),
                    year_group=YearGroup.Y11, dob=date(2010, 10, 1))
    plan = ehcp.add_plan(desk, pid, issued_on=date(2025, 12, 1))
    ids = {i.milestone.id for i in deadlines.school_deadlines(desk)}
    assert {"review_meeting", "review_invitations", "phase_transfer"} <= ids
    ehcp.record_review(desk, plan, ehcp.ReviewFields(meeting_on=date(2026, 11, 10),
                                                    invitations_sent_on=date(2026, 10, 20)))
    due: dict[str, list[date]] = {}
    for item in deadlines.school_deadlines(desk):
        due.setdefault(item.milestone.id, []).append(item.milestone.due)
    # held 10/11/2026: report due 24/11/2026. No LA decision recorded, so the review's
    # completion is estimated at 10/11/2026 + 28 days = 08/12/2026; the next 12 months end
    # 07/12/2027, the next meeting is due by 07/12/2027 - 28 = 09/11/2027 and its report
    # 14 days later, 23/11/2027; the meeting held is done, so no longer listed as due
    assert due["review_report"] == [date(2026, 11, 24), date(2027, 11, 23)]
    assert due["review_meeting"] == [date(2027, 11, 9)]
    # Year 11, destination not recorded: 31/03/2027 assumed (Reg 18(1)(a))
    assert due["phase_transfer"] == [date(2027, 3, 31)]


def test_the_next_review_counts_from_the_la_decision_and_the_destination_decides_transfer(
    desk: Desk,
) -> None:
    pid = add_pupil(desk, status=SenStatus.EHCP, needs=(NeedType.ASD,),
                    year_group=YearGroup.Y11, dob=date(2010, 10, 1))
    plan = ehcp.add_plan(desk, pid, issued_on=date(2025, 1, 15))
    ehcp.record_review(desk, plan, ehcp.ReviewFields(
        meeting_on=date(2025, 12, 1), la_decision=LaDecision.MAINTAIN,
        la_decision_on=date(2025, 12, 19)))
    meetings = [i.milestone for i in deadlines.school_deadlines(desk)
                if i.milestone.id == "review_meeting"]
    # decision notified 19/12/2025: 12 months end 18/12/2026; meeting by 18/12 - 28 = 20/11/2026
    assert [m.due for m in meetings] == [date(2026, 11, 20)]
    assert "estimated" not in meetings[0].note
    ehcp.set_destination(desk, plan, "own-sixth-form")
    ids = {i.milestone.id for i in deadlines.school_deadlines(desk)}
    assert "phase_transfer" not in ids
    ehcp.set_destination(desk, plan, "school")
    transfer = [i.milestone for i in deadlines.school_deadlines(desk)
                if i.milestone.id == "phase_transfer"]
    # another school: a school phase, 15 February of the year of transfer (Reg 18(1)(b))
    assert [(m.due, m.rule) for m in transfer] == [(date(2027, 2, 15), "Reg 18(1)(b)")]


def test_advice_asked_around_the_summer_closure_suggests_the_exception(desk: Desk) -> None:
    from sencodesk.services import school

    school.add_term(desk, academic_year=2025, name="Summer 2", starts_on=date(2026, 6, 1),
                    ends_on=date(2026, 7, 22))
    school.add_term(desk, academic_year=2026, name="Autumn 1", starts_on=date(2026, 9, 3),
                    ends_on=date(2026, 10, 23))
    pid = add_pupil(desk)
    request = ehcp.open_request(desk, pid, received_on=date(2026, 6, 20))
    # closed 23/07/2026 to 02/09/2026 (6 weeks): advice asked 20/07/2026 is within the week
    # before the closure (from 16/07/2026), so Reg 10(4)(a) may apply: suggested, not applied
    ehcp.add_advice(desk, request, source="School", asked_on=date(2026, 7, 20))
    items = {i.milestone.id: i.milestone for i in deadlines.school_deadlines(desk)}
    final = items["final_plan"]
    assert "possible exception, SENCO to confirm" in final.note and "Reg 10(4)(a)" in final.note
    assert "23/07/2026-02/09/2026" in final.note
    assert final.status is not S.EXCEPTION


def test_filters_and_teacher_sees_no_ehcp(desk: Desk) -> None:
    pid = add_pupil(desk)
    ehcp.open_request(desk, pid, received_on=date(2026, 6, 1))
    passports.save(desk, pid, PassportContent(about_me="Likes Lego"),
                   written_on=date(2025, 11, 1))
    overdue = deadlines.school_deadlines(desk, overdue_only=True)
    assert overdue and all(i.milestone.status is S.OVERDUE for i in overdue)
    soon = deadlines.school_deadlines(desk, within_days=7)
    assert soon and all(i.milestone.due <= date(2026, 11, 29) for i in soon)
    accounts.add_account(desk, full_name="Tia Jones", username="tia", role=Role.TEACHER,
                         password="teacher pass")
    teacher = accounts.sign_in(desk.data_dir, "tia", "teacher pass")
    teacher.today = desk.today
    teaches(desk, teacher, *(p.id for p in pupils.list_pupils(desk)))
    assert {i.tab for i in deadlines.school_deadlines(teacher)} == {"passport"}
    teacher.close()
