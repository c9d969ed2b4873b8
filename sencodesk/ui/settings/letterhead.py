"""The letterhead's logo in Settings: choose a PNG or JPEG, or remove it. Saved at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from sencodesk.domain.errors import SencodeskError, ValidationError
from sencodesk.domain.permissions import Permission
from sencodesk.services import school
from sencodesk.services.context import Desk
from sencodesk.ui.common import explain

PREVIEW_HEIGHT = 40


class LogoPicker(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.preview = QLabel()
        self.preview.setAccessibleName(self.tr("Letterhead logo"))
        self.choose_button = QPushButton(self.tr("Choose lo&go…"))
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(self.tr("Remove logo"))
        self.remove_button.clicked.connect(self.remove)
        editable = desk.actor.may(Permission.EDIT_SCHOOL)
        self.choose_button.setVisible(editable)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview)
        row.addWidget(self.choose_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self._editable = editable
        self.load()

    def load(self) -> None:
        data = school.logo(self.desk)
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.preview.setPixmap(pixmap.scaledToHeight(
                PREVIEW_HEIGHT, Qt.TransformationMode.SmoothTransformation))
        else:
            self.preview.setText(self.tr("No logo: letters show the school's name"))
        self.remove_button.setVisible(self._editable and data is not None)

    @classmethod
    def choose_file(cls, parent: QWidget) -> str:
        name, _ = QFileDialog.getOpenFileName(parent, parent.tr("Choose the school's logo"),
                                              str(Path.home()), "Pictures (*.png *.jpg *.jpeg)")
        return name

    def choose(self) -> None:
        name = self.choose_file(self)
        if not name:
            return
        try:
            try:
                data = Path(name).read_bytes()
            except OSError as error:
                raise ValidationError("logo", f"{Path(name).name} cannot be read: "
                                      f"{error.strerror}") from None
            school.set_logo(self.desk, data)
        except SencodeskError as error:
            explain(self, error)
            return
        self.load()

    def remove(self) -> None:
        try:
            school.set_logo(self.desk, None)
        except SencodeskError as error:
            explain(self, error)
            return
        self.load()
