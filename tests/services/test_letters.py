"""Letters to parents drafted from a real case file, drawn as PDFs and read back; each letter
sent is in the pupil's contact log."""

from __future__ import annotations

import re
from datetime import date

import pytest
from factories import add_pupil, photo_png, with_reviewed_plan
from pdf_checks import page_text

from sencodesk.domain.codes import NeedType, SenStatus
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.letters import LetterKind
from sencodesk.domain.records import SchoolInfo
from sencodesk.reports.letters import letters_each, letters_pdf
from sencodesk.services import letters, records_log, school
from sencodesk.services.context import Desk


def _text(pdf: bytes) -> list[str]:
    return [" ".join(page.split()) for page in page_text(pdf)]


@pytest.fixture
def letterhead(desk: Desk) -> None:
    info = school.get(desk)
    school.update(desk, SchoolInfo(**{**info.__dict__, "address": "1 Oak Lane\nHilltown HT1 2AB"}))
    school.set_logo(desk, photo_png())


def test_three_letters_on_the_letterhead_recorded_in_the_contact_log(
        desk: Desk, letterhead: None) -> None:
    pid = with_reviewed_plan(desk, "Amy")
    for kind, words in (
        (LetterKind.SEN_PROVISION, ("Extra help for Amy at school",
                                    "special educational provision",
                                    "Reading with an adult, 3 times a week",
                                    "Monday 8 February 2027")),
        (LetterKind.REVIEW_INVITATION, ("Come and talk about how Amy is getting on",
                                        "Monday 8 February 2027", "What is going well for Amy")),
        (LetterKind.REVIEW_SUMMARY, ("What we agreed about Amy",
                                     "Read a page of a new book aloud: reached.",
                                     "Spell the 100 common words: part of the way there.",
                                     "I like the dog books.", "Reads at bedtime now.",
                                     "We plan to meet again on Monday 8 February 2027")),
    ):
        sheet = letters.draft(desk, kind, [pid])
        text = _text(letters_pdf(sheet))
        assert len(text) == 1
        for expected in ("Oak Hill Academy", "1 Oak Lane", "Hilltown HT1 2AB",
                         "Dear Jo Adams and Sam Adams,", "Sam Patel", "SENCO", *words):
            assert expected in text[0], (kind, expected)
        assert not re.search(r"\b(SPLD|APDR|K|E|N)\b", text[0]), kind
    logged = [c for c in records_log.contacts(desk, pid) if c.kind == "letter"]
    assert len(logged) == 3
    assert {c.summary.split(" (")[0] for c in logged} == {f"Letter sent: {k.value}"
                                                          for k in LetterKind}
    assert all(c.occurred_on == date(2026, 11, 22) for c in logged)


def test_a_selection_makes_one_pdf_or_one_file_per_family(desk: Desk) -> None:
    first, second = with_reviewed_plan(desk, "Amy"), with_reviewed_plan(desk, "Ben")
    sheet = letters.draft(desk, LetterKind.REVIEW_SUMMARY, [first, second])
    pages = _text(letters_pdf(sheet))
    assert len(pages) == 2 and "Amy" in pages[0] and "Ben" in pages[1] and "Amy" not in pages[1]
    each = letters_each(sheet)
    assert [name for name, _ in each] == ["Summary of a review - Amy Adams.pdf",
                                          "Summary of a review - Ben Adams.pdf"]
    assert "Ben" in _text(each[1][1])[0] and "Amy" not in _text(each[1][1])[0]


def test_section_68_is_for_sen_support_and_nothing_is_logged_when_refused(desk: Desk) -> None:
    support = with_reviewed_plan(desk, "Amy")
    plan = add_pupil(desk, SenStatus.EHCP, (NeedType.ASD,), legal_forename="Cal",
                     legal_surname="Dunn")
    with pytest.raises(ValidationError, match="Cal Dunn has an EHC plan"):
        letters.draft(desk, LetterKind.SEN_PROVISION, [support, plan])
    assert not [c for c in records_log.contacts(desk, support) if c.kind == "letter"]
    nobody = add_pupil(desk, SenStatus.NONE, legal_forename="Dee")
    with pytest.raises(ValidationError, match="has no review recorded yet"):
        letters.draft(desk, LetterKind.REVIEW_SUMMARY, [nobody])


def test_a_damaged_logo_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="damaged or cut short"):
        school.set_logo(desk, photo_png()[:200])
