"""Contacts log: meetings, calls and observations. Teachers may add notes too."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import ContactRecord
from sencodesk.services import records_log
from sencodesk.services.context import Desk
from sencodesk.ui.common import configure_table, uk
from sencodesk.ui.date_field import DateField
from sencodesk.ui.form_dialog import FormDialog, combo, text_area
from sencodesk.ui.table_model import RECORD_ROLE, Column, RecordTableModel


class ContactDetail(QDialog):
    """One contact-log entry in full, to read (the table cuts long notes short)."""

    def __init__(self, contact: ContactRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Contact log entry"))
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("The whole entry"))
        rows = [(self.tr("Date"), uk(contact.occurred_on)), (self.tr("Kind"), contact.kind),
                (self.tr("With"), contact.with_whom), (self.tr("By"), contact.author)]
        parts = [f"<p><b>{escape(label)}:</b> {escape(value)}</p>" for label, value in rows
                 if value]
        for label, value in ((self.tr("Summary"), contact.summary),
                             (self.tr("Actions"), contact.actions)):
            if value:
                body = escape(value).replace("\n", "<br>")
                parts.append(f"<h3>{escape(label)}</h3><p>{body}</p>")
        self.text.setHtml("".join(parts))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(560, 440)


class ContactsTab(QWidget):
    def __init__(self, desk: Desk, pupil_id: int) -> None:
        super().__init__()
        self.desk, self.pupil_id = desk, pupil_id
        self.model = RecordTableModel[ContactRecord]([
            Column("Date", lambda c: c.occurred_on), Column("Kind", lambda c: c.kind),
            Column("With", lambda c: c.with_whom),
            Column("Summary", lambda c: c.summary, tooltip=lambda c: c.summary),
            Column("Actions", lambda c: c.actions), Column("By", lambda c: c.author)], self)
        self.view = view = QTableView()
        view.setModel(self.model)
        configure_table(view, name=self.tr("Contacts log"))
        view.setToolTip(self.tr("Double-click an entry, or press Enter, to read it in full"))
        view.activated.connect(self.read)
        add = QPushButton(self.tr("&Add a note…"))
        add.setVisible(desk.actor.may(Permission.ADD_CONTACT))
        add.clicked.connect(self.add)
        read = QPushButton(self.tr("&Read in full…"))
        read.clicked.connect(lambda: self.read(view.currentIndex()))
        self.detail: ContactDetail | None = None
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(read)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(view, 1)
        self.load()

    def load(self) -> None:
        self.model.set_records(records_log.contacts(self.desk, self.pupil_id))

    def read(self, index: QModelIndex) -> None:
        contact = index.data(RECORD_ROLE) if index.isValid() else None
        if contact is None:
            return
        if self.detail is not None:
            self.detail.close()
        self.detail = ContactDetail(contact, self)
        self.detail.open()

    def add(self) -> None:
        fields = [("on", self.tr("Date"), DateField(self.desk.today())),
                  ("kind", self.tr("Kind"), combo([(k, k) for k in records_log.CONTACT_KINDS])),
                  ("with", self.tr("With"), QLineEdit()),
                  ("summary", self.tr("Summary"), text_area(lines=4)),
                  ("actions", self.tr("Actions"), text_area(lines=2)),
                  # otherwise a Teacher reads only the notes they wrote themselves
                  ("for_teachers", "", QCheckBox(self.tr(
                      "&For staff who teach this pupil to read")))]
        if FormDialog.ask(self.tr("Add to the contacts log"), fields, lambda v:
                          records_log.add_contact(self.desk, self.pupil_id,
                                                  occurred_on=v["on"], kind=v["kind"],
                                                  with_whom=v["with"], summary=v["summary"],
                                                  actions=v["actions"],
                                                  for_teachers=v["for_teachers"]), self):
            self.load()
