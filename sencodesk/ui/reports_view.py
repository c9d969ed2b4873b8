"""Reports: choose a document, preview it in the app, print it or save it as PDF."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.permissions import Permission
from sencodesk.services import pupils, report_data
from sencodesk.services.context import Desk
from sencodesk.ui import worker
from sencodesk.ui.common import explain, heading
from sencodesk.ui.pdf_preview import PdfPreviewDialog


@dataclass(frozen=True)
class Document:
    title: str
    description: str
    permission: Permission
    needs_class: bool
    make: Callable[[Desk, str], tuple[bytes, tuple[str, ...]]]


def _class_set(desk: Desk, form: str) -> tuple[bytes, tuple[str, ...]]:
    from sencodesk.reports import render

    result = render(report_data.class_set(desk, form))
    return result.pdf, result.warnings


DOCUMENTS = [
    Document("Passports for a class", "One page per pupil on the SEND register in the class, "
             "for the class teacher and supply staff.", Permission.PRINT_PASSPORTS, True,
             _class_set),
]


class ReportsView(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.documents = [d for d in DOCUMENTS if desk.actor.may(d.permission)]
        self.choice = QListWidget()
        self.choice.setAccessibleName(self.tr("Documents"))
        for document in self.documents:
            self.choice.addItem(document.title)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.form = QComboBox()
        self.form.setAccessibleName(self.tr("Class"))
        forms = sorted({r.form for r in pupils.list_pupils(desk) if r.form}) \
            if desk.actor.may(Permission.READ_PUPILS) else []
        self.form.addItems(forms)
        options = QFormLayout()
        options.addRow(self.tr("&Class"), self.form)
        self.preview = QPushButton(self.tr("&Preview…"))
        self.preview.setObjectName("primary")
        self.preview.clicked.connect(self.make_document)
        box = QGroupBox(self.tr("Document"))
        inner = QVBoxLayout(box)
        inner.addWidget(self.description)
        inner.addLayout(options)
        inner.addWidget(self.preview)
        inner.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.choice, 1)
        row.addWidget(box, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Reports")))
        layout.addLayout(row, 1)
        self.choice.currentRowChanged.connect(self._chosen)
        self.choice.setCurrentRow(0)

    def current(self) -> Document | None:
        row = self.choice.currentRow()
        return self.documents[row] if 0 <= row < len(self.documents) else None

    def _chosen(self) -> None:
        document = self.current()
        self.description.setText(document.description if document else "")
        self.form.setEnabled(bool(document and document.needs_class))

    def make_document(self) -> None:
        document = self.current()
        if document is None:
            return
        form = self.form.currentText()
        self.preview.setEnabled(False)
        self._task = worker.run_with_progress(
            self, self.tr("Making the document…"), lambda _p: document.make(self.desk, form),
            on_done=lambda result: self._show(document, result), on_error=self._failed)

    def _show(self, document: Document, result: tuple[bytes, tuple[str, ...]]) -> None:
        self.preview.setEnabled(True)
        pdf, warnings = result
        PdfPreviewDialog.show_pdf(pdf, document.title, self, warnings=warnings,
                                  filename=document.title.lower().replace(" ", "-") + ".pdf")

    def _failed(self, error: BaseException) -> None:
        self.preview.setEnabled(True)
        explain(self, error)
