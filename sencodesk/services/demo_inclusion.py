"""Three years of inclusion context for the demo school, in believable proportions: pupils
with SEND attend a little less and are suspended more often than their peers (as in the DfE's
national figures), a few pupils are on part-time timetables, one of them past its review.

Each pupil's figures come from a generator seeded by the pupil alone, so adding them leaves the
rest of the demo school exactly as it was.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from functools import cache

from sqlmodel import Session

from sencodesk.domain.assessment import DAYS_A_MONTH, ScoreKind
from sencodesk.domain.clock.calendar import is_working_day
from sencodesk.domain.codes import NeedType, SenStatus
from sencodesk.domain.inclusion import ExclusionKind, Term
from sencodesk.services.demo_terms import half_terms
from sencodesk.store.tables import (
    ApdrCycle,
    AssessmentScore,
    AttendanceTerm,
    Exclusion,
    Intervention,
    PartTimeTimetable,
    ProvisionMeasure,
    PupilContext,
)

#: Mean share of sessions missed, suspensions a year, and the chances of each flag, by group.
_ABSENCE = {SenStatus.NONE: 0.065, SenStatus.SUPPORT: 0.080, SenStatus.EHCP: 0.085}
_SUSPENSIONS = {SenStatus.NONE: 0.05, SenStatus.SUPPORT: 0.20, SenStatus.EHCP: 0.16}
_FSM = {SenStatus.NONE: 0.22, SenStatus.SUPPORT: 0.36, SenStatus.EHCP: 0.40}
_IN_CARE = {SenStatus.NONE: 0.008, SenStatus.SUPPORT: 0.025, SenStatus.EHCP: 0.03}
_CHILD_IN_NEED = {SenStatus.NONE: 0.02, SenStatus.SUPPORT: 0.05, SenStatus.EHCP: 0.06}
_REASONS = (("DB", 34), ("VA", 15), ("PP", 12), ("VP", 10), ("PA", 6), ("DA", 5), ("DM", 5),
            ("BU", 4), ("MT", 4), ("RA", 2), ("OW", 2), ("TH", 1))
_PART_TIME_REASONS = (
    "Reintegration after a long absence: anxiety about school",
    "Medical: phased return after surgery, agreed with the consultant",
    "Emotionally based school avoidance: building up to full days",
)


@cache
def _sessions(year: int, today: date) -> tuple[tuple[Term, int, date, date], ...]:
    """Each term of the year that has begun by ``today``: its possible sessions (two per
    working day, up to today) and its span."""
    halves = half_terms(year)
    found = []
    for term, (first, second) in zip(Term, (halves[0:2], halves[2:4], halves[4:6]),
                                      strict=True):
        starts, ends = first[1], second[2]
        if starts > today:
            break
        days = sum(is_working_day(starts + timedelta(days=n))
                   for n in range((min(ends, today) - starts).days + 1))
        found.append((term, 2 * days, starts, min(ends, today)))
    return tuple(found)


def add_context(session: Session, pid: int, status: SenStatus, need: NeedType | None,
                joined: date, *, today: date, start_year: int) -> int:
    """Write one pupil's three years of attendance, suspensions, flags and any part-time
    timetable; return how many rows were written."""
    rng = random.Random(pid * 7919 + start_year)
    rows: list[object] = []
    # a pupil's tendency to be absent carries from year to year
    propensity = min(0.6, rng.gammavariate(2, _ABSENCE[status] / 2))
    for year in range(start_year - 2, start_year + 1):
        if date(year, 9, 3) < joined:
            continue
        for term, possible, starts, ends in _sessions(year, today):
            rate = min(0.9, propensity * rng.uniform(0.6, 1.4))
            absent = round(possible * rate)
            unauthorised = round(absent * rng.uniform(0.1, 0.5))
            rows.append(AttendanceTerm(pupil_id=pid, academic_year=year, term=term.value,
                                       possible=possible, attended=possible - absent,
                                       authorised=absent - unauthorised,
                                       unauthorised=unauthorised))
            if rng.random() < _SUSPENSIONS[status] / 3:
                day = starts + timedelta(days=rng.randrange(max(1, (ends - starts).days)))
                while not is_working_day(day):
                    day -= timedelta(days=1)
                rows.append(Exclusion(
                    pupil_id=pid, kind=ExclusionKind.SUSPENSION.value, starts_on=day,
                    days=rng.choice((1, 1, 1, 2, 2, 3, 5)),
                    reason=rng.choices([c for c, _ in _REASONS], [w for _, w in _REASONS])[0]))
    fsm = rng.random() < _FSM[status]
    in_care = rng.random() < _IN_CARE[status]
    rows.append(PupilContext(
        pupil_id=pid, fsm=fsm, pupil_premium=fsm or rng.random() < 0.05,
        looked_after=in_care, previously_looked_after=not in_care and rng.random() < 0.01,
        eal=rng.random() < 0.18, child_in_need=rng.random() < _CHILD_IN_NEED[status],
        child_protection=rng.random() < _CHILD_IN_NEED[status] / 4))
    if status is not SenStatus.NONE and need in (NeedType.SEMH, NeedType.ASD) \
            and rng.random() < 0.06:
        starts = today - timedelta(days=rng.randrange(14, 70))
        rows.append(PartTimeTimetable(
            pupil_id=pid, starts_on=starts, planned_end=starts + timedelta(weeks=8),
            # reviewed every few weeks: some due soon, some already past
            review_on=max(starts + timedelta(weeks=2),
                          today + timedelta(days=rng.randrange(-7, 28))),
            reason=rng.choice(_PART_TIME_REASONS)))
    session.add_all(rows)
    return len(rows)


#: Literacy interventions measured by reading age and standardised score, with a typical
#: ratio gain for each (months of reading age gained per month of the programme).
MEASURED = {"Lexia reading programme": 1.8, "Toe by Toe": 2.4, "Precision teaching": 1.4}


def add_measures(session: Session, pid: int, cycle: ApdrCycle, intervention: Intervention,
                 progress: dict[int, tuple[date, float, float]]) -> int:
    """Entry measures for a literacy intervention in a plan, exit measures once the plan is
    reviewed, and the same results as the pupil's assessment scores; return rows written.
    ``progress`` carries each pupil's last reading age and score from plan to plan, so their
    results follow on rather than jump about."""
    typical = MEASURED.get(intervention.name)
    if typical is None or cycle.id is None or intervention.id is None:
        return 0
    rng = random.Random(cycle.id * 104729 + intervention.id)
    entry_on = cycle.starts_on + timedelta(days=rng.randrange(0, 6))
    exit_on = cycle.reviewed_on
    last_on, age, score = progress.get(pid, (entry_on, rng.randrange(84, 120),
                                             rng.randrange(70, 86)))
    # between programmes a reading age grows with time (a ratio gain of about 1)
    age += max(0.0, (entry_on - last_on).days / DAYS_A_MONTH)
    rows: list[object] = []
    results = {ScoreKind.READING_AGE: (round(age), round(age)),
               ScoreKind.STANDARDISED: (round(score), round(score))}
    if exit_on:
        months = (exit_on - entry_on).days / DAYS_A_MONTH
        exit_age = age + months * max(0.3, rng.gauss(typical, 0.5))
        exit_score = min(score + rng.gauss(2, 2), 105)
        results = {ScoreKind.READING_AGE: (round(age), round(exit_age)),
                   ScoreKind.STANDARDISED: (round(score), round(exit_score))}
        progress[pid] = (exit_on, exit_age, exit_score)
    for kind, (first, last) in results.items():
        rows.append(ProvisionMeasure(
            cycle_id=cycle.id, intervention_id=intervention.id, kind=kind.value,
            test_name="NGRT", entry_value=first, entry_on=entry_on,
            exit_value=last if exit_on else None, exit_on=exit_on))
        rows.append(AssessmentScore(pupil_id=pid, kind=kind.value, test_name="NGRT",
                                    assessed_on=entry_on, value=first, assessor="Demo SENCO"))
        if exit_on:
            rows.append(AssessmentScore(pupil_id=pid, kind=kind.value, test_name="NGRT",
                                        assessed_on=exit_on, value=last,
                                        assessor="Demo SENCO"))
    session.add_all(rows)
    return len(rows)
