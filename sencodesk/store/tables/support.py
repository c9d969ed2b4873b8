from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel, UniqueConstraint


class PassportVersion(SQLModel, table=True):
    """Every save of a pupil passport is a new row; none is ever updated."""

    __table_args__ = (UniqueConstraint("pupil_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True, ondelete="CASCADE")
    version: int
    written_on: date
    review_on: date
    about_me: str = ""
    important_to_me: str = ""
    find_difficult: str = ""
    support_me: str = ""  # strategies, one per line
    help_myself: str = ""
    current_provision: str = ""
    key_information: str = ""
    author_id: int | None = Field(default=None, foreign_key="staffmember.id")
    saved_at: datetime


class Intervention(SQLModel, table=True):
    """The school's catalogue of interventions, with the cost a provision map needs."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, unique=True)
    description: str = Field(default="", max_length=2000)
    wave: int = 2
    staff_grade: str = Field(default="", max_length=60)
    hourly_cost_pence: int = 0
    active: bool = True
    #: One more at every change (services.versions): a form saved from an older one is refused.
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})


class ApdrCycle(SQLModel, table=True):
    """One assess-plan-do-review cycle (CoP 6.44-6.56)."""

    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True, ondelete="CASCADE")
    #: the cycle whose review this one follows; each cycle has at most one next cycle
    previous_id: int | None = Field(default=None, foreign_key="apdrcycle.id", unique=True,
                                    index=True)
    status: str = Field(default="draft", max_length=10)
    starts_on: date
    review_on: date
    assess_notes: str = ""
    areas_of_need: str = ""
    reviewed_on: date | None = None
    next_steps: str = ""
    pupil_voice: str = ""
    parent_voice: str = ""
    attendees: str = ""
    #: One more at every change (services.versions): a form saved from an older one is refused.
    version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})


class CycleOutcome(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    cycle_id: int = Field(foreign_key="apdrcycle.id", index=True, ondelete="CASCADE")
    position: int
    description: str = Field(max_length=1000)
    success_criteria: str = Field(default="", max_length=1000)
    progress: str | None = Field(default=None, max_length=12)


class CycleProvision(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    cycle_id: int = Field(foreign_key="apdrcycle.id", index=True, ondelete="CASCADE")
    intervention_id: int | None = Field(default=None, foreign_key="intervention.id")
    description: str = Field(default="", max_length=500)
    delivered_by: str = Field(default="", max_length=120)
    group_size: int = 1
    minutes_per_session: int = 30
    sessions_per_week: int = 1
    weeks: int = 12
    cost_pence: int = 0
    #: recorded at the review; None until then (or for plans reviewed before it was asked)
    sessions_delivered: int | None = None


class OutcomeProvisionLink(SQLModel, table=True):
    """A provision in a plan and an outcome of the same plan it is meant to achieve: impact
    is credited to an intervention only through these links."""

    outcome_id: int = Field(foreign_key="cycleoutcome.id", primary_key=True, ondelete="CASCADE")
    provision_id: int = Field(foreign_key="cycleprovision.id", primary_key=True,
                              ondelete="CASCADE", index=True)


class PassportPrint(SQLModel, table=True):
    """A member of staff printed (or was sent in their pack) a version of a pupil's passport:
    what changed since is marked for them the next time."""

    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True, ondelete="CASCADE")
    staff_id: int = Field(foreign_key="staffmember.id", index=True, ondelete="CASCADE")
    version: int  # PassportVersion.version of the pupil's passport printed
    content_sha256: str = Field(max_length=64)
    printed_at: datetime
