"""Server mode under load (part of `make bench`): many schools on one PostgreSQL server, many
staff at once.

    python -m benchmarks.server_load [--schools 30] [--pupils 1500] [--staff 50]
                                     [--teachers 20] [--seconds 60] [--think 1.0]
                                     [--out benchmarks/RESULTS.md]

It starts a throwaway PostgreSQL cluster of its own (as the tests do, from Debian's server
package), builds one school of ``--pupils`` pupils with ``server init`` and the demo, gives it
``--teachers`` Teacher accounts, each teaching 1 to 3 of the demo's groups, copies it into
``--schools`` databases (``CREATE DATABASE ... TEMPLATE``, so every school is the same size,
each then given login roles of its own), and starts ``--staff`` processes, shared out among
the schools, each signed in over loopback TCP. ``--teachers`` of them are Teachers
(``benchmarks.server_teachers``: opening one of their pupils, reading My pupils, adding a
contact-log note), the rest SENCOs (``benchmarks.server_staff``: opening a pupil, saving a
passport as the editor does, over the version it opened, reading the register), with a
random pause averaging ``--think`` seconds between actions (and before the first: colleagues
do not all click at once). Each process does each action once, untimed, before the run, as
the app has by the time someone works in it. After the run: p95 of each action, lost
updates (a save reported as done that is not in the database as the next version of what it
opened, or two saves done over the same version; a note reported as added that is not in the
database), and ``audit verify`` on every school.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from pg_cluster import Cluster
from pg_school import own_logins

from benchmarks import server_results, server_staff, server_teachers
from benchmarks.school import PASSWORD, USER
from sencodesk.services import accounts, audit, demo, server_mode

TEMPLATE = "school_template"


def _build(cluster: Cluster, folder: Path, args: argparse.Namespace,
           ) -> tuple[float, server_teachers.Taught]:
    started = time.perf_counter()
    cluster.create_database(TEMPLATE)
    desk = server_mode.init_server(cluster.url(TEMPLATE), folder / "it", school_name="Bench",
                                   username=USER, full_name="Bench Mark", password=PASSWORD)
    try:
        demo.build(desk, pupils=args.pupils, seed=1)
        taught = server_teachers.add_teachers(desk, args.teachers)
    finally:
        desk.close()
    for number in range(1, args.schools + 1):
        cluster.create_database(f"school_{number}", template=TEMPLATE)
        own_logins(cluster, f"school_{number}")
    return time.perf_counter() - started, taught


def _staff(number: int, args: argparse.Namespace) -> server_staff.Staff:
    """Member of staff ``number`` (of school ``number % --schools``): ``--teachers`` of them
    are Teachers, each with an account of their own, spread evenly through the staff listed
    school by school (so a school's staff are of both roles where the mix allows)."""
    listed = sorted(range(args.staff), key=lambda n: (n % args.schools, n // args.schools))
    place = listed.index(number)
    teachers_before = place * args.teachers // args.staff
    if (place + 1) * args.teachers // args.staff > teachers_before:
        return server_teachers.Teacher(server_teachers.username(teachers_before))
    return server_staff.Senco(args.pupils)


def _lost(cluster: Cluster, reports: list[server_staff.Report]) -> tuple[int, int]:
    """Saves reported as done that the database does not hold as the next version of the
    version they were opened on, and saves done twice over one version; notes reported as
    added that the database does not hold."""
    lost_saves = lost_notes = 0
    for school in sorted({r.school for r in reports}):
        saved = [s for r in reports if r.school == school for s in r.saved]
        notes = [n for r in reports if r.school == school for n in r.notes]
        with cluster.connect(school) as connection:
            rows = connection.execute("SELECT pupil_id, version, about_me FROM passportversion")
            held = {row[2]: (row[0], row[1]) for row in rows}
            noted = set(connection.execute(
                "SELECT pupil_id, id, summary FROM contactlogentry").fetchall())
        opened = [(pupil, version) for pupil, version, _ in saved]
        lost_saves += len(opened) - len(set(opened))
        lost_saves += sum(1 for pupil, version, text in saved
                          if held.get(text) != (pupil, version + 1))
        lost_notes += sum(1 for note in notes if note not in noted)
    return lost_saves, lost_notes


def _verify(cluster: Cluster, folder: Path, schools: int) -> int:
    """How many schools' audit trails verify."""
    good = 0
    for number in range(1, schools + 1):
        data_dir = folder / f"verify-{number}"
        server_mode.connect(data_dir, cluster.url(f"school_{number}"))
        desk = accounts.sign_in(data_dir, USER, PASSWORD)
        try:
            good += not audit.verify(desk)
        finally:
            desk.close()
    return good


def _run(cluster: Cluster, folder: Path, args: argparse.Namespace,
         ) -> list[server_staff.Report]:
    context = multiprocessing.get_context("fork")  # everything is imported once, here
    start, results = context.Barrier(args.staff + 1), context.Queue()
    workers = []
    for number in range(args.staff):
        school = f"school_{number % args.schools + 1}"
        url = f"postgresql://127.0.0.1:{cluster.port}/{school}"
        workers.append(context.Process(target=server_staff.work, args=(
            number, school, url, folder / f"staff-{number}", _staff(number, args),
            args.seconds, args.think, start, results)))
    for worker in workers:
        worker.start()
    start.wait(timeout=600)
    print(f"  {args.staff} staff signed in; working for {args.seconds:.0f} s", flush=True)
    reports = [results.get(timeout=args.seconds + 600) for _ in workers]
    for worker in workers:
        worker.join()
    return reports


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.server_load",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--schools", type=int, default=30)
    parser.add_argument("--pupils", type=int, default=1500)
    parser.add_argument("--staff", type=int, default=50)
    parser.add_argument("--teachers", type=int,
                        help="how many of the staff are Teachers (default: two in five)")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=1.0,
                        help="mean pause between one member of staff's actions, in seconds")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/RESULTS.md"))
    args = parser.parse_args()
    if args.teachers is None:
        args.teachers = args.staff * 2 // 5
    if not 0 <= args.teachers <= args.staff:
        parser.error(f"--teachers must be from 0 to --staff ({args.staff})")
    return args


def main() -> int:
    args = _arguments()
    cluster = Cluster.start()
    try:
        with tempfile.TemporaryDirectory(prefix="sencodesk-load-") as scratch:
            folder = Path(scratch)
            print(f"Building {args.schools} schools of {args.pupils:,} pupils...", flush=True)
            build, taught = _build(cluster, folder, args)
            print(f"  built in {build:.0f} s", flush=True)
            reports = _run(cluster, folder, args)
            lost_saves, lost_notes = _lost(cluster, reports)
            lines = server_results.lines(args, server_results.Outcome(
                reports, build, taught, lost_saves, lost_notes,
                _verify(cluster, folder, args.schools)))
    finally:
        cluster.stop()
    server_results.write(args.out, lines)
    print("\n".join(lines))
    return 0

if __name__ == "__main__":
    raise SystemExit(main())
