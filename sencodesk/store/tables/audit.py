from __future__ import annotations

from sqlmodel import Field, SQLModel

#: What an entry about a pupil says once their record is deleted at the end of its retention
#: period (the one sanctioned change to the trail; a school's server allows no other).
REDACTED = "details removed when the record was deleted at the end of its retention period"


class AuditEvent(SQLModel, table=True):
    """One audited action. ``hash`` covers every other column and the previous row's hash, so a
    changed or deleted row breaks the chain (checked by ``sencodesk audit verify``)."""

    id: int | None = Field(default=None, primary_key=True)
    at: str = Field(max_length=32)  # UTC, ISO 8601, to the microsecond
    actor_id: int | None = None
    actor: str = Field(max_length=120)
    action: str = Field(max_length=20, index=True)  # create, update, delete, export, login...
    entity: str = Field(max_length=40)
    entity_id: int | None = None
    pupil_id: int | None = Field(default=None, index=True)
    summary: str = Field(default="", max_length=300)
    changes_json: str = "{}"
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)
