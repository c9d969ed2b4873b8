"""The trust's dashboard: schools' counts added up by hand, small counts and shares suppressed,
and summary files read back or refused with the reason."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sencodesk.domain.codes import NeedType, YearGroup
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.info_report import SUPPRESSED, suppressed
from sencodesk.domain.trust_dashboard import (
    ALL_SCHOOLS,
    WITHHELD,
    SchoolSummary,
    column_cells,
    combine,
    need_count,
    need_rows,
    register_rows,
    share_cell,
    timeliness_rows,
    year_counts,
    year_rows,
)


def _school(name: str, *, on_roll: int = 400, support: int = 50, ehcp: int = 3,
            needs: dict[NeedType, int] | None = None,
            years: tuple[tuple[YearGroup, int, int], ...] = ((YearGroup.Y7, 30, 2),
                                                             (YearGroup.Y8, 20, 1)),
            as_of: date = date(2026, 11, 22)) -> SchoolSummary:
    found = needs if needs is not None else {NeedType.SEMH: 20, NeedType.SPLD: 30,
                                            NeedType.HI: 3}
    return SchoolSummary(name, as_of, on_roll, support, ehcp, tuple(found.items()), years,
                         steps_met=4, steps_judged=5, reviews_on_time=2, reviews_late=1,
                         reviews_overdue=0)


def test_the_trust_adds_its_schools_up() -> None:
    north = _school("North Academy")
    south = _school("South Academy", on_roll=600, support=80, ehcp=9,
                    needs={NeedType.SEMH: 40, NeedType.ASD: 49},
                    years=((YearGroup.Y8, 5, 4), (YearGroup.Y9, 75, 5)),
                    as_of=date(2026, 11, 30))
    dashboard = combine([south, north])
    assert [s.school for s in dashboard.schools] == ["North Academy", "South Academy"]
    total = dashboard.total
    assert (total.school, total.as_of) == (ALL_SCHOOLS, date(2026, 11, 30))
    assert (total.on_roll, total.support, total.ehcp, total.on_register) == (1000, 130, 12, 142)
    # SEMH 20 + 40, ASD 49, SPLD 30, HI 3: most common first
    assert dashboard.needs == (NeedType.SEMH, NeedType.ASD, NeedType.SPLD, NeedType.HI)
    assert need_count(total, NeedType.SEMH) == 60 and need_count(total, NeedType.VI) == 0
    assert year_counts(total) == {YearGroup.Y7: (30, 2), YearGroup.Y8: (25, 5),
                                  YearGroup.Y9: (75, 5)}
    assert (total.steps_met, total.steps_judged) == (8, 10)
    assert (total.reviews_on_time, total.reviews_late, total.reviews_overdue) == (4, 2, 0)


def test_small_counts_and_shares_of_small_groups_are_never_shown() -> None:
    assert [suppressed(n) for n in (0, 1, 4, 5, 1234)] == [
        "0", "fewer than 5", "fewer than 5", "5", "1,234"]
    assert share_cell(3, 4) == "fewer than 5 pupils"  # a group of 4: no share at all
    assert share_cell(0, 4) == "fewer than 5 pupils"
    assert share_cell(3, 200) == "fewer than 5"  # 2% of 200 would give 3 away
    assert share_cell(0, 200) == "0%"
    assert share_cell(50, 400) == "13%"  # 12.5% rounds half up
    assert share_cell(142, 1000) == "14%"


def test_a_school_given_twice_is_refused() -> None:
    with pytest.raises(ValidationError, match="North Academy: each is given more than once"):
        combine([_school("North Academy"), _school("north academy")])
    with pytest.raises(ValidationError, match="at least one"):
        combine([])


@given(st.lists(st.tuples(st.sampled_from(list(NeedType)), st.integers(0, 5000)),
                unique_by=lambda pair: pair[0]),
       st.integers(0, 5000), st.integers(0, 500))
def test_a_summary_reads_back_as_it_was_written(needs: list[tuple[NeedType, int]],
                                                on_roll: int, ehcp: int) -> None:
    summary = _school("Ōtautahi & St Mary's", on_roll=on_roll, ehcp=ehcp, needs=dict(needs))
    assert SchoolSummary.from_json(summary.to_json()) == summary


@pytest.mark.parametrize(("change", "message"), [
    ({"kind": "something else"}, "is not a school summary"),
    ({"format": 2}, "newer sencodesk"),
    ({"school": " "}, "school: is missing"),
    ({"as_of": "22/11/2026"}, "as_of: is not a date"),
    ({"support": -1}, "support: must be a count"),
    ({"ehcp": "3"}, "ehcp: must be a count"),
    ({"by_need": {"XYZ": 3}}, "need type, year group or count"),
    ({"by_year": {"7": [1]}}, "need type, year group or count"),
])
def test_a_damaged_summary_is_refused_saying_what_is_wrong(change: dict[str, object],
                                                           message: str) -> None:
    data = _school("North Academy").to_json() | change
    with pytest.raises(ValidationError, match=message):
        SchoolSummary.from_json(data)


def test_the_trusts_total_is_withheld_where_a_schools_figure_is_suppressed() -> None:
    big = _school("North Academy", support=50, ehcp=7)
    small = _school("Little Primary", on_roll=60, support=9, ehcp=1)
    small = replace(small, steps_met=1, steps_judged=2)
    register = register_rows(combine([big, small]))
    assert register == [
        # 17% of 60 less the 9 on SEN support would give the 1 with a plan away
        ("Little Primary", "60", "9", "fewer than 5", WITHHELD),
        ("North Academy", "400", "50", "7", "14%"),
        # and so would the trust's 8 less North Academy's 7, or 15% of 460 less 59
        ("All schools", "460", "59", WITHHELD, WITHHELD)]
    timeliness = timeliness_rows(combine([big, small]))
    assert timeliness[0][1:3] == ("fewer than 5", "fewer than 5 due")
    assert timeliness[-1][1:3] == (WITHHELD, WITHHELD)


def test_one_small_count_in_a_column_withholds_the_next_smallest_too() -> None:
    assert column_cells([20, 7, 3, 12]) == ["20", WITHHELD, SUPPRESSED, "12"]
    assert column_cells([20, 7, 3, 2]) == ["20", "7", SUPPRESSED, SUPPRESSED]  # two: enough
    assert column_cells([20, 0, 9]) == ["20", "0", "9"]
    assert column_cells([3]) == [SUPPRESSED]  # nothing else to withhold


def _values_a_reader_could_find(counts: list[int], cells: list[str]) -> list[set[int]]:
    """For each hidden or withheld cell, every count it could be, worked out by brute force
    from the column's sum as a reader could: a hidden count is 1 to 4, a withheld one from 5
    to the smallest count still shown."""
    shown = [c for c, cell in zip(counts, cells, strict=True) if cell.isdigit() and c >= 5]
    ceiling = min(shown) if shown else sum(counts)
    ranges = [range(1, 5) if cell == SUPPRESSED else range(5, ceiling + 1)
              for cell in cells if cell in (SUPPRESSED, WITHHELD)]
    unknown = sum(c for c, cell in zip(counts, cells, strict=True)
                  if cell in (SUPPRESSED, WITHHELD))
    found = []
    for i, own in enumerate(ranges):
        sums = {0}
        for other in ranges[:i] + ranges[i + 1:]:
            sums = {s + v for s in sums for v in other if s + v <= unknown}
        found.append({v for v in own if unknown - v in sums})
    return found


@given(st.lists(st.integers(min_value=0, max_value=25), max_size=7))
def test_no_small_count_can_be_worked_out_from_the_columns_sum(counts: list[int]) -> None:
    cells = column_cells(counts)
    assert all(cell in (SUPPRESSED, WITHHELD) for c, cell in zip(counts, cells, strict=True)
               if 0 < c < 5)
    everything_hidden = all(cell in (SUPPRESSED, WITHHELD) for c, cell
                            in zip(counts, cells, strict=True) if c >= 5)
    if not everything_hidden:  # (else nothing more could be withheld)
        assert all(len(values) > 1 for values in _values_a_reader_could_find(counts, cells))


def test_ties_and_pairs_of_small_counts_are_not_given_away() -> None:
    # found in review: two 1s of a known sum are both 1; a tie at 5 shows the withheld 5
    assert column_cells([1, 1, 20]) == [SUPPRESSED, SUPPRESSED, WITHHELD]
    assert column_cells([3, 5, 5, 20]) == [SUPPRESSED, WITHHELD, WITHHELD, "20"]
    assert column_cells([1, 5, 30]) == [SUPPRESSED, WITHHELD, WITHHELD]


def test_the_trusts_need_and_year_tables_hide_a_lone_small_count() -> None:
    ash = _school("Ash", needs={NeedType.SEMH: 20, NeedType.SPLD: 8, NeedType.HI: 2},
                  years=((YearGroup.Y7, 30, 2), (YearGroup.Y8, 6, 9)))
    dashboard = combine([ash])
    assert need_rows(dashboard) == [
        (NeedType.SEMH.label, "20", "38%"), (NeedType.SPLD.label, WITHHELD, WITHHELD),
        (NeedType.HI.label, SUPPRESSED, SUPPRESSED)]
    assert year_rows(dashboard) == [(YearGroup.Y7.label, "30", SUPPRESSED),
                                    (YearGroup.Y8.label, "6", WITHHELD)]
