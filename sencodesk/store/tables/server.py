"""What a school's server keeps that a case file on one computer keeps in files beside it:
the staff's key slots and the attached files (sealed as in the folder), and the summaries the
school shares with its trust (sent as files from a case file on one computer). On a file the
tables stay empty."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, DateTime
from sqlmodel import Field, SQLModel


class KeySlot(SQLModel, table=True):
    """One account's key slot (the JSON of one slot of ``keyslots.json``) and the server login
    role it belongs to: row-level security lets each login read its own slot only."""

    username: str = Field(primary_key=True, max_length=60)
    role_name: str = Field(max_length=63, unique=True)
    slot: str


class StoredFile(SQLModel, table=True):
    """An attached file, sealed with the school's key and named by its keyed hash. When it
    was stored (UTC) tells a file another computer is attaching just now (its record not yet
    saved) from an orphan."""

    name: str = Field(primary_key=True, max_length=64)
    sealed: bytes
    stored_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class TrustSummary(SQLModel, table=True):
    """The school's summary for its trust (``domain.trust_dashboard.SchoolSummary`` as JSON:
    counts only, no pupil named), each time the school shares it. The trust's login reads
    these rows on the server, and nothing else of the school's."""

    id: int | None = Field(default=None, primary_key=True)
    shared_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    shared_by: str = Field(max_length=60)
    summary_json: str
