"""Server mode under load (part of `make bench`): many schools on one PostgreSQL server, many
staff at once.

    python -m benchmarks.server_load [--schools 30] [--pupils 1500] [--staff 50]
                                     [--seconds 60] [--think 1.0] [--out benchmarks/RESULTS.md]

It starts a throwaway PostgreSQL cluster of its own (as the tests do, from Debian's server
package), builds one school of ``--pupils`` pupils with ``server init`` and the demo, copies it
into ``--schools`` databases (``CREATE DATABASE ... TEMPLATE``, so every school is the same
size), and starts ``--staff`` processes, shared out among the schools, each signed in over
loopback TCP as a SENCO, doing a mix of opening a pupil, saving a passport (as the editor does,
over the version it opened) and reading the register, with a random pause averaging
``--think`` seconds between actions (and before the first: colleagues do not all click at
once). Each process does each action once, untimed, before the run, as the app has by the
time someone works in it. After the run: p95 of each action, lost updates (a save
reported as done that is not in the database as the next version of what it opened, or two
saves done over the same version), and ``audit verify`` on every school.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from pg_cluster import Cluster
from pg_school import own_logins

from benchmarks import server_staff
from benchmarks.cases import stamp
from benchmarks.school import PASSWORD, USER
from sencodesk.services import accounts, audit, demo, server_mode

TARGETS = {"save": 100.0, "open": 150.0, "register": 300.0}
HEADING = "## Server mode: many schools, many staff at once"
TEMPLATE = "school_template"


def _build(cluster: Cluster, folder: Path, pupils: int, schools: int) -> float:
    started = time.perf_counter()
    cluster.create_database(TEMPLATE)
    desk = server_mode.init_server(cluster.url(TEMPLATE), folder / "it", school_name="Bench",
                                   username=USER, full_name="Bench Mark", password=PASSWORD)
    try:
        demo.build(desk, pupils=pupils, seed=1)
    finally:
        desk.close()
    for number in range(1, schools + 1):
        cluster.create_database(f"school_{number}", template=TEMPLATE)
        own_logins(cluster, f"school_{number}")
    return time.perf_counter() - started


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[-1] if len(samples) > 1 else \
        (samples[0] if samples else 0.0)


def _lost(cluster: Cluster, reports: list[server_staff.Report]) -> int:
    """Saves reported as done that the database does not hold as the next version of the
    version they were opened on, and saves done twice over one version."""
    lost = 0
    for school in sorted({r.school for r in reports}):
        saved = [s for r in reports if r.school == school for s in r.saved]
        with cluster.connect(school) as connection:
            rows = connection.execute("SELECT pupil_id, version, about_me FROM passportversion")
            held = {row[2]: (row[0], row[1]) for row in rows}
        opened = [(pupil, version) for pupil, version, _ in saved]
        lost += len(opened) - len(set(opened))
        lost += sum(1 for pupil, version, text in saved
                    if held.get(text) != (pupil, version + 1))
    return lost


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
            number, school, url, folder / f"staff-{number}", args.pupils, args.seconds,
            args.think, start, results)))
    for worker in workers:
        worker.start()
    start.wait(timeout=600)
    print(f"  {args.staff} staff signed in; working for {args.seconds:.0f} s", flush=True)
    reports = [results.get(timeout=args.seconds + 600) for _ in workers]
    for worker in workers:
        worker.join()
    return reports


def _staff_cpu() -> float:
    """CPU seconds the staff processes used (signing in and warming up included)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _lines(args: argparse.Namespace, reports: list[server_staff.Report], build: float,
           lost: int, verified: int) -> list[str]:
    samples = {"open": [m for r in reports for m in r.open_ms],
               "save": [m for r in reports for m in r.save_ms],
               "register": [m for r in reports for m in r.register_ms]}
    names = {"open": "open a pupil", "save": "save a passport", "register": "a school's register"}
    errors: dict[str, int] = {}
    for report in reports:
        for name, count in report.errors.items():
            errors[name] = errors.get(name, 0) + count
    rows = [f"| {names[k]} | {len(v):,} | {statistics.median(v):.1f} ms | {_p95(v):.1f} ms | "
            f"{max(v):.0f} ms | {TARGETS[k]:.0f} ms | "
            f"{'yes' if _p95(v) <= TARGETS[k] else '**no**'} |" for k, v in samples.items() if v]
    total = sum(len(v) for v in samples.values())
    return [
        HEADING, "",
        f"Measured {stamp()} on {os.cpu_count()} cores (the server, and every simulated member "
        "of staff, on this one machine, over loopback TCP with SCRAM sign-in). Command: "
        f"`python -m benchmarks.server_load --schools {args.schools} --pupils {args.pupils} "
        f"--staff {args.staff} --seconds {args.seconds:.0f} --think {args.think}`.", "",
        f"{args.schools} schools of {args.pupils:,} pupils (one built with the demo, then "
        f"copied as a database template; built and copied in {build:.0f} s), {args.staff} "
        f"staff processes shared among them, each a SENCO doing {server_staff.OPEN:.0%} "
        f"opening a pupil, {server_staff.SAVE:.0%} saving a passport over the version it "
        f"opened ({server_staff.HOT_SHARE:.0%} of saves on {server_staff.HOT_PUPILS} pupils "
        f"everyone works on), the rest reading the register, with a random pause averaging "
        f"{args.think} s (each process did each action once, untimed, first); {total:,} "
        f"actions in {args.seconds:.0f} s. The copies share the "
        "template's key; each has its staff's login roles of its own (named for its database, "
        "with the template's passwords) and lets no other school's logins connect.", "",
        "| action | count | median | p95 | max | target (p95) | met |",
        "|---|---:|---:|---:|---:|---:|:-:|",
        *rows, "",
        f"Saves refused as over a colleague's newer version (StaleEdit, as the editor offers to "
        f"reload): {sum(r.refused for r in reports):,}. Lost updates: **{lost}**. Other errors: "
        f"{errors or 'none'}. `audit verify` after the run: {verified} of {args.schools} "
        f"schools verify. The staff processes used {_staff_cpu():.0f} CPU-seconds, of the "
        f"{(os.cpu_count() or 1) * args.seconds:.0f} the machine's cores had in the run "
        "(which the server and the staff processes shared).",
    ]


def _write(out: Path, lines: list[str]) -> None:
    """Replace this benchmark's section of ``out`` (or add it at the end)."""
    old = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
    if HEADING in old:
        start = old.index(HEADING)
        after = next((i for i in range(start + 1, len(old)) if old[i].startswith("## ")),
                     len(old))
        old = old[:start] + old[after:]
    while old and not old[-1].strip():
        old.pop()
    out.write_text("\n".join([*old, "", *lines]) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.server_load",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--schools", type=int, default=30)
    parser.add_argument("--pupils", type=int, default=1500)
    parser.add_argument("--staff", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=1.0,
                        help="mean pause between one member of staff's actions, in seconds")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/RESULTS.md"))
    args = parser.parse_args()
    cluster = Cluster.start()
    try:
        with tempfile.TemporaryDirectory(prefix="sencodesk-load-") as scratch:
            folder = Path(scratch)
            print(f"Building {args.schools} schools of {args.pupils:,} pupils...", flush=True)
            build = _build(cluster, folder, args.pupils, args.schools)
            print(f"  built in {build:.0f} s", flush=True)
            reports = _run(cluster, folder, args)
            lines = _lines(args, reports, build, _lost(cluster, reports),
                           _verify(cluster, folder, args.schools))
    finally:
        cluster.stop()
    _write(args.out, lines)
    print("\n".join(lines))
    return 0

if __name__ == "__main__":
    raise SystemExit(main())
