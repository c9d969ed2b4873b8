"""The SEND register: pupils, their SEN status and need history, parents and agencies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session, col, select

from sencodesk.domain import census, validation
from sencodesk.domain.codes import NeedType, SenStatus, YearGroup
from sencodesk.domain.dates import uk
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
from sencodesk.domain.register_filter import RegisterFilter as RegisterFilter
from sencodesk.domain.register_filter import matches
from sencodesk.services import audit, register_rows, versions
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
    refused (StaleEdit) rather than silently undoing it."""
    fields = clean(fields, today=desk.today())
    with desk.unit(Permission.EDIT_PUPILS) as session:
        pupil = _get(session, pupil_id)
        _editable(pupil)
        versions.check(session, pupil.version, opened_version, what="pupil's details",
                       entities=("pupil",), entity_id=pupil_id)
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
        if period in session.new:  # opened earlier in this same history, not yet stored
            session.expunge(period)
        else:
            session.delete(period)
    else:
        period.ends_on = starts_on - timedelta(days=1)
        session.add(period)


def apply_sen(session: Session, pupil: Pupil, sen: SenChange, starts_on: date, *,
              earlier: Sequence[tuple[date, SenStatus]] = ()) -> None:
    """The one writer of SEN status and need periods (forms, imports and the demo school all
    come here): checks the status and needs (census rules) and each start date, ends the
    periods it replaces the day before, and opens the new ones. ``earlier`` is a dated status
    history before ``starts_on`` (from a transfer file), written status by status."""
    assert pupil.id is not None
    census.check_needs(sen.status, sen.needs)
    current = _open_status(session, pupil.id)
    for on, status in (*earlier, (starts_on, sen.status)):
        if on > starts_on or (on == starts_on and status is not sen.status):
            raise ValidationError("status start", f"the history's {uk(on)} is not before "
                                  f"{uk(starts_on)}")
        current = _write_status(session, pupil.id, current, status, on)
    wanted = {rank: need for rank, need in enumerate(sen.needs, start=1)}
    for period in _open_needs(session, pupil.id):
        census.check_new_period_start(period.starts_on, starts_on, field="need start")
        if wanted.get(period.rank) == NeedType(period.need):
            del wanted[period.rank]
        else:
            _close(period, starts_on, session)
    for rank, need in wanted.items():
        session.add(NeedPeriod(pupil_id=pupil.id, need=need.value, rank=rank, starts_on=starts_on))


def _write_status(session: Session, pupil_id: int, current: StatusPeriod | None,
                  status: SenStatus, starts_on: date) -> StatusPeriod:
    """``status`` from ``starts_on`` after ``current``; the period open afterwards."""
    census.check_new_period_start(
        current.starts_on if current else None, starts_on, field="status start"
    )
    if current is not None and current.status == status.value:
        return current
    if current is not None:
        _close(current, starts_on, session)
    opened = StatusPeriod(pupil_id=pupil_id, status=status.value, starts_on=starts_on)
    session.add(opened)
    return opened


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
                     pupil_id=pupil_id, summary=f"from {uk(starts_on)}",
                     changed=audit.changes(before, _sen_snapshot(session, pupil_id)))


def _sen_snapshot(session: Session, pupil_id: int) -> dict[str, object]:
    status = _open_status(session, pupil_id)
    needs = {f"need {p.rank}": p.need for p in _open_needs(session, pupil_id)}
    return {"status": status.status if status else None, **needs}


def mark_left(desk: Desk, pupil_id: int, left_on: date, *, destination: str = "") -> None:
    """The pupil has left (for ``destination``, the school they moved to, if known): kept,
    read-only and out of the register."""
    destination = validation.text("destination", destination, max_length=200)
    with desk.unit(Permission.EDIT_PUPILS) as session:
        pupil = _get(session, pupil_id)
        _editable(pupil)
        if left_on < pupil.dob or (pupil.joined_on and left_on < pupil.joined_on):
            raise ValidationError("date left", "is before the pupil joined")
        pupil.left_on, pupil.destination = left_on, destination
        session.add(pupil)
        audit.record(session, desk.actor, "update", "pupil", entity_id=pupil_id,
                     pupil_id=pupil_id, summary="marked as left",
                     changed={"left_on": [None, left_on.isoformat()],
                              "destination": ["", destination]})


def record_destination(desk: Desk, pupil_id: int, destination: str) -> None:
    """The school a leaver moved to (the one field of a leaver's file that may still change,
    until their SEN file has been sent there)."""
    destination = validation.text("destination", destination, max_length=200, required=True)
    with desk.unit(Permission.EDIT_PUPILS) as session:
        pupil = _get(session, pupil_id)
        if pupil.left_on is None:
            raise ValidationError("destination", "mark the pupil as left first")
        if pupil.file_sent_on is not None:
            raise ValidationError("destination", f"the SEN file was sent to {pupil.destination} "
                                  f"on {uk(pupil.file_sent_on)}")
        before, pupil.destination = pupil.destination, destination
        session.add(pupil)
        audit.record(session, desk.actor, "update", "pupil", entity_id=pupil_id,
                     pupil_id=pupil_id, summary="destination recorded",
                     changed={"destination": [before, destination]})


def id_for_upn(desk: Desk, upn: str) -> int:
    """The pupil id for a UPN, or NotFound naming it."""
    cleaned = validation.upn(upn)
    with desk.unit(Permission.READ_PUPILS) as session:
        found = session.exec(select(Pupil.id).where(Pupil.upn == cleaned)).first()
    if found is None:
        raise NotFound(f"No pupil with UPN {cleaned} is on the register.")
    return found


def list_pupils(desk: Desk, where: RegisterFilter | None = None) -> list[PupilRow]:
    """The register, sorted by surname, filtered as asked (``register_filter.matches``: the
    same rule as the Register screen)."""
    where = where or RegisterFilter()
    today = desk.today()
    with desk.unit(Permission.READ_PUPILS) as session:
        # exact columns narrow the read in SQL; text is matched in Python, case-folded
        conditions: list[Any] = []
        if not where.include_left:
            conditions.append(col(Pupil.left_on).is_(None))
        if where.year_group is not None:
            conditions.append(Pupil.year_group == int(where.year_group))
        rows = register_rows.read(session, conditions)
    return [row for row in rows if matches(row, where, today=today)]


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
