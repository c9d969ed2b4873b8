from __future__ import annotations

from datetime import date

from sqlmodel import Field, SQLModel, UniqueConstraint


class EhcpRequest(SQLModel, table=True):
    """An EHC needs assessment request; the clock starts the day the LA received it."""

    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True, ondelete="CASCADE")
    received_on: date
    requested_by: str = Field(default="", max_length=120)
    local_authority: str = Field(default="", max_length=120)
    draft_served_on: date | None = None
    outcome: str = Field(default="open", max_length=30)
    notes: str = ""
    #: One more at every change (services.versions): a form saved from an older one is refused.
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})


class EhcpMilestoneDone(SQLModel, table=True):
    """The actual date a milestone of a request happened (due dates are computed, not stored)."""

    __table_args__ = (UniqueConstraint("request_id", "milestone_id"),)

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="ehcprequest.id", index=True, ondelete="CASCADE")
    milestone_id: str = Field(max_length=40)
    done_on: date
    note: str = ""


class EhcpAdvice(SQLModel, table=True):
    """Advice asked of health, EP, social care or school (due 6 weeks after asking, Reg 8(1))."""

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="ehcprequest.id", index=True, ondelete="CASCADE")
    source: str = Field(max_length=120)
    asked_on: date
    received_on: date | None = None


class EhcpException(SQLModel, table=True):
    """A recorded exception to the time limits (Reg 5(4), 10(4)(a)-(d), 13(3))."""

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="ehcprequest.id", index=True, ondelete="CASCADE")
    regulation: str = Field(max_length=30)
    reason: str = Field(max_length=1000)
    starts_on: date
    ends_on: date | None = None
    milestone_id: str | None = Field(default=None, max_length=40)


class EhcPlan(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True, ondelete="CASCADE")
    request_id: int | None = Field(default=None, foreign_key="ehcprequest.id")
    issued_on: date
    local_authority: str = Field(default="", max_length=120)
    sections_summary: str = ""
    document_sha256: str | None = Field(default=None, max_length=64)
    ceased_on: date | None = None
    #: Where the pupil goes at the next move (own-sixth-form, school, post-16): decides the
    #: phase transfer date (Reg 18(1)). None until the SENCO records it.
    transfer_destination: str | None = Field(default=None, max_length=20)
    #: One more at every change (services.versions): a form saved from an older one is refused.
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})


class AnnualReview(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="ehcplan.id", index=True, ondelete="CASCADE")
    meeting_on: date
    invitations_sent_on: date | None = None
    advice_circulated_on: date | None = None
    report_sent_on: date | None = None
    la_decision: str | None = Field(default=None, max_length=10)  # maintain, amend, cease
    la_decision_on: date | None = None
    amendments_proposed_on: date | None = None
    amended_plan_issued_on: date | None = None
    notes: str = ""
    #: One more at every change (services.versions): a form saved from an older one is refused.
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})


class AnnualReviewReport(SQLModel, table=True):
    """The school's report of an annual review meeting, as the SENCO last saved it: JSON of
    domain.review_paperwork.ReviewReport (outcomes, provision, views, recommendations)."""

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="annualreview.id", unique=True, ondelete="CASCADE")
    content: str = ""
    updated_on: date | None = None
    #: One more at every change (services.versions): a form saved from an older one is refused.
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
