"""On the Due dashboard: save the deadlines as an iCalendar file for Outlook or Google
Calendar, pupils shown by initials and a code unless "include names" is ticked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QWidget,
)

from sencodesk.domain.calendar_events import CalendarSheet
from sencodesk.domain.permissions import Permission
from sencodesk.services import calendar_export, saving
from sencodesk.services.context import Desk
from sencodesk.ui import worker
from sencodesk.ui.common import explain

_RUNNING: set[worker.Task] = set()


class CalendarExport(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.names = QCheckBox(self.tr("Include &names"))
        self.names.setToolTip(self.tr("Show pupils' names in the calendar instead of initials "
                                      "and a code"))
        self.button = QPushButton(self.tr("Add to ca&lendar…"))
        self.button.setToolTip(self.tr("Save every deadline as a calendar file (.ics) for "
                                       "Outlook or Google Calendar"))
        self.button.clicked.connect(self.export)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.names)
        row.addWidget(self.button)
        self.setVisible(desk.actor.may(Permission.EXPORT))

    @classmethod
    def choose_path(cls, parent: QWidget) -> str:
        name, _ = QFileDialog.getSaveFileName(parent, parent.tr("Save the deadlines calendar"),
                                              str(Path.home() / "SEND deadlines.ics"),
                                              "iCalendar (*.ics)")
        return name

    def export(self) -> None:
        name = self.choose_path(self)
        if not name:
            return
        target = Path(name) if name.lower().endswith(".ics") else Path(name + ".ics")
        names = self.names.isChecked()

        def work(_progress: object) -> CalendarSheet:
            from sencodesk.reports.calendar import calendar_ics

            sheet = calendar_export.calendar(self.desk, names=names)
            saving.save_export(target, calendar_ics(sheet), replace=True)  # the dialog asked
            return sheet

        def done(sheet: CalendarSheet) -> None:
            _RUNNING.discard(task)
            self.button.setEnabled(True)
            QMessageBox.information(self, self.tr("Calendar saved"), self.tr(
                "{n} deadlines saved to {file}. Import it into Outlook or Google Calendar; "
                "importing a later file updates these events rather than adding them "
                "again.").format(n=len(sheet.events), file=target.name))

        def failed(error: BaseException) -> None:
            _RUNNING.discard(task)
            self.button.setEnabled(True)
            explain(self, error)

        self.button.setEnabled(False)
        task = worker.run_with_progress(self, self.tr("Saving the calendar…"), work,
                                        on_done=done, on_error=failed,
                                        on_cancel=lambda: self.button.setEnabled(True))
        _RUNNING.add(task)
