"""Register rows (PupilRow): each pupil with current status, needs and next review, read as
plain columns in four queries, because the register is reloaded often and ORM objects for
thousands of pupils are slow."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from sencodesk.domain.codes import CycleStatus, NeedType, SenStatus, YearGroup
from sencodesk.domain.records import PupilRow
from sencodesk.store.tables import ApdrCycle, NeedPeriod, Pupil, StatusPeriod

_ROW_COLUMNS = tuple(col(c) for c in (
    Pupil.id, Pupil.upn, Pupil.legal_surname, Pupil.legal_forename, Pupil.preferred_surname,
    Pupil.preferred_forename, Pupil.dob, Pupil.year_group, Pupil.form, Pupil.gender,
    Pupil.left_on))


#: Up to this many pupils, read only theirs (an IN list); more, one pass over everyone's.
FEW = 200
# Enum lookups by value, made once: calling the Enum for each of thousands of rows costs more
# than reading the rows.
_YEARS = {y.value: y for y in YearGroup}
_STATUSES = {s.value: s for s in SenStatus}
_NEEDS = {n.value: n for n in NeedType}


def _among(column: Any, ids: list[int] | None) -> list[Any]:
    return [] if ids is None else [col(column).in_(ids)]


def read(session: Session, where: list[Any]) -> list[PupilRow]:
    """Register rows for the pupils matching ``where``, by surname. Plain Core rows on the
    session's connection: no ORM row processing for thousands of rows."""
    run = session.connection().execute
    pupils: Sequence[Any] = run(
        sa_select(*_ROW_COLUMNS).where(*where)
        .order_by(col(Pupil.legal_surname), col(Pupil.legal_forename))
    ).all()
    statuses: dict[int, str] = {}
    needs: dict[int, dict[int, str]] = {}
    reviews: dict[int, date] = {}
    if pupils:
        # a few pupils (one being opened): read only theirs; many: one pass over everyone's
        few = [row[0] for row in pupils] if len(pupils) <= FEW else None
        statuses = {pid: status for pid, status in run(
            sa_select(col(StatusPeriod.pupil_id), col(StatusPeriod.status)).where(
                col(StatusPeriod.ends_on).is_(None), *_among(StatusPeriod.pupil_id, few))
        )}
        for pid, need, rank in run(
            sa_select(col(NeedPeriod.pupil_id), col(NeedPeriod.need), col(NeedPeriod.rank))
            .where(col(NeedPeriod.ends_on).is_(None), *_among(NeedPeriod.pupil_id, few))
        ):
            needs.setdefault(pid, {})[rank] = need
        reviews = {pid: due for pid, due in run(
            sa_select(col(ApdrCycle.pupil_id), func.min(ApdrCycle.review_on))
            .where(col(ApdrCycle.status) != CycleStatus.REVIEWED.value,
                   *_among(ApdrCycle.pupil_id, few))
            .group_by(col(ApdrCycle.pupil_id))
        )}
    rows = []
    for (pid, upn, surname, forename, pref_surname, pref_forename, dob, year, form, gender,
         left_on) in pupils:
        ranked = needs.get(pid, {})
        rows.append(
            PupilRow(
                id=pid,
                upn=upn,
                surname=pref_surname or surname,
                forename=pref_forename or forename,
                dob=dob,
                year_group=_YEARS[year],
                form=form,
                gender=gender,
                status=_STATUSES[statuses.get(pid, "N")],
                primary_need=_NEEDS[ranked[1]] if 1 in ranked else None,
                secondary_need=_NEEDS[ranked[2]] if 2 in ranked else None,
                left_on=left_on,
                next_review=reviews.get(pid),
                legal_surname=surname,
                legal_forename=forename,
            )
        )
    return rows
