"""The school's intervention catalogue (what a provision map is costed from)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import col, select

from sencodesk.domain import validation
from sencodesk.domain.errors import Conflict, NotFound
from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import InterventionRecord
from sencodesk.services import audit, versions
from sencodesk.services.context import Desk
from sencodesk.store.tables import Intervention


@dataclass(frozen=True)
class InterventionFields:
    name: str
    description: str = ""
    wave: int = 2
    staff_grade: str = ""
    hourly_cost_pence: int = 0


def _record(row: Intervention) -> InterventionRecord:
    return InterventionRecord(row.id or 0, row.name, row.description, row.wave,
                              row.staff_grade, row.hourly_cost_pence, row.active,
                              row.version)


def _apply(row: Intervention, fields: InterventionFields) -> None:
    row.name = validation.text("name", fields.name, max_length=120, required=True)
    row.description = validation.text("description", fields.description, max_length=2000)
    row.wave = validation.whole_number("support", fields.wave, low=1, high=3)
    row.staff_grade = validation.text("staff grade", fields.staff_grade, max_length=60)
    row.hourly_cost_pence = validation.whole_number(
        "hourly cost", fields.hourly_cost_pence, low=0, high=100_000
    )


def add(desk: Desk, fields: InterventionFields) -> int:
    with desk.unit(Permission.EDIT_SUPPORT) as session:
        row = Intervention(name="")
        _apply(row, fields)
        if session.exec(select(Intervention.id).where(Intervention.name == row.name)).first():
            raise Conflict(f"The catalogue already has an intervention called {row.name!r}.")
        session.add(row)
        session.flush()
        audit.record(session, desk.actor, "create", "intervention", entity_id=row.id,
                     summary=row.name)
        assert row.id is not None
        return row.id


def update(desk: Desk, intervention_id: int, fields: InterventionFields, *,
           active: bool = True, opened_version: int | None = None) -> None:
    """Change a catalogue entry; from a form, ``opened_version`` is the version it showed
    (services.versions)."""
    with desk.unit(Permission.EDIT_SUPPORT) as session:
        row = session.get(Intervention, intervention_id)
        if row is None:
            raise NotFound(f"There is no intervention with id {intervention_id}.")
        before = row.model_dump(exclude={"version"})
        versions.claim(session, row, opened_version, what="intervention",
                       entities=("intervention",), entity_id=intervention_id)
        _apply(row, fields)
        row.active = active
        session.add(row)
        audit.record(session, desk.actor, "update", "intervention", entity_id=row.id,
                     changed=audit.changes(before, row.model_dump(exclude={"version"})))


def catalogue(desk: Desk, *, include_retired: bool = False) -> list[InterventionRecord]:
    with desk.unit(Permission.READ_SUPPORT) as session:
        query = select(Intervention).order_by(Intervention.name)
        if not include_retired:
            query = query.where(col(Intervention.active).is_(True))
        return [_record(row) for row in session.exec(query)]
