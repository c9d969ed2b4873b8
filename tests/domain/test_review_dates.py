"""The dates of an annual review's paperwork, worked by hand from the meeting's date."""

from __future__ import annotations

from datetime import date

from sencodesk.domain.codes import CycleStatus, Progress
from sencodesk.domain.records import CycleRecord, OutcomeRecord, ProvisionRecord
from sencodesk.domain.review_paperwork import (
    Invitee,
    OutcomeProgress,
    ProvisionCheck,
    ReviewReport,
    draft_report,
    notice_problem,
    report_status,
    review_dates,
)


def test_dates_from_a_wednesday_meeting() -> None:
    dates = review_dates(date(2027, 1, 20))
    assert dates.invite_by == date(2027, 1, 6)  # Reg 20(3): two weeks' notice
    assert dates.circulate_by == date(2027, 1, 6)  # Reg 20(4): circulated two weeks before
    assert dates.advice_needed_by == date(2026, 12, 30)  # a week before circulating
    assert dates.report_due == date(2027, 2, 3)  # within two weeks after


def test_dates_across_a_leap_day() -> None:
    dates = review_dates(date(2028, 3, 7))
    assert dates.invite_by == date(2028, 2, 22)
    assert dates.advice_needed_by == date(2028, 2, 15)
    assert review_dates(date(2028, 2, 20)).report_due == date(2028, 3, 5)


def test_notice_of_exactly_two_weeks_is_enough_and_a_day_less_is_not() -> None:
    meeting = date(2027, 1, 20)
    assert notice_problem(meeting, date(2027, 1, 6)) == ""
    problem = notice_problem(meeting, date(2027, 1, 7))
    assert "13 days' notice" in problem and "regulation 20(3)" in problem
    assert "21/01/2027" in problem


def test_the_report_duty_in_words() -> None:
    meeting = date(2026, 11, 5)
    assert report_status(meeting, None, date(2026, 11, 19)) == "due by 19/11/2026"
    assert report_status(meeting, None, date(2026, 11, 20)) == (
        "not sent: overdue since 19/11/2026")
    assert report_status(meeting, date(2026, 11, 19), date(2026, 12, 1)) == (
        "sent 19/11/2026, on time")
    assert report_status(meeting, date(2026, 11, 21), date(2026, 12, 1)) == (
        "sent 21/11/2026, 2 days late (due 19/11/2026)")


def test_the_invitees_are_the_five_of_regulation_20_2() -> None:
    assert [i.paragraph for i in Invitee] == [f"Reg 20(2)({x})" for x in "abcde"]
    assert Invitee.PARENT.words == "the child's parent or the young person"
    assert Invitee.HEALTH.words.startswith("a health care professional identified by the "
                                           "responsible commissioning body")


def test_a_report_survives_its_json() -> None:
    report = ReviewReport("Parents, SENCO", (OutcomeProgress("Read aloud", "met"),),
                          (ProvisionCheck("Reading, 3 × 20 minutes a week", "all term"),),
                          "I like it", "Good year", "EP: fine", "Keep it", "none", "college")
    assert ReviewReport.from_json(report.to_json()) == report
    assert ReviewReport.from_json({"outcomes": "rubbish", "pupil_views": 3}) == ReviewReport()


def _cycle(starts: date, reviewed: date | None, voice: str) -> CycleRecord:
    return CycleRecord(
        1, 1, None, CycleStatus.REVIEWED if reviewed else CycleStatus.ACTIVE, starts,
        reviewed or date(2027, 3, 1), "", "", reviewed, "", voice, "parent " + voice, "",
        (OutcomeRecord(1, 1, f"Outcome from {starts:%m/%Y}", "", Progress.MET if reviewed
                       else None),),
        (ProvisionRecord(1, None, "Reading catch-up", "", "TA", 1, 20, 3, 12, 0),))


def test_the_draft_takes_the_support_plans_of_the_year_and_the_latest_views() -> None:
    old = _cycle(date(2025, 1, 6), date(2025, 3, 31), "too old")
    autumn = _cycle(date(2026, 1, 5), date(2026, 3, 30), "spring words")
    summer = _cycle(date(2026, 4, 20), date(2026, 7, 13), "summer words")
    report = draft_report([summer, old, autumn], since=date(2025, 12, 1),
                          until=date(2026, 11, 10))
    assert [o.outcome for o in report.outcomes] == ["Outcome from 01/2026",
                                                    "Outcome from 04/2026"]
    assert report.outcomes[0].progress == "met"
    assert report.provision == (ProvisionCheck("Reading catch-up (3 × 20 minutes a week)",
                                               "planned for 12 weeks from 20/04/2026"),)
    assert report.pupil_views == "summer words" and report.parent_views == "parent summer words"
