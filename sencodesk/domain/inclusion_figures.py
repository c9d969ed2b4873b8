"""The inclusion figures a screen and the evidence pack show, as plain data, and how a count
or rate is written, with small counts suppressed when the figures are anonymised."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sencodesk.domain.codes import SenStatus, YearGroup
from sencodesk.domain.inclusion import ContextFlags
from sencodesk.domain.inclusion_rates import GROUPS, GroupRates

#: Counts from 1 to 4 are not printed in anonymised figures: with so few, a reader who knows
#: the school could tell who they are (the DfE suppresses small numbers for the same reason).
SMALL = 5
FEWER = f"fewer than {SMALL}"
#: What stands in for a rate that would give a small count away, and what it means.
HIDDEN = "c"
HIDDEN_NOTE = f"{HIDDEN}: not shown, as it is worked from a count under {SMALL}"


def count_text(count: int, *, anonymised: bool) -> str:
    return FEWER if anonymised and 0 < count < SMALL else f"{count:,}"


def rate_text(rate: float | None, counts: Sequence[int], *, anonymised: bool,
              unit: str = "%") -> str:
    """A rate to one decimal place; not shown when anonymised and any count it is worked from
    (numerator or denominator) is from 1 to 4, as it would give the count away."""
    if rate is None:
        return "no data"
    if anonymised and any(0 < n < SMALL for n in counts):
        return HIDDEN
    return f"{rate:.1f}{unit}"


@dataclass(frozen=True)
class YearRates:
    start_year: int
    groups: tuple[GroupRates, ...]  # in GROUPS order: K, E, N

    def of(self, group: SenStatus) -> GroupRates:
        return self.groups[GROUPS.index(group)]


@dataclass(frozen=True)
class PartTimeInForce:
    pupil: str  # a name, or an anonymous code
    year_group: YearGroup
    status: SenStatus
    starts_on: date
    planned_end: date
    review_on: date
    reason: str
    pupil_id: int = 0

    def overdue(self, today: date) -> bool:
        return self.review_on < today


@dataclass(frozen=True)
class Disadvantage:
    group: SenStatus
    pupils: int
    disadvantaged: int
    fsm: int
    looked_after: int  # looked after or previously looked after
    eal: int


def disadvantage(groups: Mapping[int, SenStatus], flags: Mapping[int, ContextFlags],
                 ) -> tuple[Disadvantage, ...]:
    """Pupils on roll by group (K, E, N) and how many of them are disadvantaged (pupil
    premium, FSM, looked after or previously looked after), on FSM, (previously) in care and
    EAL."""
    found = []
    for group in GROUPS:
        mine = [flags.get(pid, ContextFlags()) for pid, g in groups.items() if g is group]
        found.append(Disadvantage(
            group, len(mine), sum(f.disadvantaged for f in mine), sum(f.fsm for f in mine),
            sum(f.looked_after or f.previously_looked_after for f in mine),
            sum(f.eal for f in mine)))
    return tuple(found)


@dataclass(frozen=True)
class InclusionFigures:
    today: date
    anonymised: bool
    years: tuple[YearRates, ...]  # oldest first
    part_time: tuple[PartTimeInForce, ...]
    disadvantage: tuple[Disadvantage, ...]

    @property
    def overdue_reviews(self) -> int:
        return sum(p.overdue(self.today) for p in self.part_time)

