"""Documents: attach (encrypted into the data folder), open on request, mark confidential."""

from __future__ import annotations

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
from sencodesk.ui import viewing
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
                "another program can show it. The copy is removed when sencodesk locks or "
                "closes. Open it?")):
            return
        try:
            _record, data = records_log.read_document(self.desk, document.id)
        except SencodeskError as error:
            explain(self, error)
            return
        try:
            target = viewing.write_copy(document.filename or f"{document.title}.bin", data)
        except OSError as error:
            explain(self, SencodeskError(self.tr(
                "The document could not be copied for viewing: {reason}").format(
                    reason=error.strerror or error)))
            return
        if not self.launch(target):
            target.unlink(missing_ok=True)
            kind = target.suffix.lstrip(".").upper() or self.tr("this kind of")
            explain(self, SencodeskError(self.tr(
                "No program on this computer opens {kind} files, so \"{title}\" cannot be "
                "shown. Install a viewer for them, or ask your IT support.").format(
                    kind=kind, title=document.title)))

    @classmethod
    def launch(cls, path: Path) -> bool:
        """Hand ``path`` to the computer's viewer; False if none would take it."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def toggle(self) -> None:
        document = self.current()
        if document is not None:
            records_log.set_confidential(self.desk, document.id, not document.confidential)
            self.load()
