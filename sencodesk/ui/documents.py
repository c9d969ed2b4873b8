"""Making a document from the app: gather its sheet (audited by the service) and draw it in the
background behind a progress dialog, then preview it in the app to print or save."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from sencodesk.services import pupils, report_data
from sencodesk.services.context import Desk
from sencodesk.ui import worker
from sencodesk.ui.common import explain
from sencodesk.ui.pdf_preview import PdfPreviewDialog

if TYPE_CHECKING:  # ReportLab loads when the first document is made, not at start-up
    from sencodesk.reports import Rendered

#: Documents being made, kept alive until they finish (the pool does not own them).
_RUNNING: set[worker.Task] = set()


def preview_document(parent: QWidget, title: str, gather: Callable[[], object], *,
                     filename: str, on_finished: Callable[[], None] | None = None) -> None:
    """Gather and draw off the UI thread; show the PDF (with any warnings) or the error."""
    from sencodesk.reports import render

    def done(result: Rendered) -> None:
        _RUNNING.discard(task)
        if on_finished:
            on_finished()
        PdfPreviewDialog.show_pdf(result.pdf, title, parent, warnings=result.warnings,
                                  filename=filename)

    def failed(error: BaseException) -> None:
        _RUNNING.discard(task)
        if on_finished:
            on_finished()
        explain(parent, error)

    task = worker.run_with_progress(parent, parent.tr("Making the document…"),
                                    lambda _progress: render(gather()), on_done=done,
                                    on_error=failed)
    _RUNNING.add(task)


def pdf_name(kind: str, desk: Desk, pupil_id: int | None = None) -> str:
    """A default file name saying what, whose and when: "Passport - Ava Smith - 02-12-2026.pdf"
    (characters no file system takes are left out)."""
    parts = [kind]
    if pupil_id is not None:
        row = pupils.get(desk, pupil_id).row
        parts.append(f"{row.forename} {row.surname}")
    parts.append(desk.today().strftime("%d-%m-%Y"))
    return re.sub(r'[\\/:*?"<>|]+', "", " - ".join(parts)) + ".pdf"


def print_passports(desk: Desk, pupil_ids: Sequence[int], parent: QWidget) -> None:
    """Passports for one pupil or a selection, one page each."""
    ids = list(pupil_ids)
    if len(ids) == 1:
        preview_document(parent, parent.tr("Pupil passport"),
                         lambda: report_data.passport(desk, ids[0]),
                         filename=pdf_name("Passport", desk, ids[0]))
    else:
        preview_document(parent, parent.tr("Pupil passports"),
                         lambda: report_data.passports_for(desk, ids),
                         filename=pdf_name("Passports", desk))
