"""Auto-lock: after N idle minutes the window is covered and asks for the password again.

The covered screens are not closed, so whatever was being typed is still there on unlock.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sencodesk.ui.common import error_label, show_error

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
             QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class IdleWatcher(QObject):
    """Emits ``idle`` after ``milliseconds`` with no keyboard or mouse input in the app."""

    idle = Signal()

    def __init__(self, milliseconds: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_interval(milliseconds)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_interval(self, milliseconds: int) -> None:
        self.timer.setInterval(milliseconds)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockOverlay(QFrame):
    """Covers the main window; unlocks when ``check(password)`` says yes."""

    unlocked = Signal()

    def __init__(self, who: str, check: Callable[[str], bool], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockOverlay")
        self.setStyleSheet("QFrame#lockOverlay { background: #f6f8f9; }")
        self.setAutoFillBackground(True)
        self._check = check
        title = QLabel(self.tr("sencodesk is locked"))
        title.setObjectName("lockTitle")
        note = QLabel(self.tr("Locked to protect pupils' records. Your work is kept. "
                              "Enter the password for {who} to carry on.").format(who=who))
        note.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.returnPressed.connect(self.try_unlock)
        self.message = error_label()
        button = QPushButton(self.tr("Unlock"))
        button.setObjectName("primary")
        button.clicked.connect(self.try_unlock)
        box = QFrame()
        box.setMaximumWidth(420)
        inner = QVBoxLayout(box)
        for widget in (title, note, self.password, self.message, button):
            inner.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        layout.setContentsMargins(80, 40, 80, 40)
        self.hide()

    def lock(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.password.clear()
        show_error(self.message, "")
        self.show()
        self.raise_()
        self.password.setFocus()

    def try_unlock(self) -> None:
        if self._check(self.password.text()):
            self.hide()
            self.unlocked.emit()
        else:
            show_error(self.message, self.tr("That password is not right."))
            self.password.clear()
