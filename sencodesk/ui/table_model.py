"""One Qt table model for every list of plain records: columns are (title, getter) pairs.

Sorting uses the raw value (dates sort as dates), display uses the text form.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from sencodesk.domain.dates import uk

T = TypeVar("T")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class Column(Generic[T]):
    def __init__(self, title: str, value: Callable[[T], Any],
                 text: Callable[[Any], str] | None = None,
                 tooltip: Callable[[T], str] | None = None) -> None:
        self.title, self.value, self.tooltip = title, value, tooltip
        self.text = text or _text


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return uk(value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


class RecordTableModel(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[Column[T]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.records: list[T] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_records(self, records: Sequence[T]) -> None:
        self.beginResetModel()
        self.records = self._sorted(list(records))
        self.endResetModel()

    def _sorted(self, records: list[T]) -> list[T]:
        if self._sort is None:
            return records
        column, order = self._sort
        getter = self.columns[column].value

        def key(record: T) -> tuple[int, Any]:
            value = getter(record)
            return (value is None, value if value is not None else 0)

        return sorted(records, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens here, in Python, on the raw values: one pass, no per-comparison
        calls through Qt (which made a 2,000-row register slow to re-sort). Column -1 (no sort
        indicator) keeps the order the records were given in."""
        if column < 0:
            self._sort = None
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self.records = self._sorted(self.records)
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.records[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(column.value(record))
        if role == SORT_ROLE:
            value = column.value(record)
            if isinstance(value, date):
                return value.toordinal()
            return "" if value is None else value
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        if role == RECORD_ROLE:
            return record
        return None

    def record(self, row: int) -> T:
        return self.records[row]
