"""An annual review's papers drafted from a real case file, drawn as PDFs and read back; the
report saved, printed and recorded as sent, and the Due page judging the two-week duty."""

from __future__ import annotations

import re
from datetime import date

import pytest
from factories import add_pupil, second_senco, with_reviewed_plan
from pdf_checks import page_text

from sencodesk.domain.clock import MilestoneStatus
from sencodesk.domain.codes import NeedType, SenStatus, YearGroup
from sencodesk.domain.errors import StaleEdit, ValidationError
from sencodesk.domain.letters import ReviewPaper
from sencodesk.domain.review_paperwork import OutcomeProgress, ReviewReport
from sencodesk.reports.letters import letters_pdf
from sencodesk.reports.review_report import review_report_pdf
from sencodesk.services import deadlines, ehcp, people, records_log, review_paperwork
from sencodesk.services.context import Desk


def _pages(pdf: bytes) -> list[str]:
    return [" ".join(page.split()) for page in page_text(pdf)]


def _review(desk: Desk, meeting: date) -> tuple[int, int]:
    pid = with_reviewed_plan(desk, "Amy")
    people.add_agency(desk, pid, name="Educational psychology service")
    plan = ehcp.add_plan(desk, pid, issued_on=date(2025, 12, 1), local_authority="Hilltown")
    return pid, ehcp.record_review(desk, plan, ehcp.ReviewFields(meeting_on=meeting))


def test_invitations_go_to_everyone_regulation_20_2_names(desk: Desk) -> None:
    pid, review = _review(desk, date(2027, 1, 20))
    pages = _pages(letters_pdf(review_paperwork.papers(desk, review, ReviewPaper.INVITATION)))
    assert len(pages) == 5
    assert "To the parents and carers of Amy Adams" in pages[0]
    assert "Dear Jo Adams and Sam Adams," in pages[0]
    assert "Wednesday 20 January 2027" in pages[0]
    assert "Please send them back by Wednesday 30 December 2026" in pages[0]
    for page, para in zip(pages[1:], "bcde", strict=True):
        assert f"(Reg 20(2)({para}))" in page
        assert "at least two weeks' notice of the meeting (SEND Regulations 2014, regulation " \
               "20(3))" in page
    assert "To the SEN officer, Hilltown" in pages[2]
    assert "To the social care officer, Hilltown" in pages[4]
    logged = [c for c in records_log.contacts(desk, pid) if c.kind == "letter"]
    assert any("Invitation to an annual review" in c.summary for c in logged)
    record = ehcp.plans_for(desk, [pid])[pid][0].reviews[0]
    assert record.invitations_sent_on == date(2026, 11, 22)


def test_advice_requests_say_when_the_advice_is_needed(desk: Desk) -> None:
    _pid, review = _review(desk, date(2027, 1, 20))
    pages = _pages(letters_pdf(review_paperwork.papers(desk, review,
                                                       ReviewPaper.ADVICE_REQUEST)))
    # the LA's SEN and social care officers, health, and the agency on file
    assert len(pages) == 4
    assert "To Educational psychology service" in pages[3]
    for page in pages:
        assert "Please send it by Wednesday 30 December 2026." in page
        assert "by Wednesday 6 January 2027 (SEND Regulations 2014, regulation 20(4))" in page
        assert "preparation for adulthood" not in page.lower()  # Year 7


def test_views_forms_for_parents_the_child_and_in_easy_read(desk: Desk) -> None:
    _pid, review = _review(desk, date(2027, 1, 20))
    pdf = letters_pdf(review_paperwork.papers(desk, review, ReviewPaper.PARENT_VIEWS))
    pages = _pages(pdf)
    starts = [next(i for i, page in enumerate(pages) if title in page)
              for title in ("Your views for Amy's annual review",
                            "My views for my annual review", "What I think")]
    assert starts == sorted(starts) and starts[0] == 0  # each form starts on its own page
    parents, child, easy = (" ".join(pages[a:b]) for a, b in
                            zip(starts, [*starts[1:], len(pages)], strict=True))
    assert "What is going well for Amy?" in parents and "Amy Adams" in parents
    assert "What helps me learn?" in child
    assert "What is hard at school?" in easy
    # easy read: short sentences
    intro = easy.split("What I think")[1].split("What do you like")[0]
    sentences = [s for s in re.split(r"[.?!]", intro) if s.strip()]
    assert sentences and max(len(s.split()) for s in sentences) <= 12
    assert "Yours sincerely" not in " ".join(pages)


def test_the_report_is_drafted_from_the_case_file_then_saved_as_edited(desk: Desk) -> None:
    _pid, review = _review(desk, date(2026, 11, 18))
    drafted = review_paperwork.sheet(desk, review).report
    assert [o.outcome for o in drafted.outcomes] == ["Read a page of a new book aloud",
                                                     "Spell the 100 common words"]
    assert drafted.outcomes[0].progress == "met"
    assert drafted.pupil_views == "I like the dog books."
    edited = ReviewReport(
        attendees="Jo Adams (mother); Sam Patel (SENCO)",
        outcomes=(OutcomeProgress("Reads a page aloud (Section E, 1)", "Achieved in July"),),
        provision=drafted.provision, pupil_views="I like reading now.",
        parent_views="Much happier.", recommendations="Add a spelling outcome to Section E.",
        differences="The EP recommends keeping the present outcomes.")
    review_paperwork.save_report(desk, review, edited)
    sheet = review_paperwork.report_sheet(desk, review)
    assert sheet.report == edited
    text = " ".join(_pages(review_report_pdf(sheet)))
    for words in ("Report of the review meeting: Amy Adams", "18/11/2026",
                  "Reads a page aloud (Section E, 1)", "Achieved in July",
                  "as SEND Regulations 2014, regulation 20(5) requires",
                  "Reading with an adult, 3 times a week", "I like reading now.",
                  "Add a spelling outcome to Section E.",
                  "The EP recommends keeping the present outcomes.",
                  "within two weeks of the meeting (SEND Regulations 2014, regulation 20): "
                  "due by 02/12/2026"):
        assert words in text, words
    assert "Preparation for adulthood" not in text


def _report_item(desk: Desk, pid: int) -> MilestoneStatus:
    items = [i for i in deadlines.school_deadlines(desk, include_done=True, pupil_ids=[pid])
             if i.milestone.id == "review_report"]
    return min(items, key=lambda i: i.milestone.due).milestone.status


def test_a_late_report_shows_on_due_until_sent_and_then_as_sent_late(desk: Desk) -> None:
    pid, review = _review(desk, date(2026, 11, 5))  # report due 19/11/2026; today 22/11
    assert _report_item(desk, pid) is MilestoneStatus.OVERDUE
    with pytest.raises(ValidationError, match="before the review meeting"):
        review_paperwork.record_report_sent(desk, review, date(2026, 11, 4))
    with pytest.raises(ValidationError, match="in the future"):
        review_paperwork.record_report_sent(desk, review, date(2026, 11, 23))
    review_paperwork.record_report_sent(desk, review, date(2026, 11, 21))
    assert _report_item(desk, pid) is MilestoneStatus.DONE_LATE
    text = " ".join(_pages(review_report_pdf(review_paperwork.report_sheet(desk, review))))
    assert "sent 21/11/2026, 2 days late (due 19/11/2026)" in text
    review_paperwork.record_report_sent(desk, review, date(2026, 11, 19))
    assert _report_item(desk, pid) is MilestoneStatus.DONE_ON_TIME


def test_from_year_9_the_papers_ask_about_preparation_for_adulthood(desk: Desk) -> None:
    pid = add_pupil(desk, SenStatus.EHCP, (NeedType.ASD,), legal_forename="Ben",
                    year_group=YearGroup.Y10, dob=date(2011, 3, 1))
    plan = ehcp.add_plan(desk, pid, issued_on=date(2025, 12, 1))
    review = ehcp.record_review(desk, plan, ehcp.ReviewFields(meeting_on=date(2027, 1, 20)))
    advice = " ".join(_pages(letters_pdf(review_paperwork.papers(
        desk, review, ReviewPaper.ADVICE_REQUEST))))
    assert "prepare for adulthood and independent living" in advice
    forms = " ".join(_pages(letters_pdf(review_paperwork.papers(
        desk, review, ReviewPaper.PARENT_VIEWS))))
    assert "What would I like to do after school" in forms
    review_paperwork.save_report(desk, review, ReviewReport(adulthood="Work experience in Y11."))
    report = " ".join(_pages(review_report_pdf(review_paperwork.report_sheet(desk, review))))
    assert "Preparation for adulthood" in report and "Work experience in Y11." in report


def test_a_subject_access_request_includes_the_review_reports(desk: Desk) -> None:
    from sencodesk.reports.subject_access import render_subject_access
    from sencodesk.services import subject_access

    pid, review = _review(desk, date(2026, 11, 18))
    review_paperwork.save_report(desk, review, ReviewReport(
        outcomes=(OutcomeProgress("Reads aloud", "Achieved"),),
        recommendations="Add a spelling outcome."))
    sheet = subject_access.gather(desk, pid)
    assert subject_access.to_json(sheet)["review_reports"][0][1]["recommendations"] == (
        "Add a spelling outcome.")
    text = " ".join(_pages(render_subject_access(sheet).pdf))
    assert "Reports of annual review meetings" in text and "Reads aloud: Achieved" in text


def test_a_report_saved_at_another_desk_is_not_overwritten(desk: Desk) -> None:
    _pid, review = _review(desk, date(2026, 11, 18))
    opened = review_paperwork.sheet(desk, review)
    assert opened.report_version == 0  # a draft, not saved yet
    alex = second_senco(desk)
    theirs = ReviewReport("Alex, parents, class teacher")
    review_paperwork.save_report(alex, review, theirs,
                                 opened_version=review_paperwork.sheet(alex, review)
                                 .report_version)
    alex.close()
    with pytest.raises(StaleEdit, match=r"^Alex Smith changed this annual review report at "):
        review_paperwork.save_report(desk, review, ReviewReport("Sam and parents"),
                                     opened_version=opened.report_version)
    assert review_paperwork.sheet(desk, review).report.attendees == theirs.attendees
    again = review_paperwork.sheet(desk, review)
    review_paperwork.save_report(desk, review, ReviewReport("Sam and parents"),
                                 opened_version=again.report_version)
    assert review_paperwork.sheet(desk, review).report_version == again.report_version + 1
