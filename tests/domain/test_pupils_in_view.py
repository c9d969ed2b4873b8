"""Which pupils a teacher sees on a day, and which contact notes: the rules server mode's
row-level security mirrors."""

from __future__ import annotations

from datetime import date

from sencodesk.domain.codes import Role
from sencodesk.domain.permissions import current, in_view, reads_note, whole_school

D = date


def test_a_period_covers_its_first_and_last_day_only() -> None:
    assert current(D(2026, 9, 1), D(2026, 12, 18), D(2026, 9, 1))
    assert current(D(2026, 9, 1), D(2026, 12, 18), D(2026, 12, 18))
    assert not current(D(2026, 9, 1), D(2026, 12, 18), D(2026, 12, 19))
    assert not current(D(2026, 9, 1), None, D(2026, 8, 31))
    assert current(None, None, D(2026, 8, 31))


def test_places_and_shares_on_the_day() -> None:
    places = [(1, D(2026, 9, 1), None), (2, D(2026, 9, 1), D(2026, 11, 21))]
    shares = [(3, D(2026, 11, 1), D(2026, 11, 30))]
    assert in_view(places, shares, D(2026, 11, 21)) == {1, 2, 3}
    assert in_view(places, shares, D(2026, 11, 22)) == {1, 3}
    assert in_view(places, shares, D(2026, 12, 1)) == {1}


def test_notes_a_teacher_reads() -> None:
    assert reads_note(Role.TEACHER, reader_id=5, author_id=5, for_teachers=False)
    assert reads_note(Role.TEACHER, reader_id=5, author_id=6, for_teachers=True)
    assert not reads_note(Role.TEACHER, reader_id=5, author_id=6, for_teachers=False)
    assert reads_note(Role.HEAD, reader_id=5, author_id=6, for_teachers=False)
    assert whole_school(Role.SENCO) and not whole_school(Role.TEACHER)
