"""Windows that fit the screen they are on: a 1366x768 laptop less its taskbar, at 100-150%.

A form taller than the screen scrolls inside itself, with its buttons kept below the scrolled
part; a window is never sized, restored or grown past the screen's available area.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# room for the window manager's title bar and borders, which Qt's sizes leave out
FRAME_ALLOWANCE = QSize(16, 40)


def available(widget: QWidget | None = None) -> QRect:
    """The part of the screen windows may use (without taskbars and docks)."""
    screen = (widget.screen() if widget is not None else None) \
        or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def room(widget: QWidget | None = None) -> QSize:
    """The largest client size a window can have and still show its title bar and edges."""
    area = available(widget).size()
    return QSize(max(area.width() - FRAME_ALLOWANCE.width(), 200),
                 max(area.height() - FRAME_ALLOWANCE.height(), 200))


def fit_to_screen(window: QWidget, wanted: QSize | None = None) -> None:
    """Size ``window`` to ``wanted`` (its size hint by default), but no larger than the
    screen allows, and move it back on screen if it lies partly off."""
    limit = room(window)
    want = wanted or window.sizeHint()
    window.resize(min(want.width(), limit.width()), min(want.height(), limit.height()))
    area = available(window)
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.x()), max(area.right() - frame.width(), area.x()))
    y = min(max(frame.y(), area.y()), max(area.bottom() - frame.height(), area.y()))
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


class FittingScroll(QScrollArea):
    """A scroll area that asks for all of its content's room (Qt's asks for a fixed small box)
    but can shrink to a few lines, so the window holding it fits any screen.

    It takes no keyboard focus itself: a form opened in it has its first field ready for
    typing (Qt gives a new window's focus to the scroll area otherwise, and what is typed is
    lost), and Tab still scrolls each field into view."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:  # noqa: N802
        content = self.widget()
        if content is None:
            return super().sizeHint()
        hint = content.sizeHint().expandedTo(content.minimumSizeHint())
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(hint.width() + bar, hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        content = self.widget()
        width = content.minimumSizeHint().width() if content is not None else 0
        return QSize(min(width, 360), self.fontMetrics().lineSpacing() * 6)
