"""`make bench`: build a large synthetic school, measure, print and save the results table.

    python -m benchmarks [--pupils 2000] [--runs 7] [--growth 4] [--out benchmarks/RESULTS.md]
                         [--cases packs,my_pupils]

With --cases only those cases run, and their rows replace the same figures' rows of the
results table already written (the rest of it is left as it was measured).
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.cases import CASES, context_counts, stamp
from benchmarks.school import build, sign_in
from benchmarks.timing import Figure
from sencodesk.tuning import tune_garbage_collector


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with Path("/proc/cpuinfo").open() as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info
                       if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{platform.system()} {platform.release()}, {os.cpu_count()} cores, {cpu}, " \
           f"Python {platform.python_version()}"


def measure(pupils: int, runs: int, cases: list[str] | None = None,
            ) -> tuple[list[Figure], dict[str, int], float]:
    with tempfile.TemporaryDirectory(prefix="sencodesk-bench-") as folder:
        data_dir = Path(folder) / "data"
        print(f"Building a school of {pupils:,} pupils with 10 years of history...",
              flush=True)
        school = build(data_dir, pupils=pupils)
        print(f"  built in {school.seconds:.1f} s", flush=True)
        desk = sign_in(data_dir)
        school.counts.update(context_counts(desk))
        tune_garbage_collector()  # as the app and the command line do once loaded
        figures: list[Figure] = []
        try:
            for case in CASES:
                if cases is not None and case.__name__ not in cases:
                    continue
                started = time.perf_counter()
                figures += case(desk, data_dir, runs)
                print(f"  {case.__name__}: {time.perf_counter() - started:.1f} s", flush=True)
        finally:
            desk.close()
            gc.unfreeze()
        return figures, school.counts, school.seconds


def _fmt(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def _times(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}×"


def _growth(small: list[Figure], big: list[Figure]) -> dict[str, tuple[float, float | None]]:
    """For each figure, how its median and its floor grew from the small school to the big."""
    before = {f.name: f for f in small}
    growth: dict[str, tuple[float, float | None]] = {}
    for f in big:
        was = before.get(f.name)
        if was is None or was.median <= 0:
            continue
        floor = f.floor_ms / was.floor_ms if f.floor_ms and was.floor_ms else None
        growth[f.name] = (f.median / was.median, floor)
    return growth


def table(figures: list[Figure], growth: dict[str, tuple[float, float | None]],
          times: int) -> list[str]:
    lines = ["| figure | median | spread (min–max) | target | met | floor | ratio | "
             f"growth at {times}× | floor's growth |",
             "|---|---:|---:|---:|:-:|---:|---:|---:|---:|"]
    for f in figures:
        low, high = f.spread
        met = "" if f.met is None else ("yes" if f.met else "**no**")
        floor = f"{_fmt(f.floor_ms)} ({f.floor_name})" if f.floor_ms else ""
        ratio = f"{f.ratio:.1f}×" if f.ratio else ""
        grow, floor_grow = growth.get(f.name, (None, None))
        unit = f" {f.unit}"
        lines.append(f"| {f.name} | {_fmt(f.median)}{unit} | {_fmt(low)}–{_fmt(high)} | "
                     f"{_fmt(f.target_ms)} | {met} | {floor} | {ratio} | {_times(grow)} | "
                     f"{_times(floor_grow)} |")
    return lines


def _replace_rows(old: list[str], rows: list[str], cases: list[str], seconds: float,
                  command: str) -> list[str]:
    """The results table ``old`` with ``rows`` in place of the rows of the same figures (new
    figures after the last row) and a note of what was measured again, and when."""
    fresh = {row.split(" | ")[0]: row for row in rows}
    lines = [fresh.pop(line.split(" | ")[0], line) for line in old]
    last = max(i for i, line in enumerate(lines) if line.startswith("| "))
    lines[last + 1:last + 1] = list(fresh.values())
    note = (f"Measured again {stamp()} with `make bench ARGS=\"{command}\"` "
            f"({seconds:.0f} s), on the same kind of school: {', '.join(cases)}.")
    rest = lines[last + 1 + len(fresh):]
    if len(rest) > 1 and rest[1].startswith("Measured again"):  # the note of a run before
        rest = rest[2:]
    return [*lines[:last + 1 + len(fresh)], "", note, *rest]


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--pupils", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--growth", type=int, default=4,
                        help="also measure at this multiple of the pupils (0 to skip)")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/RESULTS.md"))
    parser.add_argument("--cases", help="only these cases, by name, comma-separated: their "
                        f"rows are replaced in --out ({', '.join(c.__name__ for c in CASES)})")
    args = parser.parse_args()
    cases = [name.strip() for name in args.cases.split(",")] if args.cases else None
    unknown = set(cases or ()) - {c.__name__ for c in CASES}
    if unknown:
        parser.error(f"no such case: {', '.join(sorted(unknown))}")
    started = time.perf_counter()
    figures, counts, build_seconds = measure(args.pupils, args.runs, cases)
    growth: dict[str, tuple[float, float | None]] = {}
    if args.growth:
        big, _, _ = measure(args.pupils * args.growth, max(5, args.runs - 2), cases)
        growth = _growth(figures, big)
    if cases is not None:
        lines = _replace_rows(args.out.read_text(encoding="utf-8").splitlines(),
                              table(figures, growth, args.growth)[2:], cases,
                              time.perf_counter() - started,
                              f"--cases {args.cases} --growth {args.growth}")
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print("\n".join(lines))
        return 0
    lines = [
        "# sencodesk benchmarks", "",
        f"Measured {stamp()} on {_machine()}.", "",
        f"School: {args.pupils:,} pupils ({counts.get('support cycles', 0):,} support cycles, "
        f"{counts.get('passport versions', 0):,} passport versions, "
        f"{counts.get('contact log entries', 0):,} contacts, "
        f"{counts.get('audit entries', 0):,} audit entries; {counts.get('context years', 0)} "
        f"years of inclusion context: {counts.get('attendance terms', 0):,} attendance terms, "
        f"{counts.get('suspensions and exclusions', 0):,} suspensions and exclusions, "
        f"{counts.get('provision measures', 0):,} entry and exit measures), built in "
        f"{build_seconds:.0f} s. "
        f"Each figure is the median of {args.runs} runs; growth is the median at "
        f"{args.growth}× the pupils divided by the median here (linear growth would be "
        f"{args.growth}×); the floor's growth is that ratio for the floor, the raw work any "
        f"code would have to do, so a figure that grows no faster than its floor adds nothing "
        f"that grows faster.", "",
        *table(figures, growth, args.growth), "",
        f"Whole run: {time.perf_counter() - started:.0f} s. Regenerate with `make bench`.",
        f"Date: {date.today():%d/%m/%Y}.",
    ]
    args.out.write_text("\n".join([*lines, *_server_section(args.out)]) + "\n",
                        encoding="utf-8")
    print("\n".join(lines))
    return 0


def _server_section(out: Path) -> list[str]:
    """The server load benchmark's section of ``out``, kept (it is measured on its own)."""
    from benchmarks.server_results import HEADING

    old = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
    return ["", *old[old.index(HEADING):]] if HEADING in old else []


if __name__ == "__main__":
    raise SystemExit(main())
