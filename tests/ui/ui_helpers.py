"""Driving dialogs in tests without blocking on exec()."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from sencodesk.domain.dates import uk
from sencodesk.ui.common import ValueCombo
from sencodesk.ui.date_field import DateField
from sencodesk.ui.form_dialog import FormDialog, Reload


def set_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    elif isinstance(widget, DateField):
        type_date(widget, uk(value))
    elif isinstance(widget, ValueCombo):
        assert widget.select(value), f"{value!r} is not a choice"
    elif isinstance(widget, QComboBox):
        index = next((i for i in range(widget.count()) if widget.itemData(i) == value
                      or widget.itemText(i) == str(value)), -1)
        assert index >= 0, f"{value!r} is not a choice"
        widget.setCurrentIndex(index)
    elif isinstance(widget, QSpinBox):
        widget.setValue(value)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(value)
    elif isinstance(value, dict):  # a row of several widgets: its parts by attribute name
        for part, part_value in value.items():
            set_value(getattr(widget, part), part_value)
    else:
        raise TypeError(type(widget).__name__)


def type_date(field: DateField, text: str) -> None:
    """Select what the box holds and type ``text`` over it, then leave with Tab."""
    QTest.keyClick(field.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(field.edit, Qt.Key.Key_Delete)
    QTest.keyClicks(field.edit, text)
    QTest.keyClick(field.edit, Qt.Key.Key_Tab)


@contextmanager
def answering_forms(monkeypatch: pytest.MonkeyPatch,
                    *answers: dict[str, Any]) -> Iterator[list[FormDialog]]:
    """Each FormDialog.ask takes the next answers (field key -> value), presses Save, and is
    kept in the yielded list so a test can read its messages."""
    queue = list(answers)
    shown: list[FormDialog] = []

    def ask(cls: type[FormDialog], title: str, fields: Any, save: Callable[..., Any],
            parent: QWidget | None = None, *, intro: str = "", version: int | None = None,
            reload: Reload | None = None) -> bool:
        dialog = cls(title, fields, save, parent, intro=intro, version=version, reload=reload)
        for key, value in queue.pop(0).items():
            widget = next(w for k, _label, w in dialog.fields if k == key)
            set_value(widget, value)
        dialog.accept_form()
        shown.append(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(FormDialog, "ask", classmethod(ask))
    yield shown


@contextmanager
def driving(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
            drive: Callable[[FormDialog], None]) -> Iterator[list[FormDialog]]:
    """FormDialog.ask shows the real dialog and lets ``drive`` type and click in it."""
    shown: list[FormDialog] = []

    def ask(cls: type[FormDialog], title: str, fields: Any, save: Callable[..., Any],
            parent: QWidget | None = None, *, intro: str = "", version: int | None = None,
            reload: Reload | None = None) -> bool:
        dialog = cls(title, fields, save, parent, intro=intro, version=version, reload=reload)
        qtbot.addWidget(dialog)
        dialog.show()
        shown.append(dialog)
        drive(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(FormDialog, "ask", classmethod(ask))
    yield shown


def form_field(dialog: FormDialog, key: str) -> Any:
    return next(widget for k, _label, widget in dialog.fields if k == key)


def save_form(qtbot: QtBot, dialog: FormDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


__all__ = ["answering_forms", "date", "driving", "form_field", "save_form", "set_value",
           "type_date"]
