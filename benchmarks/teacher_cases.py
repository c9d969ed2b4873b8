"""Teachers' figures: a teacher's My pupils painted, and passport packs for every teacher."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.timing import Figure, repeat
from sencodesk.domain.codes import Role
from sencodesk.reports import pdf_bytes
from sencodesk.services import accounts, groups, teacher_packs
from sencodesk.services.context import Desk

TEACHER, TEACHER_PASSWORD = "bench-teacher", "benchmark teacher pass"


def _busiest_teacher(desk: Desk) -> Desk:
    """A Teacher account given the groups of the demo teacher with the most pupils."""
    listed = groups.list_groups(desk)
    load: dict[int, int] = {}
    for group in listed:
        for staff_id in group.teacher_ids:
            load[staff_id] = load.get(staff_id, 0) + group.pupils
    busiest = max(load, key=load.__getitem__)
    accounts.add_account(desk, full_name="Bench Teacher", username=TEACHER, role=Role.TEACHER,
                         password=TEACHER_PASSWORD)
    teacher = accounts.sign_in(desk.data_dir, TEACHER, TEACHER_PASSWORD)
    teacher.today = desk.today
    for group in listed:
        if busiest in group.teacher_ids:
            groups.update_group(desk, group.id, groups.GroupFields(
                group.code, group.subject, (*group.teacher_ids, teacher.actor.staff_id),
                group.starts_on, group.ends_on))
    return teacher


def my_pupils(desk: Desk, data_dir: Path, runs: int) -> list[Figure]:
    from sencodesk.ui.application import make_application
    from sencodesk.ui.my_pupils.view import MyPupilsView

    app = make_application([])
    teacher = _busiest_teacher(desk)
    shown: list[int] = []

    def paint() -> None:
        view = MyPupilsView(teacher)
        view.show()
        app.processEvents()
        view.repaint()
        shown.append(view.model.rowCount())
        view.deleteLater()

    samples = repeat(paint, runs)
    pupils = sum(g.pupils for g in groups.list_groups(teacher))
    teacher.close()
    print(f"    the busiest teacher: {shown[-1]} groups, {pupils} pupils", flush=True)
    return [Figure("a teacher's My pupils painted (the busiest teacher)", samples,
                   target_ms=200)]


def packs(desk: Desk, data_dir: Path, runs: int) -> list[Figure]:
    """Once: the whole run is long, and every teacher's pack is many documents already."""
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        written = teacher_packs.write_all(desk, Path(folder), render=pdf_bytes)
        took = (time.perf_counter() - started) * 1000
    made = [w for w in written if w.path]
    groups_count = len(groups.list_groups(desk))
    print(f"    {len(made)} teachers' packs, {groups_count} groups, "
          f"{sum(w.passports for w in made):,} passports", flush=True)
    return [Figure("passport packs for every teacher (one run)", (took,), target_ms=60_000)]


TEACHER_CASES = [my_pupils, packs]
