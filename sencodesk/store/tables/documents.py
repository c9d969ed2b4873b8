from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel


class Document(SQLModel, table=True):
    """An attached file. Its bytes sit encrypted in the data folder, named by content hash."""

    id: int | None = Field(default=None, primary_key=True)
    pupil_id: int = Field(foreign_key="pupil.id", index=True, ondelete="CASCADE")
    sha256: str = Field(max_length=64, index=True)
    title: str = Field(max_length=200)
    kind: str = Field(default="", max_length=60)
    dated: date | None = None
    filename: str = Field(default="", max_length=255)
    size: int = 0
    confidential: bool = False
    added_at: datetime
    added_by_id: int | None = Field(default=None, foreign_key="staffmember.id")
