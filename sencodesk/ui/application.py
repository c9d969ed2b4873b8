"""Starting the desktop app: Qt set-up, fonts and style, first run or sign in, the main window.

Nothing here imports the database stack until the sign-in dialog is on screen.
"""

from __future__ import annotations

import logging
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from sencodesk import APP_NAME, paths

if TYPE_CHECKING:
    from sencodesk.services.context import Desk
    from sencodesk.ui.main_window import MainWindow

log = logging.getLogger("sencodesk")


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with names, the bundled fonts and the style sheet."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName("sencodesk")
    app.setDesktopFileName(APP_NAME)
    for file in sorted(paths.resource("fonts").glob("AtkinsonHyperlegible_*.ttf")):
        QFontDatabase.addApplicationFont(str(file))
    font = app.font()
    font.setFamily("Atkinson Hyperlegible")
    app.setFont(font)
    style = paths.resource("style.qss")
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def _start_log() -> None:
    """A rotating log for diagnosis. It records errors' types and places, never pupil data.
    Started just after the first window is up (logging.handlers is slow to import)."""
    from logging.handlers import RotatingFileHandler

    folder = paths.log_dir()
    try:
        paths.ensure_private_dir(folder)
        handler = RotatingFileHandler(folder / "sencodesk.log", maxBytes=1_000_000,
                                      backupCount=3, encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def crash_details(kind: type[BaseException], error: BaseException,
                  trace: TracebackType | None) -> str:
    """What the crash dialog offers to copy: the error's type and the code it passed through.
    Only sencodesk's own errors (written for people) show their message: others, a database
    error above all, may quote SQL values such as a safeguarding note."""
    from sencodesk.domain.errors import SencodeskError

    where = "".join(traceback.format_list(traceback.extract_tb(trace)))
    said = f": {error}" if isinstance(error, SencodeskError) else ""
    return f"Traceback (most recent call last):\n{where}{kind.__name__}{said}\n"


def _excepthook(kind: type[BaseException], error: BaseException,
                trace: TracebackType | None) -> None:
    """An unexpected error: a dialog with copyable details instead of a silent crash. The log
    gets the type and the code locations only (messages may quote pupil data)."""
    frames = traceback.extract_tb(trace)
    log.error("unexpected %s at %s", kind.__name__,
              " > ".join(f"{Path(f.filename).name}:{f.lineno}" for f in frames[-6:]))
    box = QMessageBox(QMessageBox.Icon.Critical, "sencodesk",
                      "Something went wrong. Your saved work is safe. If it happens again, "
                      "copy the details below for support.")
    box.setDetailedText(crash_details(kind, error, trace))
    box.exec()


def run_gui(data_dir: str | None = None) -> int:
    from sencodesk.services.location import recover_interrupted_restore

    recover_interrupted_restore(paths.data_dir(data_dir))  # a restore cut short is rolled back
    app = make_application()
    QTimer.singleShot(100, _start_log)
    sys.excepthook = _excepthook
    folder = paths.data_dir(data_dir)
    from sencodesk.services.location import school_exists
    from sencodesk.ui import viewing
    from sencodesk.ui.login import FirstRunDialog, SignInDialog

    viewing.remove_all()  # copies left by a session that crashed

    first = True
    while True:  # again after "Sign out / switch user"
        desk = SignInDialog.ask(folder) if school_exists(folder) else FirstRunDialog.ask(folder)
        if desk is None:
            return 0
        window = _main_window(desk)
        if first:
            from sencodesk.tuning import tune_garbage_collector

            tune_garbage_collector()  # everything loaded by now stays loaded: freeze it
            first = False
        result = app.exec()
        desk.close()
        if not window.signing_out:
            return int(result)


def _main_window(desk: Desk) -> MainWindow:
    """The main window, built under a busy cursor and shown once its first page is painted."""
    from sencodesk.ui.main_window import MainWindow

    opening = QLabel(QApplication.translate("sencodesk", "Opening sencodesk…"))
    opening.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
    opening.setStyleSheet("QLabel { background: #0b4f6c; color: white; padding: 24px 40px; "
                          "font-size: 14pt; }")
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        opening.show()  # something on screen while the window is built
        _paint_now(opening)
        window = MainWindow(desk)
        window.show()
        _paint_now(window)  # painted before anything slower runs: never a black window
    finally:
        QApplication.restoreOverrideCursor()
        opening.close()
    return window


def _paint_now(widget: QWidget, wait_ms: int = 500) -> None:
    """Let the window system map ``widget`` (it does so in its own time), then paint it."""
    deadline = time.monotonic() + wait_ms / 1000
    while time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        handle = widget.windowHandle()
        if handle is not None and handle.isExposed():
            break
    widget.repaint()
