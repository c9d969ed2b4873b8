"""The server load benchmark's section of benchmarks/RESULTS.md: every figure in it is one the
run measured."""

from __future__ import annotations

import argparse
import os
import resource
import statistics
from dataclasses import dataclass
from pathlib import Path

from benchmarks import server_staff, server_teachers
from benchmarks.cases import stamp
from benchmarks.server_staff import Report

HEADING = "## Server mode: many schools, many staff at once"
#: (the role, what it did, target p95 in ms) by the action's name in Report.samples
ACTIONS = {
    "open": ("SENCO", "open a pupil", 150.0),
    "save": ("SENCO", "save a passport", 100.0),
    "register": ("SENCO", "a school's register", 300.0),
    "teacher open": ("Teacher", "open one of their pupils", 150.0),
    "my pupils": ("Teacher", "My pupils (their register)", 300.0),
    "note": ("Teacher", "add a contact-log note (a save)", 100.0),
}
#: Errors that, for staff acting within their permissions, would mean the server's policies
#: refuse what the services allow.
REFUSALS = ("PermissionDenied", "NotFound", server_staff.SERVER_REFUSED)


@dataclass(frozen=True)
class Outcome:
    """What a run did and found afterwards."""

    reports: list[Report]
    build_seconds: float
    taught: server_teachers.Taught
    lost_saves: int  # passports
    lost_notes: int
    verified: int  # schools whose audit trail verifies


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[-1] if len(samples) > 1 else \
        (samples[0] if samples else 0.0)


def _staff_cpu() -> float:
    """CPU seconds the staff processes used (signing in and warming up included)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _rows(reports: list[Report]) -> list[str]:
    rows = []
    for action, (role, what, target) in ACTIONS.items():
        taken = [ms for r in reports for ms in r.samples.get(action, [])]
        if taken:
            rows.append(f"| {role} | {what} | {len(taken):,} | {statistics.median(taken):.1f} ms "
                        f"| {p95(taken):.1f} ms | {max(taken):.0f} ms | {target:.0f} ms | "
                        f"{'yes' if p95(taken) <= target else '**no**'} |")
    return rows


def _errors(reports: list[Report], role: str) -> dict[str, int]:
    errors: dict[str, int] = {}
    for report in reports:
        if report.role == role:
            for name, count in report.errors.items():
                errors[name] = errors.get(name, 0) + count
    return errors


def _mix(args: argparse.Namespace, taught: server_teachers.Taught) -> str:
    sencos = args.staff - args.teachers
    said = []
    if sencos:
        said.append(
            f"{sencos} are SENCOs (signed in as the school's SENCO) doing "
            f"{server_staff.OPEN:.0%} opening a pupil, {server_staff.SAVE:.0%} saving a "
            f"passport over the version it opened ({server_staff.HOT_SHARE:.0%} of saves on "
            f"{server_staff.HOT_PUPILS} pupils everyone works on), the rest reading the "
            "register")
    if args.teachers:
        shared = (f", {taught.shared} of them given to two benchmark teachers as the school "
                  "has too few") if taught.shared else ""
        said.append(
            f"{args.teachers} are Teachers, each signed in to an account of their own that "
            f"teaches {min(server_teachers.GROUPS_EACH)} to {max(server_teachers.GROUPS_EACH)}"
            f" of the demo's teaching groups ({taught.groups} groups in all{shared}; "
            f"{taught.fewest} to {taught.most} pupils each), doing "
            f"{server_teachers.OPEN:.0%} opening one of their pupils on the SEN register or "
            "with a passport (what the pupil page reads for a Teacher: details, passport, "
            "the plan's strategies, the contact log), "
            f"{server_teachers.MY_PUPILS:.0%} reading My pupils, the rest adding a note to "
            "a pupil's contact log; every read and write of theirs passes the row-level "
            "security that narrows a Teacher to the pupils they teach")
    return "; ".join(said)


def lines(args: argparse.Namespace, outcome: Outcome) -> list[str]:
    reports = outcome.reports
    total = sum(len(v) for r in reports for v in r.samples.values())
    by_role = {role: _errors(reports, role) for role in ("SENCO", "Teacher")}
    refusals = sum(errors.get(kind, 0) for errors in by_role.values() for kind in REFUSALS)
    notes = sum(len(r.notes) for r in reports)
    return [
        HEADING, "",
        f"Measured {stamp()} on {os.cpu_count()} cores (the server, and every simulated member "
        "of staff, on this one machine, over loopback TCP with SCRAM sign-in). Command: "
        f"`python -m benchmarks.server_load --schools {args.schools} --pupils {args.pupils} "
        f"--staff {args.staff} --teachers {args.teachers} --seconds {args.seconds:.0f} "
        f"--think {args.think}`.", "",
        f"{args.schools} schools of {args.pupils:,} pupils (one built with the demo, then "
        f"copied as a database template; built and copied in {outcome.build_seconds:.0f} s). "
        "The copies share the template's key; each has its staff's login roles of its own "
        "(named for its database, with the template's passwords) and lets no other school's "
        f"logins connect. {args.staff} staff processes, shared among the schools: "
        f"{_mix(args, outcome.taught)}. Each pauses at random, {args.think} s on average, "
        f"between actions (and did each action once, untimed, first); {total:,} actions in "
        f"{args.seconds:.0f} s.", "",
        "| who | action | count | median | p95 | max | target (p95) | met |",
        "|---|---|---:|---:|---:|---:|---:|:-:|",
        *_rows(reports), "",
        f"Saves refused as over a colleague's newer version (StaleEdit, as the editor offers to "
        f"reload): {sum(r.refused for r in reports):,}. Lost updates: **{outcome.lost_saves}** "
        f"passports; of {notes:,} contact-log notes reported saved, **{outcome.lost_notes}** "
        f"not in the database. Other errors: SENCOs {by_role['SENCO'] or 'none'}, Teachers "
        f"{by_role['Teacher'] or 'none'}; refusals of what a role's permissions allow "
        f"(PermissionDenied, NotFound, a write the server refused): **{refusals}**. "
        f"`audit verify` after the run: {outcome.verified} of {args.schools} schools verify. "
        f"The staff processes used {_staff_cpu():.0f} CPU-seconds, of the "
        f"{(os.cpu_count() or 1) * args.seconds:.0f} the machine's cores had in the run "
        "(which the server and the staff processes shared).",
    ]


def write(out: Path, lines: list[str]) -> None:
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
