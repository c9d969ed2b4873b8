"""School settings that travel with the case file: name, URN, LA, phase, budget, lead times,
term dates and the auto-lock interval."""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from datetime import date

from sqlmodel import Session, col, select

from sencodesk.domain import pictures, validation
from sencodesk.domain.codes import Role, SchoolPhase
from sencodesk.domain.errors import StoreError, ValidationError
from sencodesk.domain.passport_contacts import ParentContact
from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import SchoolInfo, StaffRecord, TermRecord
from sencodesk.services import audit, versions
from sencodesk.services.context import Desk
from sencodesk.store.tables import School, StaffMember, TermDate


def _row(session: Session) -> School:
    school = session.exec(select(School)).first()
    if school is None:
        raise StoreError("This case file has no school record: it may be damaged.")
    return school


def _info(school: School) -> SchoolInfo:
    return SchoolInfo(
        name=school.name,
        urn=school.urn,
        local_authority=school.local_authority,
        phase=school.phase,
        notional_sen_budget_pence=school.notional_sen_budget_pence,
        autolock_minutes=school.autolock_minutes,
        lead_times={str(k): int(v) for k, v in json.loads(school.lead_times_json).items()},
        senco_contact=school.senco_contact,
        passport_parent_contact=school.passport_parent_contact,
        address=school.address,
        version=school.version,
    )


def get(desk: Desk) -> SchoolInfo:
    with desk.unit(Permission.READ_SCHOOL) as session:
        return _info(_row(session))


def update(desk: Desk, info: SchoolInfo, *, opened_version: int | None = None) -> None:
    """Save the school's settings; each changed field is audited. From a form,
    ``opened_version`` is the version it showed (services.versions)."""
    name = validation.text("school name", info.name, max_length=200, required=True)
    urn = validation.text("URN", info.urn, max_length=10)
    if urn and not (urn.isdigit() and len(urn) == 6):
        raise ValidationError("URN", "a school's URN is six digits")
    try:
        phase = SchoolPhase(info.phase).value
    except ValueError:
        raise ValidationError("phase", f"{info.phase!r} is not a school phase") from None
    validation.whole_number("auto-lock minutes", info.autolock_minutes, low=1, high=240)
    validation.whole_number("notional SEN budget", info.notional_sen_budget_pence,
                            low=0, high=10**11)
    for key, days in info.lead_times.items():
        validation.whole_number(f"lead time {key}", days, low=1, high=365)
    try:
        parent_contact = ParentContact(info.passport_parent_contact).value
    except ValueError:
        raise ValidationError("passport parent contact",
                              f"{info.passport_parent_contact!r} is not a choice") from None
    cleaned = replace(
        info, name=name, urn=urn, phase=phase,
        local_authority=validation.text("local authority", info.local_authority, max_length=120),
        senco_contact=validation.text("SENCO contact", info.senco_contact, max_length=200),
        passport_parent_contact=parent_contact,
        address=validation.text("address", info.address, max_length=400),
    )
    with desk.unit(Permission.EDIT_SCHOOL) as session:
        school = _row(session)
        versions.claim(session, school, opened_version, what="school's settings",
                       entities=("school",), entity_id=school.id)
        before = asdict(_info(school))
        school.name, school.urn, school.phase = cleaned.name, cleaned.urn, cleaned.phase
        school.local_authority = cleaned.local_authority
        school.notional_sen_budget_pence = cleaned.notional_sen_budget_pence
        school.autolock_minutes = cleaned.autolock_minutes
        school.lead_times_json = json.dumps(cleaned.lead_times, sort_keys=True)
        school.senco_contact = cleaned.senco_contact
        school.passport_parent_contact = cleaned.passport_parent_contact
        school.address = cleaned.address
        session.add(school)
        audit.record(session, desk.actor, "update", "school", entity_id=school.id,
                     changed=audit.changes(before, asdict(replace(cleaned,
                                                                  version=school.version))))


def add_term(desk: Desk, *, academic_year: int, name: str, starts_on: date,
             ends_on: date) -> int:
    validation.period(starts_on, ends_on, start_field="term start", end_field="term end")
    name = validation.text("term", name, max_length=40, required=True)
    with desk.unit(Permission.EDIT_SCHOOL) as session:
        term = TermDate(academic_year=academic_year, name=name, starts_on=starts_on,
                        ends_on=ends_on)
        session.add(term)
        session.flush()
        audit.record(session, desk.actor, "create", "term", entity_id=term.id,
                     summary=f"{name} {academic_year}")
        assert term.id is not None
        return term.id


def terms(desk: Desk) -> list[TermRecord]:
    with desk.unit(Permission.READ_SCHOOL) as session:
        return [
            TermRecord(t.id or 0, t.academic_year, t.name, t.starts_on, t.ends_on)
            for t in session.exec(select(TermDate).order_by(col(TermDate.starts_on)))
        ]


def add_staff(desk: Desk, *, name: str, job_title: str = "", email: str = "") -> int:
    """Someone named in plans (who delivers a provision) without a sign-in."""
    with desk.unit(Permission.EDIT_SCHOOL) as session:
        staff = StaffMember(
            name=validation.name("name", name),
            job_title=validation.text("job title", job_title, max_length=80),
            email=validation.text("email", email, max_length=200),
        )
        session.add(staff)
        session.flush()
        audit.record(session, desk.actor, "create", "staff", entity_id=staff.id,
                     summary=staff.name)
        assert staff.id is not None
        return staff.id


def staff(desk: Desk) -> list[StaffRecord]:
    with desk.unit(Permission.READ_SCHOOL) as session:
        return [
            StaffRecord(s.id or 0, s.name, s.job_title, s.email)
            for s in session.exec(select(StaffMember).where(col(StaffMember.active).is_(True))
                                  .order_by(StaffMember.name))
        ]


def senco_name(desk: Desk) -> str:
    """The name of the school's SENCO (the first active SENCO account), for passports that
    any member of staff may print; blank if there is none."""
    with desk.unit(Permission.READ_SCHOOL) as session:
        name = session.exec(select(StaffMember.name).where(
            StaffMember.role == Role.SENCO.value, col(StaffMember.active).is_(True))
            .order_by(col(StaffMember.id))).first()
        return name or ""


def logo(desk: Desk) -> bytes | None:
    """The school's logo for the letterhead, if one is set."""
    with desk.unit(Permission.READ_SCHOOL) as session:
        return _row(session).logo


def set_logo(desk: Desk, data: bytes | None) -> None:
    """Set (a PNG or JPEG that decodes whole) or clear the letterhead's logo; audited."""
    if data is not None:
        pictures.check_photo(data, field="logo")
    with desk.unit(Permission.EDIT_SCHOOL) as session:
        school = _row(session)
        school.logo = data
        session.add(school)
        audit.record(session, desk.actor, "update", "school", entity_id=school.id,
                     summary="letterhead logo " + ("set" if data else "removed"))
