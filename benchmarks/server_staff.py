"""One simulated member of staff of the server load benchmark: a process of its own, signed in
to its school's server over loopback TCP, doing a realistic mix for the run's length and
reporting how long each action took and every passport save it was told succeeded."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.cases import open_pupil
from benchmarks.school import PASSWORD, USER
from sencodesk.domain.errors import StaleEdit
from sencodesk.domain.records import PassportContent
from sencodesk.services import accounts, passports, pupils, server_mode

#: The share of actions that open a pupil, save a passport, read the register (the rest).
OPEN, SAVE = 0.55, 0.30
#: Saves that go to one of a few pupils everyone is working on, so that colleagues do save
#: over one another and the refusal is exercised.
HOT_SHARE, HOT_PUPILS = 0.2, 5


@dataclass
class Report:
    """What one member of staff did."""

    school: str
    open_ms: list[float] = field(default_factory=list)
    save_ms: list[float] = field(default_factory=list)
    register_ms: list[float] = field(default_factory=list)
    #: (pupil, the version the save was opened on, the text saved) of each save that succeeded
    saved: list[tuple[int, int, str]] = field(default_factory=list)
    refused: int = 0
    errors: dict[str, int] = field(default_factory=dict)


def work(number: int, school: str, url: str, folder: Path, pupil_count: int, seconds: float,
         think: float, start: Any, results: Any) -> None:
    """Sign in, wait for everyone (``start``, a barrier), work for ``seconds``, report."""
    report = Report(school)
    server_mode.connect(folder, url)
    desk = accounts.sign_in(folder, USER, PASSWORD)
    rng = random.Random(number)
    try:
        _warm_up(desk, pupil_count)
        start.wait()
        ends = time.monotonic() + seconds
        time.sleep(rng.uniform(0, 2 * think))  # colleagues do not all click at once
        while time.monotonic() < ends:
            try:
                _one_action(desk, rng, pupil_count, report, f"staff {number}")
            except StaleEdit:
                report.refused += 1
            except Exception as error:  # noqa: BLE001 - counted and reported, not hidden
                name = type(error).__name__
                report.errors[name] = report.errors.get(name, 0) + 1
            time.sleep(rng.uniform(0, 2 * think))
    finally:
        desk.close()
        results.put(report)


def _warm_up(desk: Any, pupil_count: int) -> None:
    """Each action once, untimed, as the app has done by the time someone is working in it:
    this process's and its server connection's first queries are prepared and cached."""
    for pupil in (1, pupil_count):
        open_pupil(desk, pupil)
        passports.latest(desk, pupil)
    pupils.list_pupils(desk)


def _timed(samples: list[float], action: Any, *args: Any) -> Any:
    started = time.perf_counter()
    result = action(*args)
    samples.append((time.perf_counter() - started) * 1000)
    return result


def _one_action(desk: Any, rng: random.Random, pupil_count: int, report: Report,
                who: str) -> None:
    pick = rng.random()
    if pick < OPEN:
        _timed(report.open_ms, open_pupil, desk, rng.randint(1, pupil_count))
    elif pick < OPEN + SAVE:
        pupil = rng.randint(1, HOT_PUPILS) if rng.random() < HOT_SHARE \
            else rng.randint(1, pupil_count)
        shown = passports.latest(desk, pupil)  # the editor opened on this version
        opened = shown.version if shown else 0
        text = f"{who} save {len(report.saved) + report.refused + 1} at {time.time():.6f}"
        _timed(report.save_ms, lambda: passports.save(
            desk, pupil, PassportContent(about_me=text), opened_version=opened))
        report.saved.append((pupil, opened, text))
    else:
        _timed(report.register_ms, pupils.list_pupils, desk)
