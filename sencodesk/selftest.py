"""``sencodesk --self-test``: prove an installed copy works end to end, then exit 0.

Opens a temporary encrypted case file (running the migrations), writes and reads a pupil,
renders a passport PDF, starts the GUI offscreen and closes it. Used after packaging and by a
school's IT technician after installing.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

PASSWORD = "self-test only, never used for real data"


class SelfTestFailed(Exception):
    """A check of the self-test did not hold (raised, not asserted: it must work under -O)."""


def _check(holds: bool, what: str) -> None:
    if not holds:
        raise SelfTestFailed(what)


def _step(name: str, started: float) -> None:
    print(f"  ok  {name} ({(time.perf_counter() - started) * 1000:.0f} ms)", flush=True)


def run() -> int:
    """Run every step; 0 when all held, 1 (with the step that failed) otherwise."""
    try:
        return _run()
    except SelfTestFailed as failure:
        print(f"self-test FAILED: {failure}", flush=True)
        return 1


def _run() -> int:
    from sencodesk import __version__

    print(f"sencodesk {__version__} self-test")
    with tempfile.TemporaryDirectory(prefix="sencodesk-selftest-") as folder:
        data_dir = Path(folder) / "data"
        started = time.perf_counter()
        from sencodesk.domain.codes import NeedType, SenStatus, YearGroup
        from sencodesk.domain.records import PassportContent
        from sencodesk.domain.upn import with_check_letter
        from sencodesk.reports import render
        from sencodesk.services import accounts, passports, pupils, report_data
        from sencodesk.store import migrations

        desk = accounts.init_school(data_dir, school_name="Self-test School", username="check",
                                    full_name="Self Test", password=PASSWORD)
        _check(migrations.current_revision(desk.db) == migrations.head_revision(),
               "the new case file is not at the newest schema")
        _step("encrypted case file created and migrated", started)
        started = time.perf_counter()
        pid = pupils.create(desk, pupils.PupilFields(
            upn=with_check_letter("801200005001"), legal_surname="Łukasiewicz-Smith",
            legal_forename="Zoë", dob=date(2014, 3, 1), year_group=YearGroup.Y7, form="7B"),
            pupils.SenChange(SenStatus.SUPPORT, (NeedType.SLCN,)))
        _check(pupils.get(desk, pid).row.surname == "Łukasiewicz-Smith",
               "the pupil read back differs from the one written")
        _step("pupil written and read back", started)
        started = time.perf_counter()
        passports.save(desk, pid, PassportContent(about_me="I like trains"))
        pdf = render(report_data.passport(desk, pid)).pdf
        _check(pdf.startswith(b"%PDF") and len(pdf) > 10_000, "the passport PDF is not a PDF")
        _step(f"passport PDF rendered ({len(pdf) // 1024} KB)", started)
        started = time.perf_counter()
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from sencodesk.ui.application import make_application
        from sencodesk.ui.main_window import MainWindow

        app = make_application([sys.argv[0]])
        window = MainWindow(desk)
        window.show()
        app.processEvents()
        window.idle.stop()
        window.hide()
        window.deleteLater()
        app.processEvents()
        _step("main window opened and closed", started)
        desk.close()
    print("self-test passed")
    return 0
