"""Printing sends the PDF itself (small, vector) in the background; previews fit the screen."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from sencodesk.reports import render
from sencodesk.services import passports, pupils, report_data
from sencodesk.services.context import Desk
from sencodesk.ui import printing
from sencodesk.ui.main_window import MainWindow
from sencodesk.ui.pdf_preview import PdfPreviewDialog
from sencodesk.ui.register.view import RegisterView


@pytest.fixture
def passports_pdf(demo_desk: Desk) -> bytes:
    rows = pupils.list_pupils(demo_desk)
    ids = list(passports.latest_for(demo_desk, [r.id for r in rows]))[:4]
    return render(report_data.passports_for(demo_desk, ids)).pdf


def _button(dialog: PdfPreviewDialog, text: str) -> QPushButton:
    return next(b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == text)


def test_printing_to_a_pdf_file_writes_the_document_itself_in_the_background(
        qtbot: QtBot, passports_pdf: bytes, tmp_path: Path) -> None:
    preview = PdfPreviewDialog(passports_pdf, "Pupil passports")
    qtbot.addWidget(preview)
    preview.show()
    target = tmp_path / "printed.pdf"

    def fill_in_the_print_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QPrintDialog)
        name = next(e for e in dialog.findChildren(QLineEdit) if e.objectName() == "filename")
        name.selectAll()
        qtbot.keyClicks(name, str(target))
        qtbot.keyClick(name, Qt.Key.Key_Return)

    QTimer.singleShot(300, fill_in_the_print_dialog)
    qtbot.mouseClick(_button(preview, "Print…"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: preview.sent != "", timeout=20_000)
    assert target.read_bytes() == passports_pdf  # vector pages, not pictures of them
    assert "Saved" in preview.status.text() and _button(preview, "Print…").isEnabled()


class _OfficePrinter(QPrinter):
    """A printer as the print dialog leaves it when a real printer was chosen."""

    def printerName(self) -> str:  # noqa: N802
        return "Office_Laser"

    def outputFormat(self) -> QPrinter.OutputFormat:  # noqa: N802
        return QPrinter.OutputFormat.NativeFormat


def test_a_print_system_gets_the_pdf_with_the_dialogs_choices(
        passports_pdf: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    lp = bin_dir / "lp"
    lp.write_text(f'#!/bin/sh\necho "$@" > {tmp_path}/args\ncat > {tmp_path}/job\n')
    lp.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    printer = _OfficePrinter()
    printer.setCopyCount(2)
    printer.setColorMode(QPrinter.ColorMode.GrayScale)
    printer.setDocName("Pupil passports")
    steps: list[str] = []
    how = printing.send(passports_pdf, printer, lambda _d, _t, text: steps.append(text))
    assert how == "print system" and steps[-1] == "Sent"
    assert (tmp_path / "job").read_bytes() == passports_pdf
    args = (tmp_path / "args").read_text().split()
    assert args[:4] == ["-d", "Office_Laser", "-n", "2"]
    assert "print-color-mode=monochrome" in args and args[args.index("-t") + 1] == "Pupil"


def test_a_refused_job_says_why(passports_pdf: bytes, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    lp = tmp_path / "lp"
    lp.write_text('#!/bin/sh\necho "lp: The printer or class does not exist." >&2\nexit 1\n')
    lp.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(printing.PrintFailed, match="does not exist"):
        printing.send(passports_pdf, _OfficePrinter(), lambda *_a: None)


def test_without_a_print_system_pages_are_drawn_at_300_dpi_not_full_resolution(
        passports_pdf: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda _name: None)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "drawn.pdf"))
    printing.draw_pages(passports_pdf, printer, lambda *_a: None)
    pages = len(PdfReader(tmp_path / "drawn.pdf").pages)
    assert pages == len(PdfReader(io.BytesIO(passports_pdf)).pages)
    assert (tmp_path / "drawn.pdf").stat().st_size < 1_500_000 * pages  # was 6.5 MB a page


def test_the_preview_fits_the_screen_with_print_and_save_visible(
        qtbot: QtBot, passports_pdf: bytes) -> None:
    preview = PdfPreviewDialog(passports_pdf, "Pupil passports")
    qtbot.addWidget(preview)
    preview.show()
    screen = preview.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry()
    assert preview.frameGeometry().height() <= room.height()
    assert preview.frameGeometry().width() <= room.width()
    for text in ("Print…", "Save as PDF…", "Close"):
        button = _button(preview, text)
        bottom = button.mapTo(preview, button.rect().bottomLeft()).y()
        assert button.isVisible() and bottom <= preview.height(), text


def test_save_as_pdf_suggests_the_pupils_name_and_the_date(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    suggested: list[str] = []
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: suggested.append(self.filename))
    register = window.page("Register")
    assert isinstance(register, RegisterView)
    with_passport = passports.latest_for(window.desk, [r.id for r in register.model.everyone])
    row = next(r for r in register.model.everyone if r.id in with_passport)
    window.open_pupil(row.id, "passport")
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(suggested), timeout=20_000)
    today = window.desk.today().strftime("%d-%m-%Y")
    assert suggested == [f"Passport - {row.forename} {row.surname} - {today}.pdf"]
