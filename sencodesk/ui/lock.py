"""Auto-lock: after N idle minutes every window of the app is covered and asks for the password.

Nothing is closed, so whatever was being typed (in the main window or in a dialog) is still
there on unlock. While locked, each window shows only the lock screen: the widgets under it are
disabled (Tab, Space and Ctrl+C cannot reach them), shortcuts do nothing, pop-ups close, window
titles say "locked", and a window that opens meanwhile (a document finishing in the
background) is covered as it appears. The password typed in any window unlocks them all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sencodesk.ui.common import error_label, password_field, show_error

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
    """Covers one window; emits ``unlocked`` when ``check(password)`` says yes."""

    unlocked = Signal()

    def __init__(self, who: str, check: Callable[[str], bool], parent: QWidget, *,
                 compact: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("lockOverlay")
        self.setStyleSheet("QFrame#lockOverlay { background: #f6f8f9; }")
        self.setAutoFillBackground(True)
        self._check = check
        title = QLabel(self.tr("sencodesk is locked"))
        title.setObjectName("lockTitle")
        title.setWordWrap(True)
        note = QLabel(self.tr("Locked to protect pupils' records. Your work is kept. "
                              "Enter the password for {who} to carry on.").format(who=who))
        note.setWordWrap(True)
        self.password = password_field(self.tr("Password"))
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.returnPressed.connect(self.try_unlock)
        self.message = error_label()
        self.button = QPushButton(self.tr("Unlock"))
        self.button.setObjectName("primary")
        self.button.clicked.connect(self.try_unlock)
        box = QFrame()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        for widget in (title, note, self.password, self.message, self.button):
            inner.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        if compact:  # a dialog: the text takes the dialog's width
            note.setMinimumWidth(note.fontMetrics().averageCharWidth() * 44)
            layout.addWidget(box)
            layout.setContentsMargins(16, 12, 16, 12)
        else:  # the main window: a column of readable width, wrapped text never clipped
            box.setFixedWidth(note.fontMetrics().averageCharWidth() * 56)
            note.setMinimumHeight(note.heightForWidth(box.width()))
            layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
            layout.setContentsMargins(80, 40, 80, 40)
        layout.addStretch(2)
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
        if not self.password.text():
            self.password.setFocus()
            return
        if self._check(self.password.text()):
            self.hide()
            self.unlocked.emit()
        else:
            show_error(self.message, self.tr("That password is not right."))
            self.password.clear()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Keys stop here: Escape or Enter must not reach the dialog underneath."""
        event.accept()

_UNCOVERED = (Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen)


@dataclass
class _Cover:
    window: QWidget
    overlay: LockOverlay
    disabled: list[QWidget]
    focus: QWidget | None
    title: str
    geometry: QRect
    minimum: QSize
    maximum: QSize
    resized: bool = field(default=False)


class LockGuard(QObject):
    """Covers every window of the app while locked; ``unlocked`` when the password is right."""

    unlocked = Signal()

    def __init__(self, who: str, check: Callable[[str], bool], main: QWidget) -> None:
        super().__init__(main)
        self._who, self._check, self._main = who, check, main
        self._covers: dict[int, _Cover] = {}

    @property
    def locked(self) -> bool:
        return bool(self._covers)

    def overlay_for(self, window: QWidget) -> LockOverlay | None:
        cover = self._covers.get(id(window))
        return cover.overlay if cover else None

    def lock(self) -> None:
        if self.locked:
            return
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.close()
        self._cover(self._main)
        for window in QApplication.topLevelWidgets():
            if window is not self._main and self._coverable(window):
                self._cover(window)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        (QApplication.activeModalWidget() or self._main).activateWindow()

    @staticmethod
    def _coverable(window: QWidget) -> bool:
        return window.isWindow() and window.isVisible() and window.windowType() not in _UNCOVERED

    def _cover(self, window: QWidget) -> None:
        if id(window) in self._covers:
            return
        overlay = LockOverlay(self._who, self._check, window, compact=window is not self._main)
        children = window.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        cover = _Cover(window, overlay,
                       [child for child in children if child is not overlay
                        and not child.isWindow() and child.isEnabled()],
                       window.focusWidget(), window.windowTitle(), window.geometry(),
                       window.minimumSize(), window.maximumSize())
        for child in cover.disabled:
            child.setEnabled(False)
        window.setWindowTitle(self.tr("sencodesk (locked)"))
        need = overlay.minimumSizeHint().expandedTo(window.size())
        need.setHeight(max(need.height(), overlay.heightForWidth(need.width()),
                           overlay.sizeHint().height()))
        if need.width() > window.width() or need.height() > window.height():
            wanted = need.expandedTo(window.size())
            window.setMaximumSize(wanted.expandedTo(window.maximumSize()))
            window.setMinimumSize(wanted)
            window.resize(wanted)
            cover.resized = True
        overlay.unlocked.connect(self.unlock)
        overlay.lock()
        self._covers[id(window)] = cover

    def unlock(self) -> None:
        self.release()
        self.unlocked.emit()

    def release(self) -> None:
        """Uncover every window and stop watching, without a password: the main window is
        closing (any question about unsaved work was asked, covered, before this)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        covers, self._covers = list(self._covers.values()), {}
        for cover in covers:
            try:
                cover.overlay.hide()
                cover.overlay.deleteLater()
                for child in cover.disabled:
                    child.setEnabled(True)
                cover.window.setWindowTitle(cover.title)
                if cover.resized:
                    cover.window.setMinimumSize(cover.minimum)
                    cover.window.setMaximumSize(cover.maximum)
                    cover.window.setGeometry(cover.geometry)
                    QApplication.postEvent(cover.window, QEvent(QEvent.Type.LayoutRequest))
                if cover.focus is not None:
                    cover.focus.setFocus()
            except RuntimeError:  # the window was deleted meanwhile
                continue

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.Shortcut:
            return not self._inside_overlay(watched)
        if not isinstance(watched, QWidget) or not watched.isWindow():
            return False
        if kind == QEvent.Type.Show and watched.windowType() not in _UNCOVERED:
            self._cover(watched)
        elif kind == QEvent.Type.Resize and (cover := self._covers.get(id(watched))):
            cover.overlay.setGeometry(watched.rect())
        elif kind == QEvent.Type.LayoutRequest and (cover := self._covers.get(id(watched))) \
                and cover.resized:
            return True  # a message box would shrink back to its text and clip the lock screen
        return False

    def _inside_overlay(self, watched: QObject) -> bool:
        node: QObject | None = watched
        while node is not None:
            if isinstance(node, LockOverlay):
                return True
            node = node.parent()
        return False
