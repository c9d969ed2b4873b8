"""Leavers past their retention date (date of birth + 31 years): listed, and deleted one at a
time after the user types the pupil's UPN to confirm."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.dates import uk
from sencodesk.domain.records import DueForDeletion
from sencodesk.domain.retention import SOURCE, TRANSFER_SOURCE
from sencodesk.services import retention
from sencodesk.services.context import Desk
from sencodesk.ui.common import configure_table
from sencodesk.ui.form_dialog import FormDialog
from sencodesk.ui.table_model import RECORD_ROLE, Column, RecordTableModel


class RetentionBox(QGroupBox):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Leavers past their retention date"), parent)
        self.desk = desk
        self.model = RecordTableModel[DueForDeletion]([
            Column("UPN", lambda d: d.upn), Column("Name", lambda d: d.name),
            Column("Born", lambda d: d.dob), Column("Left", lambda d: d.left_on),
            Column("Kept until", lambda d: d.kept_until),
            Column("Sent to", lambda d: f"{d.sent_to} ({uk(d.sent_on)})" if d.sent_on
                   else "")], self)
        self.view = QTableView()
        self.view.setModel(self.model)
        configure_table(self.view, name=self.tr("Leavers past their retention date"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.delete_button = QPushButton(self.tr("&Delete file…"))
        self.delete_button.clicked.connect(self.delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        due = retention.due_for_deletion(self.desk)
        self.model.set_records(due)
        self.note.setText(self.tr(
            "SEN files are kept until the pupil's date of birth plus 31 years ({source}), and "
            "only leavers are ever listed; a leaver whose SEN file was sent to their next "
            "school is listed once it is sent ({transfer}). {count}").format(
                source=SOURCE, transfer=TRANSFER_SOURCE,
                count=self.tr("No file is due for deletion.") if not due else
                self.tr("{n} due for deletion.").format(n=len(due))))
        self.view.setVisible(bool(due))
        self.delete_button.setVisible(bool(due))

    def delete(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            index = self.model.index(0, 0)
        if not index.isValid():
            return
        chosen: DueForDeletion = index.data(RECORD_ROLE)
        typed = QLineEdit()
        typed.setPlaceholderText(chosen.upn)

        def save(values: dict[str, Any]) -> None:
            retention.delete_pupil(self.desk, chosen.pupil_id, confirm_upn=values["upn"])

        title = self.tr("Delete {name}'s file for good").format(name=chosen.name)
        intro = self.tr("This deletes every record, passport version, plan, EHCP record, "
                        "contact note and attached file about {name} ({reason}). It cannot be "
                        "undone; the deletion is recorded in the audit trail.").format(
                            name=chosen.name, reason=chosen.reason)
        if FormDialog.ask(title, [("upn", self.tr("Type the UPN to confirm"), typed)], save,
                          self, intro=intro):
            self.refresh()
