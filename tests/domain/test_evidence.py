"""The evidence pack's figures: census days, register counts, the graduated approach, EHCP
timeliness, intervention impact and anonymous codes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from sencodesk.domain import evidence
from sencodesk.domain.clock import ehcp_timeline
from sencodesk.domain.codes import CycleStatus, NeedType, Progress, SenStatus, YearGroup
from sencodesk.domain.ehcp_records import AnnualReviewRecord, PlanRecord
from sencodesk.domain.evidence import StatusSpan
from sencodesk.domain.records import CycleRecord, OutcomeRecord, ProvisionRecord, PupilRow

TODAY = date(2026, 11, 22)


def _row(pid: int, status: SenStatus = SenStatus.SUPPORT, year: YearGroup = YearGroup.Y7,
         need: NeedType | None = NeedType.SLCN) -> PupilRow:
    return PupilRow(pid, f"UPN{pid}", "Surname", "Forename", date(2014, 1, 1), year, "7A", "F",
                    status, need if status is not SenStatus.NONE else None, None, None)


def _cycle(pid: int, reviewed_on: date | None, *, voices: bool = True,
           progress: tuple[Progress, ...] = (Progress.MET,),
           interventions: tuple[str, ...] = ("Lexia",),
           links: dict[str, tuple[int, ...]] | None = None) -> CycleRecord:
    """``links``: the outcome positions each intervention is meant to achieve (default all)."""
    every = tuple(range(1, len(progress) + 1))
    return CycleRecord(
        id=hash((pid, reviewed_on)) % 10_000, pupil_id=pid, previous_id=None,
        status=CycleStatus.REVIEWED if reviewed_on else CycleStatus.ACTIVE,
        starts_on=(reviewed_on or TODAY) - timedelta(days=70),
        review_on=reviewed_on or TODAY + timedelta(days=20), assess_notes="", areas_of_need="",
        reviewed_on=reviewed_on, next_steps="", pupil_voice="I liked it" if voices else "",
        parent_voice="Good" if voices else "", attendees="",
        outcomes=tuple(OutcomeRecord(i, i, "x", "y", p) for i, p in enumerate(progress, 1)),
        provisions=tuple(ProvisionRecord(i, None, name, "", "TA", 1, 30, 3, 10, 1000,
                                         (links or {}).get(name, every) if links is not None
                                         else every)
                         for i, name in enumerate(interventions)))


def test_census_days_are_the_right_thursdays() -> None:
    days = evidence.census_days(TODAY)
    assert len(days) == 9
    assert days[-1] == (date(2026, 10, 1), "Autumn 2026")  # first Thursday of October
    assert (date(2026, 1, 15), "Spring 2026") in days  # third Thursday of January
    assert (date(2026, 5, 21), "Summer 2026") in days  # third Thursday of May
    assert [d for d, _ in days] == sorted(d for d, _ in days)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)))
def test_census_days_are_thursdays_before_today(today: date) -> None:
    days = evidence.census_days(today)
    assert len(days) == 9
    assert all(d.weekday() == 3 and d <= today for d, _ in days)
    assert (days[-1][0] - days[0][0]).days < 3 * 366


def test_register_summary_counts_today_and_at_each_census() -> None:
    rows = [_row(1), _row(2, SenStatus.EHCP, YearGroup.Y8, NeedType.ASD),
            _row(3, SenStatus.NONE), _row(4, need=NeedType.ASD)]
    spans = [StatusSpan(1, SenStatus.SUPPORT, date(2025, 9, 1), None),
             StatusSpan(2, SenStatus.SUPPORT, date(2024, 9, 1), date(2025, 12, 31)),
             StatusSpan(2, SenStatus.EHCP, date(2026, 1, 1), None),
             StatusSpan(4, SenStatus.SUPPORT, date(2026, 11, 1), None)]
    summary = evidence.summarise_register(rows, spans, TODAY)
    assert (summary.on_roll, summary.support, summary.ehcp) == (4, 2, 1)
    assert summary.by_need == ((NeedType.ASD, 2), (NeedType.SLCN, 1))
    assert summary.by_year == ((YearGroup.Y7, 2, 0), (YearGroup.Y8, 0, 1))
    at = {p.label: (p.support, p.ehcp) for p in summary.trend}
    assert at["Autumn 2025"] == (2, 0)
    assert at["Spring 2026"] == (1, 1)  # pupil 2 moved to an EHC plan on 01/01/2026
    assert at["Autumn 2026"] == (1, 1)  # pupil 4 joined after the census


def test_graduated_approach_counts_only_pupils_on_the_register_all_year() -> None:
    rows = [_row(1), _row(2), _row(3, SenStatus.EHCP, YearGroup.Y9)]
    since = {1: date(2024, 9, 1), 2: date(2026, 9, 1), 3: date(2020, 1, 1)}
    cycles = {
        1: [_cycle(1, date(2026, 3, 1)), _cycle(1, date(2026, 7, 1)),
            _cycle(1, date(2026, 11, 1), voices=False), _cycle(1, date(2025, 7, 1))],
        2: [_cycle(2, date(2026, 11, 10))],
        3: [_cycle(3, date(2026, 6, 1))],
    }
    found = evidence.review_compliance(rows, since, cycles, TODAY)
    assert found.since == date(2025, 11, 22)
    assert (found.pupils, found.with_three_reviews) == (2, 1)
    assert found.reviews == 5  # the 2025 review is outside the year
    assert (found.with_pupil_voice, found.with_parent_voice) == (4, 4)
    assert found.by_year == ((YearGroup.Y7, 1, 1), (YearGroup.Y9, 1, 0))


def test_time_on_the_register_is_unbroken() -> None:
    spans = [StatusSpan(1, SenStatus.SUPPORT, date(2023, 9, 1), date(2024, 8, 31)),
             StatusSpan(1, SenStatus.EHCP, date(2024, 9, 1), None),
             StatusSpan(2, SenStatus.SUPPORT, date(2022, 9, 1), date(2023, 6, 30)),
             StatusSpan(2, SenStatus.NONE, date(2023, 7, 1), date(2025, 12, 31)),
             StatusSpan(2, SenStatus.SUPPORT, date(2026, 1, 1), None),
             StatusSpan(3, SenStatus.NONE, date(2020, 1, 1), None)]
    assert evidence.on_register_since(spans, TODAY) == {1: date(2023, 9, 1),
                                                        2: date(2026, 1, 1)}


def test_history_counts_only_while_the_pupil_was_at_this_school() -> None:
    # arrived by transfer file on 1/9/2025 with K since 2019; left on 31/3/2026, still K
    brought = StatusSpan(1, SenStatus.SUPPORT, date(2019, 9, 1), None)
    here = brought.while_here(date(2025, 9, 1), date(2026, 3, 31))
    assert here == StatusSpan(1, SenStatus.SUPPORT, date(2025, 9, 1), date(2026, 3, 31))
    summary = evidence.summarise_register([], [here], TODAY)
    by_day = {p.on: p.support for p in summary.trend}
    assert by_day[date(2025, 1, 16)] == 0  # spring census 2025: not yet here
    assert by_day[date(2025, 10, 2)] == 1  # autumn 2025: here, on K
    assert by_day[date(2026, 5, 21)] == 0  # summer 2026: left in March
    # a period that ended before the pupil joined is not theirs here at all
    assert StatusSpan(1, SenStatus.SUPPORT, date(2019, 9, 1), date(2020, 7, 1)).while_here(
        date(2025, 9, 1), None) is None


@given(st.dates(date(2015, 1, 1), date(2027, 1, 1)), st.one_of(st.none(), st.integers(0, 2000)),
       st.one_of(st.none(), st.integers(-900, 900)),
       st.one_of(st.none(), st.integers(0, 2000)), st.dates(date(2014, 1, 1), date(2030, 1, 1)))
def test_a_day_counts_only_if_on_the_register_and_at_the_school(
    starts: date, lasts: int | None, joined: int | None, stays: int | None,
    day: date,
) -> None:
    span = StatusSpan(1, SenStatus.SUPPORT, starts,
                      None if lasts is None else starts + timedelta(days=lasts))
    joined_on = None if joined is None else starts + timedelta(days=joined)
    left_on = None if stays is None or joined_on is None else joined_on + timedelta(days=stays)
    here = span.while_here(joined_on, left_on)
    at_school = (joined_on is None or joined_on <= day) and (left_on is None or day <= left_on)
    expected = span.covers(day) and at_school
    assert (here is not None and here.covers(day)) == expected


def test_ehcp_timeliness_counts_steps_and_reviews() -> None:
    done = {"decision_to_assess": date(2026, 2, 10), "final_plan": date(2026, 6, 30)}
    late = ehcp_timeline(date(2026, 1, 5), today=TODAY, draft_served_on=date(2026, 4, 6),
                         done=done)
    review = AnnualReviewRecord(1, 1, date(2026, 3, 1), None, None, None, None, None, None,
                                None, "")
    slow = replace(review, id=2, meeting_on=date(2026, 9, 1))
    plans = [PlanRecord(1, 1, None, date(2025, 4, 1), "", "", None, None, (review,)),
             PlanRecord(2, 2, None, date(2024, 6, 1), "", "", None, None, (slow,))]
    found = evidence.ehcp_timeliness([late], plans, [], TODAY)
    steps = {s.label: s for s in found.steps}
    assert steps["LA decides whether to assess (6 weeks)"].on_time == 1
    assert steps["Final EHC plan issued (20 weeks)"].late == 1
    assert found.requests == 1 and found.met < found.judged
    assert (found.reviews_on_time, found.reviews_late, found.reviews_overdue) == (1, 1, 0)


def test_intervention_impact_counts_only_the_outcomes_each_is_linked_to() -> None:
    cycles = [
        # Lexia is meant to achieve outcome 1 (met), ELSA outcome 2 (not met)
        _cycle(1, date(2026, 7, 1), progress=(Progress.MET, Progress.NOT_MET),
               interventions=("Lexia", "ELSA"), links={"Lexia": (1,), "ELSA": (2,)}),
        _cycle(2, date(2026, 3, 1), progress=(Progress.EXCEEDED,)),
        _cycle(3, date(2024, 3, 1), progress=(Progress.NOT_MET,)),  # too old
        _cycle(4, None),  # not reviewed yet
    ]
    found = {i.name: i for i in evidence.intervention_impact(cycles, TODAY)}
    assert set(found) == {"Lexia", "ELSA"}
    # Lexia: pupil 1's outcome 1 (met) + pupil 2's outcome 1 (exceeded); ELSA: one not met
    assert (found["Lexia"].pupils, found["Lexia"].outcomes) == (2, 2)
    assert found["Lexia"].met_or_exceeded == 2
    assert dict(found["ELSA"].by_progress)[Progress.NOT_MET] == 1
    assert found["ELSA"].outcomes == 1


def test_an_intervention_linked_to_no_outcome_is_credited_with_nothing() -> None:
    cycles = [_cycle(1, date(2026, 7, 1), progress=(Progress.MET, Progress.EXCEEDED),
                     interventions=("Lexia", "ELSA"), links={"Lexia": (1, 2), "ELSA": ()})]
    found = {i.name: i for i in evidence.intervention_impact(cycles, TODAY)}
    assert set(found) == {"Lexia"} and found["Lexia"].outcomes == 2


@given(st.binary(min_size=16, max_size=32), st.integers(min_value=1, max_value=10**6))
def test_anonymous_codes_are_stable_and_keyed(secret: bytes, pupil_id: int) -> None:
    code = evidence.anonymous_code(secret, pupil_id)
    assert code == evidence.anonymous_code(secret, pupil_id)
    assert code.startswith("Pupil ") and len(code) == 12
    assert not set(code[6:]) & set("IO01S5")


def test_anonymous_codes_rarely_collide_in_a_large_school() -> None:
    codes = {evidence.anonymous_code(b"k" * 32, pid) for pid in range(1, 2001)}
    assert len(codes) == 2000
    assert evidence.anonymous_code(b"k" * 32, 1) != evidence.anonymous_code(b"j" * 32, 1)
