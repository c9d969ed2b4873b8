"""Teaching groups (a primary class is one too), the staff who teach them, the pupils in them
from one date to another, and pupils shared with a member of staff by name.

Which pupils a Teacher may reach follows from these (:mod:`sencodesk.services.scope`); changing
them is for the SENCO alone, each change one audited unit of work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, col, select

from sencodesk.domain import validation
from sencodesk.domain.dates import uk
from sencodesk.domain.errors import Conflict, NotFound, ValidationError
from sencodesk.domain.permissions import Permission, current, whole_school
from sencodesk.domain.records import PupilRow
from sencodesk.services import audit, register_rows, versions
from sencodesk.services.context import Desk
from sencodesk.store.tables import (
    GroupMember,
    GroupTeacher,
    Pupil,
    PupilShare,
    StaffMember,
    TeachingGroup,
)


@dataclass(frozen=True)
class GroupFields:
    code: str
    subject: str = ""
    teacher_ids: tuple[int, ...] = ()
    starts_on: date | None = None
    ends_on: date | None = None


@dataclass(frozen=True)
class GroupRecord:
    id: int
    code: str
    subject: str
    teachers: tuple[str, ...]
    teacher_ids: tuple[int, ...]
    starts_on: date | None
    ends_on: date | None
    pupils: int  # in the group on the day asked about
    version: int = 0  # as read (services.versions)

    @property
    def label(self) -> str:
        return f"{self.code} ({self.subject})" if self.subject else self.code


@dataclass(frozen=True)
class ShareRecord:
    id: int
    pupil_id: int
    staff_id: int
    staff_name: str
    starts_on: date
    ends_on: date


def _clean(session: Session, fields: GroupFields, group_id: int | None) -> GroupFields:
    code = validation.text("group code", fields.code, max_length=40, required=True)
    subject = validation.text("subject", fields.subject, max_length=80)
    if fields.starts_on and fields.ends_on and fields.ends_on < fields.starts_on:
        raise ValidationError("ends on", "is before the group starts")
    same = session.exec(select(TeachingGroup.id).where(
        col(TeachingGroup.code) == code, col(TeachingGroup.id) != (group_id or 0))).first()
    if same is not None:
        raise Conflict(f"There is already a teaching group called {code}.")
    for staff_id in fields.teacher_ids:
        if session.get(StaffMember, staff_id) is None:
            raise NotFound(f"There is no member of staff with id {staff_id}.")
    return GroupFields(code, subject, tuple(dict.fromkeys(fields.teacher_ids)),
                       fields.starts_on, fields.ends_on)


def write_group(session: Session, desk: Desk, fields: GroupFields,
                group_id: int | None = None, *, opened_version: int | None = None) -> int:
    """Create (``group_id`` None) or change a group inside the caller's unit of work; a
    change from a form that showed ``opened_version`` (services.versions)."""
    fields = _clean(session, fields, group_id)
    group = (TeachingGroup(code=fields.code) if group_id is None
             else session.get(TeachingGroup, group_id))
    if group is None:
        raise NotFound(f"There is no teaching group with id {group_id}.")
    if group_id is not None:
        versions.claim(session, group, opened_version, what="teaching group",
                       entities=("teaching group",), entity_id=group_id)
    before = group.model_dump(exclude={"version"})
    before["teachers"] = sorted(teacher_ids(session, group_id)) if group_id else []
    group.code, group.subject = fields.code, fields.subject
    group.starts_on, group.ends_on = fields.starts_on, fields.ends_on
    session.add(group)
    session.flush()
    assert group.id is not None
    for link in session.exec(select(GroupTeacher).where(GroupTeacher.group_id == group.id)):
        if link.staff_id not in fields.teacher_ids:
            session.delete(link)
    for staff_id in set(fields.teacher_ids) - set(before["teachers"]):
        session.add(GroupTeacher(group_id=group.id, staff_id=staff_id))
    after = {**group.model_dump(exclude={"version"}), "teachers": sorted(fields.teacher_ids)}
    audit.record(session, desk.actor, "create" if group_id is None else "update",
                 "teaching group", entity_id=group.id, summary=group.code,
                 changed=audit.changes(before, after))
    return group.id


def create_group(desk: Desk, fields: GroupFields) -> int:
    """A new teaching group with its teachers (no pupils yet)."""
    with desk.unit(Permission.MANAGE_GROUPS) as session:
        return write_group(session, desk, fields)


def update_group(desk: Desk, group_id: int, fields: GroupFields, *,
                 opened_version: int | None = None) -> None:
    """Change a group's code, subject, teachers or dates."""
    with desk.unit(Permission.MANAGE_GROUPS) as session:
        write_group(session, desk, fields, group_id, opened_version=opened_version)


def teacher_ids(session: Session, group_id: int) -> list[int]:
    return list(session.exec(select(GroupTeacher.staff_id)
                             .where(GroupTeacher.group_id == group_id)))


def add_pupils(desk: Desk, group_id: int, pupil_ids: Iterable[int], *, starts_on: date) -> int:
    """Put pupils in a group from ``starts_on``; those already in it then are left as they
    are. Returns how many were added."""
    with desk.unit(Permission.MANAGE_GROUPS) as session:
        return join(session, desk, group_id, pupil_ids, starts_on=starts_on)


def join(session: Session, desk: Desk, group_id: int, pupil_ids: Iterable[int], *,
         starts_on: date, ends_on: date | None = None, row: int | None = None) -> int:
    """:func:`add_pupils` inside the caller's unit of work (``row``: the import's)."""
    group = session.get(TeachingGroup, group_id)
    if group is None:
        raise NotFound(f"There is no teaching group with id {group_id}.")
    placed = members(session, group_id, starts_on)
    added = 0
    for pupil_id in dict.fromkeys(pupil_ids):
        if pupil_id in placed:
            continue
        if session.get(Pupil, pupil_id) is None:
            raise NotFound(f"There is no pupil with id {pupil_id}.")
        member = GroupMember(group_id=group_id, pupil_id=pupil_id, starts_on=starts_on,
                             ends_on=ends_on)
        session.add(member)
        session.flush()
        where = f" (row {row})" if row else ""
        audit.record(session, desk.actor, "create", "group place", entity_id=member.id,
                     pupil_id=pupil_id, summary=f"into {group.code} from "
                     f"{uk(starts_on)}{where}")
        added += 1
    return added


def remove_pupil(desk: Desk, group_id: int, pupil_id: int, *, last_day: date) -> None:
    """The pupil's place in the group ends after ``last_day`` (they stay in its history)."""
    with desk.unit(Permission.MANAGE_GROUPS) as session:
        leave(session, desk, group_id, pupil_id, last_day=last_day)


def leave(session: Session, desk: Desk, group_id: int, pupil_id: int, *,
          last_day: date) -> None:
    """:func:`remove_pupil` inside the caller's unit of work. A place that would only have
    begun after ``last_day`` is taken away altogether."""
    places = [m for m in session.exec(select(GroupMember).where(
        GroupMember.group_id == group_id, GroupMember.pupil_id == pupil_id))
        if m.ends_on is None or m.ends_on > last_day]
    if not places:
        raise NotFound("That pupil is not in this group after that day.")
    for place in places:
        if place.starts_on > last_day:
            session.delete(place)
            summary = f"place in group {group_id} from {uk(place.starts_on)} withdrawn"
        else:
            place.ends_on = last_day
            session.add(place)
            summary = f"left group {group_id} after {uk(last_day)}"
        audit.record(session, desk.actor, "update", "group place", entity_id=place.id,
                     pupil_id=pupil_id, summary=summary)


def members(session: Session, group_id: int, day: date) -> set[int]:
    """The pupils in the group on ``day`` (inside the caller's unit of work)."""
    places = session.exec(select(col(GroupMember.pupil_id), col(GroupMember.starts_on),
                                 col(GroupMember.ends_on))
                          .where(GroupMember.group_id == group_id))
    return {pupil for pupil, starts_on, ends_on in places if current(starts_on, ends_on, day)}


def list_groups(desk: Desk, *, day: date | None = None,
                teacher_id: int | None = None) -> list[GroupRecord]:
    """The groups running on ``day`` (today), by year then code: every group for the SENCO and Head
    (or ``teacher_id``'s), and a Teacher's own only."""
    day = day or desk.today()
    with desk.unit(Permission.READ_PUPILS) as session:
        if not whole_school(desk.actor.role):
            teacher_id = desk.actor.staff_id
        return groups_of(session, day, teacher_id)


def find_group(desk: Desk, group_id: int) -> GroupRecord:
    """One group as it is now, whatever days it runs (a form reloading someone else's change)."""
    with desk.unit(Permission.MANAGE_GROUPS) as session:
        group = session.get(TeachingGroup, group_id)
        if group is None:
            raise NotFound("That teaching group is no longer in the case file.")
        day = group.starts_on or group.ends_on or desk.today()  # a day the group runs
        return next(g for g in groups_of(session, day, None) if g.id == group_id)


def groups_of(session: Session, day: date, teacher_id: int | None) -> list[GroupRecord]:
    """:func:`list_groups` inside the caller's unit of work."""
    names = dict(session.exec(select(StaffMember.id, StaffMember.name)).all())
    teachers: dict[int, list[int]] = {}
    for group_id, staff_id in session.exec(select(GroupTeacher.group_id,
                                                  GroupTeacher.staff_id)):
        teachers.setdefault(group_id, []).append(staff_id)
    counts: dict[int, int] = {}
    places = select(col(GroupMember.group_id), col(GroupMember.starts_on),
                    col(GroupMember.ends_on))
    if teacher_id is not None:  # a teacher's own groups only, not every place in the school
        places = places.where(col(GroupMember.group_id).in_(
            select(GroupTeacher.group_id).where(GroupTeacher.staff_id == teacher_id)))
    for group_id, starts_on, ends_on in session.exec(places):
        if current(starts_on, ends_on, day):
            counts[group_id] = counts.get(group_id, 0) + 1
    found = []
    for group in sorted(session.exec(select(TeachingGroup)), key=lambda g: code_order(g.code)):
        assert group.id is not None
        staff = sorted(teachers.get(group.id, []), key=lambda s: names.get(s) or "")
        if not current(group.starts_on, group.ends_on, day) or (
                teacher_id is not None and teacher_id not in staff):
            continue
        found.append(GroupRecord(group.id, group.code, group.subject,
                                 tuple(names.get(s) or "" for s in staff), tuple(staff),
                                 group.starts_on, group.ends_on, counts.get(group.id, 0),
                                 group.version))
    return found


def code_order(code: str) -> tuple[int, str]:
    """Groups in year order: Reception's classes ("RS", "R/Ph") first, then "7X/Ma1" before
    "10Y/En1" (a code not starting with a year after them all, by name)."""
    if _RECEPTION.match(code):
        return (0, code[1:].casefold())
    digits = len(code) - len(code.lstrip("0123456789"))
    return (int(code[:digits]) if digits else 99, code[digits:].casefold())


_RECEPTION = re.compile(r"R(?:[A-Z]?$|/)")  # "R", "RS" or "R/..."; not "Rowan" or "RE1"


def pupils_in(desk: Desk, group_id: int, *, day: date | None = None) -> list[PupilRow]:
    """The group's pupils on ``day`` (today), in register order (surname, then forename)."""
    day = day or desk.today()
    with desk.unit(Permission.READ_PUPILS) as session:
        if not whole_school(desk.actor.role) and \
                desk.actor.staff_id not in teacher_ids(session, group_id):
            raise NotFound("That is not one of your teaching groups.")
        ids = sorted(members(session, group_id, day))
        return register_rows.read(session, [col(Pupil.id).in_(ids)]) if ids else []


def staff_id_for(desk: Desk, username: str) -> int:
    """The member of staff who signs in as ``username``."""
    with desk.unit(Permission.MANAGE_GROUPS) as session:
        found = session.exec(select(StaffMember.id)
                             .where(col(StaffMember.username) == username.strip())).first()
        if found is None:
            raise NotFound(f"There is no account {username!r}.")
        return found


def set_mis_code(desk: Desk, username: str, code: str) -> None:
    """Link a staff account to the MIS's staff code (so a class list can name them)."""
    code = validation.text("staff code", code, max_length=20)
    with desk.unit(Permission.MANAGE_GROUPS) as session:
        staff = session.exec(select(StaffMember)
                             .where(col(StaffMember.username) == username.strip())).first()
        if staff is None:
            raise NotFound(f"There is no account {username!r}.")
        taken = session.exec(select(StaffMember.name).where(
            col(StaffMember.mis_code) == code, col(StaffMember.id) != staff.id)).first()
        if code and taken:
            raise Conflict(f"{taken} already has the staff code {code}.")
        before = staff.mis_code
        staff.mis_code = code
        session.add(staff)
        audit.record(session, desk.actor, "update", "staff", entity_id=staff.id,
                     summary=f"staff code of {staff.name}", changed={"mis_code": [before, code]})


def share(desk: Desk, pupil_id: int, staff_id: int, *, ends_on: date) -> int:
    """Let a member of staff who does not teach the pupil read what a teacher reads about
    them, from today to ``ends_on`` (the last day)."""
    today = desk.today()
    if ends_on < today:
        raise ValidationError("ends on", "is in the past")
    with desk.unit(Permission.MANAGE_GROUPS) as session:
        staff = session.get(StaffMember, staff_id)
        if staff is None or session.get(Pupil, pupil_id) is None:
            raise NotFound("There is no such pupil or member of staff.")
        shared = PupilShare(pupil_id=pupil_id, staff_id=staff_id, starts_on=today,
                            ends_on=ends_on)
        session.add(shared)
        session.flush()
        audit.record(session, desk.actor, "create", "share", entity_id=shared.id,
                     pupil_id=pupil_id, summary=f"shared with {staff.name} until "
                     f"{uk(ends_on)}")
        assert shared.id is not None
        return shared.id


def end_share(desk: Desk, share_id: int) -> None:
    """Stop a share from today (yesterday was its last day)."""
    with desk.unit(Permission.MANAGE_GROUPS) as session:
        shared = session.get(PupilShare, share_id)
        if shared is None:
            raise NotFound(f"There is no share with id {share_id}.")
        # ended the day it began: a last day before the first, so never in view
        shared.ends_on = desk.today() - timedelta(days=1)
        session.add(shared)
        audit.record(session, desk.actor, "update", "share", entity_id=share_id,
                     pupil_id=shared.pupil_id, summary="share ended")


def shares_of(desk: Desk, pupil_id: int) -> list[ShareRecord]:
    """Who the pupil is shared with, now or before, latest first."""
    with desk.unit(Permission.MANAGE_GROUPS) as session:
        names = dict(session.exec(select(StaffMember.id, StaffMember.name)).all())
        rows: Sequence[PupilShare] = session.exec(
            select(PupilShare).where(PupilShare.pupil_id == pupil_id)
            .order_by(col(PupilShare.ends_on).desc())).all()
        return [ShareRecord(s.id or 0, s.pupil_id, s.staff_id, names.get(s.staff_id, ""),
                            s.starts_on, s.ends_on) for s in rows]


def staff(desk: Desk) -> list[tuple[int, str]]:
    """(id, name) of the staff still at the school, by name: who may teach a group or be
    shared a pupil with."""
    with desk.unit(Permission.MANAGE_GROUPS) as session:
        found = session.exec(select(StaffMember.id, StaffMember.name)
                             .where(col(StaffMember.active).is_(True))
                             .order_by(col(StaffMember.name))).all()
        return [(staff_id, name) for staff_id, name in found if staff_id is not None]
