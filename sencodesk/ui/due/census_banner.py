"""Shown on the Due dashboard in the weeks before a school census day: the day, and a button
that checks the register against the MIS's SEN export and shows the result to print."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from sencodesk.domain.census_days import RULE
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.permissions import Permission
from sencodesk.services import census
from sencodesk.services.context import Desk
from sencodesk.ui.common import uk
from sencodesk.ui.documents import pdf_name, preview_document


class CensusBanner(QFrame):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setObjectName("firstSteps")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.check_button = QPushButton(self.tr("&Census check…"))
        self.check_button.setToolTip(self.tr(
            "Compare the register with the MIS's SEN export (CSV) and print the fixes"))
        self.check_button.clicked.connect(self.check)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.check_button)

    def refresh(self) -> None:
        day = census.reminder(self.desk) if self.desk.actor.may(Permission.EXPORT) else None
        self.setVisible(day is not None)
        if day is None:
            return
        days = (day.on - self.desk.today()).days
        when = (self.tr("today") if days == 0 else self.tr("tomorrow") if days == 1
                else self.tr("in {n} days").format(n=days))
        self.text.setText(self.tr(
            "<b>{label}: Thursday {on}</b> ({when}; {rule}). Check that the MIS's SEN records "
            "agree with the register before the census is returned.").format(
                label=day.label, on=uk(day.on), when=when, rule=RULE))

    @classmethod
    def choose_mis_file(cls, parent: QWidget) -> str:
        name, _ = QFileDialog.getOpenFileName(parent, parent.tr("The MIS's SEN export"),
                                              str(Path.home()), "CSV (*.csv *.txt)")
        return name

    def check(self) -> None:
        name = self.choose_mis_file(self)
        if not name:
            return
        path = Path(name)

        def gather() -> object:
            try:
                data = path.read_bytes()
            except OSError as error:
                raise ValidationError("file", f"{path.name} cannot be read: "
                                      f"{error.strerror}") from None
            return census.check_sheet(self.desk, data, mis_file=path.name)

        self.check_button.setEnabled(False)
        preview_document(self, self.tr("Census check"), gather,
                         filename=pdf_name("Census check", self.desk),
                         on_finished=lambda: self.check_button.setEnabled(True))
