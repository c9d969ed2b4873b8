"""Documents: attach (encrypted into the data folder), open on request, mark confidential."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.errors import SencodeskError
from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import DocumentRecord
from sencodesk.services import records_log
from sencodesk.services.context import Desk
from sencodesk.ui.common import configure_table, confirm, explain
from sencodesk.ui.date_field import DateField
from sencodesk.ui.form_dialog import FormDialog, combo
from sencodesk.ui.table_model import RECORD_ROLE, Column, RecordTableModel


class DocumentsTab(QWidget):
    def __init__(self, desk: Desk, pupil_id: int) -> None:
        super().__init__()
        self.desk, self.pupil_id = desk, pupil_id
        editable = desk.actor.may(Permission.EDIT_DOCUMENTS)
        self.model = RecordTableModel[DocumentRecord]([
            Column("Title", lambda d: d.title), Column("Type", lambda d: d.kind),
            Column("Dated", lambda d: d.dated), Column("File", lambda d: d.filename),
            Column("Size", lambda d: d.size, lambda s: f"{s / 1024:,.0f} KB"),
            Column("Confidential", lambda d: d.confidential)], self)
        self.view = QTableView()
        self.view.setModel(self.model)
        configure_table(self.view, name=self.tr("Documents"))
        row = QHBoxLayout()
        for text, slot, show in ((self.tr("&Attach a file…"), self.attach, editable),
                                 (self.tr("&Open"), self.open_document, True),
                                 (self.tr("Mark / unmark &confidential"), self.toggle, editable)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setVisible(show)
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        self.load()

    def load(self) -> None:
        self.model.set_records(records_log.documents(self.desk, self.pupil_id))

    def current(self) -> DocumentRecord | None:
        index = self.view.currentIndex()
        return index.data(RECORD_ROLE) if index.isValid() else None

    @classmethod
    def pick_file(cls, parent: QWidget) -> str:
        name, _ = QFileDialog.getOpenFileName(parent, "Attach a file")
        return name

    def attach(self) -> None:
        name = self.pick_file(self)
        if not name:
            return
        fields = [("title", self.tr("Title"), QLineEdit(Path(name).stem)),
                  ("kind", self.tr("Type"), combo([(k, k) for k in (
                      "Report", "EHC plan", "Letter", "Assessment", "Other")])),
                  ("dated", self.tr("Dated"), DateField(optional=True)),
                  ("confidential", self.tr("Confidential"), combo([(self.tr("No"), False),
                                                                   (self.tr("Yes"), True)]))]
        if FormDialog.ask(self.tr("Attach a document"), fields, lambda v: records_log.attach(
                self.desk, self.pupil_id, Path(name), title=v["title"], kind=v["kind"],
                dated=v["dated"], confidential=v["confidential"]), self):
            self.load()

    def open_document(self) -> None:
        document = self.current()
        if document is None:
            return
        if not confirm(self, self.tr("Open document"), self.tr(
                "Opening writes an unencrypted copy to this computer's temporary folder so "
                "another program can show it. Open it?")):
            return
        try:
            _record, data = records_log.read_document(self.desk, document.id)
        except SencodeskError as error:
            explain(self, error)
            return
        folder = Path(tempfile.mkdtemp(prefix="sencodesk-"))
        target = folder / (document.filename or f"{document.title}.bin")
        fd = os.open(target, os.O_WRONLY | os.O_CREAT, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        self.launch(target)

    @classmethod
    def launch(cls, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def toggle(self) -> None:
        document = self.current()
        if document is not None:
            records_log.set_confidential(self.desk, document.id, not document.confidential)
            self.load()
