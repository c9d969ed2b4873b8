"""The people around a pupil: parents and carers, and the outside agencies involved."""

from __future__ import annotations

from datetime import date

from sencodesk.domain import validation
from sencodesk.domain.permissions import Permission
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
