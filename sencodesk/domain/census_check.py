"""Comparing the SEND register with the MIS's SEN export before a census day, both ways.

Pure: the MIS file's bytes and the register's current statuses in, a list of differences out,
each with the fix to make in the MIS (the census is returned from the MIS, so that is where a
difference is put right). The export may give needs as two columns (primary, secondary) or one
row per need with its rank, as SIMS's SEN needs report does; only the second shape can show two
needs both ranked 1, which the census rejects.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from sencodesk.domain import census
from sencodesk.domain.census_days import CensusDay
from sencodesk.domain.codes import NeedType, SenStatus
from sencodesk.domain.documents import DocumentMeta
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.mis_csv import ALIASES, decode

#: Census rules for SEN provision and SENtype (DfE school census guide; SEND-RULES "Need types").
RULE_TYPE_NEEDED = "School census: a SEN type (rank 1) is required for K and E"
RULE_NSA = "School census: NSA is used only with K"
RULE_ONE_PRIMARY = "School census: one SEN type at rank 1, at most one at rank 2"
RULE_NO_TYPE_FOR_N = "School census: no SEN type is returned for N"
RULE_AGREE = "School census: SEN provision and SENtype as recorded by the school"

_HEADERS: dict[str, tuple[str, ...]] = {
    "upn": ALIASES["upn"], "surname": ALIASES["surname"], "forename": ALIASES["forename"],
    "status": ALIASES["status"], "primary_need": ALIASES["primary_need"],
    "secondary_need": ALIASES["secondary_need"],
    "need": ("sen need", "need", "need type", "sen type", "sentype", "sen need type"),
    "rank": ("rank", "ranking", "need rank", "sen rank", "sentyperank", "sen type rank"),
}


class Kind(Enum):
    NOT_IN_MIS = "On the register here, not SEN in the MIS"
    NOT_ON_REGISTER = "SEN in the MIS, not on the register here"
    STATUS_DIFFERS = "Status differs"
    NEEDS_DIFFER = "Needs or ranks differ"
    CENSUS_REJECTS = "The census would reject the MIS record"
    UNREADABLE = "A row of the MIS file cannot be read"


@dataclass(frozen=True)
class MisSen:
    """One pupil's SEN in the MIS export: status and (rank, need) pairs as the file has them."""

    upn: str
    name: str
    status: SenStatus
    needs: tuple[tuple[int, NeedType], ...] = ()


@dataclass(frozen=True)
class RegisterSen:
    """One pupil's current SEN here."""

    upn: str
    name: str
    status: SenStatus
    needs: tuple[NeedType, ...] = ()  # primary first


@dataclass(frozen=True)
class Difference:
    kind: Kind
    upn: str
    pupil: str
    here: str
    there: str
    fix: str
    rule: str


@dataclass(frozen=True)
class MisExport:
    pupils: dict[str, MisSen]
    unreadable: tuple[Difference, ...] = field(default=())


def _columns(header: list[str]) -> dict[str, int]:
    titles = [title.strip().casefold() for title in header]
    found: dict[str, int] = {}
    for name, aliases in _HEADERS.items():
        for index, title in enumerate(titles):
            if title in aliases and name not in found:
                found[name] = index
    return found


def read_mis_export(data: bytes) -> MisExport:
    """The SEN of each pupil in an MIS export (CSV); a row that cannot be read is listed as a
    difference of its own rather than stopping the check."""
    text = decode(data)
    if not text.strip():
        raise ValidationError("file", "is empty")
    first_line = text.lstrip().splitlines()[0]
    rows = list(csv.reader(io.StringIO(text, newline=""),
                           delimiter=max((",", ";", "\t"), key=first_line.count)))
    columns = _columns(rows[0])
    missing = [label for name, label in (("upn", "UPN"), ("status", "SEN status"))
               if name not in columns]
    if missing:
        raise ValidationError("header", f"the MIS export has no column for {' or '.join(missing)}")
    statuses: dict[str, SenStatus] = {}
    names: dict[str, str] = {}
    needs: dict[str, list[tuple[int, NeedType]]] = {}
    unreadable: list[Difference] = []
    bad: set[str] = set()  # a pupil with a row that cannot be read is not compared at all
    for number, cells in enumerate(rows[1:], start=2):
        def cell(name: str, cells: list[str] = cells) -> str:
            index = columns.get(name)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        upn = cell("upn").upper()
        if not upn:
            continue
        name = f"{cell('forename')} {cell('surname')}".strip() or upn
        try:
            status, _ = census.parse_status(cell("status") or "N")
            found = [(1, cell("primary_need")), (2, cell("secondary_need"))]
            if "need" in columns:
                found.append((_rank(cell("rank"), number), cell("need")))
            read = [(rank, census.parse_need(code)) for rank, code in found if code]
        except ValidationError as error:
            bad.add(upn)
            unreadable.append(Difference(
                Kind.UNREADABLE, upn, name, "", f"row {number}: {error.message}",
                "Correct the code in the MIS (the census accepts only its own codes) and "
                "export again.", RULE_AGREE))
            continue
        statuses[upn] = status
        needs.setdefault(upn, []).extend(read)
        names.setdefault(upn, name)
    pupils = {upn: MisSen(upn, names.get(upn, upn), status, tuple(sorted(needs.get(upn, []))))
              for upn, status in statuses.items() if upn not in bad}
    return MisExport(pupils, tuple(unreadable))


def _rank(text: str, row: int) -> int:
    if not text:
        return 1
    if text.isdigit() and int(text) >= 1:
        return int(text)
    raise ValidationError("rank", f"{text!r} is not a rank (1 = primary, 2 = secondary)",
                          row=row)


def _needs_text(needs: Iterable[NeedType]) -> str:
    return ", ".join(f"{need.value} (rank {rank})"
                     for rank, need in enumerate(needs, start=1)) or "no need type"


def _status_text(status: SenStatus, needs: str) -> str:
    return f"{status.value}: {needs}" if status is not SenStatus.NONE else "N"


def _rejections(mis: MisSen, ours: RegisterSen | None) -> list[Difference]:
    """What the census would reject in the MIS record, with the register's answer where it
    has one."""
    want = _needs_text(ours.needs) if ours and ours.needs else ""
    there = _status_text(mis.status, _needs_text(n for _, n in mis.needs))
    here = _status_text(ours.status, _needs_text(ours.needs)) if ours else "not on roll here"
    types = [need for _, need in mis.needs]
    found: list[tuple[str, str]] = []
    if mis.status is not SenStatus.NONE and not types:
        found.append((f"Add a primary need type (rank 1){': ' + want if want else ''}.",
                      RULE_TYPE_NEEDED))
    if mis.status is SenStatus.NONE and types:
        found.append(("Remove the need types: a pupil with N has none."
                      if not ours or ours.status is SenStatus.NONE else
                      f"Set SEN provision to {ours.status.value} (the types need a status).",
                      RULE_NO_TYPE_FOR_N))
    if mis.status is SenStatus.EHCP and NeedType.NSA in types:
        found.append(("Replace NSA with the need types the EHC plan names"
                      f"{': ' + want if want else ''}.", RULE_NSA))
    ranks = [rank for rank, _ in mis.needs]
    if ranks.count(1) > 1 or ranks.count(2) > 1 or any(r > 2 for r in ranks):
        found.append(("Keep one need at rank 1 and at most one at rank 2"
                      f"{': ' + want if want else ''}.", RULE_ONE_PRIMARY))
    return [Difference(Kind.CENSUS_REJECTS, mis.upn, ours.name if ours else mis.name, here,
                       there, fix, rule) for fix, rule in found]


def _compare(upn: str, ours: RegisterSen | None, mis: MisSen | None) -> list[Difference]:
    status_here = ours.status if ours else SenStatus.NONE
    status_there = mis.status if mis else SenStatus.NONE
    name = ours.name if ours else mis.name if mis else upn
    needs_here = ours.needs if ours else ()
    needs_there = tuple(n for _, n in mis.needs) if mis else ()
    here = _status_text(status_here, _needs_text(needs_here)) if ours else "not on roll here"
    there = (_status_text(status_there, _needs_text(needs_there)) if mis
             else "not in the export (N)")
    if status_here is SenStatus.NONE and status_there is SenStatus.NONE:
        return []
    if status_there is SenStatus.NONE:
        return [Difference(Kind.NOT_IN_MIS, upn, name, here, there,
                           f"In the MIS, record SEN provision {status_here.value} with "
                           f"{_needs_text(needs_here)}.", RULE_AGREE)]
    if status_here is SenStatus.NONE:
        fix = ("Check the UPN: no pupil on roll here has it." if not ours else
               "In the MIS, end the SEN provision (set N and remove the need types) if the "
               "pupil no longer has SEN; if they do, add them to the register here first.")
        return [Difference(Kind.NOT_ON_REGISTER, upn, name, here, there, fix, RULE_AGREE)]
    if status_here is not status_there:
        return [Difference(Kind.STATUS_DIFFERS, upn, name, here, there,
                           f"In the MIS, change SEN provision from {status_there.value} to "
                           f"{status_here.value}, with {_needs_text(needs_here)}.",
                           RULE_AGREE)]
    if needs_here != needs_there:
        return [Difference(Kind.NEEDS_DIFFER, upn, name, here, there,
                           f"In the MIS, set the needs to {_needs_text(needs_here)}.",
                           RULE_AGREE)]
    return []


def compare(register: Mapping[str, RegisterSen], export: MisExport) -> list[Difference]:
    """Every difference between the register (current SEN of pupils on roll, by UPN) and the
    MIS export, by kind and then pupil. A pupil missing from the export counts as N there (an
    SEN export usually lists only pupils with SEN)."""
    found = list(export.unreadable)
    unread = {d.upn for d in export.unreadable}
    for upn in sorted((set(register) | set(export.pupils)) - unread):
        ours, mis = register.get(upn), export.pupils.get(upn)
        rejected = _rejections(mis, ours) if mis else []
        found += rejected
        # a rejected record is compared further only where the statuses differ too
        status_differs = (ours is not None and mis is not None
                          and mis.status not in (ours.status, SenStatus.NONE))
        if not rejected or status_differs:
            found += _compare(upn, ours, mis)
    order = list(Kind)
    return sorted(found, key=lambda d: (order.index(d.kind), d.pupil, d.upn))


@dataclass(frozen=True)
class CensusCheckSheet:
    """The census check as printed for the office manager."""

    meta: DocumentMeta
    census_day: CensusDay
    mis_file: str
    pupils_here: int
    pupils_there: int
    differences: tuple[Difference, ...]
