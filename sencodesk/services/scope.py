"""The one service-level check of which pupils the acting person may reach.

A Teacher's unit of work sees the case file as server mode's row-level security will: every
ORM read of the pupil table or of a table keyed by ``pupil_id`` is narrowed to the pupils they
teach that day (:func:`sencodesk.domain.permissions.in_view`), contact-log notes further to
:func:`~sencodesk.domain.permissions.reads_note`; asking for one pupil outside that set by id,
or writing anything about one, is refused with :class:`OutsideView` rather than answered as
if the pupil did not exist. Whole-school roles (SENCO, Head) are not narrowed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, Table, event, or_, true
from sqlalchemy import select as sa_select
from sqlalchemy.orm import ORMExecuteState, with_loader_criteria
from sqlalchemy.sql import operators, visitors
from sqlalchemy.sql.elements import BinaryExpression, BindParameter, ColumnElement
from sqlalchemy.sql.util import find_tables
from sqlmodel import Session, SQLModel, col, select

from sencodesk.domain.codes import Role
from sencodesk.domain.errors import OutsideView
from sencodesk.domain.permissions import in_view, whole_school
from sencodesk.store.tables import (
    AuditEvent,
    ContactLogEntry,
    GroupMember,
    GroupTeacher,
    Pupil,
    PupilShare,
    TeachingGroup,
)


@dataclass(frozen=True)
class View:
    """The pupils a narrowed unit of work may name, by id and by UPN."""

    ids: frozenset[int]
    upns: frozenset[str]


_NARROWED = "sencodesk_narrowed"  # an execution option: the ORM narrowed this one already
#: Tables that say who did what to whom rather than what is known about the pupil: the trail
#: must see its own head whoever acts, and a refusal is recorded against the pupil asked for.
_UNSCOPED = frozenset({AuditEvent.__tablename__})


def pupils_taught(session: Session, staff_id: int, day: date) -> frozenset[int]:
    """The pupils ``staff_id`` teaches on ``day`` or has had shared with them."""
    places = session.execute(
        sa_select(col(GroupMember.pupil_id), col(GroupMember.starts_on), col(GroupMember.ends_on),
                  col(TeachingGroup.starts_on), col(TeachingGroup.ends_on), col(Pupil.left_on))
        .join(TeachingGroup, col(TeachingGroup.id) == GroupMember.group_id)
        .join(GroupTeacher, col(GroupTeacher.group_id) == GroupMember.group_id)
        .join(Pupil, col(Pupil.id) == GroupMember.pupil_id)
        .where(col(GroupTeacher.staff_id) == staff_id)).all()
    # a leaver is out of every group from the day they leave
    memberships = [(pupil, _later(start, group_start),
                    _sooner(_sooner(end, group_end), left_on and left_on - timedelta(days=1)))
                   for pupil, start, end, group_start, group_end, left_on in places]
    shares = session.exec(select(col(PupilShare.pupil_id), col(PupilShare.starts_on),
                                 col(PupilShare.ends_on))
                          .where(PupilShare.staff_id == staff_id)).all()
    return in_view(memberships, [(pupil, start, end) for pupil, start, end in shares], day)


def _later(a: date | None, b: date | None) -> date | None:
    return max(a, b) if a and b else a or b


def _sooner(a: date | None, b: date | None) -> date | None:
    return min(a, b) if a and b else a or b


def narrow(session: Session, *, role: Role, staff_id: int, day: date) -> None:
    """Narrow ``session`` (one unit of work) to what ``role`` may reach on ``day``."""
    if whole_school(role):
        return
    view = pupils_taught(session, staff_id, day)
    upns = frozenset(session.exec(select(Pupil.upn).where(col(Pupil.id).in_(view))))
    named = View(view, upns)
    criteria = [with_loader_criteria(Pupil, col(Pupil.id).in_(view), include_aliases=True),
                with_loader_criteria(ContactLogEntry, or_(
                    col(ContactLogEntry.author_id) == staff_id,
                    col(ContactLogEntry.for_teachers) == true()), include_aliases=True)]
    criteria += [with_loader_criteria(table, table.pupil_id.in_(view), include_aliases=True)
                 for table in _pupil_tables()]

    @event.listens_for(session, "do_orm_execute")
    def _narrowed(state: ORMExecuteState) -> None:
        if state.is_select and not state.is_column_load and not state.is_relationship_load:
            parameters = state.parameters if isinstance(state.parameters, Mapping) else None
            _refuse_outside(state.statement, named, parameters)
            state.statement = state.statement.options(*criteria)
        state.update_execution_options(**{_NARROWED: True})

    # Core statements on the unit's connection (fast lists read rows without the ORM) are
    # narrowed the same way, table by table
    @event.listens_for(session.connection(), "before_execute", retval=True)
    def _core(_: Any, clause: Any, multiparams: Any, params: Any,
              options: Mapping[str, Any]) -> tuple[Any, Any, Any]:
        if isinstance(clause, Select) and not options.get(_NARROWED):
            _refuse_outside(clause, named, _first(multiparams, params))
            clause = clause.where(*_core_criteria(clause, view, staff_id))
        return clause, multiparams, params

    @event.listens_for(session, "before_flush")
    def _writes(session: Session, *_: Any) -> None:
        for row in (*session.new, *session.dirty, *session.deleted):
            pupil_id = _pupil_of(row)
            if pupil_id is not None and pupil_id not in view:
                raise OutsideView(pupil_id)


def _refuse_outside(statement: Any, view: View,
                    parameters: Mapping[str, Any] | None = None) -> None:
    for what, value in _pupils_named(statement, parameters or {}):
        if what == "id" and value not in view.ids:
            raise OutsideView(value if isinstance(value, int) else None)
        if what == "upn" and value not in view.upns:
            raise OutsideView(None)


def _first(multiparams: Any, params: Any) -> Mapping[str, Any]:
    if params:
        return dict(params)
    if multiparams and isinstance(multiparams[0], Mapping):
        return multiparams[0]
    return {}


def _core_criteria(clause: Select[Any], view: frozenset[int],
                   staff_id: int) -> Iterator[ColumnElement[bool]]:
    for source in clause.get_final_froms():
        for table in find_tables(source, include_joins=True):
            if not isinstance(table, Table) or table.name in _UNSCOPED:
                continue
            if table.name == Pupil.__tablename__:
                yield table.c.id.in_(view)
            elif "pupil_id" in table.c:
                yield table.c.pupil_id.in_(view)
            if table.name == ContactLogEntry.__tablename__:
                yield or_(table.c.author_id == staff_id, table.c.for_teachers == true())


def _pupil_tables() -> list[Any]:
    return [mapper.class_ for mapper in SQLModel._sa_registry.mappers
            if "pupil_id" in mapper.columns
            and getattr(mapper.local_table, "name", None) not in _UNSCOPED]


def _pupil_of(row: object) -> int | None:
    # an audit entry too: a narrowed reader cannot record having printed someone else's pupil
    if isinstance(row, Pupil):
        return row.id
    value = getattr(row, "pupil_id", None)
    return value if isinstance(value, int) else None


def _pupils_named(statement: Any, parameters: Mapping[str, Any],
                  ) -> Iterator[tuple[str, object]]:
    """What a statement's WHERE asks for by value: ("id", 5) for ``pupil.id = 5`` or ``x.pupil_id
    IN (5, 6)``, ("upn", "A8...") for ``pupil.upn = 'A8...'``: those a narrowed reader is told
    are not theirs, rather than shown nothing."""
    where = getattr(statement, "whereclause", None)
    if where is None:
        return
    for node in visitors.iterate(where):
        if not isinstance(node, BinaryExpression) or node.operator not in (
                operators.eq, operators.in_op) or not isinstance(node.right, BindParameter):
            continue
        what = _names_pupil(node.left)
        if what:
            # a primary-key load (``session.get``) passes its value as a parameter
            value = parameters.get(node.right.key, node.right.effective_value)
            values = value if isinstance(value, list | tuple) else [value]
            yield from ((what, v) for v in values if v is not None)


def _names_pupil(column: ColumnElement[Any]) -> str:
    table = getattr(getattr(column, "table", None), "name", None)
    key = getattr(column, "key", None)
    if table in _UNSCOPED:
        return ""
    if key == "pupil_id" or (table == Pupil.__tablename__ and key == "id"):
        return "id"
    return "upn" if table == Pupil.__tablename__ and key == "upn" else ""
