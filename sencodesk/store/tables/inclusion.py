"""A pupil's inclusion context: attendance per term, suspensions and exclusions, part-time
timetables and the flags the MIS holds (disadvantage, care, EAL, safeguarding)."""

from __future__ import annotations

from datetime import date

from sqlmodel import Field, SQLModel, UniqueConstraint


class AttendanceTerm(SQLModel, table=True):
    """Sessions (half days) in one term, as the MIS counts them."""

    __table_args__ = (UniqueConstraint("pupil_id", "academic_year", "term"),)

    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True, ondelete="CASCADE")
    academic_year: int  # the calendar year it starts in: 2025 for 2025/26
    term: str = Field(max_length=6)
    possible: int
    attended: int
    authorised: int = 0
    unauthorised: int = 0


class Exclusion(SQLModel, table=True):
    """A suspension or a permanent exclusion, with the DfE reason code."""

    __table_args__ = (UniqueConstraint("pupil_id", "starts_on", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=10)
    starts_on: date
    days: float = 0
    reason: str = Field(max_length=2)


class PartTimeTimetable(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True, ondelete="CASCADE")
    starts_on: date
    planned_end: date
    review_on: date
    reason: str = Field(default="", max_length=500)
    ended_on: date | None = None


class PupilContext(SQLModel, table=True):
    """One row per pupil, present once anything is known."""

    pupil_id: int = Field(foreign_key="pupil.id", primary_key=True, ondelete="CASCADE")
    pupil_premium: bool = False
    fsm: bool = False
    looked_after: bool = False
    previously_looked_after: bool = False
    eal: bool = False
    child_in_need: bool = False
    child_protection: bool = False


class AssessmentScore(SQLModel, table=True):
    """A test result: standardised score, percentile rank, or a reading or spelling age in
    months."""

    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=14)
    test_name: str = Field(max_length=120)
    assessed_on: date
    value: float
    assessor: str = Field(default="", max_length=120)


class ProvisionMeasure(SQLModel, table=True):
    """The entry and exit measure of an intervention in one support plan. Kept by plan and
    intervention, not by provision row: a plan's provisions are rewritten whole on each edit."""

    __table_args__ = (UniqueConstraint("cycle_id", "intervention_id", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    cycle_id: int = Field(foreign_key="apdrcycle.id", index=True, ondelete="CASCADE")
    intervention_id: int = Field(foreign_key="intervention.id", ondelete="CASCADE")
    kind: str = Field(max_length=14)
    test_name: str = Field(max_length=120)
    entry_value: float
    entry_on: date
    exit_value: float | None = None
    exit_on: date | None = None
