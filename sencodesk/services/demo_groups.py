"""The demo school's teaching groups, as a secondary timetable has them: maths, English and
science taught in sets within half-year bands (``8X/Ma1`` is year 8, band X, top maths set),
history, geography, PE, French and computing in form groups (a form bigger than a class in
two or three classes), each with its teacher and MIS staff code. Sets hold
about a class's worth of pupils and each teacher about eight groups, so a bigger demo school
has more sets and more teachers, as a real one would."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from datetime import date
from itertools import count

from sqlmodel import Session, select

from sencodesk.services.demo_names import FORENAMES, SURNAMES
from sencodesk.store.tables import GroupMember, GroupTeacher, Pupil, StaffMember, TeachingGroup

#: (name, MIS staff code, department): the first teachers of each department
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
    ("Mme Sophie Laurent", "SLA", "Fr"), ("Mr Iwan Roberts", "IRO", "Fr"),
    ("Ms Aisha Begum", "ABE", "Co"), ("Mr Luke Barnes", "LBA", "Co"),
)
SUBJECTS = {"Ma": "Mathematics", "En": "English", "Sc": "Science", "Hi": "History",
            "Gg": "Geography", "PE": "Physical education", "Fr": "French", "Co": "Computing"}
SETS = ("Ma", "En", "Sc")  # set by attainment within a band
FORM_GROUPS = ("Hi", "Gg", "PE", "Fr", "Co")  # taught in form groups
BANDS = {"X": "ABC", "Y": "DE"}  # the forms in each half-year band
CLASS_SIZE = 28
MIN_SETS = 3
GROUPS_PER_TEACHER = 8


def add(session: Session, *, seed: int, starts_on: date) -> int:
    """Give the demo school's pupils (already written) their teaching groups for the year
    beginning ``starts_on``; returns how many groups were made. Its own random numbers, so
    the rest of the demo is the same with or without groups."""
    rng = random.Random(seed)
    pupils = [(pid, year, form) for pid, year, form
              in session.exec(select(Pupil.id, Pupil.year_group, Pupil.form)) if pid is not None]
    planned: list[tuple[str, str, Sequence[int]]] = []  # code, department, pupils
    for year in sorted({year for _, year, _ in pupils}):
        cohort = [(pid, form) for pid, y, form in pupils if y == year]
        for band, forms in BANDS.items():
            in_band = [pid for pid, form in cohort if form[-1:] in forms]
            sets = max(MIN_SETS, math.ceil(len(in_band) / CLASS_SIZE))
            for dept in SETS:
                ranked = rng.sample(in_band, len(in_band))  # stands in for attainment
                planned += [(f"{year}{band}/{dept}{n + 1}", dept, ranked[n::sets])
                            for n in range(sets)]
        for form in sorted({form for _, form in cohort}):
            in_form = [pid for pid, f in cohort if f == form]
            classes = math.ceil(len(in_form) / CLASS_SIZE)  # a big form is taught in halves
            for dept in FORM_GROUPS:
                planned += [(f"{form}/{dept}", dept, in_form)] if classes == 1 else [
                    (f"{form}/{dept}{n + 1}", dept, in_form[n::classes]) for n in range(classes)]
    planned = [plan for plan in planned if plan[2]]
    staff = _teachers(session, rng, planned)
    dealt = {dept: count() for dept in staff}  # each department's groups dealt round its staff
    for code, dept, members in planned:
        group = TeachingGroup(code=code, subject=SUBJECTS[dept])
        session.add(group)
        session.flush()
        assert group.id is not None
        teachers = staff[dept]
        session.add(GroupTeacher(group_id=group.id,
                                 staff_id=teachers[next(dealt[dept]) % len(teachers)]))
        session.add_all(GroupMember(group_id=group.id, pupil_id=pid, starts_on=starts_on)
                        for pid in members)
    return len(planned)


def _teachers(session: Session, rng: random.Random,
              planned: list[tuple[str, str, Sequence[int]]]) -> dict[str, list[int]]:
    """Enough teachers in each department for about eight groups each: the named ones first,
    then made-up colleagues with codes of their own."""
    wanted = {dept: max(2, math.ceil(sum(1 for _, d, _ in planned if d == dept)
                                     / GROUPS_PER_TEACHER)) for dept in SUBJECTS}
    serial = count(1)
    staff: dict[str, list[StaffMember]] = {}
    for dept, needed in wanted.items():
        named = [StaffMember(name=n, mis_code=c, job_title=f"Teacher of {SUBJECTS[dept]}")
                 for n, c, d in TEACHERS if d == dept][:needed]
        while len(named) < needed:
            name = f"{rng.choice(('Mr', 'Ms', 'Mrs'))} {rng.choice(FORENAMES)} " \
                   f"{rng.choice(SURNAMES)}"
            named.append(StaffMember(name=name, mis_code=f"T{next(serial):03d}",
                                     job_title=f"Teacher of {SUBJECTS[dept]}"))
        staff[dept] = named
        session.add_all(named)
    session.flush()
    return {dept: [s.id for s in members if s.id is not None]
            for dept, members in staff.items()}


#: Primary class teachers (name, MIS staff code); more are made up for a bigger school
CLASS_TEACHERS = (
    ("Mrs Amy Holt", "AHO"), ("Mr Jamal Reid", "JRE"), ("Miss Zara Ahmed", "ZAH"),
    ("Mrs Kate Lowe", "KLO"), ("Mr Sean Byrne", "SBY"), ("Ms Mei Chen", "MCH"),
    ("Mrs Ruth Evans", "REV"), ("Mr Tariq Aziz", "TAZ"), ("Miss Holly Grant", "HGR"),
    ("Mrs Sunita Patel", "SPA"), ("Mr Owen Price", "OPR"), ("Ms Lily Ward", "LWA"),
    ("Mrs Jo Turner", "JTU"), ("Mr Dan Foster", "DFO"),
)


def add_classes(session: Session, *, seed: int, starts_on: date) -> int:
    """A primary school's classes as teaching groups: each class (the pupils' form, "3S") is
    one group for the whole curriculum, with its class teacher. Returns how many."""
    rng = random.Random(seed)
    pupils = [(pid, form) for pid, form in session.exec(select(Pupil.id, Pupil.form))
              if pid is not None]
    classes = sorted({form for _, form in pupils}, key=lambda f: (f[:1] != "R", f))
    serial = count(1)
    made = 0
    for number, form in enumerate(classes):
        name, code = CLASS_TEACHERS[number] if number < len(CLASS_TEACHERS) else (
            f"{rng.choice(('Mr', 'Ms', 'Mrs', 'Miss'))} {rng.choice(FORENAMES)} "
            f"{rng.choice(SURNAMES)}", f"C{next(serial):03d}")
        teacher = StaffMember(name=name, mis_code=code, job_title=f"Class teacher, {form}")
        group = TeachingGroup(code=form, subject="Class")
        session.add_all((teacher, group))
        session.flush()
        assert group.id is not None and teacher.id is not None
        session.add(GroupTeacher(group_id=group.id, staff_id=teacher.id))
        session.add_all(GroupMember(group_id=group.id, pupil_id=pid, starts_on=starts_on)
                        for pid, f in pupils if f == form)
        made += 1
    return made
