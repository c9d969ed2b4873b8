"""Print (preview first) passports for one pupil or a selection."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from sencodesk.domain.errors import SencodeskError
from sencodesk.services import report_data
from sencodesk.services.context import Desk
from sencodesk.ui.common import explain
from sencodesk.ui.pdf_preview import PdfPreviewDialog


def print_passports(desk: Desk, pupil_ids: Sequence[int], parent: QWidget | None) -> None:
    from sencodesk.reports import render

    try:
        if len(pupil_ids) == 1:
            result = render(report_data.passport(desk, pupil_ids[0]))
        else:
            result = render(report_data.passports_for(desk, pupil_ids))
    except SencodeskError as error:
        explain(parent, error)
        return
    PdfPreviewDialog.show_pdf(result.pdf, "Pupil passports", parent, warnings=result.warnings,
                              filename="passports.pdf")
