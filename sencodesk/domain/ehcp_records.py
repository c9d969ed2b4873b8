"""Plain read models for EHC needs assessment requests, plans and annual reviews."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sencodesk.domain.codes import LaDecision, RequestOutcome


@dataclass(frozen=True)
class AdviceRecord:
    id: int
    source: str
    asked_on: date
    received_on: date | None


@dataclass(frozen=True)
class ExceptionRecord:
    id: int
    regulation: str
    reason: str
    starts_on: date
    ends_on: date | None
    milestone_id: str | None


@dataclass(frozen=True)
class RequestRecord:
    id: int
    pupil_id: int
    received_on: date
    requested_by: str
    local_authority: str
    draft_served_on: date | None
    outcome: RequestOutcome
    notes: str
    done: dict[str, date]
    advice: tuple[AdviceRecord, ...]
    exceptions: tuple[ExceptionRecord, ...]
    #: The version read (services.versions): a save from an older one is refused.
    version: int = 0


@dataclass(frozen=True)
class AnnualReviewRecord:
    id: int
    plan_id: int
    meeting_on: date
    invitations_sent_on: date | None
    advice_circulated_on: date | None
    report_sent_on: date | None
    la_decision: LaDecision | None
    la_decision_on: date | None
    amendments_proposed_on: date | None
    amended_plan_issued_on: date | None
    notes: str
    #: The version read (services.versions): a save from an older one is refused.
    version: int = 0


@dataclass(frozen=True)
class PlanRecord:
    id: int
    pupil_id: int
    request_id: int | None
    issued_on: date
    local_authority: str
    sections_summary: str
    document_sha256: str | None
    ceased_on: date | None
    reviews: tuple[AnnualReviewRecord, ...]
    #: own-sixth-form, school or post-16 (phase_transfer.Destination); None if not recorded.
    transfer_destination: str | None = None
    #: The version read (services.versions): a save from an older one is refused.
    version: int = 0

    @property
    def last_review_on(self) -> date | None:
        return max((r.meeting_on for r in self.reviews), default=None)
