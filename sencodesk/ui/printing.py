"""Sending a finished PDF to a printer, off the UI thread.

The PDF itself is what gets printed: written as it is when the print dialog chose a PDF file,
or handed to the print system (CUPS ``lp``, on Linux and macOS) with the dialog's printer,
copies, pages, sides and colour. Only where there is no such system (Windows) are pages drawn
through Qt, at 300 dpi rather than the printer's full resolution, so a job stays a few
megabytes a page at most instead of tens.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from sencodesk.domain.errors import SencodeskError
from sencodesk.services import saving

Progress = Callable[[int, int, str], None]
RASTER_DPI = 300


class PrintFailed(SencodeskError):
    """The print system refused the job."""


def send(pdf: bytes, printer: QPrinter, progress: Progress) -> str:
    """Print ``pdf`` as ``printer`` was set up by the print dialog; returns how it went."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        saving.save_export(Path(printer.outputFileName()), pdf, replace=True)  # chosen there
        return "file"
    lp = shutil.which("lp")
    if lp and printer.printerName():
        progress(0, 1, "Sending to the printer…")
        _lp(lp, pdf, printer)
        progress(1, 1, "Sent")
        return "print system"
    draw_pages(pdf, printer, progress)
    return "drawn"


def lp_arguments(printer: QPrinter) -> list[str]:
    """``lp`` options matching what the print dialog chose."""
    args = ["-d", printer.printerName(), "-n", str(max(printer.copyCount(), 1)),
            "-t", printer.docName() or "sencodesk"]
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        args += ["-P", f"{printer.fromPage()}-{printer.toPage() or printer.fromPage()}"]
    sides = {QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
             QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
             QPrinter.DuplexMode.DuplexNone: "one-sided"}.get(printer.duplex())
    if sides:
        args += ["-o", f"sides={sides}"]
    if printer.colorMode() == QPrinter.ColorMode.GrayScale:
        args += ["-o", "print-color-mode=monochrome"]
    return args


def _lp(lp: str, pdf: bytes, printer: QPrinter) -> None:
    try:
        done = subprocess.run([lp, *lp_arguments(printer), "-"], input=pdf,
                              capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PrintFailed(f"The printer could not be reached: {error}") from None
    if done.returncode != 0:
        reason = done.stderr.decode(errors="replace").strip() or f"code {done.returncode}"
        raise PrintFailed(f"The print system refused the job: {reason}")


def draw_pages(pdf: bytes, printer: QPrinter, progress: Progress) -> None:
    """Draw each page as a picture at RASTER_DPI (for print systems that take no PDF)."""
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    pages = document.pageCount()
    printer.setResolution(RASTER_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed("The printer could not be opened.")
    try:
        for page in range(pages):
            progress(page, pages, f"Printing page {page + 1} of {pages}…")
            if page:
                printer.newPage()
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            painter.drawImage(0, 0, document.render(page, QSize(area.width(), area.height())))
        progress(pages, pages, "Sent")
    finally:
        painter.end()
