"""Letters to parents for the pupils chosen on the register: which letter, and one PDF to
print or one file per family. Making the letters records each one in its pupil's contact log."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.errors import SencodeskError
from sencodesk.domain.letters import LetterKind
from sencodesk.services import letters, saving
from sencodesk.services.context import Desk
from sencodesk.ui.common import explain
from sencodesk.ui.documents import preview_document


class LettersDialog(QDialog):
    def __init__(self, desk: Desk, pupil_ids: Sequence[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.pupil_ids = list(pupil_ids)
        self.setWindowTitle(self.tr("Letters to parents"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Letter"))
        for kind in LetterKind:
            self.kind.addItem(self.tr(kind.value), kind)
        self.one_pdf = QRadioButton(self.tr("&One PDF to print (each letter on a new page)"))
        self.one_pdf.setChecked(True)
        self.each = QRadioButton(self.tr("One &file per family, in a folder"))
        note = QLabel(self.tr("{n} pupils chosen. Each letter made is recorded in the pupil's "
                              "contact log as sent.").format(n=len(self.pupil_ids)))
        note.setWordWrap(True)
        note.setObjectName("muted")
        form = QFormLayout()
        label = QLabel(self.tr("&Letter"))
        label.setBuddy(self.kind)
        form.addRow(label, self.kind)
        form.addRow("", self.one_pdf)
        form.addRow("", self.each)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.make_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.make_button.setText(self.tr("&Make letters"))
        buttons.accepted.connect(self.make)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    @classmethod
    def choose_folder(cls, parent: QWidget) -> str:
        return QFileDialog.getExistingDirectory(parent, parent.tr("Save one file per family "
                                                                  "in"), str(Path.home()))

    def make(self) -> None:
        kind: LetterKind = self.kind.currentData()
        if self.one_pdf.isChecked():
            parent = self.parentWidget() or self
            preview_document(parent, kind.value,
                             lambda: letters.draft(self.desk, kind, self.pupil_ids),
                             filename=f"{kind.value}.pdf")
            self.accept()
            return
        folder = self.choose_folder(self)
        if not folder:
            return
        from sencodesk.reports.letters import letters_each

        try:
            made = letters_each(letters.draft(self.desk, kind, self.pupil_ids))
            for name, data in made:
                saving.save_export(Path(folder) / name, data, replace=True)
        except SencodeskError as error:
            explain(self, error)
            return
        QMessageBox.information(self, self.tr("Letters saved"), self.tr(
            "{n} letters saved in {folder}, one file per family.").format(
                n=len(made), folder=folder))
        self.accept()
