"""Contacts log: meetings, calls and observations. Teachers may add notes too."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget

from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import ContactRecord
from sencodesk.services import records_log
from sencodesk.services.context import Desk
from sencodesk.ui.common import configure_table
from sencodesk.ui.date_field import DateField
from sencodesk.ui.form_dialog import FormDialog, combo, text_area
from sencodesk.ui.table_model import Column, RecordTableModel


class ContactsTab(QWidget):
    def __init__(self, desk: Desk, pupil_id: int) -> None:
        super().__init__()
        self.desk, self.pupil_id = desk, pupil_id
        self.model = RecordTableModel[ContactRecord]([
            Column("Date", lambda c: c.occurred_on), Column("Kind", lambda c: c.kind),
            Column("With", lambda c: c.with_whom),
            Column("Summary", lambda c: c.summary, tooltip=lambda c: c.summary),
            Column("Actions", lambda c: c.actions), Column("By", lambda c: c.author)], self)
        view = QTableView()
        view.setModel(self.model)
        configure_table(view, name=self.tr("Contacts log"))
        add = QPushButton(self.tr("&Add a note…"))
        add.setVisible(desk.actor.may(Permission.ADD_CONTACT))
        add.clicked.connect(self.add)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(view, 1)
        self.load()

    def load(self) -> None:
        self.model.set_records(records_log.contacts(self.desk, self.pupil_id))

    def add(self) -> None:
        fields = [("on", self.tr("Date"), DateField(self.desk.today())),
                  ("kind", self.tr("Kind"), combo([(k, k) for k in records_log.CONTACT_KINDS])),
                  ("with", self.tr("With"), QLineEdit()),
                  ("summary", self.tr("Summary"), text_area(lines=4)),
                  ("actions", self.tr("Actions"), text_area(lines=2))]
        if FormDialog.ask(self.tr("Add to the contacts log"), fields, lambda v:
                          records_log.add_contact(self.desk, self.pupil_id,
                                                  occurred_on=v["on"], kind=v["kind"],
                                                  with_whom=v["with"], summary=v["summary"],
                                                  actions=v["actions"]), self):
            self.load()
