"""Plain, frozen read models that cross layers: services return them, the GUI shows them and
reports draw them. They hold no database session and no Qt object.

Where things live: every read model a service returns is here (the EHCP ones in
``ehcp_records.py``); what a service takes (``...Fields``, ``...Input``, ``...Plan``) is
defined beside the service that takes it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime

from sencodesk.domain.codes import CycleStatus, NeedType, Progress, Role, SenStatus, YearGroup
from sencodesk.domain.dates import uk
from sencodesk.domain.retention import SOURCE as RETENTION_SOURCE
from sencodesk.domain.retention import TRANSFER_SOURCE


@dataclass(frozen=True)
class SchoolInfo:
    name: str
    urn: str
    local_authority: str
    phase: str
    notional_sen_budget_pence: int
    autolock_minutes: int
    lead_times: dict[str, int] = field(default_factory=dict)
    #: How class and supply staff reach the SENCO (printed on every passport).
    senco_contact: str = ""
    #: Which parent/carer contact a passport shows (passport_contacts.ParentContact).
    passport_parent_contact: str = "none"
    #: The postal address on the letterhead, one line per line.
    address: str = ""
    #: The version read (services.versions): a save from an older one is refused.
    version: int = 0


@dataclass(frozen=True)
class TermRecord:
    id: int
    academic_year: int
    name: str
    starts_on: date
    ends_on: date


@dataclass(frozen=True)
class AccountRecord:
    staff_id: int
    name: str
    username: str
    role: Role
    active: bool


@dataclass(frozen=True)
class StaffRecord:
    id: int
    name: str
    job_title: str
    email: str


@dataclass(frozen=True, slots=True)
class PupilRow:
    """One line of the register: what lists, filters and the JSON output need."""

    id: int
    upn: str
    surname: str
    forename: str
    dob: date
    year_group: YearGroup
    form: str
    gender: str
    status: SenStatus
    primary_need: NeedType | None
    secondary_need: NeedType | None
    left_on: date | None
    next_review: date | None = None
    #: the legal names, when a preferred one is shown above (searched by the register filter)
    legal_surname: str = ""
    legal_forename: str = ""

    @property
    def display_name(self) -> str:
        return f"{self.forename} {self.surname}"

    @property
    def sort_name(self) -> str:
        return f"{self.surname}, {self.forename}"

    def to_json(self) -> dict[str, object]:
        return {
            "upn": self.upn,
            "surname": self.surname,
            "forename": self.forename,
            "dob": self.dob.isoformat(),
            "year_group": self.year_group.short,
            "class": self.form,
            "gender": self.gender,
            "status": self.status.value,
            "primary_need": self.primary_need.value if self.primary_need else None,
            "secondary_need": self.secondary_need.value if self.secondary_need else None,
            "left_on": self.left_on.isoformat() if self.left_on else None,
            "next_review": self.next_review.isoformat() if self.next_review else None,
        }


@dataclass(frozen=True)
class StatusRecord:
    id: int
    status: SenStatus
    starts_on: date
    ends_on: date | None


@dataclass(frozen=True)
class NeedRecord:
    id: int
    need: NeedType
    rank: int
    starts_on: date
    ends_on: date | None


@dataclass(frozen=True)
class ParentRecord:
    id: int
    name: str
    relationship: str
    phone: str
    email: str
    parental_responsibility: bool


@dataclass(frozen=True)
class AgencyRecord:
    id: int
    name: str
    contact: str
    started_on: date | None
    ended_on: date | None


@dataclass(frozen=True)
class PupilDetail:
    row: PupilRow
    legal_surname: str
    legal_forename: str
    preferred_surname: str
    preferred_forename: str
    joined_on: date | None
    photo_sha256: str | None
    statuses: tuple[StatusRecord, ...]
    needs: tuple[NeedRecord, ...]
    parents: tuple[ParentRecord, ...]
    agencies: tuple[AgencyRecord, ...]
    version: int = 1  # of the pupil's details, for refusing a save over a newer change


@dataclass(frozen=True)
class PassportContent:
    """The passport headings, in the pupil's own words where possible."""

    about_me: str = ""
    important_to_me: str = ""
    find_difficult: str = ""
    support_me: str = ""
    help_myself: str = ""
    current_provision: str = ""
    key_information: str = ""

    @property
    def strategies(self) -> list[str]:
        """"How best to support me" as short bullets, one per line."""
        return [line.strip(" -•\t") for line in self.support_me.splitlines() if line.strip()]


PASSPORT_HEADINGS: tuple[tuple[str, str], ...] = (
    ("about_me", "About me"),
    ("important_to_me", "What is important to me"),
    ("find_difficult", "What I find difficult"),
    ("support_me", "How best to support me"),
    ("help_myself", "How I will help myself"),
    ("current_provision", "Current provision"),
    ("key_information", "Key information"),
)


@dataclass(frozen=True)
class PassportRecord:
    id: int
    pupil_id: int
    version: int
    written_on: date
    review_on: date
    content: PassportContent
    author: str
    saved_at: datetime


@dataclass(frozen=True)
class InterventionRecord:
    id: int
    name: str
    description: str
    wave: int
    staff_grade: str
    hourly_cost_pence: int
    active: bool
    #: The version read (services.versions): a save from an older one is refused.
    version: int = 0


@dataclass(frozen=True)
class OutcomeRecord:
    id: int
    position: int
    description: str
    success_criteria: str
    progress: Progress | None


@dataclass(frozen=True)
class ProvisionRecord:
    id: int
    intervention_id: int | None
    intervention: str
    description: str
    delivered_by: str
    group_size: int
    minutes_per_session: int
    sessions_per_week: int
    weeks: int
    cost_pence: int
    #: Positions (1, 2...) of the plan's outcomes this provision is meant to achieve.
    outcome_positions: tuple[int, ...] = ()
    #: Sessions delivered, recorded at the review (None: not recorded).
    sessions_delivered: int | None = None

    @property
    def sessions_planned(self) -> int:
        return self.sessions_per_week * self.weeks

    @property
    def hours(self) -> float:
        return self.minutes_per_session * self.sessions_per_week * self.weeks / 60

    @property
    def name(self) -> str:
        """The catalogue intervention's name, else the description typed for it."""
        return self.intervention or self.description


@dataclass(frozen=True)
class CycleRecord:
    id: int
    pupil_id: int
    previous_id: int | None
    status: CycleStatus
    starts_on: date
    review_on: date
    assess_notes: str
    areas_of_need: str
    reviewed_on: date | None
    next_steps: str
    pupil_voice: str
    parent_voice: str
    attendees: str
    outcomes: tuple[OutcomeRecord, ...]
    provisions: tuple[ProvisionRecord, ...]
    #: The version read (services.versions): a save from an older one is refused.
    version: int = 0

    @property
    def cost_pence(self) -> int:
        return sum(p.cost_pence for p in self.provisions)

    @property
    def interventions(self) -> tuple[str, ...]:
        """The names of the provision in this plan, each once, in the plan's order."""
        return tuple(dict.fromkeys(p.name for p in self.provisions))


@dataclass(frozen=True)
class PlanStrategies:
    """What staff who teach a pupil read of the pupil's current support plan: when it runs, the
    areas of need, how best to support the pupil (the passport's strategies) and the provision
    the reader delivers; not the plan's outcomes, other provision or reviews."""

    pupil_id: int
    cycle_id: int
    status: CycleStatus
    starts_on: date
    review_on: date
    areas_of_need: str
    strategies: tuple[str, ...]
    provisions: tuple[ProvisionRecord, ...]


@dataclass(frozen=True)
class ContactRecord:
    id: int
    pupil_id: int
    occurred_on: date
    kind: str
    with_whom: str
    summary: str
    actions: str
    is_parent_meeting: bool
    author: str
    for_teachers: bool = False


@dataclass(frozen=True)
class DocumentRecord:
    id: int
    pupil_id: int
    sha256: str
    title: str
    kind: str
    dated: date | None
    filename: str
    size: int
    confidential: bool
    added_at: datetime


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: int | None
    pupil_id: int | None
    summary: str
    changes: dict[str, list[object]]


@dataclass(frozen=True)
class ReviewDue:
    """When a support cycle's review is (or was) due, as plain columns."""

    cycle_id: int
    pupil_id: int
    review_on: date
    reviewed_on: date | None


@dataclass(frozen=True)
class DueForDeletion:
    """A leaver whose file has been kept as long as the rule asks: ready to delete."""

    pupil_id: int
    name: str
    upn: str
    dob: date
    left_on: date
    kept_until: date
    #: The school the SEN file was sent to, and when (None: kept here to the end of retention).
    sent_to: str = ""
    sent_on: date | None = None

    @property
    def reason(self) -> str:
        if self.sent_on is not None:
            return (f"left {uk(self.left_on)}; SEN file sent to {self.sent_to} on "
                    f"{uk(self.sent_on)}: check it arrived, then delete "
                    f"({TRANSFER_SOURCE})")
        return (f"left {uk(self.left_on)}; kept until {uk(self.kept_until)} "
                f"({RETENTION_SOURCE})")


def passport_sha256(content: PassportContent) -> str:
    """A fingerprint of a passport's words, to tell whether what was printed has changed."""
    joined = "\x1f".join(getattr(content, key) for key, _ in PASSPORT_HEADINGS)
    return hashlib.sha256(joined.encode()).hexdigest()


def changed_sections(before: PassportContent, after: PassportContent) -> tuple[str, ...]:
    """The passport headings (keys of PASSPORT_HEADINGS) whose words differ, in page order;
    a change of spacing alone is not a change."""
    def words(content: PassportContent, key: str) -> list[str]:
        return str(getattr(content, key)).split()

    return tuple(key for key, _ in PASSPORT_HEADINGS if words(before, key) != words(after, key))


@dataclass(frozen=True)
class SincePrinted:
    """What changed in a pupil's passport since the reader last printed it."""

    printed_at: datetime
    printed_version: int
    sections: tuple[str, ...]  # keys of PASSPORT_HEADINGS

    @property
    def titles(self) -> tuple[str, ...]:
        names = dict(PASSPORT_HEADINGS)
        return tuple(names[key] for key in self.sections)
