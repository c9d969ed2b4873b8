"""Add a term's dates."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.clock import academic_year_of
from sencodesk.domain.errors import ValidationError
from sencodesk.services import school
from sencodesk.services.context import Desk
from sencodesk.ui.common import date_edit, date_of, error_label, show_error


class TermDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Add term dates"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(academic_year_of(desk.today()))
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItems(["Autumn", "Spring", "Summer"])
        self.starts = date_edit(name=self.tr("Term starts"))
        self.ends = date_edit(name=self.tr("Term ends"))
        self.message = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Academic year starting"), self.year)
        form.addRow(self.tr("Term"), self.name)
        form.addRow(self.tr("Starts"), self.starts)
        form.addRow(self.tr("Ends"), self.ends)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            school.add_term(self.desk, academic_year=self.year.value(),
                            name=self.name.currentText(), starts_on=date_of(self.starts),
                            ends_on=date_of(self.ends))
        except ValidationError as error:
            show_error(self.message, f"{error.field}: {error.message}")
            return
        self.accept()

    @classmethod
    def ask(cls, desk: Desk, parent: QWidget | None = None) -> bool:
        return cls(desk, parent).exec() == QDialog.DialogCode.Accepted
