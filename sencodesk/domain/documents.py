"""What each printable document is drawn from: plain, frozen data.

Services gather a *sheet* (checking permission and auditing the export); reports draw it. Neither
side knows about the other, so the same sheet prints from the app and from the command line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sencodesk.domain.assessment import MeasuredImpact
from sencodesk.domain.chronology import ChronologyEvent
from sencodesk.domain.clock import Milestone
from sencodesk.domain.codes import NeedType, SenStatus, YearGroup
from sencodesk.domain.ehcp_records import PlanRecord, RequestRecord
from sencodesk.domain.evidence import (
    EhcpTimeliness,
    InterventionImpact,
    RegisterSummary,
    ReviewCompliance,
)
from sencodesk.domain.inclusion_figures import InclusionFigures
from sencodesk.domain.provision_map import ProvisionMap
from sencodesk.domain.records import (
    AuditRecord,
    ContactRecord,
    CycleRecord,
    DocumentRecord,
    PassportRecord,
    PupilDetail,
    PupilRow,
    SincePrinted,
)
from sencodesk.domain.review_paperwork import ReviewReport


@dataclass(frozen=True)
class DocumentMeta:
    """Who produced a document, when, for which school, and its title (also the PDF title)."""

    school: str
    produced_by: str
    produced_at: datetime
    title: str
    #: Written for the public (the SEN information report on the school's website): no
    #: OFFICIAL-SENSITIVE marking, which every document about pupils carries.
    published: bool = False


@dataclass(frozen=True)
class PassportSheet:
    """One pupil's passport page."""

    pupil: PupilRow
    passport: PassportRecord
    photo: bytes | None
    contacts: tuple[str, ...]
    #: what changed since the person printing it last printed it (None: nothing, or never)
    since: SincePrinted | None = None


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


@dataclass(frozen=True)
class RequestTimeline:
    """One EHC needs assessment request and its statutory milestones as they stand."""

    request: RequestRecord
    milestones: tuple[Milestone, ...]


@dataclass(frozen=True)
class ChronologySheet:
    """Everything on a pupil's EHCP file in date order, for a tribunal bundle."""

    meta: DocumentMeta
    pupil: PupilRow
    events: tuple[ChronologyEvent, ...]
    requests: tuple[RequestTimeline, ...]
    plans: tuple[PlanRecord, ...]
    #: The annual-review milestones of the plan in force (none if no live plan).
    review_milestones: tuple[Milestone, ...]


@dataclass(frozen=True)
class RegisterLine:
    pupil: PupilRow
    #: What the pupil receives in their current support plan (intervention names).
    provision: tuple[str, ...]


@dataclass(frozen=True)
class RegisterSheet:
    """The SEND register: every pupil on SEN support or with an EHC plan."""

    meta: DocumentMeta
    lines: tuple[RegisterLine, ...]


@dataclass(frozen=True)
class ProvisionMapSheet:
    meta: DocumentMeta
    map: ProvisionMap
    #: per intervention, from entry and exit measures (empty when none were taken)
    measured: tuple[tuple[str, MeasuredImpact], ...] = ()


#: The most pupils an evidence pack's case sample may hold.
MAX_CASES = 6


@dataclass(frozen=True)
class CaseStudy:
    """One pupil in the evidence pack's case sample. When the pack is anonymised ``name`` is a
    stable code, names in the free text are replaced by it, and UPN, date of birth and photo
    are left out."""

    name: str
    upn: str | None
    dob: date | None
    photo: bytes | None
    year_group: YearGroup
    status: SenStatus
    needs: tuple[NeedType, ...]
    #: "How best to support me" from the newest passport.
    support_me: str
    #: The newest support plans, newest first (at most three).
    cycles: tuple[CycleRecord, ...]
    reviews_past_year: int


@dataclass(frozen=True)
class OfstedPack:
    """The evidence a head hands to inspectors and governors about SEND in the school."""

    meta: DocumentMeta
    anonymised: bool
    today: date
    summary: RegisterSummary
    compliance: ReviewCompliance
    timeliness: EhcpTimeliness
    impact: tuple[InterventionImpact, ...]
    provision: ProvisionMap
    cases: tuple[CaseStudy, ...]
    inclusion: InclusionFigures | None = None
    #: per intervention, from the entry and exit measures of plans running in the past year
    measured: tuple[tuple[str, MeasuredImpact], ...] = ()


@dataclass(frozen=True)
class SubjectAccessSheet:
    """Everything held about one pupil, for a subject access request (UK GDPR Article 15) or,
    with ``sent_to``, as the SEN file summary sent to the school a leaver moved to."""

    meta: DocumentMeta
    pupil: PupilDetail
    passports: tuple[PassportRecord, ...]
    cycles: tuple[CycleRecord, ...]
    requests: tuple[RequestRecord, ...]
    plans: tuple[PlanRecord, ...]
    contacts: tuple[ContactRecord, ...]
    documents: tuple[tuple[DocumentRecord, bytes], ...]
    photo: bytes | None
    audit: tuple[AuditRecord, ...]
    sent_to: str = ""
    #: The school's reports of annual review meetings: (meeting date, report).
    review_reports: tuple[tuple[date, ReviewReport], ...] = ()


@dataclass(frozen=True)
class CoverLine:
    """One pupil on a supply cover sheet: a line from their passport for whoever covers."""

    name: str
    need: str
    status: str  # "SEN support", "EHC plan" or "" (a pupil with a passport, not on the register)
    support: str  # the first of "how best to support me", "" without a passport


@dataclass(frozen=True)
class CoverSheet:
    """For supply staff covering one teaching group: its pupils with SEND in register order,
    one line each of how best to support them, on one A4 page."""

    meta: DocumentMeta
    code: str
    subject: str
    teachers: tuple[str, ...]
    lines: tuple[CoverLine, ...]
    others: int  # pupils in the group with no SEND and no passport (not listed)
    senco_contact: str = ""


@dataclass(frozen=True)
class TeacherPack:
    """The passports one teacher needs: their groups (code, subject, the pupils in it who have
    a passport, register order) and each of those pupils' passport once."""

    teacher: str
    groups: tuple[tuple[str, str, tuple[str, ...]], ...]
    passports: PassportSet
    #: a supply cover sheet for each group, after the contents
    covers: tuple[CoverSheet, ...] = ()
