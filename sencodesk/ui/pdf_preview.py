"""Preview a PDF inside the app, print it through Qt's print dialog, or save it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.errors import SencodeskError
from sencodesk.services import saving
from sencodesk.ui.common import explain


def fitting(widget: QWidget, wanted: QSize) -> QSize:
    """``wanted``, made smaller where the screen (less a taskbar's room) is smaller."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    room = screen.availableGeometry().size() - QSize(40, 80)  # window frame and title bar
    return wanted.boundedTo(room)


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
        if warnings:  # in a box of a few lines at most, so the pages keep their room
            note = QLabel("\n".join(warnings))
            note.setObjectName("fieldError")
            note.setWordWrap(True)
            holder = QScrollArea()
            holder.setWidget(note)
            holder.setWidgetResizable(True)
            holder.setFrameShape(QFrame.Shape.NoFrame)
            holder.setMaximumHeight(note.fontMetrics().lineSpacing() * 5 + 8)
            layout.addWidget(holder)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        pages = QLabel(self.tr("{n} page(s), A4").format(n=self.document.pageCount()))
        pages.setObjectName("muted")
        self.print_button = print_button = QPushButton(self.tr("&Print…"))
        print_button.setObjectName("primary")
        print_button.clicked.connect(self.print_document)
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.sent = ""
        save = QPushButton(self.tr("&Save as PDF…"))
        save.clicked.connect(self.save_as)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons.addWidget(pages)
        buttons.addWidget(self.status, 1)
        for button in (print_button, save, close):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.resize(fitting(self, QSize(820, 900)))

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        printer.setFromTo(1, self.document.pageCount())
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        self.send(printer)

    def send(self, printer: QPrinter) -> None:
        """Print in the background behind a progress dialog; the app stays usable."""
        from sencodesk.ui import printing, worker

        self.printer = printer  # kept alive until the job is sent
        self.print_button.setEnabled(False)

        def done(how: str) -> None:
            self.print_button.setEnabled(True)
            self.sent = how
            self.status.setText(self.tr("Sent to the printer.") if how != "file"
                                else self.tr("Saved as a PDF file."))

        def failed(error: BaseException) -> None:
            self.print_button.setEnabled(True)
            explain(self, error)

        self.job = worker.run_with_progress(
            self, self.tr("Printing…"), lambda progress: printing.send(self.pdf, printer,
                                                                      progress),
            on_done=done, on_error=failed, on_cancel=lambda: self.print_button.setEnabled(True))

    @classmethod
    def choose_path(cls, parent: QWidget, suggested: str) -> str:
        name, _ = QFileDialog.getSaveFileName(parent, "Save as PDF", suggested, "PDF (*.pdf)")
        return name

    def save_as(self) -> None:
        name = self.choose_path(self, self.filename)
        if not name:
            return
        try:
            saved = saving.save_export(Path(name), self.pdf, replace=True)  # the dialog asked
        except SencodeskError as error:
            explain(self, error)
            return
        self.status.setText(self.tr("Saved as {name}.").format(name=saved.name))

    @classmethod
    def show_pdf(cls, pdf: bytes, title: str, parent: QWidget | None = None, *,
                 warnings: tuple[str, ...] = (), filename: str = "document.pdf") -> None:
        cls(pdf, title, parent, warnings=warnings, filename=filename).exec()
