"""One dialog for every small "add or record something" form.

Fields are (key, label, widget); on Save the values go to ``save(values)``. A ValidationError
is shown under the field it names (matched by label), anything else user-facing at the foot;
the dialog stays open so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.errors import SencodeskError, ValidationError
from sencodesk.ui.common import ValueCombo, error_label, field_label, sentence, show_error
from sencodesk.ui.date_field import DateField
from sencodesk.ui.fit import FittingScroll, fit_to_screen, room

Field = tuple[str, str, QWidget]


def value_of(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, DateField):
        return widget.value()
    if isinstance(widget, ValueCombo):
        return widget.value()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    raise TypeError(f"no value for {type(widget).__name__}")


def text_area(text: str = "", *, lines: int = 3) -> QPlainTextEdit:
    area = QPlainTextEdit(text)
    area.setTabChangesFocus(True)
    metrics = area.fontMetrics()
    area.setMinimumHeight(metrics.lineSpacing() * lines + 12)
    return area


def combo(items: Sequence[tuple[str, Any]], current: Any = None) -> ValueCombo[Any]:
    return ValueCombo(items, current)


class FormDialog(QDialog):
    def __init__(self, title: str, fields: Sequence[Field], save: Callable[[dict[str, Any]], Any],
                 parent: QWidget | None = None, *, intro: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._save = save
        self.fields = list(fields)
        self.result_value: Any = None
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label, widget in self.fields:
            widget.setAccessibleName(label.replace("&", ""))
            self.errors[label.replace("&", "").casefold()] = error = error_label()
            holder = QVBoxLayout()
            holder.setSpacing(2)
            holder.addWidget(widget)
            holder.addWidget(error)
            form.addRow(field_label(label, widget), holder)
            del key
        self.general = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept_form)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if intro:
            note = QLabel(intro)
            note.setWordWrap(True)
            layout.addWidget(note)
        fields_box = QWidget()
        column = QVBoxLayout(fields_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addStretch(1)  # spare height below the fields, not inside the text boxes
        layout.addWidget(FittingScroll(fields_box), 1)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(min(460, room(self).width()))
        fit_to_screen(self)

    def values(self) -> dict[str, Any]:
        return {key: value_of(widget) for key, _label, widget in self.fields}

    def accept_form(self) -> None:
        for label in [*self.errors.values(), self.general]:
            show_error(label, "")
        try:
            self.result_value = self._save(self.values())
        except ValidationError as error:
            target = self.errors.get(error.field.casefold(), self.general)
            prefix = "" if target is not self.general else f"{sentence(error.field)}: "
            show_error(target, prefix + error.message)
            return
        except SencodeskError as error:
            show_error(self.general, str(error))
            return
        self.accept()

    @classmethod
    def ask(cls, title: str, fields: Sequence[Field], save: Callable[[dict[str, Any]], Any],
            parent: QWidget | None = None, *, intro: str = "") -> bool:
        return cls(title, fields, save, parent, intro=intro).exec() == QDialog.DialogCode.Accepted
