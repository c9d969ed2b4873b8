"""Long work off the UI thread, with progress, cancel and errors shown to the user.

Services take a plain ``progress(done, total, text)`` callback; ``run_with_progress`` wraps it
in a QThreadPool task whose signals reach the UI thread, and shows a modal progress dialog with
a Cancel button. Cancelling makes the callback raise ``Cancelled`` inside the worker, so the
service's transaction rolls back and nothing is half-written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Progress = Callable[[int, int, str], None]


class Cancelled(Exception):
    """Raised inside the worker when the user pressed Cancel."""


class _Signals(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """Runs ``work(progress)`` on the thread pool; emits finished(result) or failed(error)."""

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.signals = _Signals()
        self._work = work
        self._cancel = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int, text: str) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self.signals.progressed.emit(done, total, text)

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except Exception as error:  # noqa: BLE001 - handed to the UI thread, which shows it
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)
        finally:
            self.done.set()


def start(
    work: Callable[[Progress], Any],
    *,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[int, int, str], None] | None = None,
) -> Task:
    task = Task(work)
    task.setAutoDelete(False)
    task.signals.finished.connect(on_done, Qt.ConnectionType.QueuedConnection)
    task.signals.failed.connect(on_error, Qt.ConnectionType.QueuedConnection)
    if on_progress is not None:
        task.signals.progressed.connect(on_progress, Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(task)
    return task


def run_with_progress(
    parent: QWidget | None,
    title: str,
    work: Callable[[Progress], Any],
    *,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_cancel: Callable[[], None] | None = None,
) -> Task:
    """Run ``work`` in the background behind a cancellable progress dialog; ``on_cancel``
    runs if the user's Cancel stopped it."""
    dialog = QProgressDialog(title, parent.tr("Cancel") if parent else "Cancel", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)

    def progressed(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(done)
        dialog.setLabelText(text)

    def finished(result: Any) -> None:
        dialog.close()
        on_done(result)

    def failed(error: BaseException) -> None:
        dialog.close()
        if not isinstance(error, Cancelled):
            on_error(error)
        elif on_cancel is not None:
            on_cancel()

    task = start(work, on_done=finished, on_error=failed, on_progress=progressed)
    dialog.canceled.connect(task.cancel)
    return task
