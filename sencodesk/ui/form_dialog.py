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
from sencodesk.ui.common import (
    ValueCombo,
    confirm,
    error_label,
    field_label,
    say_saved,
    show_error,
    show_failure,
)
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
    reader = getattr(widget, "value", None)  # a small composite field of its own
    if callable(reader):
        return reader()
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
        self._initial = self.values()

    def reject(self) -> None:
        """Cancel, Escape or closing the window: typed text is not thrown away unasked."""
        if self._changed() and not confirm(self, self.tr("Discard changes"),
                                           self.tr("Close without saving what you typed?")):
            return
        super().reject()

    def _changed(self) -> bool:
        try:
            return bool(self.values() != self._initial)
        except (ValueError, SencodeskError):  # half-typed: certainly changed
            return True

    def values(self) -> dict[str, Any]:
        return {key: value_of(widget) for key, _label, widget in self.fields}

    def accept_form(self) -> None:
        for label in [*self.errors.values(), self.general]:
            show_error(label, "")
        try:
            self.result_value = self._save(self.values())
        except SencodeskError as error:
            show_failure(error, self.general, self._beside(error))
            return
        say_saved(self.parentWidget())
        self.accept()

    def _beside(self, error: SencodeskError) -> dict[str, QLabel]:
        """The message line for the field a ValidationError names: by the field's key (as
        services name it) or its label."""
        if not isinstance(error, ValidationError):
            return {}
        named = error.field.casefold()
        for key, label, _widget in self.fields:
            if named in (key.casefold(), label.replace("&", "").casefold()):
                return {error.field: self.errors[label.replace("&", "").casefold()]}
        return {}

    @classmethod
    def ask(cls, title: str, fields: Sequence[Field], save: Callable[[dict[str, Any]], Any],
            parent: QWidget | None = None, *, intro: str = "") -> bool:
        return cls(title, fields, save, parent, intro=intro).exec() == QDialog.DialogCode.Accepted
