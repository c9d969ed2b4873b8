"""Reports > Passports for every teacher: the SENCO chooses a folder and gets one PDF per
teacher, made in the background with a progress bar that can be cancelled."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from sencodesk.services import teacher_packs
from sencodesk.services.context import Desk
from sencodesk.services.teacher_packs import Written
from sencodesk.ui import worker
from sencodesk.ui.common import confirm, explain

_RUNNING: set[worker.Task] = set()


class PackFolder:
    """Where the packs go (a class so tests can answer for the person)."""

    @classmethod
    def ask(cls, parent: QWidget) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(
            parent, parent.tr("Choose a folder for the teachers' passport packs"))
        return Path(chosen) if chosen else None


def write_teacher_packs(desk: Desk, parent: QWidget) -> None:
    """Ask for a folder, then write every teacher's pack into it in the background."""
    from sencodesk.reports import pdf_bytes

    folder = PackFolder.ask(parent)
    if folder is None:
        return
    replace = any(folder.glob("Passports - *.pdf"))
    if replace and not confirm(parent, parent.tr("Passports for every teacher"), parent.tr(
            "This folder already holds teachers' passport packs. Replace them with new ones?")):
        return

    def done(written: list[Written]) -> None:
        _RUNNING.discard(task)
        made = [w for w in written if w.path]
        empty = [w.teacher for w in written if not w.path]
        text = parent.tr("{n} packs written into {folder}.").format(n=len(made), folder=folder)
        if empty:
            text += "\n\n" + parent.tr("No passports yet for the pupils of: {names}.").format(
                names=", ".join(empty))
        QMessageBox.information(parent, parent.tr("Passports for every teacher"), text)

    def failed(error: BaseException) -> None:
        _RUNNING.discard(task)
        explain(parent, error)

    task = worker.run_with_progress(
        parent, parent.tr("Passports for every teacher"),
        lambda progress: teacher_packs.write_all(desk, folder, render=pdf_bytes,
                                                 replace=replace, progress=progress),
        on_done=done, on_error=failed, on_cancel=lambda: _RUNNING.discard(task))
    _RUNNING.add(task)
