"""The SEND register: pupils, their SEN status and need history, parents and agencies."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, or_, select

from sencodesk.domain import census, validation
from sencodesk.domain.codes import NeedType, SenStatus, YearGroup
from sencodesk.domain.errors import Conflict, NotFound, ValidationError
from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import (
    AgencyRecord,
    NeedRecord,
    ParentRecord,
    PupilDetail,
    PupilRow,
    StatusRecord,
)
from sencodesk.services import audit, register_rows
from sencodesk.services.context import Desk
from sencodesk.store.tables import (
    Agency,
    NeedPeriod,
    ParentCarer,
    Pupil,
    StatusPeriod,
)


@dataclass(frozen=True)
class PupilFields:
    """What a form, an import or the demo gives to create or change a pupil."""

    upn: str
    legal_surname: str
    legal_forename: str
    dob: date
    year_group: YearGroup
    form: str = ""
    gender: str = ""
    preferred_surname: str = ""
    preferred_forename: str = ""
    joined_on: date | None = None


@dataclass(frozen=True)
class SenChange:
    status: SenStatus
    needs: tuple[NeedType, ...] = ()
    starts_on: date | None = None  # default: today


@dataclass(frozen=True)
class RegisterFilter:
    status: SenStatus | None = None
    statuses: frozenset[SenStatus] = field(default_factory=frozenset)
    need: NeedType | None = None
    year_group: YearGroup | None = None
    form: str | None = None
    search: str = ""
    include_left: bool = False
    review_overdue: bool = False


def clean(fields: PupilFields, *, today: date) -> PupilFields:
    """Validate every field of a pupil; raise ValidationError naming the first bad one."""
    cleaned = PupilFields(
        upn=validation.upn(fields.upn),
        legal_surname=validation.name("surname", fields.legal_surname),
        legal_forename=validation.name("forename", fields.legal_forename),
        dob=validation.date_of_birth(fields.dob, today=today),
        year_group=YearGroup(fields.year_group),
        form=validation.text("class", fields.form, max_length=20),
        gender=validation.sex(fields.gender),
        preferred_surname=validation.name(
            "preferred surname", fields.preferred_surname, required=False
        ),
        preferred_forename=validation.name(
            "preferred forename", fields.preferred_forename, required=False
        ),
        joined_on=fields.joined_on,
    )
    if cleaned.joined_on is not None and cleaned.joined_on < cleaned.dob:
        raise ValidationError("date joined", "is before the date of birth")
    validation.year_group_fits(cleaned.dob, cleaned.year_group, today=today)
    return cleaned


def columns_of(fields: PupilFields) -> dict[str, object]:
    """The Pupil table's column values for these fields."""
    values = asdict(fields)
    values["year_group"] = int(fields.year_group)
    return values


def editable(session: Session, pupil_id: int) -> Pupil:
    """The pupil, if there is one and their file is still open (not left)."""
    pupil = _get(session, pupil_id)
    _editable(pupil)
    return pupil


def _get(session: Session, pupil_id: int) -> Pupil:
    pupil = session.get(Pupil, pupil_id)
    if pupil is None:
        raise NotFound(f"There is no pupil with id {pupil_id}.")
    return pupil


def _editable(pupil: Pupil) -> None:
    if pupil.left_on is not None:
        raise ValidationError(
            "pupil", f"{pupil.legal_forename} {pupil.legal_surname} has left: the file is read-only"
        )


def create(desk: Desk, fields: PupilFields, sen: SenChange | None = None) -> int:
    """Add a pupil (status N unless ``sen`` says otherwise). Duplicate UPNs are refused."""
    today = desk.today()
    fields = clean(fields, today=today)
    sen = sen or SenChange(SenStatus.NONE)
    census.check_needs(sen.status, sen.needs)
    with desk.unit(Permission.EDIT_PUPILS) as session:
        if session.exec(select(Pupil.id).where(Pupil.upn == fields.upn)).first():
            raise Conflict(f"A pupil with UPN {fields.upn} is already on the register.")
        pupil = Pupil(**columns_of(fields))  # type: ignore[arg-type]
        session.add(pupil)
        session.flush()
        assert pupil.id is not None
        apply_sen(session, pupil, sen, sen.starts_on or fields.joined_on or today)
        audit.record(session, desk.actor, "create", "pupil", entity_id=pupil.id,
                     pupil_id=pupil.id, summary=f"added {fields.upn}",
                     changed=audit.changes({}, columns_of(fields)))
        return pupil.id


def update(desk: Desk, pupil_id: int, fields: PupilFields, *,
           opened_version: int | None = None) -> None:
    """Change a pupil's details; the audit entry lists each field old → new. With
    ``opened_version`` (of the details the form showed), a save over a newer change is
    refused (Conflict) rather than silently undoing it."""
    fields = clean(fields, today=desk.today())
    with desk.unit(Permission.EDIT_PUPILS) as session:
        pupil = _get(session, pupil_id)
        _editable(pupil)
        if opened_version is not None and pupil.version != opened_version:
            raise Conflict("Someone changed this pupil's details after you opened them, so "
                           "yours were not saved (that would undo their change). Note what "
                           "you typed, reopen the pupil and make your change again.")
        if fields.upn != pupil.upn and session.exec(
            select(Pupil.id).where(Pupil.upn == fields.upn)
        ).first():
            raise Conflict(f"A pupil with UPN {fields.upn} is already on the register.")
        before = pupil.model_dump()
        for name, value in columns_of(fields).items():
            setattr(pupil, name, value)
        session.add(pupil)
        audit.record(session, desk.actor, "update", "pupil", entity_id=pupil_id,
                     pupil_id=pupil_id, changed=audit.changes(before, pupil.model_dump()))


def _open_status(session: Session, pupil_id: int) -> StatusPeriod | None:
    return session.exec(
        select(StatusPeriod).where(
            StatusPeriod.pupil_id == pupil_id, col(StatusPeriod.ends_on).is_(None)
        )
    ).first()


def _open_needs(session: Session, pupil_id: int) -> list[NeedPeriod]:
    return list(
        session.exec(
            select(NeedPeriod)
            .where(NeedPeriod.pupil_id == pupil_id, col(NeedPeriod.ends_on).is_(None))
            .order_by(col(NeedPeriod.rank))
        )
    )


def _close(period: StatusPeriod | NeedPeriod, starts_on: date, session: Session) -> None:
    """End a period the day before its successor starts; a same-day correction replaces it."""
    if period.starts_on == starts_on:
        session.delete(period)
    else:
        period.ends_on = starts_on - timedelta(days=1)
        session.add(period)


def apply_sen(session: Session, pupil: Pupil, sen: SenChange, starts_on: date) -> None:
    assert pupil.id is not None
    current = _open_status(session, pupil.id)
    census.check_new_period_start(
        current.starts_on if current else None, starts_on, field="status start"
    )
    if current is None or current.status != sen.status.value:
        if current is not None:
            _close(current, starts_on, session)
        session.add(StatusPeriod(pupil_id=pupil.id, status=sen.status.value, starts_on=starts_on))
    wanted = {rank: need for rank, need in enumerate(sen.needs, start=1)}
    for period in _open_needs(session, pupil.id):
        census.check_new_period_start(period.starts_on, starts_on, field="need start")
        if wanted.get(period.rank) == NeedType(period.need):
            del wanted[period.rank]
        else:
            _close(period, starts_on, session)
    for rank, need in wanted.items():
        session.add(NeedPeriod(pupil_id=pupil.id, need=need.value, rank=rank, starts_on=starts_on))


def change_sen(desk: Desk, pupil_id: int, sen: SenChange) -> None:
    """Record a new SEN status and ranked needs from a date; the old periods are kept, ended
    the day before."""
    census.check_needs(sen.status, sen.needs)
    starts_on = sen.starts_on or desk.today()
    with desk.unit(Permission.EDIT_PUPILS) as session:
        pupil = _get(session, pupil_id)
        _editable(pupil)
        before = _sen_snapshot(session, pupil_id)
        apply_sen(session, pupil, sen, starts_on)
        session.flush()
        audit.record(session, desk.actor, "update", "sen status", entity_id=pupil_id,
                     pupil_id=pupil_id, summary=f"from {starts_on:%d/%m/%Y}",
                     changed=audit.changes(before, _sen_snapshot(session, pupil_id)))


def _sen_snapshot(session: Session, pupil_id: int) -> dict[str, object]:
    status = _open_status(session, pupil_id)
    needs = {f"need {p.rank}": p.need for p in _open_needs(session, pupil_id)}
    return {"status": status.status if status else None, **needs}


def mark_left(desk: Desk, pupil_id: int, left_on: date) -> None:
    """The pupil has left: kept, read-only and out of the register."""
    with desk.unit(Permission.EDIT_PUPILS) as session:
        pupil = _get(session, pupil_id)
        _editable(pupil)
        if left_on < pupil.dob or (pupil.joined_on and left_on < pupil.joined_on):
            raise ValidationError("date left", "is before the pupil joined")
        pupil.left_on = left_on
        session.add(pupil)
        audit.record(session, desk.actor, "update", "pupil", entity_id=pupil_id,
                     pupil_id=pupil_id, summary="marked as left",
                     changed={"left_on": [None, left_on.isoformat()]})


def id_for_upn(desk: Desk, upn: str) -> int:
    """The pupil id for a UPN, or NotFound naming it."""
    cleaned = validation.upn(upn)
    with desk.unit(Permission.READ_PUPILS) as session:
        found = session.exec(select(Pupil.id).where(Pupil.upn == cleaned)).first()
    if found is None:
        raise NotFound(f"No pupil with UPN {cleaned} is on the register.")
    return found


def list_pupils(desk: Desk, where: RegisterFilter | None = None) -> list[PupilRow]:
    """The register, sorted by surname, filtered as asked."""
    where = where or RegisterFilter()
    today = desk.today()
    with desk.unit(Permission.READ_PUPILS) as session:
        conditions: list[Any] = []
        if not where.include_left:
            conditions.append(col(Pupil.left_on).is_(None))
        if where.year_group is not None:
            conditions.append(Pupil.year_group == int(where.year_group))
        if where.form:
            conditions.append(func.lower(Pupil.form) == where.form.strip().lower())
        if where.search.strip():
            term = f"%{where.search.strip().lower()}%"
            conditions.append(
                or_(
                    func.lower(Pupil.legal_surname).like(term),
                    func.lower(Pupil.legal_forename).like(term),
                    func.lower(Pupil.preferred_surname).like(term),
                    func.lower(Pupil.preferred_forename).like(term),
                    func.lower(Pupil.upn).like(term),
                )
            )
        rows = register_rows.read(session, conditions)
    statuses = set(where.statuses) | ({where.status} if where.status else set())
    return [
        row
        for row in rows
        if (not statuses or row.status in statuses)
        and (where.need is None or where.need in (row.primary_need, row.secondary_need))
        and (not where.review_overdue or (row.next_review is not None and row.next_review < today))
    ]


def get(desk: Desk, pupil_id: int) -> PupilDetail:
    """Everything on a pupil's profile, with the whole status and need history."""
    with desk.unit(Permission.READ_PUPILS) as session:
        pupil = _get(session, pupil_id)
        (row,) = register_rows.read(session, [Pupil.id == pupil_id])
        statuses = session.exec(
            select(StatusPeriod).where(StatusPeriod.pupil_id == pupil_id)
            .order_by(col(StatusPeriod.starts_on).desc())
        )
        needs = session.exec(
            select(NeedPeriod).where(NeedPeriod.pupil_id == pupil_id)
            .order_by(col(NeedPeriod.starts_on).desc(), col(NeedPeriod.rank))
        )
        parents = session.exec(select(ParentCarer).where(ParentCarer.pupil_id == pupil_id))
        agencies = session.exec(select(Agency).where(Agency.pupil_id == pupil_id))
        return PupilDetail(
            row=row,
            legal_surname=pupil.legal_surname,
            legal_forename=pupil.legal_forename,
            preferred_surname=pupil.preferred_surname,
            preferred_forename=pupil.preferred_forename,
            joined_on=pupil.joined_on,
            photo_sha256=pupil.photo_sha256,
            version=pupil.version,
            statuses=tuple(
                StatusRecord(s.id or 0, SenStatus(s.status), s.starts_on, s.ends_on)
                for s in statuses
            ),
            needs=tuple(
                NeedRecord(n.id or 0, NeedType(n.need), n.rank, n.starts_on, n.ends_on)
                for n in needs
            ),
            parents=tuple(
                ParentRecord(p.id or 0, p.name, p.relationship, p.phone, p.email,
                             p.parental_responsibility)
                for p in parents
            ),
            agencies=tuple(
                AgencyRecord(a.id or 0, a.name, a.contact, a.started_on, a.ended_on)
                for a in agencies
            ),
        )


def fields_of(detail: PupilDetail) -> PupilFields:
    """The editable fields of a pupil, to pre-fill a form or apply a partial change."""
    return PupilFields(
        upn=detail.row.upn,
        legal_surname=detail.legal_surname,
        legal_forename=detail.legal_forename,
        dob=detail.row.dob,
        year_group=detail.row.year_group,
        form=detail.row.form,
        gender=detail.row.gender,
        preferred_surname=detail.preferred_surname,
        preferred_forename=detail.preferred_forename,
        joined_on=detail.joined_on,
    )
