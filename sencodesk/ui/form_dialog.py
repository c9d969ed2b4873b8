"""One dialog for every small "add or record something" form.

Fields are (key, label, widget); on Save the values go to ``save(values)``. A ValidationError
is shown under the field it names (matched by label), anything else user-facing at the foot;
the dialog stays open so nothing typed is lost.

A form that edits a versioned record is given the ``version`` it shows and a ``reload`` that
returns the record's fields and version afresh; ``save`` finds the version under
``values[VERSION]``. A save refused because someone else changed the record meanwhile
(StaleEdit) shows who and when, keeps what was typed to copy, and offers their version.
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

from sencodesk.domain.errors import SencodeskError, StaleEdit, ValidationError
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
from sencodesk.ui.stale_panel import StalePanel, typed_text

Field = tuple[str, str, QWidget]
#: Where ``save`` finds the version of the record the form shows (None if not versioned).
VERSION = "opened_version"
Reload = Callable[[], tuple[Sequence[Field], int]]


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
                 parent: QWidget | None = None, *, intro: str = "", version: int | None = None,
                 reload: Reload | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._save = save
        self.version = version
        self._reload = reload
        self.result_value: Any = None
        self.stale = StalePanel()
        self.stale.reload_requested.connect(self.reload)
        self.fields_scroll = FittingScroll(self._form_of(fields))
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
        layout.addWidget(self.stale)
        layout.addWidget(self.fields_scroll, 1)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(min(460, room(self).width()))
        fit_to_screen(self)
        self._initial = self.values()

    def _form_of(self, fields: Sequence[Field]) -> QWidget:
        """The fields laid out with a message line under each (kept in ``self.errors``)."""
        self.fields = list(fields)
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for _key, label, widget in self.fields:
            widget.setAccessibleName(label.replace("&", ""))
            self.errors[label.replace("&", "").casefold()] = error = error_label()
            holder = QVBoxLayout()
            holder.setSpacing(2)
            holder.addWidget(widget)
            holder.addWidget(error)
            form.addRow(field_label(label, widget), holder)
        fields_box = QWidget()
        column = QVBoxLayout(fields_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addStretch(1)  # spare height below the fields, not inside the text boxes
        return fields_box

    def reload(self) -> None:
        """Show the record as it is now (someone else's newer version) in place of the form;
        what was typed stays in the stale panel to copy."""
        if self._reload is None:
            return
        try:
            fields, self.version = self._reload()
        except SencodeskError as error:
            show_failure(error, self.general)
            return
        old = self.fields_scroll.takeWidget()
        self.fields_scroll.setWidget(self._form_of(fields))
        if old is not None:
            old.deleteLater()
        show_error(self.general, "")
        self._initial = self.values()
        self.stale.reloaded(self.stale.changed_by)
        if self.fields:
            self.fields[0][2].setFocus()

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
            values = self.values()
            if self.version is not None:
                values[VERSION] = self.version
            self.result_value = self._save(values)
        except StaleEdit as error:
            self.stale.refused(error, typed_text([(label, widget)
                                                  for _key, label, widget in self.fields]),
                               can_reload=self._reload is not None)
            return
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
            parent: QWidget | None = None, *, intro: str = "", version: int | None = None,
            reload: Reload | None = None) -> bool:
        return cls(title, fields, save, parent, intro=intro, version=version,
                   reload=reload).exec() == QDialog.DialogCode.Accepted
