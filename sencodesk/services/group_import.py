"""Importing teaching groups from an MIS class-list export: a preview first, then all or
nothing.

The file says, group by group, who is in it now: ``apply`` creates the groups it does not know,
brings subjects and teachers up to date, gives each listed pupil a place from the row's start
date (or today) and ends, as of yesterday, the place of anyone no longer listed. Groups the file
does not mention are left alone. A file with any rejected row is refused whole; importing the
same file again finds nothing to change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, col, select

from sencodesk.domain import class_lists
from sencodesk.domain.class_lists import ClassRow
from sencodesk.domain.errors import SencodeskError, ValidationError
from sencodesk.domain.mis_csv import RowError
from sencodesk.domain.permissions import Permission
from sencodesk.services import audit, groups
from sencodesk.services.context import Desk
from sencodesk.store.tables import GroupMember, Pupil, StaffMember, TeachingGroup


@dataclass(frozen=True)
class Joining:
    row: int
    pupil_id: int
    upn: str
    starts_on: date
    ends_on: date | None


@dataclass(frozen=True)
class GroupChange:
    code: str
    subject: str
    teacher_ids: tuple[int, ...]
    teachers: tuple[str, ...]
    group_id: int | None  # None: a new group
    changes: dict[str, tuple[str, str]]  # subject/teachers: (was, now)
    joining: tuple[Joining, ...]
    leaving: tuple[int, ...]  # pupil ids whose place ends yesterday
    staying: int

    @property
    def writes(self) -> bool:
        return self.group_id is None or bool(self.changes or self.joining or self.leaving)


@dataclass(frozen=True)
class GroupImportPreview:
    groups: tuple[GroupChange, ...]
    rejected: tuple[RowError, ...]
    ignored_columns: tuple[str, ...]

    @property
    def writes(self) -> int:
        return sum(1 for g in self.groups if g.writes)


@dataclass(frozen=True)
class GroupImportResult:
    created: int
    updated: int
    joined: int
    left: int


def preview(desk: Desk, data: bytes, *, mapping: str | Mapping[str, str] | None = None,
            ) -> GroupImportPreview:
    """What importing the class list ``data`` would do, group by group. Writes nothing."""
    desk.require(Permission.IMPORT)
    parsed = class_lists.parse(data, mapping)
    today = desk.today()
    rejected = list(parsed.errors)
    names = parsed.columns
    with desk.unit(Permission.IMPORT) as session:
        upns = dict(session.exec(select(Pupil.upn, Pupil.id)).all())
        staff = _staff(session)
        by_group: dict[str, list[tuple[ClassRow, int, tuple[int, ...]]]] = {}
        for row in parsed.rows:
            try:
                teacher_ids = tuple(_teacher(staff, name, row, names) for name in row.teachers)
                pupil_id = upns.get(row.upn)
                if pupil_id is None:
                    raise ValidationError(names["upn"], f"no pupil with UPN {row.upn} is on the "
                                          "register (import the pupils first)", row=row.row)
            except ValidationError as error:
                rejected.append(RowError(row.row, f"{error.field}: {error.message}"))
                continue
            by_group.setdefault(row.group, []).append((row, pupil_id, teacher_ids))
        changes = [_group(session, code, rows, staff, today) for code, rows in by_group.items()]
    return GroupImportPreview(tuple(sorted(changes, key=lambda g: g.code)),
                              tuple(sorted(rejected, key=lambda e: e.row)),
                              parsed.ignored_columns)


def _staff(session: Session) -> list[StaffMember]:
    return list(session.exec(select(StaffMember).where(col(StaffMember.active))))


def _teacher(staff: list[StaffMember], name: str, row: ClassRow,
             columns: Mapping[str, str]) -> int:
    """The member of staff a class list names, by MIS staff code or else by full name."""
    wanted = name.casefold()
    found = [s for s in staff if s.mis_code and s.mis_code.casefold() == wanted] or \
        [s for s in staff if s.name.casefold() == wanted]
    column = columns.get("teacher", "Teacher")
    if not found:
        raise ValidationError(column, f"no member of staff has the code or name {name!r} "
                              "(give them their MIS staff code under Settings)", row=row.row)
    if len(found) > 1:
        raise ValidationError(column, f"{name!r} could be {' or '.join(s.name for s in found)}: "
                              "use MIS staff codes", row=row.row)
    assert found[0].id is not None
    return found[0].id


def _group(session: Session, code: str, rows: list[tuple[ClassRow, int, tuple[int, ...]]],
           staff: list[StaffMember], today: date) -> GroupChange:
    first, _, teacher_ids = rows[0]
    names = {s.id: s.name for s in staff}
    group = session.exec(select(TeachingGroup).where(TeachingGroup.code == code)).first()
    changes: dict[str, tuple[str, str]] = {}
    placed: set[int] = set()
    if group is not None:
        assert group.id is not None
        if group.subject != first.subject:
            changes["subject"] = (group.subject, first.subject)
        had = groups.teacher_ids(session, group.id)
        if set(had) != set(teacher_ids):
            changes["teachers"] = (", ".join(sorted(names.get(t, "") for t in had)),
                                   ", ".join(sorted(names.get(t, "") for t in teacher_ids)))
        placed = {m.pupil_id for m in _places(session, group.id, today)}
    wanted = {pupil_id for _, pupil_id, _ in rows}
    joining = tuple(Joining(row.row, pupil_id, row.upn, row.starts_on or today, row.ends_on)
                    for row, pupil_id, _ in rows if pupil_id not in placed)
    return GroupChange(code, first.subject, teacher_ids,
                       tuple(names.get(t, "") for t in teacher_ids),
                       group.id if group else None, changes, joining,
                       tuple(sorted(placed - wanted)), len(placed & wanted))


def _places(session: Session, group_id: int, today: date) -> list[GroupMember]:
    """Places in the group now or to come (not ended before today)."""
    return [m for m in session.exec(select(GroupMember).where(GroupMember.group_id == group_id))
            if m.ends_on is None or m.ends_on >= today]


def apply(desk: Desk, plan: GroupImportPreview) -> GroupImportResult:
    """Write the previewed groups in one unit of work: all of them, or (if any row was
    rejected, or the groups changed since the preview) none."""
    if plan.rejected:
        raise ValidationError("file", f"{len(plan.rejected)} row"
                              f"{'s' if len(plan.rejected) != 1 else ''} cannot be imported "
                              "(listed in the preview): correct the file and import it again. "
                              "Nothing was imported.")
    today = desk.today()
    created = updated = joined = left = 0
    with desk.composite(Permission.IMPORT, Permission.MANAGE_GROUPS) as session:
        for change in plan.groups:
            if not change.writes:
                continue
            stored = None
            if change.group_id is not None:
                stored = session.get(TeachingGroup, change.group_id)
                if stored is None or stored.code != change.code:
                    raise SencodeskError("A teaching group changed while importing: preview "
                                         "again.")
            group_id = change.group_id
            if group_id is None or change.changes:
                # the group's own dates are the app's to keep: a class list does not give them
                fields = groups.GroupFields(change.code, change.subject, change.teacher_ids,
                                            stored.starts_on if stored else None,
                                            stored.ends_on if stored else None)
                group_id = groups.write_group(session, desk, fields, group_id)
                created += change.group_id is None
                updated += change.group_id is not None
            for place in change.joining:
                joined += groups.join(session, desk, group_id, [place.pupil_id],
                                      starts_on=place.starts_on, ends_on=place.ends_on,
                                      row=place.row)
            for pupil_id in change.leaving:
                groups.leave(session, desk, group_id, pupil_id, last_day=today - timedelta(1))
                left += 1
        audit.record(session, desk.actor, "import", "teaching groups",
                     summary=f"{created} new, {updated} updated groups; {joined} places "
                     f"added, {left} ended")
    return GroupImportResult(created, updated, joined, left)


def describe(plan: GroupImportPreview) -> list[str]:
    """The preview in words a SENCO can check before confirming."""
    new = sum(1 for g in plan.groups if g.group_id is None)
    lines = [f"{len(plan.groups)} groups in the file: {new} new, {plan.writes - new} changed, "
             f"{len(plan.groups) - plan.writes} unchanged; {len(plan.rejected)} rows rejected."]
    if plan.ignored_columns:
        lines.append(f"Columns not used: {', '.join(plan.ignored_columns)}.")
    for group in plan.groups:
        if not group.writes:
            continue
        what = "New group" if group.group_id is None else "Changed"
        taught = f", taught by {', '.join(group.teachers)}" if group.teachers else ""
        lines.append(f"{what}: {group.code} ({group.subject or 'no subject'}{taught}): "
                     f"{len(group.joining)} joining, {len(group.leaving)} leaving, "
                     f"{group.staying} staying")
        lines += [f"    {field}: {was or '(blank)'} → {now or '(blank)'}"
                  for field, (was, now) in group.changes.items()]
    lines += [f"Rejected: row {e.row}: {e.message}" for e in plan.rejected]
    return lines
