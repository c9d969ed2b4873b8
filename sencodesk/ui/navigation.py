"""The sidebar of sections. Choosing a row shows that section; receiving the keyboard focus
does not choose one."""

from __future__ import annotations

from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QListWidget


class NavigationList(QListWidget):
    """Qt's list picks its first row whenever it gets the focus with no row chosen. Focus reaches
    the sidebar without the person asking for a section: when the focused field of a pupil's tab
    is hidden, when a dialog closes, with Shift+Tab. With a pupil open no row is chosen, so that
    pick would close the pupil and show Due. Here focus only highlights; a click or an arrow
    key chooses."""

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        if self.currentRow() >= 0:
            super().focusInEvent(event)
            return
        blocked = self.blockSignals(True)
        try:
            super().focusInEvent(event)
            self.selectionModel().clearCurrentIndex()
        finally:
            self.blockSignals(blocked)
