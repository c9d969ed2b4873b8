"""Assessment scores (standardised scores, percentile ranks, reading and spelling ages) and the
measured impact of an intervention from entry and exit measures: the average change in
standardised score, and the ratio gain for reading and spelling ages."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from statistics import mean

from sencodesk.domain.errors import ValidationError

#: Months gained in a reading or spelling age divided by the months between the two tests,
#: the measure used in the literacy-intervention literature (e.g. Brooks, "What works for
#: children and young people with literacy difficulties?"): 1.0 is the progress of time alone.
RATIO_GAIN_RULE = "Ratio gain: months gained in reading or spelling age / months elapsed"
#: Fewer pupils with both an entry and an exit measure than this give no average.
MIN_PUPILS = 5
DAYS_A_MONTH = 365.25 / 12


class ScoreKind(StrEnum):
    STANDARDISED = "standardised"
    PERCENTILE = "percentile"
    READING_AGE = "reading age"
    SPELLING_AGE = "spelling age"

    @property
    def is_age(self) -> bool:
        return self in (ScoreKind.READING_AGE, ScoreKind.SPELLING_AGE)

    @classmethod
    def parse(cls, text: str, *, field: str = "kind") -> ScoreKind:
        cleaned = text.strip().casefold()
        for kind, names in _KIND_NAMES.items():
            if cleaned in names:
                return kind
        raise ValidationError(field, f"{text!r} is not a kind of score (standardised, "
                              "percentile, reading age or spelling age)")


_KIND_NAMES = {
    ScoreKind.STANDARDISED: ("standardised", "standardised score", "standardized", "ss", "sas"),
    ScoreKind.PERCENTILE: ("percentile", "percentile rank", "pr", "centile"),
    ScoreKind.READING_AGE: ("reading age", "ra"),
    ScoreKind.SPELLING_AGE: ("spelling age", "sa"),
}
_AGE = re.compile(r"(\d{1,2})\s*y(?:ears?)?\s*(\d{1,2})\s*m(?:onths?)?")


def parse_value(kind: ScoreKind, text: str, *, field: str = "score") -> float:
    """A score as a number; an age as months, from "101" or "8y 5m"."""
    cleaned = text.strip().casefold()
    found = _AGE.fullmatch(cleaned) if kind.is_age else None
    try:
        value = int(found[1]) * 12 + int(found[2]) if found else float(cleaned)
    except ValueError:
        raise ValidationError(field, f"{text!r} is not a score" + (
            " (an age is in months, or written like 8y 5m)" if kind.is_age else "")) from None
    check_score(kind, value, field=field)
    return value


_RANGES = {ScoreKind.STANDARDISED: (40, 160, "a standardised score is from 40 to 160"),
           ScoreKind.PERCENTILE: (1, 99, "a percentile rank is from 1 to 99"),
           ScoreKind.READING_AGE: (36, 240, "an age is in months, from 36 (3 years) to 240"),
           ScoreKind.SPELLING_AGE: (36, 240, "an age is in months, from 36 (3 years) to 240")}


def check_score(kind: ScoreKind, value: float, *, field: str = "score") -> None:
    low, high, rule = _RANGES[kind]
    if not low <= value <= high:
        raise ValidationError(field, f"{value:g} is out of range: {rule}")


def age_text(months: float) -> str:
    """96 -> "8y 0m"."""
    whole = round(months)
    return f"{whole // 12}y {whole % 12}m"


def months_between(first: date, last: date) -> float:
    return (last - first).days / DAYS_A_MONTH


def ratio_gain(entry_months: float, exit_months: float, entry_on: date, exit_on: date,
               ) -> float | None:
    """Months gained / months elapsed; None when no time has passed."""
    elapsed = months_between(entry_on, exit_on)
    return (exit_months - entry_months) / elapsed if elapsed > 0 else None


@dataclass(frozen=True)
class Measure:
    """One pupil's entry and exit measure on one provision."""

    pupil_id: int
    kind: ScoreKind
    test_name: str
    entry_value: float
    entry_on: date
    exit_value: float | None = None
    exit_on: date | None = None

    @property
    def complete(self) -> bool:
        return self.exit_value is not None and self.exit_on is not None


@dataclass(frozen=True)
class MeasuredImpact:
    pupils: int  # with a complete measure
    score_change: float | None  # average change in standardised score
    reading_ratio_gain: float | None
    spelling_ratio_gain: float | None
    #: how many complete measures each average is worked from
    counts: tuple[int, int, int] = (0, 0, 0)
    #: pupils with an entry measure still waiting for their exit measure
    awaiting: int = 0

    @property
    def too_few(self) -> bool:
        return self.pupils < MIN_PUPILS


def figure_text(value: float | None, count: int, *, places: int = 1,
                anonymised: bool = False) -> str:
    """A measured-impact figure, or why there is none (``anonymised``: without saying how
    few, which could tell a reader who they are)."""
    if count == 0:
        return "not measured"
    if value is None:
        return f"fewer than {MIN_PUPILS} pupils" if anonymised else f"too few pupils ({count})"
    return f"{value:+.{places}f}" if places == 1 else f"{value:.{places}f}"


def measured_impact(measures: Iterable[Measure]) -> MeasuredImpact:
    """Averages over the pupils with both measures; each average is None when fewer than
    MIN_PUPILS pupils have that measure."""
    measures = list(measures)
    done = [m for m in measures if m.complete]

    def average(values: list[float]) -> float | None:
        return mean(values) if len(values) >= MIN_PUPILS else None

    def gains(kind: ScoreKind) -> list[float]:
        found = [ratio_gain(m.entry_value, m.exit_value or 0, m.entry_on, m.exit_on or m.entry_on)
                 for m in done if m.kind is kind]
        return [g for g in found if g is not None]

    changes = [(m.exit_value or 0) - m.entry_value for m in done
               if m.kind is ScoreKind.STANDARDISED]
    reading, spelling = gains(ScoreKind.READING_AGE), gains(ScoreKind.SPELLING_AGE)
    pupils = {m.pupil_id for m in done}
    return MeasuredImpact(len(pupils), average(changes), average(reading), average(spelling),
                          (len(changes), len(reading), len(spelling)),
                          len({m.pupil_id for m in measures if not m.complete} - pupils))
