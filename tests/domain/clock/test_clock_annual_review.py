"""The annual review anchor (CFA 2014 s44(1)), with hand-worked dates.

The 12 months start with the plan's issue (first review) or the LA's decision after the last
review; the LA's decision must fall inside them, so the meeting is due 4 weeks (28 days) before
their last day.
"""

from __future__ import annotations

from datetime import date

from sencodesk.domain.clock import MilestoneStatus, annual_review_timeline
from sencodesk.domain.clock.annual_review import estimated_completion, review_period_end
from sencodesk.domain.clock.rules import Kind, Owner

S = MilestoneStatus





def test_first_review_counts_from_the_plan_issue() -> None:
    # issued 31/03/2025: the 12 months end 30/03/2026 (the day before 31/03/2026).
    # meeting at the latest 30/03/2026 - 28 days = 02/03/2026;
    # invitations and advice 02/03/2026 - 14 days = 16/02/2026; report 02/03 + 14 = 16/03/2026;
    # no meeting booked, so the LA's decision is due on the last day, 30/03/2026.
    ms = {m.id: m for m in annual_review_timeline(today=date(2026, 1, 10),
                                                  plan_issued_on=date(2025, 3, 31))}
    assert ms["review_meeting"].due == date(2026, 3, 2)
    assert ms["review_invitations"].due == date(2026, 2, 16)
    assert ms["review_invitations"].rule == "Reg 20(3)"
    assert ms["review_advice"].due == date(2026, 2, 16)
    assert ms["review_advice"].rule == "Reg 20(4)"
    assert ms["review_report"].due == date(2026, 3, 16)
    assert ms["review_la_decision"].due == date(2026, 3, 30)
    assert ms["review_la_decision"].rule == "CFA 2014 s44(1), Reg 20"
    assert ms["review_meeting"].rule == "CFA 2014 s44(1), Reg 20(1)"
    assert "end 30/03/2026" in ms["review_meeting"].note
    assert "amended_plan" not in ms


def test_later_review_counts_from_the_last_la_decision_and_the_booked_meeting() -> None:
    # last review completed (LA decision) 20/05/2025: 12 months end 19/05/2026;
    # latest meeting 19/05/2026 - 28 = 21/04/2026. Booked 14/04/2026, in time:
    # invitations 14/04 - 14 = 31/03/2026; report 14/04 + 14 = 28/04/2026;
    # LA decision min(19/05/2026, 14/04 + 28 = 12/05/2026) = 12/05/2026.
    ms = {m.id: m for m in annual_review_timeline(
        today=date(2026, 3, 1), last_review_on=date(2025, 5, 20),
        meeting_on=date(2026, 4, 14))}
    assert ms["review_meeting"].due == date(2026, 4, 21)
    assert ms["review_invitations"].due == date(2026, 3, 31)
    assert ms["review_report"].due == date(2026, 4, 28)
    assert ms["review_la_decision"].due == date(2026, 5, 12)
    assert "too late" not in ms["review_meeting"].note


def test_a_meeting_booked_too_late_is_flagged_and_the_decision_stays_inside_12_months() -> None:
    # anchor 20/05/2025 as above, latest meeting 21/04/2026; booked 05/05/2026 is too late.
    # invitations 05/05 - 14 = 21/04/2026; LA decision min(19/05/2026, 02/06/2026) = 19/05/2026.
    ms = {m.id: m for m in annual_review_timeline(
        today=date(2026, 3, 1), last_review_on=date(2025, 5, 20),
        meeting_on=date(2026, 5, 5))}
    assert "booked for 05/05/2026, too late to leave the LA its 4 weeks" in \
        ms["review_meeting"].note
    assert ms["review_invitations"].due == date(2026, 4, 21)
    assert ms["review_la_decision"].due == date(2026, 5, 19)


def test_a_meeting_held_late_is_done_late() -> None:
    # LA decision 10/02/2025: 12 months end 09/02/2026; latest meeting 09/02 - 28 = 12/01/2026.
    # held 20/01/2026: late; report 20/01 + 14 = 03/02/2026; decision min(09/02, 17/02) = 09/02.
    ms = {m.id: m for m in annual_review_timeline(
        today=date(2026, 1, 25), last_review_on=date(2025, 2, 10),
        done={"review_meeting": date(2026, 1, 20)})}
    assert ms["review_meeting"].due == date(2026, 1, 12)
    assert ms["review_meeting"].status is S.DONE_LATE
    assert ms["review_report"].due == date(2026, 2, 3)
    assert ms["review_la_decision"].due == date(2026, 2, 9)


def test_estimated_anchor_from_the_meeting_alone() -> None:
    # only the meeting of 10/02/2025 is known: completion estimated 10/02 + 28 = 10/03/2025;
    # 12 months end 09/03/2026; latest meeting 09/03/2026 - 28 = 09/02/2026.
    anchor = estimated_completion(date(2025, 2, 10))
    assert anchor == date(2025, 3, 10)
    ms = {m.id: m for m in annual_review_timeline(
        today=date(2026, 1, 1), last_review_on=anchor, anchor_estimated=True)}
    assert ms["review_meeting"].due == date(2026, 2, 9)
    assert "estimated" in ms["review_meeting"].note


def test_leap_days() -> None:
    # 12 months starting with 29/02/2024 end 28/02/2025 (no 29/02/2025);
    # latest meeting 28/02/2025 - 28 = 31/01/2025; invitations 31/01 - 14 = 17/01/2025.
    assert review_period_end(date(2024, 2, 29)) == date(2025, 2, 28)
    ms = {m.id: m for m in annual_review_timeline(today=date(2024, 6, 1),
                                                  plan_issued_on=date(2024, 2, 29))}
    assert ms["review_meeting"].due == date(2025, 1, 31)
    assert ms["review_invitations"].due == date(2025, 1, 17)
    # 12 months starting with 01/03/2023 end on the leap day 29/02/2024;
    # latest meeting 29/02/2024 - 28 = 01/02/2024.
    assert review_period_end(date(2023, 3, 1)) == date(2024, 2, 29)
    ms = {m.id: m for m in annual_review_timeline(today=date(2023, 6, 1),
                                                  last_review_on=date(2023, 3, 1))}
    assert ms["review_meeting"].due == date(2024, 2, 1)


def test_under_fives_get_a_guidance_reminder_not_a_statutory_limit() -> None:
    # issued 31/08/2025: reminder at 6 months, 28/02/2026 (clamped), drawn as guidance;
    # the statutory review still runs on 12 months: end 30/08/2026, meeting by 02/08/2026.
    ms = {m.id: m for m in annual_review_timeline(today=date(2026, 3, 10),
                                                  plan_issued_on=date(2025, 8, 31),
                                                  under_five=True)}
    reminder = ms["under_five_review"]
    assert reminder.due == date(2026, 2, 28)
    assert reminder.kind is Kind.PRACTICE and "CoP 9.178" in reminder.rule
    assert ms["review_meeting"].due == date(2026, 8, 2)
    assert ms["review_meeting"].kind is Kind.STATUTORY


def test_year_9_prepares_for_adulthood_and_duties_are_owned() -> None:
    from sencodesk.domain.codes import YearGroup

    ms = {m.id: m for m in annual_review_timeline(today=date(2026, 1, 1),
                                                  plan_issued_on=date(2025, 6, 1),
                                                  year_group=YearGroup.Y9)}
    assert "preparation for adulthood" in ms["review_meeting"].note
    assert {k: ms[k].owner for k in ("review_meeting", "review_invitations", "review_advice",
                                     "review_report", "review_la_decision")} == {
        "review_meeting": Owner.SCHOOL, "review_invitations": Owner.SCHOOL,
        "review_advice": Owner.SCHOOL, "review_report": Owner.SCHOOL,
        "review_la_decision": Owner.LA}


def test_amendments_give_15_days_and_8_weeks() -> None:
    # proposed 01/05/2026: comments to 15/05/2026 (Reg 22(2)(c)); plan by 26/06/2026 (Reg 22(3)).
    ms = {m.id: m for m in annual_review_timeline(
        today=date(2026, 5, 2), last_review_on=date(2025, 4, 20),
        done={"review_meeting": date(2026, 3, 15)}, amendments_proposed_on=date(2026, 5, 1))}
    assert ms["amendment_comments_end"].due == date(2026, 5, 15)
    assert ms["amended_plan"].due == date(2026, 6, 26)
    assert ms["amended_plan"].rule == "Reg 22(3)"


TERMS = [(date(2026, 1, 5), date(2026, 3, 27)), (date(2026, 4, 13), date(2026, 7, 22))]


def test_school_lead_times_in_a_holiday_move_to_the_last_school_day_before() -> None:
    # LA decision 01/06/2025; meeting booked Monday 20/04/2026.
    # reports asked 14 days before: 06/04/2026, in the Easter holiday (28/03-12/04) ->
    # the last school day before it, Friday 27/03/2026. A practice target, the school's.
    ms = {m.id: m for m in annual_review_timeline(
        today=date(2026, 1, 10), last_review_on=date(2025, 6, 1),
        meeting_on=date(2026, 4, 20), lead_times={"request_reports": 14}, terms=TERMS)}
    lead = ms["lead_request_reports"]
    assert lead.due == date(2026, 3, 27)
    assert lead.note == "moved from 06/04/2026 (school holiday)"
    assert (lead.kind, lead.owner, lead.rule) == (Kind.PRACTICE, Owner.SCHOOL, "school policy")
    # 8 weeks before: 20/04 - 56 = 23/02/2026, a Monday in term: not moved
    ms = {m.id: m for m in annual_review_timeline(
        today=date(2026, 1, 10), last_review_on=date(2025, 6, 1),
        meeting_on=date(2026, 4, 20), lead_times={"request_reports": 56}, terms=TERMS)}
    assert ms["lead_request_reports"].due == date(2026, 2, 23)
    assert ms["lead_request_reports"].note == ""
    # without term dates nothing moves: 06/04/2026 stays
    ms = {m.id: m for m in annual_review_timeline(
        today=date(2026, 1, 10), last_review_on=date(2025, 6, 1),
        meeting_on=date(2026, 4, 20), lead_times={"request_reports": 14})}
    assert ms["lead_request_reports"].due == date(2026, 4, 6)
