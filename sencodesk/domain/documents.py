"""What each printable document is drawn from: plain, frozen data.

Services gather a *sheet* (checking permission and auditing the export); reports draw it. Neither
side knows about the other, so the same sheet prints from the app and from the command line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sencodesk.domain.records import CycleRecord, PassportRecord, PupilRow


@dataclass(frozen=True)
class DocumentMeta:
    """Who produced a document, when, for which school, and its title (also the PDF title)."""

    school: str
    produced_by: str
    produced_at: datetime
    title: str


@dataclass(frozen=True)
class PassportSheet:
    """One pupil's passport page."""

    pupil: PupilRow
    passport: PassportRecord
    photo: bytes | None
    contacts: tuple[str, ...]


@dataclass(frozen=True)
class PassportSet:
    """Passports printed together (one pupil, a selection or a class), one page each.
    ``missing`` names chosen pupils who have no passport yet."""

    meta: DocumentMeta
    sheets: tuple[PassportSheet, ...]
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanSheet:
    """A pupil's APDR plans and reviews."""

    meta: DocumentMeta
    pupil: PupilRow
    cycles: tuple[CycleRecord, ...]
