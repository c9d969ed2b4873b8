"""A trust's anonymised view across its schools: the register by need, status and year group,
and how timely EHC needs assessments and annual reviews were.

Each school's figures are counts only (:class:`SchoolSummary`): no pupil's name, UPN, date of
birth or any free text, so that the summary can leave the school for the trust's central team.
The dashboard adds the schools up and, as published statistics do, shows any count from 1 to 4
as "fewer than 5", and no share of a group smaller than 5 pupils or of fewer than 5 pupils, so
that no pupil can be picked out of a small school or a rare need.
Pure: figures in, figures out; no I/O.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sencodesk.domain.codes import NeedType, YearGroup
from sencodesk.domain.documents import DocumentMeta
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.evidence import EhcpTimeliness, RegisterSummary
from sencodesk.domain.info_report import SUPPRESS_BELOW, SUPPRESSED, suppressed

#: The summary file's layout; a newer one is refused rather than half-read.
SUMMARY_FORMAT = 1
SUMMARY_KIND = "sencodesk school summary"
TOO_FEW = "fewer than 5 pupils"
ALL_SCHOOLS = "All schools"
#: The trust's total where a school's own figure is suppressed: the total less the other
#: schools' figures would give that small count away.
WITHHELD = "withheld"
NONE_DUE = "none due"


@dataclass(frozen=True)
class SchoolSummary:
    """One school's counts on ``as_of``: pupils on roll, on SEN support (K) and with an EHC plan
    (E); the register by primary need and by year group (K, E); time-limited EHC needs
    assessment steps met of those judged; annual reviews of the past year held on time, late,
    and overdue now."""

    school: str
    as_of: date
    on_roll: int
    support: int
    ehcp: int
    by_need: tuple[tuple[NeedType, int], ...]
    by_year: tuple[tuple[YearGroup, int, int], ...]
    steps_met: int
    steps_judged: int
    reviews_on_time: int
    reviews_late: int
    reviews_overdue: int

    @property
    def on_register(self) -> int:
        return self.support + self.ehcp

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": SUMMARY_KIND, "format": SUMMARY_FORMAT, "school": self.school,
            "as_of": self.as_of.isoformat(), "on_roll": self.on_roll,
            "support": self.support, "ehcp": self.ehcp,
            "by_need": {need.value: count for need, count in self.by_need},
            "by_year": {str(int(year)): [k, e] for year, k, e in self.by_year},
            "steps_met": self.steps_met, "steps_judged": self.steps_judged,
            "reviews_on_time": self.reviews_on_time, "reviews_late": self.reviews_late,
            "reviews_overdue": self.reviews_overdue,
        }

    @classmethod
    def from_json(cls, data: Any) -> SchoolSummary:
        """A summary read back; ValidationError naming what is wrong (a file that is not a
        school summary, from a newer sencodesk, or with a figure missing or not a count)."""
        if not isinstance(data, dict) or data.get("kind") != SUMMARY_KIND:
            raise ValidationError("file", "is not a school summary exported by sencodesk")
        if data.get("format") != SUMMARY_FORMAT:
            raise ValidationError("file", "was written by a newer sencodesk: update this one")
        school = data.get("school")
        if not isinstance(school, str) or not school.strip():
            raise ValidationError("school", "is missing")
        try:
            as_of = date.fromisoformat(str(data.get("as_of")))
        except ValueError:
            raise ValidationError("as_of", "is not a date") from None
        needs, years = data.get("by_need"), data.get("by_year")
        if not isinstance(needs, dict) or not isinstance(years, dict):
            raise ValidationError("by_need", "must list counts by need and by year group")
        try:
            by_need = tuple((NeedType(code), _count(count, f"by_need.{code}"))
                            for code, count in needs.items())
            by_year = tuple((YearGroup(int(year)), _count(pair[0], f"by_year.{year}"),
                             _count(pair[1], f"by_year.{year}"))
                            for year, pair in years.items())
        except (ValueError, TypeError, IndexError, KeyError):
            raise ValidationError("by_need", "holds a need type, year group or count that "
                                  "sencodesk does not know") from None
        counts = {name: _count(data.get(name), name) for name in _COUNTS}
        return cls(school=school.strip(), as_of=as_of, by_need=by_need, by_year=by_year,
                   **counts)


_COUNTS = ("on_roll", "support", "ehcp", "steps_met", "steps_judged", "reviews_on_time",
           "reviews_late", "reviews_overdue")


def _count(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError(name, "must be a count (a whole number, 0 or more)")
    return value


def summary_of(school: str, as_of: date, register: RegisterSummary,
               timeliness: EhcpTimeliness) -> SchoolSummary:
    """A school's summary from the figures its evidence pack is drawn from."""
    return SchoolSummary(
        school, as_of, register.on_roll, register.support, register.ehcp, register.by_need,
        register.by_year, timeliness.met, timeliness.judged, timeliness.reviews_on_time,
        timeliness.reviews_late, timeliness.reviews_overdue)


@dataclass(frozen=True)
class TrustDashboard:
    """The schools (by name) and their sum, as of the latest summary."""

    schools: tuple[SchoolSummary, ...]
    total: SchoolSummary

    @property
    def needs(self) -> tuple[NeedType, ...]:
        """The needs any school has, most common across the trust first."""
        return tuple(need for need, _count in self.total.by_need)


@dataclass(frozen=True)
class TrustDashboardSheet:
    """The dashboard as a document: who drew it, when, for which trust, and the schools on
    the trust's server that have not shared a summary yet (by database)."""

    meta: DocumentMeta
    dashboard: TrustDashboard
    not_shared: tuple[str, ...] = ()


def combine(summaries: Sequence[SchoolSummary]) -> TrustDashboard:
    """The trust's dashboard; ValidationError if there are none or a school comes twice (the
    same summary given twice would count its pupils twice)."""
    if not summaries:
        raise ValidationError("summaries", "choose at least one school's summary file")
    seen = Counter(s.school.casefold() for s in summaries)
    first: dict[str, str] = {}
    for summary in summaries:
        first.setdefault(summary.school.casefold(), summary.school)
    twice = sorted(name for key, name in first.items() if seen[key] > 1)
    if twice:
        raise ValidationError("summaries", f"{' and '.join(twice)}: each is given more than "
                              "once; keep one summary a school")
    needs: Counter[NeedType] = Counter()
    years: dict[YearGroup, list[int]] = {}
    for summary in summaries:
        needs.update(dict(summary.by_need))
        for year, k, e in summary.by_year:
            pair = years.setdefault(year, [0, 0])
            pair[0] += k
            pair[1] += e
    total = SchoolSummary(
        school=ALL_SCHOOLS, as_of=max(s.as_of for s in summaries),
        by_need=tuple(sorted(needs.items(), key=lambda item: (-item[1], item[0].value))),
        by_year=tuple((year, k, e) for year, (k, e) in sorted(years.items())),
        **{name: sum(int(getattr(s, name)) for s in summaries) for name in _COUNTS})
    return TrustDashboard(tuple(sorted(summaries, key=lambda s: s.school.casefold())), total)


def share_cell(part: int, whole: int, *, too_few: str = TOO_FEW) -> str:
    """``part`` of ``whole`` as a whole percentage; none of a group under 5 (``too_few``), and
    none of fewer than 5 pupils (the percentage and the group would give the count away)."""
    if whole < SUPPRESS_BELOW:
        return too_few
    if 0 < part < SUPPRESS_BELOW:
        return SUPPRESSED
    percent = (Decimal(100 * part) / whole).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"{percent}%"  # 12.5% is 13%, as published statistics round


Row = tuple[str, ...]


def register_rows(dashboard: TrustDashboard) -> list[Row]:
    """School, on roll, SEN support, EHC plan, share on the register: each school, then the
    trust. The share is withheld beside a suppressed or withheld count (the share of the roll
    less the other count would give it away)."""
    def cells(s: SchoolSummary) -> Row:
        return (s.school, f"{s.on_roll:,}", suppressed(s.support), suppressed(s.ehcp),
                share_cell(s.on_register, s.on_roll))
    return [(*row[:4], WITHHELD) if any(_hidden(cell) for cell in row[2:4]) else row
            for row in _with_total(dashboard, cells)]


def _hidden(cell: str) -> bool:
    return cell.startswith(SUPPRESSED) or cell == WITHHELD


def timeliness_rows(dashboard: TrustDashboard) -> list[Row]:
    """School, EHC needs assessment steps due, share done in time, annual reviews on time,
    late, overdue now: each school, then the trust."""
    def cells(s: SchoolSummary) -> Row:
        return (s.school, suppressed(s.steps_judged),
                share_cell(s.steps_met, s.steps_judged, too_few=f"{SUPPRESSED} due")
                if s.steps_judged else NONE_DUE,
                suppressed(s.reviews_on_time), suppressed(s.reviews_late),
                suppressed(s.reviews_overdue))
    return _with_total(dashboard, cells)


def _with_total(dashboard: TrustDashboard, cells: Callable[[SchoolSummary], Row]) -> list[Row]:
    """The schools' rows and the trust's, whose figure is withheld in any column where a
    school's is suppressed (secondary suppression)."""
    rows = [cells(s) for s in dashboard.schools]
    hidden = {column for row in rows for column, cell in enumerate(row)
              if column and _hidden(cell)}
    total = cells(dashboard.total)
    return [*rows, tuple(WITHHELD if column in hidden else cell
                         for column, cell in enumerate(total))]


def need_count(summary: SchoolSummary, need: NeedType) -> int:
    return dict(summary.by_need).get(need, 0)


def year_counts(summary: SchoolSummary) -> Mapping[YearGroup, tuple[int, int]]:
    return {year: (k, e) for year, k, e in summary.by_year}


def need_rows(dashboard: TrustDashboard) -> list[Row]:
    """Primary need, pupils, share of the register: the trust's, most common first, with
    secondary suppression down the column (:func:`column_cells`); a share beside a hidden
    count is hidden too."""
    total = dashboard.total
    counts = [need_count(total, need) for need in dashboard.needs]
    return [(need.label, cell, cell if _hidden(cell) else share_cell(count, total.on_register))
            for need, count, cell in zip(dashboard.needs, counts, column_cells(counts),
                                         strict=True)]


def year_rows(dashboard: TrustDashboard) -> list[Row]:
    """Year group, SEN support, EHC plan: the trust's, each column suppressed as
    :func:`column_cells` says."""
    years = year_counts(dashboard.total)
    support = column_cells([k for k, _e in years.values()])
    plans = column_cells([e for _k, e in years.values()])
    return [(year.label, k, e) for year, k, e in zip(years, support, plans, strict=True)]


def column_cells(counts: Sequence[int]) -> list[str]:
    """A column of counts whose sum can be read elsewhere (the register's totals): 1 to 4 as
    "fewer than 5"; then, while the sum less the counts shown would pin a hidden count to one
    value, the smallest count still shown is withheld too (secondary suppression)."""
    hidden = {i for i, count in enumerate(counts) if 0 < count < SUPPRESS_BELOW}
    withheld: set[int] = set()
    while hidden and _pinned(counts, hidden, withheld):
        shown = [i for i, count in enumerate(counts)
                 if count >= SUPPRESS_BELOW and i not in withheld]
        if not shown:
            break
        withheld.add(min(shown, key=lambda i: counts[i]))
    return [WITHHELD if i in withheld else suppressed(count) for i, count in enumerate(counts)]


def _pinned(counts: Sequence[int], hidden: set[int], withheld: set[int]) -> bool:
    """Whether a reader who knows the column's sum could work out a hidden or withheld count,
    knowing that a hidden one is 1 to 4 and a withheld one 5 or more, and (the rule being
    public) no more than the smallest count still shown."""
    shown = [count for i, count in enumerate(counts)
             if count >= SUPPRESS_BELOW and i not in withheld]
    ceiling = min(shown) if shown else sum(counts)
    ranges = {i: (1, SUPPRESS_BELOW - 1) for i in hidden}
    ranges |= {i: (SUPPRESS_BELOW, ceiling) for i in withheld}
    unknown = sum(counts[i] for i in ranges)
    low, high = sum(r[0] for r in ranges.values()), sum(r[1] for r in ranges.values())
    return any(max(lo, unknown - (high - hi)) == min(hi, unknown - (low - lo))
               for lo, hi in ranges.values())
