"""The evidence a school sends with a request for an EHC needs assessment, from the case file:
the chronology, the graduated approach (each support plan's outcomes, provision and review),
the costed provision against the £6,000 a mainstream school meets from its own budget, the
advice and reports held, and the views of the pupil and the parents.

Law, checked against the text on legislation.gov.uk: a request may be made by "a person acting
on behalf of a school" (CFA 2014 s36(1)); the LA must then determine whether it may be
necessary for special educational provision to be made in accordance with an EHC plan
(s36(3), SEND Regulations 2014 reg 4), consulting the parent (s36(4)), and tell the parent its
decision within 6 weeks of receiving the request (reg 5(1)). Pure: records in, the pack's
parts out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sencodesk.domain.documents import DocumentMeta
from sencodesk.domain.funding import TOP_UP_THRESHOLD_PENCE
from sencodesk.domain.records import (
    AgencyRecord,
    CycleRecord,
    DocumentRecord,
    NeedRecord,
    PupilRow,
    StatusRecord,
)

RULE_WHO_MAY_ASK = "Children and Families Act 2014, section 36(1)"
RULE_LA_DETERMINES = "Children and Families Act 2014, section 36(3); SEND Regulations 2014, reg 4"
RULE_SIX_WEEKS = "SEND Regulations 2014, regulation 5(1)"
#: The period of provision costed against the £6,000: the year to the day the pack is made.
COSTED_YEAR = timedelta(days=365)


@dataclass(frozen=True)
class ChronologyLine:
    on: date
    what: str


@dataclass(frozen=True)
class Views:
    """The views recorded at one review."""

    reviewed_on: date
    pupil: str
    parents: str


@dataclass(frozen=True)
class RequestPackSheet:
    meta: DocumentMeta
    pupil: PupilRow
    today: date
    statuses: tuple[StatusRecord, ...]
    needs: tuple[NeedRecord, ...]
    agencies: tuple[AgencyRecord, ...]
    cycles: tuple[CycleRecord, ...]  # oldest first
    documents: tuple[DocumentRecord, ...]
    request_received_on: date | None = None


def chronology(sheet: RequestPackSheet) -> list[ChronologyLine]:
    """Every dated step on the file in order: SEN status and needs, agencies involved, each
    support plan started and reviewed, reports received, the request."""
    lines = [ChronologyLine(s.starts_on, f"SEN status: {s.status.label}") for s in sheet.statuses]
    lines += [ChronologyLine(n.starts_on, f"Need recorded: {n.need.label}"
                             + (" (main need)" if n.rank == 1 else ""))
              for n in sheet.needs]
    lines += [ChronologyLine(a.started_on, f"{a.name} involved")
              for a in sheet.agencies if a.started_on]
    for number, cycle in enumerate(sheet.cycles, start=1):
        lines.append(ChronologyLine(cycle.starts_on, f"Support plan {number} started"))
        if cycle.reviewed_on:
            lines.append(ChronologyLine(cycle.reviewed_on, f"Support plan {number} reviewed"))
    lines += [ChronologyLine(d.dated or d.added_at.date(), f"Report held: {d.title}")
              for d in sheet.documents]
    if sheet.request_received_on:
        lines.append(ChronologyLine(sheet.request_received_on,
                                    "EHC needs assessment request received by the LA"))
    return sorted(lines, key=lambda line: line.on)


def costed_year(cycles: Sequence[CycleRecord], today: date) -> tuple[date, int]:
    """The start of the costed year and the planned cost of provision in the support plans
    that ran in it (each plan's provision counted once, as planned)."""
    start = today - COSTED_YEAR
    cost = sum(c.cost_pence for c in cycles
               if c.starts_on <= today and (c.reviewed_on or c.review_on) >= start)
    return start, cost


def above_threshold(cost_pence: int) -> bool:
    """Whether the year's provision costs more than the £6,000 the school meets itself."""
    return cost_pence > TOP_UP_THRESHOLD_PENCE


def views(cycles: Sequence[CycleRecord]) -> list[Views]:
    """The views given at each review, newest first."""
    return [Views(c.reviewed_on, c.pupil_voice.strip(), c.parent_voice.strip())
            for c in sorted(cycles, key=lambda c: c.reviewed_on or c.review_on, reverse=True)
            if c.reviewed_on and (c.pupil_voice.strip() or c.parent_voice.strip())]
