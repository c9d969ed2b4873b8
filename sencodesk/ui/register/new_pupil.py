"""Add a pupil, with each validation message beside the field it is about."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.codes import NeedType, SenStatus, YearGroup
from sencodesk.domain.errors import SencodeskError
from sencodesk.services import pupils
from sencodesk.services.context import Desk
from sencodesk.ui.common import (
    ValueCombo,
    error_label,
    field_label,
    heading,
    show_error,
    show_failure,
)
from sencodesk.ui.date_field import DateField
from sencodesk.ui.fit import FittingScroll, fit_to_screen


class NewPupilDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.pupil_id: int | None = None
        self.setWindowTitle(self.tr("New pupil"))
        self.upn = QLineEdit()
        self.surname = QLineEdit()
        self.forename = QLineEdit()
        self.dob = DateField(name=self.tr("Date of birth"))
        self.year = ValueCombo([(y.label, y) for y in YearGroup], YearGroup.Y7)
        self.form = QLineEdit()
        self.gender = QComboBox()
        self.gender.addItems(["", "Female", "Male", "Other", "Not stated"])
        self.status: ValueCombo[SenStatus] = ValueCombo(
            [(f"{s.value}: {s.label}", s) for s in SenStatus]
        )
        self.need: ValueCombo[NeedType | None] = ValueCombo(
            [("", None)] + [(f"{n.value}: {n.label}", n) for n in NeedType]
        )
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        rows = (
            ("upn", "&UPN", self.upn),
            ("surname", "&Surname", self.surname),
            ("forename", "&Forename", self.forename),
            ("date of birth", "Date of &birth", self.dob),
            ("year", "&Year group", self.year),
            ("class", "&Class", self.form),
            ("gender", "&Gender", self.gender),
            ("status", "SEN &status", self.status),
            ("primary need", "Primary &need", self.need),
        )
        for key, text, widget in rows:
            widget.setAccessibleName(text.replace("&", ""))
            self.errors[key] = error_label()
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(self.errors[key])
            form.addRow(field_label(self.tr(text), widget), box)
        self.general = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Add a pupil")))
        fields_box = QWidget()
        fields_box.setLayout(form)
        layout.addWidget(FittingScroll(fields_box), 1)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        fit_to_screen(self)

    def save(self) -> None:
        for label in [*self.errors.values(), self.general]:
            show_error(label, "")
        status = self.status.value() or SenStatus.NONE
        need = self.need.value()
        try:
            self.pupil_id = pupils.create(
                self.desk,
                pupils.PupilFields(
                    upn=self.upn.text(),
                    legal_surname=self.surname.text(),
                    legal_forename=self.forename.text(),
                    dob=self.dob.day(),
                    year_group=self.year.value() or YearGroup.Y7,
                    form=self.form.text(),
                    gender=self.gender.currentText(),
                ),
                pupils.SenChange(status, (need,) if need else ()),
            )
        except SencodeskError as error:
            show_failure(error, self.general, self.errors)
            return
        self.accept()

    @classmethod
    def ask(cls, desk: Desk, parent: QWidget | None = None) -> int | None:
        dialog = cls(desk, parent)
        return dialog.pupil_id if dialog.exec() == QDialog.DialogCode.Accepted else None
