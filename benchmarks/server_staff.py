"""One simulated member of staff of the server load benchmark: a process of its own, signed in
to its school's server over loopback TCP as a SENCO (here) or a Teacher
(``benchmarks.server_teachers``), doing that role's mix for the run's length and reporting how
long each action took and every write it was told succeeded."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from benchmarks.cases import open_pupil
from benchmarks.school import PASSWORD, USER
from sencodesk.domain.errors import StaleEdit, StoreError
from sencodesk.domain.records import PassportContent
from sencodesk.services import accounts, passports, pupils, server_mode
from sencodesk.services.context import Desk
from sencodesk.store.errors import REFUSED

#: A SENCO's share of actions that open a pupil, save a passport, read the register (the rest).
OPEN, SAVE = 0.55, 0.30
#: Saves that go to one of a few pupils everyone is working on, so that colleagues do save
#: over one another and the refusal is exercised.
HOT_SHARE, HOT_PUPILS = 0.2, 5
#: How a write the server's grants or row-level security refused is counted.
SERVER_REFUSED = "StoreError (the server refused)"


@dataclass
class Report:
    """What one member of staff did."""

    school: str
    role: str
    #: milliseconds each time, by action (server_results.ACTIONS)
    samples: dict[str, list[float]] = field(default_factory=dict)
    #: (pupil, the version the save was opened on, the text saved) of each save that succeeded
    saved: list[tuple[int, int, str]] = field(default_factory=list)
    #: (pupil, the note's id, its summary) of each contact-log note added
    notes: list[tuple[int, int, str]] = field(default_factory=list)
    refused: int = 0
    errors: dict[str, int] = field(default_factory=dict)

    def timed(self, action: str, work: Callable[..., Any], *args: Any) -> Any:
        started = time.perf_counter()
        result = work(*args)
        self.samples.setdefault(action, []).append((time.perf_counter() - started) * 1000)
        return result


class Staff(Protocol):
    """A role's account and what someone in that role does."""

    role: str  # as the results name it
    username: str
    password: str

    def warm_up(self, desk: Desk) -> None:
        """Each action once, untimed, as the app has done by the time someone is working in
        it: this process's and its server connection's first queries are prepared."""

    def act(self, desk: Desk, rng: random.Random, report: Report, who: str) -> None:
        """One action, timed into ``report``."""


def work(number: int, school: str, url: str, folder: Path, staff: Staff, seconds: float,
         think: float, start: Any, results: Any) -> None:
    """Sign in, wait for everyone (``start``, a barrier), work for ``seconds``, report."""
    report = Report(school, staff.role)
    server_mode.connect(folder, url)
    desk = accounts.sign_in(folder, staff.username, staff.password)
    rng = random.Random(number)
    try:
        try:
            staff.warm_up(desk)
        except BaseException:
            start.abort()  # the run cannot be what it says: stop everyone waiting for it
            raise
        start.wait()
        ends = time.monotonic() + seconds
        time.sleep(rng.uniform(0, 2 * think))  # colleagues do not all click at once
        while time.monotonic() < ends:
            try:
                staff.act(desk, rng, report, f"staff {number}")
            except StaleEdit:
                report.refused += 1
            except Exception as error:  # noqa: BLE001 - counted and reported, not hidden
                name = error_kind(error)
                report.errors[name] = report.errors.get(name, 0) + 1
            time.sleep(rng.uniform(0, 2 * think))
    finally:
        desk.close()
        results.put(report)


def error_kind(error: Exception) -> str:
    """The error's class, and for a write the server's grants or policies refused, so."""
    if isinstance(error, StoreError) and str(error) == REFUSED:
        return SERVER_REFUSED
    return type(error).__name__


@dataclass
class Senco:
    """A SENCO: opens any pupil, saves passports (over the version the editor opened), reads
    the school's register."""

    pupil_count: int
    role: str = "SENCO"
    username: str = USER
    password: str = PASSWORD

    def warm_up(self, desk: Desk) -> None:
        for pupil in (1, self.pupil_count):
            open_pupil(desk, pupil)
            passports.latest(desk, pupil)
        pupils.list_pupils(desk)

    def act(self, desk: Desk, rng: random.Random, report: Report, who: str) -> None:
        pick = rng.random()
        if pick < OPEN:
            report.timed("open", open_pupil, desk, rng.randint(1, self.pupil_count))
        elif pick < OPEN + SAVE:
            pupil = rng.randint(1, HOT_PUPILS) if rng.random() < HOT_SHARE \
                else rng.randint(1, self.pupil_count)
            shown = passports.latest(desk, pupil)  # the editor opened on this version
            opened = shown.version if shown else 0
            text = f"{who} save {len(report.saved) + report.refused + 1} at {time.time():.6f}"
            report.timed("save", lambda: passports.save(
                desk, pupil, PassportContent(about_me=text), opened_version=opened))
            report.saved.append((pupil, opened, text))
        else:
            report.timed("register", pupils.list_pupils, desk)
