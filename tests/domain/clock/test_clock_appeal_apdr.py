"""Appeal window with its holiday moves; APDR and passport reviews; citations."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sencodesk.domain.clock import (
    RULES,
    MilestoneStatus,
    academic_year_bounds,
    apdr_review,
    appeal_deadline,
    passport_review,
    reviews_this_year_warning,
)
from sencodesk.domain.clock.calendar import is_working_day, months_after

TODAY = date(2026, 1, 1)


@pytest.mark.parametrize(("decision", "mediation", "expected"), [
    # 10/03/2026 + 2 months = 10/05/2026 (an ordinary Sunday: no move is made for weekends)
    (date(2026, 3, 10), None, date(2026, 5, 10)),
    # mediation later: 20/04/2026 + 1 month = 20/05/2026 beats 01/05/2026
    (date(2026, 3, 1), date(2026, 4, 20), date(2026, 5, 20)),
    # 25/10/2026 + 2 months = 25/12/2026 -> first working day of January 2027: 01/01 is a
    # bank holiday (Friday), 02-03/01 a weekend, so Monday 04/01/2027
    (date(2026, 10, 25), None, date(2027, 1, 4)),
    # 01/11/2026 + 2 months = 01/01/2027 -> also Monday 04/01/2027
    (date(2026, 11, 1), None, date(2027, 1, 4)),
    # 10/06/2026 + 2 months = 10/08/2026 -> first working day of September: Tue 01/09/2026
    (date(2026, 6, 10), None, date(2026, 9, 1)),
    # 30/06/2027 + 2 months = 30/08/2027 (late summer bank holiday) -> Wed 01/09/2027
    (date(2027, 6, 30), None, date(2027, 9, 1)),
    # 31/12/2025 + 2 months = 28/02/2026 (clamped; not a leap year)
    (date(2025, 12, 31), None, date(2026, 2, 28)),
])
def test_appeal_deadline(decision: date, mediation: date | None, expected: date) -> None:
    m = appeal_deadline(decision, mediation_certificate_on=mediation, today=TODAY)
    assert m.due == expected
    assert m.id == "appeal_deadline"


def test_a_moved_deadline_says_why() -> None:
    m = appeal_deadline(date(2026, 10, 25), today=TODAY)
    assert m.note == "moved from 25/12/2026 (25 December to 1 January)"


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
       st.none() | st.integers(0, 120))
def test_appeal_never_lands_in_august_or_christmas(decision: date, mediation: int | None) -> None:
    certificate = decision + timedelta(days=mediation) if mediation is not None else None
    m = appeal_deadline(decision, mediation_certificate_on=certificate, today=TODAY)
    assert m.due.month != 8
    assert not (m.due.month == 12 and m.due.day >= 25) and m.due != date(m.due.year, 1, 1)
    assert m.due >= months_after(decision, 2)
    if m.note:
        assert is_working_day(m.due)


def test_apdr_review_status() -> None:
    assert apdr_review(date(2026, 12, 7), reviewed_on=None, today=date(2026, 11, 22)).status \
        is MilestoneStatus.UPCOMING
    assert apdr_review(date(2026, 12, 6), reviewed_on=None, today=date(2026, 11, 22)).status \
        is MilestoneStatus.DUE_SOON
    assert apdr_review(date(2026, 11, 1), reviewed_on=None, today=date(2026, 11, 22)).status \
        is MilestoneStatus.OVERDUE
    assert apdr_review(date(2026, 11, 1), reviewed_on=date(2026, 10, 30),
                       today=date(2026, 11, 22)).status is MilestoneStatus.DONE_ON_TIME


def test_passport_review_is_yearly_from_when_written() -> None:
    m = passport_review(date(2025, 11, 30), today=date(2026, 11, 22))
    assert m.due == date(2026, 11, 30) and m.status is MilestoneStatus.DUE_SOON


def test_fewer_than_three_reviews_a_year_warns() -> None:
    # by 22/04/2027 the autumn (31/12) and spring (31/03) terms have ended: 2 expected
    today = date(2027, 4, 22)
    assert reviews_this_year_warning([date(2026, 12, 10), date(2027, 3, 20)],
                                     [date(2026, 12, 10), date(2027, 3, 20)], today=today) is None
    warning = reviews_this_year_warning([date(2026, 12, 10)], [date(2026, 12, 10),
                                                                date(2027, 3, 1)], today=today)
    assert warning is not None
    assert warning.startswith("Only 1 review this academic year; 2 expected by now")
    assert "CoP 6.65" in warning
    # last year's reviews do not count
    assert reviews_this_year_warning([date(2026, 7, 1)] * 3, [date(2026, 7, 1)] * 3,
                                     today=date(2027, 1, 5)) is not None


CITATION = re.compile(r"(Reg \d+(?:-\d+|(?:\(\w+\))*)|CoP \d+\.\d+(?:-\d+\.\d+)?"
                      r"|CFA 2014 s\d+(?:\(\w+\))*)")
COP_RANGE = re.compile(r"CoP (\d+)\.(\d+)-\1\.(\d+)")


def _in_rules(citation: str, text: str) -> bool:
    """Cited word for word, or a paragraph of a regulation the rules cite (Reg 18(1)(a) of
    "Reg 18"), or a Code paragraph inside a range the rules cite (CoP 9.178 in 9.166-9.179)."""
    if citation in text:
        return True
    regulation = re.match(r"Reg \d+", citation)
    if regulation and re.search(re.escape(regulation.group()) + r"(?!\d)", text):
        return True
    cop = re.fullmatch(r"CoP (\d+)\.(\d+)", citation)
    if cop is None:
        return False
    return any(
        m.group(1) == cop.group(1) and int(m.group(2)) <= int(cop.group(2)) <= int(m.group(3))
        for m in COP_RANGE.finditer(text))


def test_every_citation_appears_in_the_send_rules() -> None:
    # the rules as checked against the legislation, kept in the repository (docs/SEND-RULES.md)
    rules_file = Path(__file__).resolve().parents[3] / "docs" / "SEND-RULES.md"
    text = rules_file.read_text(encoding="utf-8")
    cited = {c for rule in RULES.values() for c in CITATION.findall(rule.citation)}
    assert {"Reg 5(1)", "Reg 8(1)", "Reg 10(1)", "Reg 13(1)", "Reg 13(2)", "Reg 20(3)",
            "Reg 20(4)", "Reg 22(2)(c)", "Reg 22(3)", "Reg 18(1)(b)", "CoP 6.44-6.56",
            "CFA 2014 s44(1)", "CoP 9.178"} <= cited
    missing = sorted(c for c in cited if not _in_rules(c, text))
    assert missing == []


@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)))
def test_an_academic_year_runs_from_1_september_to_31_august_and_holds_the_day(
    day: date,
) -> None:
    starts, ends = academic_year_bounds(day)
    assert starts <= day <= ends
    assert (starts.month, starts.day, ends.month, ends.day) == (9, 1, 8, 31)
    assert ends.year == starts.year + 1


def test_academic_year_edges() -> None:
    assert academic_year_bounds(date(2026, 8, 31)) == (date(2025, 9, 1), date(2026, 8, 31))
    assert academic_year_bounds(date(2026, 9, 1)) == (date(2026, 9, 1), date(2027, 8, 31))
