"""Small pieces every screen uses: error display, section titles, table setup (UK dates are
written by ``sencodesk.domain.dates``; ``uk`` is here for the screens that show them)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QWidget,
)

from sencodesk.domain.dates import uk as uk
from sencodesk.domain.errors import SencodeskError, ValidationError

T = TypeVar("T")

def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("heading")
    label.setAccessibleName(text)
    return label


def field_label(text: str, field: QWidget) -> QLabel:
    """A form label whose Alt+letter (the letter after ``&``) moves to ``field``. QFormLayout
    does this itself only when the field is a widget; a field held in a layout (with its
    message line) needs it said, or the label shows a literal '&'."""
    label = QLabel(text)
    label.setBuddy(field)
    return label


def password_field(name: str = "") -> QLineEdit:
    """A line that shows dots for what is typed; ``name`` for screen readers (a form row's
    label names the field otherwise)."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    if name:
        field.setAccessibleName(name)
    return field


def error_label() -> QLabel:
    """An inline message line for the field or form above it; empty until something is wrong."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def show_error(label: QLabel, message: str) -> None:
    """Show ``message`` under its field (or hide the line when empty), all of it: a dialog's
    layout does not grow for wrapped text by itself, so the label asks for its lines' height."""
    label.setText(message)
    label.setVisible(bool(message))
    label.setMinimumHeight(0)
    window = label.window()
    layout = window.layout()
    if message and layout is not None and window.isVisible():
        layout.activate()
        label.setMinimumHeight(label.heightForWidth(label.width()))
        layout.activate()
        needed = layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth() \
            else layout.totalMinimumSize().height()
        if window.isWindow() and window.height() < needed:  # wrapped text: Qt won't grow it
            window.resize(window.width(), needed)


def say_saved(widget: QWidget | None, text: str = "Saved.") -> None:
    """A short confirmation in the main window's status bar (when there is one)."""
    window = widget.window() if widget is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 5000)


def sentence(text: str) -> str:
    """Upper-case the first letter only (str.capitalize() would lower-case 'UPN' and 'B')."""
    return text[:1].upper() + text[1:]


def error_text(error: SencodeskError) -> str:
    """What a person reads for this error when it stands alone (a dialog, a form's foot)."""
    return error.describe() if isinstance(error, ValidationError) else str(error)


def show_failure(error: BaseException, general: QLabel,
                 fields: Mapping[str, QLabel] | None = None) -> None:
    """The one way a form shows what went wrong: a ValidationError beside the field it names
    (by the field's id, so it survives translated labels), anything else user-facing at the
    form's foot. Errors not meant for users go on to the global handler."""
    if not isinstance(error, SencodeskError):
        raise error
    target = fields.get(error.field) if fields and isinstance(error, ValidationError) else None
    if target is not None and isinstance(error, ValidationError):
        show_error(target, sentence(error.message))
    else:
        show_error(general, error_text(error))


def explain(parent: QWidget | None, error: BaseException, *, title: str = "") -> None:
    """Show a user-facing error in a dialog. Unexpected errors go to the global handler."""
    if not isinstance(error, SencodeskError):
        raise error
    QMessageBox.warning(parent, title or "sencodesk", error_text(error))


MAX_COLUMN = 320


def fit_columns(view: QTableView) -> None:
    """Size columns to what they hold (judging by the first hundred rows), capped, so a long
    summary does not push the others off screen."""
    header = view.horizontalHeader()
    view.resizeColumnsToContents()
    for column in range(header.count() - 1):
        if header.sectionSize(column) > MAX_COLUMN:
            header.resizeSection(column, MAX_COLUMN)


def configure_table(view: QTableView, *, name: str, fit: bool = True) -> None:
    """The house style for a read-only table: whole rows, sortable, columns fitted to content
    whenever the records change."""
    view.horizontalHeader().setResizeContentsPrecision(100)
    model = view.model()
    if model is not None and fit:
        model.modelReset.connect(lambda: fit_columns(view))
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    # keep the order the records come in (soonest first, by row...) until a header is clicked;
    # Qt would otherwise sort by the first column, descending
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def table_view(model: QAbstractItemModel, name: str) -> QTableView:
    """A read-only table in the house style over ``model``."""
    view = QTableView()
    view.setModel(model)
    configure_table(view, name=name)
    return view


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class ValueCombo(QComboBox, Generic[T]):
    """A drop-down whose choices carry Python values as they are. (Qt turns a str-based enum
    stored as item data into a plain str, so ``currentData()`` would lose the type.)"""

    def __init__(self, items: Iterable[tuple[str, T]] = (), current: T | None = None, *,
                 name: str = "") -> None:
        super().__init__()
        self._values: list[T] = []
        for text, value in items:
            self.add(text, value)
        if current is not None:
            self.select(current)
        if name:
            self.setAccessibleName(name)

    def add(self, text: str, value: T) -> None:
        self.addItem(text)
        self._values.append(value)

    def clear_choices(self) -> None:
        self.clear()
        self._values.clear()

    def value(self) -> T | None:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def values(self) -> list[T]:
        return list(self._values)

    def select(self, value: T | None) -> bool:
        """Choose the item holding ``value``; False if there is none."""
        if value in self._values:
            self.setCurrentIndex(self._values.index(value))
            return True
        return False
