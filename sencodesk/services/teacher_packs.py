"""Passports for every teacher, from the SENCO: one pack per teacher of the groups they teach
today, each pupil's passport once, for schools where teachers do not sign in."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import col, select

from sencodesk.domain.documents import TeacherPack
from sencodesk.domain.errors import NotFound
from sencodesk.domain.permissions import Permission
from sencodesk.services import (
    cover_sheets,
    groups,
    passports,
    register_rows,
    report_data,
    saving,
    school,
)
from sencodesk.services.context import Desk, composite
from sencodesk.store.tables import GroupTeacher, Pupil, StaffMember

Progress = Callable[[int, int, str], None]
Render = Callable[[TeacherPack], bytes]


@dataclass(frozen=True)
class Written:
    teacher: str
    path: Path | None  # None: none of their pupils has a passport yet
    passports: int


def teachers(desk: Desk) -> list[tuple[int, str]]:
    """(staff id, name) of everyone who teaches a group, by name."""
    with desk.unit(Permission.EXPORT) as session:
        found = session.exec(select(StaffMember.id, StaffMember.name).where(
            col(StaffMember.id).in_(select(GroupTeacher.staff_id))).order_by(
            col(StaffMember.name))).all()
        return [(staff_id, name) for staff_id, name in found if staff_id is not None]


@composite(Permission.EXPORT, Permission.PRINT_PASSPORTS)
def pack_for(desk: Desk, staff_id: int, name: str) -> TeacherPack | None:
    """One teacher's pack, or None if none of their pupils has a passport yet."""
    day = desk.today()
    with desk.unit(Permission.READ_PUPILS) as session:
        taught = groups.groups_of(session, day, staff_id)
        placed = {g.id: groups.members(session, g.id, day) for g in taught}
        everyone = sorted(set().union(*placed.values()))
        rows = register_rows.read(session, [col(Pupil.id).in_(everyone)]) if everyone else []
    latest = passports.latest_for(desk, everyone) if everyone else {}
    if not latest:
        return None
    chosen = report_data.passports_for(desk, sorted(latest), title=f"Passports for {name}",
                                       for_staff=staff_id)
    names = {s.pupil.id: s.pupil.display_name for s in chosen.sheets}
    order = [s.pupil.id for s in chosen.sheets]
    contact = school.get(desk).senco_contact
    covers = tuple(cover_sheets.sheet(desk, g, [r for r in rows if r.id in placed[g.id]],
                                      latest, contact) for g in taught)
    return TeacherPack(name, tuple(
        (g.code, g.subject, tuple(names[p] for p in order if p in placed[g.id]))
        for g in taught),
        chosen, covers)


def write_all(desk: Desk, folder: Path, *, render: Render, teacher: str | None = None,
              replace: bool = False, progress: Progress | None = None) -> list[Written]:
    """A PDF per teacher (or only ``teacher``, by name) in ``folder``, each written whole;
    returns what was written for whom. Each pack is gathered and audited as one unit of
    work. A pack already in the folder is refused unless ``replace``."""
    everyone = teachers(desk)
    if teacher is not None:
        everyone = [(i, n) for i, n in everyone if n.casefold() == teacher.strip().casefold()]
        if not everyone:
            raise NotFound(f"No one called {teacher!r} teaches a group.")
    if saving.data_folder_holding(folder / "pack.pdf") is not None:
        saving.check_target(folder / "pack.pdf")  # says why, in the same words as any export
    folder.mkdir(parents=True, exist_ok=True)
    done: list[Written] = []
    for number, (staff_id, name) in enumerate(everyone, start=1):
        if progress:
            progress(number - 1, len(everyone), f"Passports for {name}")
        pack = pack_for(desk, staff_id, name)
        if pack is None:
            done.append(Written(name, None, 0))
            continue
        path = saving.save_export(folder / f"Passports - {_file_name(name)}.pdf",
                                  render(pack), replace=replace)
        done.append(Written(name, path, len(pack.passports.sheets)))
    if progress:
        progress(len(everyone), len(everyone), "Done")
    return done


def _file_name(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|]+', "", name).strip() or "teacher"
