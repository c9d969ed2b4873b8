"""Ticked lists for the teaching-group forms: teachers of a group, pupils to put in it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget


class TickList(QListWidget):
    """Items to tick (those ticked first); :meth:`value` is the ids of those ticked."""

    def __init__(self, items: Sequence[tuple[str, int]], ticked: Iterable[int] = (),
                 *, lines: int = 6) -> None:
        super().__init__()
        chosen = set(ticked)
        # those ticked first, so a group's teachers show without scrolling
        for text, item_id in sorted(items, key=lambda item: item[1] not in chosen):
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if item_id in chosen
                               else Qt.CheckState.Unchecked)
            self.addItem(item)
        self.setMinimumHeight(self.sizeHintForRow(0) * lines + 8 if items else 40)
        # Space ticks the current item, as in any list of check boxes
        self.itemActivated.connect(self._toggle)

    def _toggle(self, item: QListWidgetItem) -> None:
        item.setCheckState(Qt.CheckState.Unchecked if item.checkState() == Qt.CheckState.Checked
                           else Qt.CheckState.Checked)

    def value(self) -> tuple[int, ...]:
        return tuple(int(self.item(row).data(Qt.ItemDataRole.UserRole))
                     for row in range(self.count())
                     if self.item(row).checkState() == Qt.CheckState.Checked)


class FilteredTickList(QWidget):
    """A :class:`TickList` with a box above it that narrows the list as you type."""

    def __init__(self, items: Sequence[tuple[str, int]], *, placeholder: str) -> None:
        super().__init__()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(placeholder)
        self.filter.setAccessibleName(placeholder)
        self.list = TickList(items, lines=10)
        self.list.setAccessibleName(placeholder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.setFocusProxy(self.filter)
        self.filter.textChanged.connect(self._narrow)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Typing a name is the first thing to do in a form that opens with this."""
        super().showEvent(event)
        self.filter.setFocus()

    def _narrow(self, text: str) -> None:
        wanted = text.strip().casefold()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(wanted) and wanted not in item.text().casefold()
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        if first is not None:
            self.list.setCurrentItem(first)

    def value(self) -> tuple[int, ...]:
        return self.list.value()
