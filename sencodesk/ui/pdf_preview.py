"""Preview a PDF inside the app, print it through Qt's print dialog, or save it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.errors import SencodeskError
from sencodesk.services import saving
from sencodesk.ui.common import explain


def load_pdf(data: bytes, parent: QWidget | None = None) -> QPdfDocument:
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document


class PdfPreviewDialog(QDialog):
    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None, *,
                 warnings: tuple[str, ...] = (), filename: str = "document.pdf") -> None:
        super().__init__(parent)
        self.pdf, self.filename = pdf, filename
        self.setWindowTitle(title)
        self.document = load_pdf(pdf, self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("Document preview"))
        layout = QVBoxLayout(self)
        for warning in warnings:
            note = QLabel(warning)
            note.setObjectName("fieldError")
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        pages = QLabel(self.tr("{n} page(s), A4").format(n=self.document.pageCount()))
        pages.setObjectName("muted")
        print_button = QPushButton(self.tr("&Print…"))
        print_button.setObjectName("primary")
        print_button.clicked.connect(self.print_document)
        save = QPushButton(self.tr("&Save as PDF…"))
        save.clicked.connect(self.save_as)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons.addWidget(pages, 1)
        for button in (print_button, save, close):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.resize(820, 900)

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        self.render_to(printer)

    def render_to(self, printer: QPrinter) -> None:
        painter = QPainter(printer)
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                area = printer.pageLayout().paintRectPixels(printer.resolution())
                image = self.document.render(page, QSize(area.width(), area.height()))
                painter.drawImage(0, 0, image)
        finally:
            painter.end()

    @classmethod
    def choose_path(cls, parent: QWidget, suggested: str) -> str:
        name, _ = QFileDialog.getSaveFileName(parent, "Save as PDF", suggested, "PDF (*.pdf)")
        return name

    def save_as(self) -> None:
        name = self.choose_path(self, self.filename)
        if not name:
            return
        try:
            saving.save_export(Path(name), self.pdf, replace=True)  # the save dialog asked
        except SencodeskError as error:
            explain(self, error)

    @classmethod
    def show_pdf(cls, pdf: bytes, title: str, parent: QWidget | None = None, *,
                 warnings: tuple[str, ...] = (), filename: str = "document.pdf") -> None:
        cls(pdf, title, parent, warnings=warnings, filename=filename).exec()
