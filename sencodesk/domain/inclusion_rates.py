"""Attendance, persistent absence, suspension and permanent exclusion rates for pupils on SEN
support (K), with an EHC plan (E) and not on the SEN register (N): pure arithmetic on plain
records, worked the way the DfE's national statistics work them, so a school's figures can
be set beside the national ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sencodesk.domain.codes import SenStatus
from sencodesk.domain.evidence import StatusSpan, census_days
from sencodesk.domain.inclusion import AttendanceRecord, ExclusionKind, ExclusionRecord

#: A persistent absentee misses 10% or more of their own possible sessions, counting
#: authorised and unauthorised absence alike (the DfE's threshold since 2015/16).
PERSISTENT_ABSENCE_RULE = (
    "DfE pupil absence statistics: a persistent absentee misses 10% or more of their own "
    "possible sessions (overall absence = authorised + unauthorised; threshold from 2015/16, "
    "DfE 'A guide to absence statistics', 3.2.2)")
ATTENDANCE_RULE = ("Attendance rate: sessions attended as a share of possible sessions, all "
                   "pupils' sessions added together (as DfE absence statistics)")
EXCLUSION_RATE_RULE = (
    "DfE suspension and permanent exclusion statistics: the number of suspensions (or "
    "permanent exclusions) in the year per 100 pupils on roll; pupils are grouped by their SEN "
    "status at the spring (January) census")
GROUPS = (SenStatus.SUPPORT, SenStatus.EHCP, SenStatus.NONE)


def attendance_rate(attended: int, possible: int) -> float | None:
    """Percentage of possible sessions attended; None when there were none."""
    return 100 * attended / possible if possible else None


def absence_rate(absent: int, possible: int) -> float | None:
    """Overall absence: percentage of possible sessions missed (authorised + unauthorised)."""
    return 100 * absent / possible if possible else None


def is_persistent_absentee(absent: int, possible: int) -> bool:
    """10% or more of possible sessions missed (PERSISTENT_ABSENCE_RULE); integers compared
    exactly, so 38 of 380 is persistent and 37 of 380 is not."""
    return possible > 0 and 10 * absent >= possible


def per_hundred(events: int, pupils: int) -> float | None:
    """Events per 100 pupils on roll (a suspension or exclusion rate)."""
    return 100 * events / pupils if pupils else None


@dataclass(frozen=True)
class PupilYear:
    """One pupil's facts in one academic year."""

    pupil_id: int
    group: SenStatus
    possible: int = 0
    attended: int = 0
    absent: int = 0
    suspensions: int = 0
    permanent_exclusions: int = 0


@dataclass(frozen=True)
class GroupRates:
    group: SenStatus
    pupils: int
    #: pupils with any possible sessions recorded (the persistent absence denominator)
    with_attendance: int
    possible: int
    attended: int
    persistent_absentees: int
    suspensions: int
    pupils_suspended: int
    permanent_exclusions: int

    @property
    def attendance_rate(self) -> float | None:
        return attendance_rate(self.attended, self.possible)

    @property
    def persistent_absence_rate(self) -> float | None:
        return per_hundred(self.persistent_absentees, self.with_attendance)

    @property
    def suspension_rate(self) -> float | None:
        return per_hundred(self.suspensions, self.pupils)

    @property
    def permanent_exclusion_rate(self) -> float | None:
        return per_hundred(self.permanent_exclusions, self.pupils)


def group_rates(group: SenStatus, pupils: Iterable[PupilYear]) -> GroupRates:
    """The figures for the pupils of ``group`` among ``pupils``."""
    mine = [p for p in pupils if p.group is group]
    return GroupRates(
        group=group, pupils=len(mine),
        with_attendance=sum(p.possible > 0 for p in mine),
        possible=sum(p.possible for p in mine), attended=sum(p.attended for p in mine),
        persistent_absentees=sum(is_persistent_absentee(p.absent, p.possible) for p in mine),
        suspensions=sum(p.suspensions for p in mine),
        pupils_suspended=sum(p.suspensions > 0 for p in mine),
        permanent_exclusions=sum(p.permanent_exclusions for p in mine))


def census_day(start_year: int) -> date:
    """The spring census day of the academic year starting in ``start_year``."""
    (day, _label), = census_days(date(start_year + 1, 1, 31), count=1)
    return day


def group_on(spans: Sequence[StatusSpan], day: date) -> SenStatus:
    return next((s.status for s in spans if s.covers(day)), SenStatus.NONE)


def pupil_years(start_year: int, on_roll: Iterable[int],
                spans: Mapping[int, Sequence[StatusSpan]],
                attendance: Mapping[int, Sequence[AttendanceRecord]],
                exclusions: Mapping[int, Sequence[ExclusionRecord]], *,
                day: date | None = None) -> list[PupilYear]:
    """Each pupil of ``on_roll`` in the academic year starting ``start_year``, in the group of
    their SEN status on ``day`` (that year's spring census day unless given: a year still
    under way uses today), with that year's sessions and suspensions."""
    day = day or census_day(start_year)
    first, last = date(start_year, 9, 1), date(start_year + 1, 8, 31)
    found = []
    for pid in on_roll:
        terms = [a for a in attendance.get(pid, ()) if a.academic_year == start_year]
        events = [e for e in exclusions.get(pid, ()) if first <= e.starts_on <= last]
        found.append(PupilYear(
            pid, group_on(spans.get(pid, ()), day),
            possible=sum(a.possible for a in terms), attended=sum(a.attended for a in terms),
            absent=sum(a.absent for a in terms),
            suspensions=sum(e.kind is ExclusionKind.SUSPENSION for e in events),
            permanent_exclusions=sum(e.kind is ExclusionKind.PERMANENT for e in events)))
    return found
