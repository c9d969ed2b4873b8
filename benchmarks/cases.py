"""What is measured, each against its target and, where one exists, its floor."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import text

from benchmarks.school import PASSWORD, USER, sign_in
from benchmarks.timing import Figure, repeat
from sencodesk.domain.codes import Progress
from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import PassportContent
from sencodesk.services import (
    cycles,
    deadlines,
    ehcp,
    passports,
    pupils,
    records_log,
)
from sencodesk.services.context import Desk
from sencodesk.store import keyslots, layout
from sencodesk.store.backup import online_backup

Case = Callable[[Desk, Path, int], list[Figure]]


def _python(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], check=True,
                            capture_output=True, text=True, env=None)
    return result.stdout.strip()


def unlock(desk: Desk, data_dir: Path, runs: int) -> list[Figure]:
    slot = keyslots.find(keyslots.read(layout.slots_path(data_dir)), USER)
    assert slot is not None
    kdf = repeat(lambda: keyslots.unwrap(slot, PASSWORD), runs)
    full = repeat(lambda: sign_in(data_dir).close(), runs)
    return [Figure("key derivation (scrypt n=2^16, r=8)", kdf),
            Figure("unlock: sign in and open the case file (KDF included)", full,
                   floor_ms=min(kdf), floor_name="KDF alone")]


# The floors: the same rows read by plain SQL on one connection, nothing built from them.
REGISTER_SQL = (
    "SELECT id, upn, legal_surname, legal_forename, preferred_surname, preferred_forename, "
    "dob, year_group, form, gender, left_on FROM pupil WHERE left_on IS NULL "
    "ORDER BY legal_surname, legal_forename",
    "SELECT pupil_id, status FROM statusperiod WHERE ends_on IS NULL",
    "SELECT pupil_id, need, rank FROM needperiod WHERE ends_on IS NULL",
    "SELECT pupil_id, min(review_on) FROM apdrcycle WHERE status != 'reviewed' "
    "GROUP BY pupil_id",
)
DEADLINES_SQL = (
    *REGISTER_SQL,
    "SELECT id, pupil_id, review_on, reviewed_on FROM apdrcycle WHERE status != 'reviewed'",
    "SELECT p.* FROM passportversion p JOIN (SELECT pupil_id, max(version) AS v "
    "FROM passportversion GROUP BY pupil_id) n ON p.pupil_id = n.pupil_id AND p.version = n.v",
    "SELECT * FROM ehcprequest", "SELECT * FROM ehcpadvice", "SELECT * FROM ehcpexception",
    "SELECT * FROM ehcpmilestonedone", "SELECT * FROM ehcplan", "SELECT * FROM annualreview",
)


def _raw(desk: Desk, queries: tuple[str, ...]) -> Callable[[], None]:
    def read() -> None:
        with desk.db.engine.connect() as connection:
            for query in queries:
                connection.execute(text(query)).fetchall()
    return read


def register(desk: Desk, data_dir: Path, runs: int) -> list[Figure]:
    floor = min(repeat(_raw(desk, REGISTER_SQL), runs))
    listed = repeat(lambda: pupils.list_pupils(desk), runs)
    searched = repeat(lambda: pupils.list_pupils(desk, pupils.RegisterFilter(search="pat")),
                      runs)
    return [Figure("register: load every pupil with status and needs", listed,
                   floor_ms=floor, floor_name="its four queries in raw SQL"),
            Figure("register: search by re-query (CLI path)", searched,
                   floor_ms=floor, floor_name="raw SQL of the whole register")]


def _busiest_pupil(desk: Desk) -> int:
    histories = cycles.cycles_for_pupils(desk, None)
    return max(histories, key=lambda pid: len(histories[pid]))


def open_and_save(desk: Desk, data_dir: Path, runs: int) -> list[Figure]:
    pid = _busiest_pupil(desk)

    def open_pupil() -> None:
        pupils.get(desk, pid)
        passports.versions(desk, pid)
        cycles.cycles_for(desk, pid)
        if desk.actor.may(Permission.READ_EHCP):
            ehcp.requests_for(desk, [pid])
            ehcp.plans_for(desk, [pid])
        records_log.contacts(desk, pid)

    opened = repeat(open_pupil, runs)
    counter = iter(range(10**6))
    saved = repeat(lambda: passports.save(desk, pid, PassportContent(
        about_me=f"Benchmark save {next(counter)}")), runs)
    today = desk.today()
    cycle_ids: list[int] = []

    def new_cycle() -> None:
        cycle_ids.append(cycles.create(desk, pid, cycles.CyclePlan(
            starts_on=date(today.year - 1, 9, 1), review_on=date(today.year - 1, 12, 1),
            outcomes=(cycles.OutcomeInput("Read 100 words"), cycles.OutcomeInput("Spell 20"))),
            beside_active=True))  # a demo pupil may have a cycle running already
        cycles.activate(desk, cycle_ids[-1])

    reviewed = repeat(lambda: cycles.record_review(desk, cycle_ids[-1], cycles.ReviewInput(
        reviewed_on=today, progress={1: Progress.MET, 2: Progress.PARTLY},
        pupil_voice="I liked it", parent_voice="Pleased")), runs, setup=new_cycle)
    return [Figure("open a pupil with a long history", opened, target_ms=100),
            Figure("save a passport (new version, audited)", saved, target_ms=50),
            Figure("record an APDR review", reviewed, target_ms=50)]


def school_deadlines(desk: Desk, data_dir: Path, runs: int) -> list[Figure]:
    floor = min(repeat(_raw(desk, DEADLINES_SQL), runs))
    return [Figure("deadlines for the whole school", repeat(
        lambda: deadlines.school_deadlines(desk), runs), target_ms=200,
        floor_ms=floor, floor_name="raw SQL of the rows it reads")]


def backup(desk: Desk, data_dir: Path, runs: int) -> list[Figure]:
    target = data_dir.parent / "bench-backup.db"
    return [Figure("online backup of the case file", repeat(
        lambda: online_backup(desk.db, target), runs))]


def bare_window(desk: Desk, data_dir: Path, runs: int) -> list[Figure]:
    """Process start to a bare PySide6 window painted, timed from outside the process like the
    app's own cold start, so the two compare fairly."""
    code = """
        from PySide6.QtWidgets import QApplication, QLabel
        app = QApplication([]); w = QLabel("hello"); w.show(); app.processEvents(); w.repaint()
        print("painted", flush=True)
    """
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        _python(code)
        samples.append((time.perf_counter() - started) * 1000)
    return [Figure("floor: bare PySide6 window shown", tuple(samples))]


def bare_page(desk: Desk, data_dir: Path, runs: int) -> list[Figure]:
    def page() -> None:
        from io import BytesIO

        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen.canvas import Canvas

        canvas = Canvas(BytesIO(), pagesize=A4)
        for line in range(40):
            canvas.drawString(72, 800 - line * 18, "How best to support me: " * 3)
        canvas.showPage()
        canvas.save()
    return [Figure("floor: bare ReportLab page of similar text", repeat(page, runs))]


# What the inclusion figures read: every pupil's attendance per term, suspensions and
# exclusions, and status at each spring census (the floor: the rows alone, nothing built).
INCLUSION_SQL = (
    "SELECT pupil_id, academic_year, term, possible, attended, authorised, unauthorised "
    "FROM attendanceterm",
    "SELECT pupil_id, kind, starts_on, days FROM exclusion",
    "SELECT pupil_id, status, starts_on, ends_on FROM statusperiod",
    "SELECT id, joined_on, left_on FROM pupil",
)


def context_counts(desk: Desk) -> dict[str, int]:
    """How much inclusion context the school holds, and over how many academic years."""
    with desk.db.engine.connect() as connection:
        def one(query: str) -> int:
            return int(connection.execute(text(query)).scalar() or 0)
        return {"attendance terms": one("SELECT count(*) FROM attendanceterm"),
                "suspensions and exclusions": one("SELECT count(*) FROM exclusion"),
                "context years": one("SELECT count(DISTINCT academic_year) "
                                     "FROM attendanceterm"),
                "provision measures": one("SELECT count(*) FROM provisionmeasure")}


def inclusion_pack(desk: Desk, data_dir: Path, runs: int) -> list[Figure]:
    """The Inclusion figures (K, E and N side by side over three years) and the anonymised
    evidence pack that prints them with measured impact, over the school's three years of
    attendance, suspensions and exclusions."""
    from sencodesk.reports import render
    from sencodesk.services import evidence_pack, inclusion_figures

    floor = min(repeat(_raw(desk, INCLUSION_SQL), runs))
    figures = repeat(lambda: inclusion_figures.figures(desk, anonymise=True), runs)
    pack = repeat(lambda: render(evidence_pack.evidence_pack(desk, anonymise=True)),
                  max(2, runs // 2))
    return [Figure("inclusion figures: three years of context by K, E and N", figures,
                   target_ms=1000, floor_ms=floor, floor_name="raw SQL of the rows it reads"),
            Figure("evidence pack with inclusion and measured impact (anonymised)", pack,
                   target_ms=5000)]


def stamp() -> str:
    return datetime.now().strftime("%d/%m/%Y %H:%M")


def _all() -> list[Case]:
    from benchmarks.gui_cases import GUI_CASES
    from benchmarks.teacher_cases import TEACHER_CASES

    return [unlock, register, open_and_save, school_deadlines, backup, *GUI_CASES,
            inclusion_pack, *TEACHER_CASES]


CASES: list[Case] = _all()
