"""The letters' own words are plain: short sentences and everyday words, measured with the
Flesch-Kincaid grade (a US school grade; grade 5-6 is a reading age of about 10-12)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from sencodesk.domain.codes import CycleStatus, SenStatus
from sencodesk.domain.letters import (
    Letter,
    LetterPupil,
    review_invitation,
    review_summary,
    sen_provision,
)
from sencodesk.domain.records import CycleRecord

GRADE_AT_MOST = 6.0


def _syllables(word: str) -> int:
    groups = re.findall(r"[aeiouy]+", word.lower())
    count = len(groups) - (1 if word.lower().endswith("e") and len(groups) > 1 else 0)
    return max(count, 1)


def grade(text: str) -> float:
    sentences = max(len(re.findall(r"[.!?:](\s|$)", text)), 1)
    words = re.findall(r"[A-Za-z']+", text)
    syllables = sum(_syllables(w) for w in words)
    return 0.39 * len(words) / sentences + 11.8 * syllables / len(words) - 15.59


def _cycle(reviewed: bool) -> CycleRecord:
    return CycleRecord(1 if reviewed else 2, 1, None,
                       CycleStatus.REVIEWED if reviewed else CycleStatus.DRAFT,
                       date(2026, 9, 7) if reviewed else date(2026, 11, 16),
                       date(2026, 11, 16) if reviewed else date(2027, 2, 8), "", "",
                       date(2026, 11, 16) if reviewed else None, "", "", "", "", (), ())


PUPIL = LetterPupil(1, "Amy", "Amy Adams", SenStatus.SUPPORT, (), (),
                    (_cycle(True), _cycle(False)))


def _body(letter: Letter) -> str:
    return " ".join(p.lstrip("• ") for _, paragraphs in letter.sections for p in paragraphs)


@pytest.mark.parametrize("letter", [
    sen_provision(PUPIL, school="Oak Hill Academy", today=date(2026, 11, 22), signed="S",
                  role="SENCO"),
    review_invitation(PUPIL, today=date(2026, 11, 22), signed="S", role="SENCO"),
    review_summary(PUPIL, today=date(2026, 11, 22), signed="S", role="SENCO"),
], ids=lambda letter: letter.kind.name)
def test_reading_grade_and_no_codes(letter: Letter) -> None:
    body = _body(letter)
    assert grade(body) <= GRADE_AT_MOST, (grade(body), body)
    assert not re.search(r"\b(APDR|SENCO|SEN|EHC|NSA|K|E|N)\b", body)
    assert letter.greeting == "Dear parent or carer,"
