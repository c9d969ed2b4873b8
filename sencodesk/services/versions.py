"""Edits that would undo someone else's: every record a form edits carries a version that
goes up at each change. A form remembers the version it opened; a save from an older one is
refused (StaleEdit) saying who made the newer change and when, read from the audit trail,
which every change already writes (so no backend-specific column or trigger is needed)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Protocol

from sqlmodel import Session, col, select

from sencodesk.domain.dates import uk_at
from sencodesk.domain.errors import StaleEdit
from sencodesk.store.tables import AuditEvent

SOMEONE = "Someone else"


class Versioned(Protocol):
    version: int


def last_change(session: Session, entities: Collection[str], entity_id: int | str | None,
                *, summary: str | None = None) -> tuple[str, str]:
    """Who last changed the record (by the audit trail's names for it) and when, in words:
    ("Alex Smith", "10:42 on 02/12/2026"); (SOMEONE, "") if the trail does not say."""
    query = select(AuditEvent.actor, AuditEvent.at).where(col(AuditEvent.entity).in_(entities))
    if isinstance(entity_id, int):
        query = query.where(AuditEvent.entity_id == entity_id)
    if summary is not None:
        query = query.where(AuditEvent.summary == summary)
    newest = session.exec(query.order_by(col(AuditEvent.id).desc()).limit(1)).first()
    if newest is None:
        return SOMEONE, ""
    actor, at = newest
    try:
        when = uk_at(datetime.fromisoformat(at).astimezone())  # stored in UTC, shown local
    except ValueError:
        when = ""
    return actor or SOMEONE, when


def check(session: Session, current: int, opened: int | None, *, what: str,
          entities: Collection[str], entity_id: int | str | None,
          summary: str | None = None) -> None:
    """Refuse (StaleEdit) a save from a form that opened version ``opened`` of a record now at
    ``current``. ``opened`` None (a command, an import, a change from one look) is not
    checked: it writes over whatever is there, as it read it in this same unit of work."""
    if opened is None or opened == current:
        return
    who, when = last_change(session, entities, entity_id, summary=summary)
    raise StaleEdit(what, who, when)


def claim(session: Session, row: Versioned, opened: int | None, *, what: str,
          entities: Collection[str], entity_id: int | str | None,
          summary: str | None = None) -> None:
    """``check`` the save, then move the record to its next version (so a form open
    elsewhere on the one before is refused in turn). Call once per unit of work, before
    changing the record."""
    check(session, row.version, opened, what=what, entities=entities, entity_id=entity_id,
          summary=summary)
    row.version += 1
    session.add(row)
