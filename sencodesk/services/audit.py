"""The audit trail: who did what, when, to which record, with the fields changed.

Entries are hash-chained: each stores the hash of the one before, and its own hash covers all
its columns. Changing or deleting an entry breaks the chain at that point, which ``verify``
reports. The one sanctioned change is ``redact_pupil``: when a record is deleted at the end of
its retention period, what the trail says about the pupil is removed too, and the chain is
re-sealed after checking it was intact.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from sencodesk.domain.dates import uk_time
from sencodesk.domain.errors import StoreError
from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import AuditRecord
from sencodesk.services.context import Actor, Desk
from sencodesk.store import anchors, backends
from sencodesk.store.tables import AuditEvent
from sencodesk.store.tables import audit as tables_audit

GENESIS = "0" * 64
_HEAD = "sencodesk.audit.head"
# Entries whose unit of work, once committed, anchors the chain's head outside the case file.
ANCHORED = frozenset({"export", "restore"})


def _digest(event: AuditEvent) -> str:
    body = [
        event.prev_hash, event.at, event.actor_id, event.actor, event.action, event.entity,
        event.entity_id, event.pupil_id, event.summary, event.changes_json,
    ]  # fmt: skip
    encoded = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    return hashlib.sha256(encoded).hexdigest()


def _plain(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """The fields whose value differs, as ``{field: [old, new]}``."""
    return {
        key: [_plain(before.get(key)), _plain(after.get(key))]
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    entity: str,
    *,
    entity_id: int | None = None,
    pupil_id: int | None = None,
    summary: str = "",
    changed: Mapping[str, list[Any]] | None = None,
) -> None:
    """Append one event to the chain, inside the caller's transaction."""
    # The chain's head is read once, under the chain's hold (no other writer can append until
    # this unit ends), and remembered for the rest of the unit (sessions live for one
    # transaction), so a bulk import does not re-read it for every entry. Entries are numbered
    # here, one after the head, so the numbers have no gaps on any backend (a server's
    # sequence would skip the numbers of rolled-back units).
    previous_id, previous = session.info.get(_HEAD) or _held_head(session)
    number = previous_id + 1
    event = AuditEvent(
        id=number,
        at=datetime.now(UTC).isoformat(timespec="microseconds"),
        actor_id=actor.staff_id if actor else None,
        actor=actor.name if actor else "sencodesk",
        action=action,
        entity=entity,
        entity_id=entity_id,
        pupil_id=pupil_id,
        summary=summary[:300],
        changes_json=json.dumps(dict(changed or {}), ensure_ascii=False, sort_keys=True),
        prev_hash=previous,
        hash="",
    )
    event.hash = _digest(event)
    session.add(event)
    session.info[_HEAD] = (number, event.hash)
    if action in ANCHORED or anchors.PENDING in session.info:
        session.flush()
        session.info[anchors.PENDING] = anchors.Anchor.now(number, event.hash,
                                                           f"{action} {entity}")


def _held_head(session: Session) -> tuple[int, str]:
    backends.hold_audit_chain(session)
    return head(session)


def head(session: Session) -> tuple[int, str]:
    """How many entries the chain holds and the hash of the newest (GENESIS when empty),
    whether or not the person may read the trail itself."""
    return backends.audit_head(session) or (0, GENESIS)


@dataclass(frozen=True)
class ChainProblem:
    entry_id: int
    message: str


def _problems(events: Iterable[AuditEvent]) -> list[ChainProblem]:
    problems: list[ChainProblem] = []
    previous_hash, expected_id = GENESIS, 1
    for event in events:
        assert event.id is not None
        if event.id != expected_id:
            problems.append(
                ChainProblem(event.id, f"entries {expected_id}-{event.id - 1} are missing")
            )
        if event.prev_hash != previous_hash:
            problems.append(
                ChainProblem(event.id, "does not follow the entry before it (one was "
                             "deleted or changed)")
            )
        if _digest(event) != event.hash:
            problems.append(ChainProblem(event.id, "has been altered since it was written"))
        previous_hash, expected_id = event.hash, event.id + 1
    return problems


def _anchor_problems(events: list[AuditEvent], anchor: anchors.Anchor | None,
                     ) -> list[ChainProblem]:
    """The live chain against the head recorded outside the case file at the last backup or
    export: the entry it names must still be there, unchanged."""
    if anchor is None:
        return []
    when = uk_time(datetime.fromisoformat(anchor.at).astimezone())
    kept = next((e for e in events if e.id == anchor.count), None)
    if kept is None:
        last = events[-1].id if events else 0
        return [ChainProblem(anchor.count, f"is missing: at the {anchor.why} on {when} the "
                             f"trail had {anchor.count} entries, now it ends at entry {last} "
                             "(the newest entries were deleted)")]
    if kept.hash != anchor.hash:
        return [ChainProblem(anchor.count, f"differs from the copy recorded outside the case "
                             f"file at the {anchor.why} on {when} (entries were changed and "
                             "the chain recomputed)")]
    return []


def chain_problems(session: Session) -> list[ChainProblem]:
    """Where the chain in ``session``'s case file is broken (without anchors: a copy just
    written, before it is committed)."""
    return _problems(session.exec(select(AuditEvent).order_by(col(AuditEvent.id))))


def verify(desk: Desk) -> list[ChainProblem]:
    """Every place where the chain is broken: an altered, inserted or deleted entry, and the
    newest entries deleted or the chain recomputed since the last anchor (store.anchors)."""
    with desk.unit(Permission.VERIFY_AUDIT) as session:
        events = list(session.exec(select(AuditEvent).order_by(col(AuditEvent.id))))
        problems = _problems(events) + _anchor_problems(
            events, anchors.newest(anchors.read(desk.data_dir)))
        record(session, desk.actor, "verify", "audit", summary=f"{len(problems)} problems")
    return problems


REDACTED = tables_audit.REDACTED


def _last_deletion(session: Session, pupil_id: int) -> int:
    """The entry that recorded the deletion of an earlier pupil with this number (SQLite may
    give a deleted pupil's number to the next pupil added), or 0."""
    found = session.exec(select(func.max(AuditEvent.id)).where(
        AuditEvent.action == "delete", AuditEvent.entity == "pupil",
        AuditEvent.entity_id == pupil_id)).one()
    return found or 0


def redact_pupil(session: Session, pupil_id: int) -> int:
    """Inside the caller's transaction, remove what the trail says about a pupil whose record
    is being deleted at the end of retention: their entries keep who did what and when, but
    lose their summaries and changed values. The chain is checked first (a broken one is not
    re-sealed: StoreError) and re-sealed from the first entry changed. Returns how many."""
    backends.hold_audit_chain(session)
    events = list(session.exec(select(AuditEvent).order_by(col(AuditEvent.id))))
    after = _last_deletion(session, pupil_id)
    theirs = [e for e in events if e.pupil_id == pupil_id and (e.id or 0) > after]
    if not theirs:
        return 0
    problems = _problems(events)
    if problems:
        first = problems[0]
        raise StoreError(f"The audit trail is broken at entry {first.entry_id} ({first.message})"
                         ", so it cannot be re-sealed; nothing was deleted. Run "
                         "'sencodesk audit verify' and restore a backup.")
    for event in events:
        session.expunge(event)  # changed here, written by the store's re-sealing below
    for event in theirs:
        event.summary, event.changes_json = REDACTED, "{}"
    start = events.index(theirs[0])
    previous = events[start - 1].hash if start else GENESIS
    resealed: dict[int, tuple[str, str]] = {}
    for event in events[start:]:
        old = event.hash
        event.prev_hash = previous
        event.hash = previous = _digest(event)
        resealed[event.id or 0] = (old, event.hash)
    backends.reseal_audit(session, [
        {"id": e.id, "summary": e.summary, "changes_json": e.changes_json,
         "prev_hash": e.prev_hash, "hash": e.hash} for e in events[start:]])
    session.info[anchors.RESEALED] = resealed  # anchors follow, once committed
    session.info[_HEAD] = (events[-1].id or 0, previous)
    return len(theirs)


def _to_record(event: AuditEvent) -> AuditRecord:
    assert event.id is not None
    return AuditRecord(
        id=event.id,
        at=datetime.fromisoformat(event.at),
        actor=event.actor,
        action=event.action,
        entity=event.entity,
        entity_id=event.entity_id,
        pupil_id=event.pupil_id,
        summary=event.summary,
        changes=json.loads(event.changes_json),
    )


def list_events(desk: Desk, *, pupil_id: int | None = None,
                limit: int | None = 500) -> list[AuditRecord]:
    """Newest first; for one pupil if ``pupil_id`` is given; all of them if ``limit`` is None."""
    with desk.unit(Permission.READ_AUDIT) as session:
        query = select(AuditEvent).order_by(col(AuditEvent.id).desc()).limit(limit)
        if pupil_id is not None:
            # entries from before a deletion of this number belong to someone else
            query = query.where(AuditEvent.pupil_id == pupil_id,
                                col(AuditEvent.id) > _last_deletion(session, pupil_id))
        return [_to_record(event) for event in session.exec(query)]
