"""The demo school keeps real-looking term dates and never sends invitations in August."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import select

from sencodesk.services import ehcp, school
from sencodesk.services.context import Desk
from sencodesk.services.demo_terms import half_terms
from sencodesk.store.tables import AnnualReview


def test_half_terms_of_2026_27_look_like_a_real_school_year() -> None:
    # 2026/27: Thursday 03/09/2026 to Friday 23/10/2026; half term; Monday 02/11 to Friday
    # 18/12; Tuesday 05/01/2027 to Friday 12/02; Monday 22/02 to Thursday 25/03 (Friday 26/03
    # is Good Friday); Monday 12/04 (two weeks from Monday 29/03) to Friday 21/05; Monday
    # 31/05 (Spring bank holiday, so Tuesday 01/06) to
    # Thursday 22/07/2027.
    assert half_terms(2026) == [
        ("Autumn 1", date(2026, 9, 3), date(2026, 10, 23)),
        ("Autumn 2", date(2026, 11, 2), date(2026, 12, 18)),
        ("Spring 1", date(2027, 1, 5), date(2027, 2, 12)),
        ("Spring 2", date(2027, 2, 22), date(2027, 3, 25)),
        ("Summer 1", date(2027, 4, 12), date(2027, 5, 21)),
        ("Summer 2", date(2027, 6, 1), date(2027, 7, 22)),
    ]
    for year in range(2020, 2031):
        for _name, starts, ends in half_terms(year):
            assert starts.weekday() < 5 and ends.weekday() < 5 and starts < ends
            assert starts.month != 8 and ends.month != 8


def test_the_demo_school_has_six_half_terms_a_year_and_no_august_invitations(
    demo_desk: Desk,
) -> None:
    terms = school.terms(demo_desk)
    assert len(terms) % 6 == 0 and {t.name for t in terms} >= {"Autumn 1", "Summer 2"}
    with demo_desk.db.transaction() as session:
        reviews = list(session.exec(select(AnnualReview)))
    assert reviews
    for review in reviews:
        for day in (review.invitations_sent_on, review.advice_circulated_on, review.meeting_on):
            assert day is not None and day.month != 8 and day.weekday() < 5, review
    plans = [p for found in ehcp.plans_for(demo_desk, None).values() for p in found]
    assert all(r.la_decision_on for p in plans for r in p.reviews)
    assert timedelta(0) < max(t.ends_on for t in terms) - min(t.starts_on for t in terms)
