"""The figures of the Ofsted evidence pack, worked out from plain records (no I/O).

Each figure says what it counts, so the pack can print the rule beside the number: the
graduated approach (SEND Code of Practice 6.44-6.56, reviews and parent meetings at least three
times a year, CoP 6.65), EHC needs assessment time limits (SEND Regulations 2014, Reg 5-13) and
annual reviews within 12 months (Reg 18-22).
"""

from __future__ import annotations

import hashlib
import hmac
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sencodesk.domain.census_days import census_days as days_of_year
from sencodesk.domain.clock import Milestone, MilestoneStatus
from sencodesk.domain.clock.apdr import REVIEWS_A_YEAR
from sencodesk.domain.clock.calendar import months_after
from sencodesk.domain.clock.rules import TIME_LIMITED
from sencodesk.domain.codes import CycleStatus, NeedType, Progress, SenStatus, YearGroup
from sencodesk.domain.ehcp_records import PlanRecord
from sencodesk.domain.records import CycleRecord, PupilRow
from sencodesk.domain.review_duties import StepCount, review_duties

ON_REGISTER = frozenset({SenStatus.SUPPORT, SenStatus.EHCP})
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ2346789"  # no look-alikes (I/1, O/0, S/5)


@dataclass(frozen=True)
class StatusSpan:
    """One period of a pupil's SEN status (history, never overwritten)."""

    pupil_id: int
    status: SenStatus
    starts_on: date
    ends_on: date | None

    def covers(self, day: date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)

    def while_here(self, joined_on: date | None, left_on: date | None) -> StatusSpan | None:
        """The part of this period while the pupil was at this school: history brought by a
        transfer file starts counting when they joined; a period left open ends when they
        left. None if none of it was."""
        starts = max(self.starts_on, joined_on) if joined_on else self.starts_on
        ends = self.ends_on
        if left_on is not None:
            ends = left_on if ends is None else min(ends, left_on)
        if ends is not None and ends < starts:
            return None
        return StatusSpan(self.pupil_id, self.status, starts, ends)


@dataclass(frozen=True)
class CensusPoint:
    on: date
    label: str
    support: int
    ehcp: int


@dataclass(frozen=True)
class RegisterSummary:
    on_roll: int
    support: int
    ehcp: int
    #: Primary need of pupils on the register, most common first.
    by_need: tuple[tuple[NeedType, int], ...]
    #: (year group, on SEN support, with an EHC plan), youngest first.
    by_year: tuple[tuple[YearGroup, int, int], ...]
    trend: tuple[CensusPoint, ...]


def census_days(today: date, count: int = 9) -> list[tuple[date, str]]:
    """The last ``count`` school census days on or before ``today``, oldest first (the days
    of :mod:`sencodesk.domain.census_days`), each labelled with its season and year."""
    found = [(day.on, f"{day.season} {day.on.year}")
             for year in range(today.year - count // 3 - 2, today.year + 1)
             for day in days_of_year(year) if day.on <= today]
    return sorted(found)[-count:]


def summarise_register(on_roll: Sequence[PupilRow], spans: Iterable[StatusSpan],
                       today: date) -> RegisterSummary:
    """Counts by status, primary need and year group today, and the register at each of the
    last nine census days."""
    register = [r for r in on_roll if r.status in ON_REGISTER]
    needs = Counter(r.primary_need for r in register if r.primary_need is not None)
    years: dict[YearGroup, list[int]] = defaultdict(lambda: [0, 0])
    for row in register:
        years[row.year_group][row.status is SenStatus.EHCP] += 1
    days = census_days(today)
    counts = {day: [0, 0] for day, _ in days}
    for span in spans:
        if span.status in ON_REGISTER:
            for day, _ in days:
                if span.covers(day):
                    counts[day][span.status is SenStatus.EHCP] += 1
    return RegisterSummary(
        on_roll=len(on_roll),
        support=sum(r.status is SenStatus.SUPPORT for r in register),
        ehcp=sum(r.status is SenStatus.EHCP for r in register),
        by_need=tuple(needs.most_common()),
        by_year=tuple((year, k, e) for year, (k, e) in sorted(years.items())),
        trend=tuple(CensusPoint(day, label, *counts[day]) for day, label in days),
    )


@dataclass(frozen=True)
class ReviewCompliance:
    """The graduated approach over the twelve months to ``until``."""

    since: date
    until: date
    #: Pupils on the register for the whole twelve months (the fair denominator).
    pupils: int
    with_three_reviews: int
    reviews: int
    with_pupil_voice: int
    with_parent_voice: int
    #: (year group, pupils, with three reviews)
    by_year: tuple[tuple[YearGroup, int, int], ...]


def review_compliance(register: Sequence[PupilRow], on_register_since: Mapping[int, date],
                      cycles: Mapping[int, Sequence[CycleRecord]],
                      today: date) -> ReviewCompliance:
    """How many pupils on the register for the past year had at least three reviews in it, and
    how many of those reviews recorded the pupil's and the parents' views (CoP 6.65)."""
    since = months_after(today, -12)
    pupils = with_three = reviews = pupil_voice = parent_voice = 0
    years: dict[YearGroup, list[int]] = defaultdict(lambda: [0, 0])
    for row in register:
        held = [c for c in cycles.get(row.id, ())
                if c.status is CycleStatus.REVIEWED and c.reviewed_on is not None
                and since < c.reviewed_on <= today]
        reviews += len(held)
        pupil_voice += sum(bool(c.pupil_voice.strip()) for c in held)
        parent_voice += sum(bool(c.parent_voice.strip()) for c in held)
        if on_register_since.get(row.id, today) <= since:
            pupils += 1
            years[row.year_group][0] += 1
            if len(held) >= REVIEWS_A_YEAR:
                with_three += 1
                years[row.year_group][1] += 1
    return ReviewCompliance(since, today, pupils, with_three, reviews, pupil_voice,
                            parent_voice, tuple((y, n, k) for y, (n, k) in sorted(years.items())))


def on_register_since(spans: Iterable[StatusSpan], today: date) -> dict[int, date]:
    """For each pupil on the register today, the start of their unbroken time on it."""
    by_pupil: dict[int, list[StatusSpan]] = defaultdict(list)
    for span in spans:
        by_pupil[span.pupil_id].append(span)
    since: dict[int, date] = {}
    for pid, history in by_pupil.items():
        start: date | None = None
        for span in sorted(history, key=lambda s: s.starts_on, reverse=True):
            if span.status not in ON_REGISTER:
                break
            if start is not None and span.ends_on is not None \
                    and span.ends_on < start - timedelta(days=1):
                break
            if span.starts_on <= today:
                start = span.starts_on
        if start is not None:
            since[pid] = start
    return since


@dataclass(frozen=True)
class MilestoneCount:
    label: str
    on_time: int
    late: int
    excused: int
    overdue: int


@dataclass(frozen=True)
class EhcpTimeliness:
    requests: int
    #: Time-limited steps (Reg 5(1), 8(1), 10(1), 13(2)) by step, in statutory order.
    steps: tuple[MilestoneCount, ...]
    reviews_on_time: int
    reviews_late: int
    reviews_overdue: int
    #: The annual review steps of the past year that the school controls, then the LA's.
    school_steps: tuple[StepCount, ...] = ()
    la_review_steps: tuple[StepCount, ...] = ()

    @property
    def school_met(self) -> int:
        return sum(s.on_time for s in self.school_steps)

    @property
    def school_judged(self) -> int:
        return sum(s.judged for s in self.school_steps)

    @property
    def met(self) -> int:
        return sum(s.on_time for s in self.steps)

    @property
    def judged(self) -> int:
        return sum(s.on_time + s.late + s.excused + s.overdue for s in self.steps)


def ehcp_timeliness(request_milestones: Sequence[Sequence[Milestone]],
                    plans: Sequence[PlanRecord], review_milestones: Sequence[Milestone],
                    today: date) -> EhcpTimeliness:
    """Share of time-limited assessment steps met; annual reviews of the past year, each held
    in time to be completed within the 12 months starting with the plan's issue or the last
    review's completion (CFA 2014 s44(1)), step by step for the school and the LA; and any
    review meeting overdue now."""
    order: dict[str, str] = {}
    tally: dict[str, Counter[MilestoneStatus]] = defaultdict(Counter)
    for milestones in request_milestones:
        for m in milestones:
            if m.id in TIME_LIMITED:
                order.setdefault(m.id, m.label)
                tally[m.id][m.status] += 1
    steps = tuple(MilestoneCount(
        label, tally[mid][MilestoneStatus.DONE_ON_TIME], tally[mid][MilestoneStatus.DONE_LATE],
        tally[mid][MilestoneStatus.EXCEPTION], tally[mid][MilestoneStatus.OVERDUE],
    ) for mid, label in order.items())
    school, la = review_duties(plans, since=months_after(today, -12), today=today)
    meetings = school[0]
    overdue = sum(m.id == "review_meeting" and m.status is MilestoneStatus.OVERDUE
                  for m in review_milestones)
    return EhcpTimeliness(len(request_milestones), steps, meetings.on_time, meetings.late,
                          overdue, school, la)


@dataclass(frozen=True)
class InterventionImpact:
    name: str
    pupils: int
    outcomes: int
    by_progress: tuple[tuple[Progress, int], ...]

    @property
    def met_or_exceeded(self) -> int:
        return sum(n for p, n in self.by_progress if p in (Progress.MET, Progress.EXCEEDED))


def intervention_impact(cycles: Iterable[CycleRecord], today: date) -> tuple[
        InterventionImpact, ...]:
    """Progress ratings at review, in the past twelve months, of the outcomes each intervention
    was meant to achieve: an outcome counts for an intervention only when the plan links them,
    so a reading group is not credited with a behaviour target met in the same plan."""
    since = months_after(today, -12)
    ratings: dict[str, Counter[Progress]] = defaultdict(Counter)
    pupils: dict[str, set[int]] = defaultdict(set)
    for cycle in cycles:
        if cycle.reviewed_on is None or not since < cycle.reviewed_on <= today:
            continue
        judged = {o.position: o.progress for o in cycle.outcomes if o.progress is not None}
        for name in cycle.interventions:
            positions = {n for p in cycle.provisions if p.name == name
                         for n in p.outcome_positions if n in judged}
            if positions:
                ratings[name].update(judged[n] for n in positions)
                pupils[name].add(cycle.pupil_id)
    found = [InterventionImpact(name, len(pupils[name]), sum(counts.values()),
                                tuple((p, counts[p]) for p in Progress))
             for name, counts in ratings.items() if counts]
    return tuple(sorted(found, key=lambda i: (-i.met_or_exceeded / i.outcomes, i.name)))


def anonymous_code(secret: bytes, pupil_id: int) -> str:
    """A stable code for a pupil ("Pupil K7QM2X"): the same pupil gets the same code in every
    pack from this school, and it cannot be turned back into a pupil without the school's key."""
    digest = hmac.new(secret, f"pupil:{pupil_id}".encode(), hashlib.sha256).digest()
    number = int.from_bytes(digest[:8], "big")
    letters = []
    for _ in range(6):
        number, index = divmod(number, len(_CODE_ALPHABET))
        letters.append(_CODE_ALPHABET[index])
    return "Pupil " + "".join(letters)
