"""The demo school's teaching groups, as a secondary timetable has them: maths, English and
science taught in sets within half-year bands (``8X/Ma1`` is year 8, band X, top maths set),
history, geography and PE in form groups, each with its teacher and MIS staff code."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date

from sqlmodel import Session, select

from sencodesk.store.tables import GroupMember, GroupTeacher, Pupil, StaffMember, TeachingGroup

#: (name, MIS staff code, department)
TEACHERS = (
    ("Mr Daniel Okafor", "DOK", "Ma"), ("Ms Helen Marsh", "HMA", "Ma"),
    ("Mr Arjun Mehta", "AME", "Ma"), ("Mrs Claire Dunn", "CDU", "Ma"),
    ("Ms Fatima Rahman", "FRA", "En"), ("Mr Tom Fielding", "TFI", "En"),
    ("Mrs Grace Whitfield", "GWH", "En"), ("Ms Niamh Kelly", "NKE", "En"),
    ("Dr Samuel Price", "SPR", "Sc"), ("Ms Lucy Tran", "LTR", "Sc"),
    ("Mr Owen Hughes", "OHU", "Sc"), ("Mrs Priya Shah", "PSH", "Sc"),
    ("Mr Ben Carter", "BCA", "Hi"), ("Ms Rosa Alvarez", "RAL", "Hi"),
    ("Mrs Joanne Pike", "JPI", "Gg"), ("Mr Kwame Asante", "KAS", "Gg"),
    ("Ms Ellie Norris", "ENO", "PE"), ("Mr Chris Doyle", "CDO", "PE"),
)
SUBJECTS = {"Ma": "Mathematics", "En": "English", "Sc": "Science", "Hi": "History",
            "Gg": "Geography", "PE": "Physical education"}
SETS = ("Ma", "En", "Sc")  # set by attainment within a band
FORM_GROUPS = ("Hi", "Gg", "PE")  # taught in form groups
BANDS = {"X": "ABC", "Y": "DE"}  # the forms in each half-year band
SET_COUNT = 3


def add(session: Session, *, seed: int, starts_on: date) -> int:
    """Give the demo school's pupils (already written) their teaching groups for the year
    beginning ``starts_on``; returns how many groups were made. Its own random numbers, so
    the rest of the demo is the same with or without groups."""
    rng = random.Random(seed)
    staff = [StaffMember(name=name, job_title=f"Teacher of {SUBJECTS[dept]}", mis_code=code)
             for name, code, dept in TEACHERS]
    session.add_all(staff)
    session.flush()
    by_dept: dict[str, list[int]] = {}
    for member, (_, _, dept) in zip(staff, TEACHERS, strict=True):
        assert member.id is not None
        by_dept.setdefault(dept, []).append(member.id)
    pupils = [(pid, year, form) for pid, year, form
              in session.exec(select(Pupil.id, Pupil.year_group, Pupil.form)) if pid is not None]
    made = 0
    for year in sorted({year for _, year, _ in pupils}):
        cohort = [(pid, form) for pid, y, form in pupils if y == year]
        for band, forms in BANDS.items():
            in_band = [pid for pid, form in cohort if form[-1:] in forms]
            for dept in SETS:
                ranked = rng.sample(in_band, len(in_band))  # stands in for attainment
                for number in range(SET_COUNT):
                    members = ranked[number::SET_COUNT]
                    made += _group(session, f"{year}{band}/{dept}{number + 1}", dept,
                                   rng.choice(by_dept[dept]), members, starts_on)
        for form in sorted({form for _, form in cohort}):
            members = [pid for pid, f in cohort if f == form]
            for dept in FORM_GROUPS:
                made += _group(session, f"{form}/{dept}", dept, rng.choice(by_dept[dept]),
                               members, starts_on)
    return made


def _group(session: Session, code: str, dept: str, teacher: int, members: Sequence[int],
           starts_on: date) -> int:
    if not members:
        return 0
    group = TeachingGroup(code=code, subject=SUBJECTS[dept])
    session.add(group)
    session.flush()
    assert group.id is not None
    session.add(GroupTeacher(group_id=group.id, staff_id=teacher))
    session.add_all(GroupMember(group_id=group.id, pupil_id=pid, starts_on=starts_on)
                    for pid in members)
    return 1
