"""GUI and document figures: cold start to the sign-in window, memory, unlock to the Due
dashboard, the register filter per keystroke, passport PDFs."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

from benchmarks.school import PASSWORD, USER
from benchmarks.timing import Figure, repeat
from sencodesk.domain.codes import SenStatus
from sencodesk.reports import render
from sencodesk.services import accounts, evidence_pack, passports, pupils, report_data
from sencodesk.services.context import Desk

START = """
    import sys, time
    from pathlib import Path
    from sencodesk.ui.application import make_application
    from sencodesk.ui.login import SignInDialog
    app = make_application([])
    dialog = SignInDialog(Path(sys.argv[1]))
    dialog.show()
    app.processEvents()
    dialog.repaint()
    rss = next(int(line.split()[1]) for line in open("/proc/self/status")
               if line.startswith("VmRSS"))
    print("painted", rss, flush=True)
"""


def cold_start(desk: Desk, data_dir: Path, runs: int) -> list[Figure]:
    """Process start to the sign-in window painted, timed from outside the process."""
    times, memory = [], []
    for _ in range(runs):
        started = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", textwrap.dedent(START), str(data_dir)],
                             check=True, capture_output=True, text=True).stdout.split()
        times.append((time.perf_counter() - started) * 1000)
        memory.append(int(out[1]) / 1024)
    from benchmarks.cases import bare_window

    (bare,) = bare_window(desk, data_dir, runs)
    return [Figure("cold start to sign-in window painted", tuple(times), target_ms=350,
                   floor_ms=bare.median, floor_name="bare PySide6 window"),
            Figure("memory at the sign-in window (MB)", tuple(memory), target_ms=200,
                   unit="MB")]


def unlock_to_dashboard(desk: Desk, data_dir: Path, runs: int) -> list[Figure]:
    """Sign in and paint the Due dashboard; the target leaves the KDF out, so each run also
    times the KDF alone (the same scrypt the sign-in does) and takes it off."""
    from sencodesk.store import keyslots, layout
    from sencodesk.ui.application import make_application
    from sencodesk.ui.main_window import MainWindow

    app = make_application([])
    slot = keyslots.find(keyslots.read(layout.slots_path(data_dir)), USER)
    assert slot is not None
    kdf: list[float] = []

    def unlock() -> None:
        signed = accounts.sign_in(data_dir, USER, PASSWORD)
        window = MainWindow(signed)
        window.show()
        app.processEvents()
        window.repaint()
        window.idle.stop()
        window.hide()
        window.deleteLater()
        app.processEvents()
        signed.close()

    def time_kdf() -> None:
        started = time.perf_counter()
        keyslots.unwrap(slot, PASSWORD)
        kdf.append((time.perf_counter() - started) * 1000)

    samples = repeat(unlock, runs, setup=time_kdf)
    return [Figure("unlock to Due dashboard painted (KDF included)", samples),
            Figure("unlock to Due dashboard painted, less the KDF",
                   tuple(total - alone for total, alone in zip(samples, kdf, strict=True)),
                   target_ms=500)]


def register_keystrokes(desk: Desk, data_dir: Path, runs: int) -> list[Figure]:
    from sencodesk.ui.application import make_application
    from sencodesk.ui.register.view import RegisterView

    app = make_application([])
    view = RegisterView(desk)
    view.show()
    app.processEvents()
    name = view.model.everyone[len(view.model.everyone) // 2].surname
    per_key: list[float] = []
    for _ in range(runs):
        for length in range(1, len(name) + 1):
            started = time.perf_counter()
            view.search.setText(name[:length])
            app.processEvents()
            per_key.append((time.perf_counter() - started) * 1000)
        view.search.clear()
    def change_filter() -> None:
        view.status.setCurrentIndex(1)
        app.processEvents()
        view.status.setCurrentIndex(0)
        app.processEvents()

    changes = tuple(t / 2 for t in repeat(change_filter, runs))
    view.deleteLater()
    return [Figure("register filter per keystroke (typing a surname)", tuple(per_key),
                   target_ms=16),
            Figure("register filter change (status combo)", changes, target_ms=16)]


def documents(desk: Desk, data_dir: Path, runs: int) -> list[Figure]:
    rows = pupils.list_pupils(desk, pupils.RegisterFilter(
        statuses=frozenset({SenStatus.SUPPORT, SenStatus.EHCP})))
    with_passport = list(passports.latest_for(desk, [r.id for r in rows]))
    one = repeat(lambda: render(report_data.passport(desk, with_passport[0])), runs)
    thirty = repeat(lambda: render(report_data.passports_for(desk, with_passport[:30])),
                    max(2, runs // 2))
    from benchmarks.cases import bare_page

    (bare,) = bare_page(desk, data_dir, runs)
    cases = [r.id for r in rows[:6]]
    pack = repeat(lambda: render(evidence_pack.evidence_pack(desk, case_ids=cases)),
                  max(2, runs // 2))
    register = repeat(lambda: render(report_data.register(desk)), max(2, runs // 2))
    return [Figure("passport PDF", one, target_ms=250, floor_ms=bare.median,
                   floor_name="bare ReportLab page"),
            Figure("class set of 30 passports", thirty, target_ms=3000),
            Figure("Ofsted evidence pack (6 cases)", pack, target_ms=5000),
            Figure("SEND register PDF", register)]


def printing_passports(desk: Desk, data_dir: Path, runs: int) -> list[Figure]:
    """Printing 13 passports: the PDF itself goes to the print system (or a PDF file); with no
    print system the pages are drawn at 300 dpi. Time and the size of what is sent."""
    import tempfile

    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    from sencodesk.ui import printing

    _app = QApplication.instance() or QApplication([])
    rows = pupils.list_pupils(desk, pupils.RegisterFilter(
        statuses=frozenset({SenStatus.SUPPORT, SenStatus.EHCP})))
    ids = list(passports.latest_for(desk, [r.id for r in rows]))[:13]
    pdf = render(report_data.passports_for(desk, ids)).pdf
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "job.pdf"

        def send(draw: bool) -> None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(target))
            (printing.draw_pages if draw else printing.send)(pdf, printer, lambda *_a: None)

        as_is = repeat(lambda: send(False), runs)
        as_is_mb = target.stat().st_size / 1e6
        drawn = repeat(lambda: send(True), max(2, runs // 3))
        drawn_mb = target.stat().st_size / 1e6
    return [Figure("print 13 passports: PDF sent as is", as_is, target_ms=1000),
            Figure("print 13 passports: job size sent as is", (as_is_mb,), target_ms=1,
                   unit="MB"),
            Figure("print 13 passports drawn at 300 dpi (no print system)", drawn,
                   target_ms=15_000),
            Figure("print 13 passports: job size drawn at 300 dpi", (drawn_mb,), target_ms=20,
                   unit="MB")]





def mis_import(desk: Desk, data_dir: Path, runs: int) -> list[Figure]:
    """Preview and import 2,000 new pupils, each run into a fresh empty school."""
    import tempfile

    from sencodesk.domain.upn import with_check_letter
    from sencodesk.services import mis_import as importer

    rows = "".join(f"{with_check_letter(f'7{n:011d}')},Smith,Alex,01/03/2014,7,7B,"
                   f"{'K' if n % 5 == 0 else 'N'},{'SLCN' if n % 5 == 0 else ''}\n"
                   for n in range(2000))
    data = ("UPN,Legal Surname,Legal Forename,DOB,Year,Reg,SEN Status,Primary Need\n"
            + rows).encode()
    samples = []
    for _ in range(max(2, runs // 2)):
        with tempfile.TemporaryDirectory() as folder:
            empty = accounts.init_school(Path(folder) / "data", school_name="Import",
                                         username=USER, full_name="Bench Mark",
                                         password=PASSWORD)
            started = time.perf_counter()
            result = importer.apply(empty, importer.preview(empty, data))
            samples.append((time.perf_counter() - started) * 1000)
            assert result.created == 2000
            empty.close()
    return [Figure("MIS import of 2,000 rows (preview and apply)", tuple(samples),
                   target_ms=5000)]


GUI_CASES = [cold_start, unlock_to_dashboard, register_keystrokes, documents, mis_import,
             printing_passports]
