"""Pupil passports: every save is a new version and older versions stay readable."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, fields
from datetime import UTC, date, datetime

from sqlmodel import Session, col, func, select

from sencodesk.domain import validation
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import PASSPORT_HEADINGS, PassportContent, PassportRecord
from sencodesk.services import audit, pupils
from sencodesk.services import versions as edits
from sencodesk.services.context import Desk
from sencodesk.store.tables import PassportVersion, StaffMember

MAX_SECTION = 4000
_HEADING = dict(PASSPORT_HEADINGS)


def default_review(written_on: date) -> date:
    """A year after writing (passports are reviewed yearly by default)."""
    try:
        return written_on.replace(year=written_on.year + 1)
    except ValueError:  # 29 February
        return written_on.replace(year=written_on.year + 1, day=28)


def _clean(content: PassportContent) -> PassportContent:
    return PassportContent(
        **{
            f.name: validation.text(_HEADING[f.name], getattr(content, f.name),
                                    max_length=MAX_SECTION)
            for f in fields(PassportContent)
        }
    )


def _record(row: PassportVersion, author: str) -> PassportRecord:
    content = PassportContent(**{f.name: getattr(row, f.name) for f in fields(PassportContent)})
    return PassportRecord(
        id=row.id or 0, pupil_id=row.pupil_id, version=row.version, written_on=row.written_on,
        review_on=row.review_on, content=content, author=author, saved_at=row.saved_at,
    )


def save(
    desk: Desk, pupil_id: int, content: PassportContent, *, written_on: date | None = None,
    review_on: date | None = None, opened_version: int | None = None,
) -> PassportRecord:
    """Save a new version of a pupil's passport; the audit entry lists what changed. With
    ``opened_version`` (the version the editor showed, 0 for none), a save over a newer
    version is refused (StaleEdit) rather than silently replacing it."""
    content = _clean(content)
    written_on = written_on or desk.today()
    review_on = review_on or default_review(written_on)
    validation.period(written_on, review_on, start_field="date written",
                      end_field="review date")
    if not any(asdict(content).values()):
        raise ValidationError("About me", "write at least one section before saving")
    with desk.unit(Permission.EDIT_SUPPORT) as session:
        pupils.editable(session, pupil_id)
        previous = _latest_row(session, pupil_id)
        latest = previous.version if previous else 0
        edits.check(session, latest, opened_version, what="passport",
                    entities=("passport",), entity_id=previous.id if previous else None)
        row = PassportVersion(
            pupil_id=pupil_id, version=(previous.version + 1) if previous else 1,
            written_on=written_on, review_on=review_on, author_id=desk.actor.staff_id,
            saved_at=datetime.now(UTC), **asdict(content),
        )
        session.add(row)
        session.flush()
        before = {f.name: getattr(previous, f.name) for f in fields(PassportContent)} \
            if previous else {}
        audit.record(session, desk.actor, "create", "passport", entity_id=row.id,
                     pupil_id=pupil_id, summary=f"passport version {row.version}",
                     changed=audit.changes(before, asdict(content)))
        return _record(row, desk.actor.name)


def _latest_row(session: Session, pupil_id: int) -> PassportVersion | None:
    return session.exec(
        select(PassportVersion).where(PassportVersion.pupil_id == pupil_id)
        .order_by(col(PassportVersion.version).desc()).limit(1)
    ).first()


def versions(desk: Desk, pupil_id: int) -> list[PassportRecord]:
    """Every saved version, newest first."""
    with desk.unit(Permission.READ_PASSPORTS) as session:
        rows = session.exec(
            select(PassportVersion, StaffMember.name)
            .join(StaffMember, isouter=True)
            .where(PassportVersion.pupil_id == pupil_id)
            .order_by(col(PassportVersion.version).desc())
        )
        return [_record(row, author or "") for row, author in rows]


def latest(desk: Desk, pupil_id: int) -> PassportRecord | None:
    """The newest version, or None if the pupil has no passport yet."""
    return latest_for(desk, [pupil_id]).get(pupil_id)


def latest_for(desk: Desk, pupil_ids: Sequence[int] | None) -> dict[int, PassportRecord]:
    """The newest passport of each of these pupils (None: everyone), in one query (for class
    sets and the deadlines)."""
    if pupil_ids is not None and not pupil_ids:
        return {}
    with desk.unit(Permission.READ_PASSPORTS) as session:
        newest = (
            select(PassportVersion.pupil_id, func.max(PassportVersion.version).label("v"))
            .group_by(col(PassportVersion.pupil_id)).subquery()
        )
        query = (
            select(PassportVersion, StaffMember.name)
            .join(newest, (col(PassportVersion.pupil_id) == newest.c.pupil_id)
                  & (col(PassportVersion.version) == newest.c.v))
            .join(StaffMember, isouter=True)
        )
        if pupil_ids is not None:
            query = query.where(col(PassportVersion.pupil_id).in_(list(pupil_ids)))
        return {row.pupil_id: _record(row, author or "") for row, author in session.exec(query)}
