"""Open windows learn of what others saved: about once a second the main window asks whether
anything was committed to the case file since it last looked (another process, such as a
command, or a colleague), and if so the lists it shows are read again."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from sencodesk.domain.errors import SencodeskError
from sencodesk.services import changes
from sencodesk.services.context import Desk

INTERVAL_MS = 1000  # lists show another's change within two seconds at most


class ChangeWatcher(QObject):
    """Emits ``changed`` when the case file has been written since the last look."""

    changed = Signal()

    def __init__(self, desk: Desk, parent: QObject | None = None, *,
                 interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.desk = desk
        self._token: changes.Token | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.look)
        self.look()  # the starting point
        self.timer.start()

    def look(self) -> None:
        try:
            changed, self._token = changes.changes_since(self.desk, self._token)
        except SencodeskError:  # the file busy or away for a moment: ask again next time
            return
        if changed:
            self.changed.emit()

    def stop(self) -> None:
        self.timer.stop()
