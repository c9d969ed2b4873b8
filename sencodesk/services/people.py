"""The people around a pupil: parents and carers, and the outside agencies involved."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlmodel import col, select

from sencodesk.domain import validation
from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import ParentRecord
from sencodesk.services import audit
from sencodesk.services.context import Desk
from sencodesk.services.pupils import editable
from sencodesk.store.tables import Agency, ParentCarer


def add_parent(
    desk: Desk, pupil_id: int, *, name: str, relationship: str = "", phone: str = "",
    email: str = "", parental_responsibility: bool = True,
) -> int:
    with desk.unit(Permission.EDIT_PUPILS) as session:
        editable(session, pupil_id)
        parent = ParentCarer(
            pupil_id=pupil_id,
            name=validation.name("parent name", name),
            relationship=validation.text("relationship", relationship, max_length=60),
            phone=validation.text("phone", phone, max_length=40),
            email=validation.text("email", email, max_length=200),
            parental_responsibility=parental_responsibility,
        )
        session.add(parent)
        session.flush()
        audit.record(session, desk.actor, "create", "parent", entity_id=parent.id,
                     pupil_id=pupil_id, summary=f"added {parent.name}")
        assert parent.id is not None
        return parent.id


def add_agency(
    desk: Desk, pupil_id: int, *, name: str, contact: str = "", started_on: date | None = None
) -> int:
    with desk.unit(Permission.EDIT_PUPILS) as session:
        editable(session, pupil_id)
        agency = Agency(
            pupil_id=pupil_id,
            name=validation.text("agency", name, max_length=120, required=True),
            contact=validation.text("agency contact", contact, max_length=200),
            started_on=started_on,
        )
        session.add(agency)
        session.flush()
        audit.record(session, desk.actor, "create", "agency", entity_id=agency.id,
                     pupil_id=pupil_id, summary=f"involved {agency.name}")
        assert agency.id is not None
        return agency.id


def parents_for(desk: Desk, pupil_ids: Sequence[int]) -> dict[int, tuple[ParentRecord, ...]]:
    """The parents and carers of each of these pupils, in one query (a class set of
    passports names them on every page)."""
    found: dict[int, list[ParentRecord]] = {pid: [] for pid in pupil_ids}
    if not found:
        return {}
    with desk.unit(Permission.READ_PUPILS) as session:
        for p in session.exec(select(ParentCarer).where(
                col(ParentCarer.pupil_id).in_(sorted(found))).order_by(col(ParentCarer.id))):
            found[p.pupil_id].append(ParentRecord(p.id or 0, p.name, p.relationship, p.phone,
                                                  p.email, p.parental_responsibility))
    return {pid: tuple(parents) for pid, parents in found.items()}
