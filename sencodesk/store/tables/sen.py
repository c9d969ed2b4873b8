from __future__ import annotations

from datetime import date

from sqlmodel import Field, SQLModel


class StatusPeriod(SQLModel, table=True):
    """One period of census SEN provision (N/K/E). The open period has no end date."""

    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True, ondelete="CASCADE")
    status: str = Field(max_length=1)
    starts_on: date
    ends_on: date | None = None


class NeedPeriod(SQLModel, table=True):
    """One ranked need type (1 = primary, 2 = secondary) over a period."""

    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True, ondelete="CASCADE")
    need: str = Field(max_length=4)
    rank: int
    starts_on: date
    ends_on: date | None = None
