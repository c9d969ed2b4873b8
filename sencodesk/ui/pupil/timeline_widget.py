"""A horizontal timeline of milestones on a date axis, today marked, each rule on hover."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from sencodesk.domain.clock import Milestone
from sencodesk.domain.dates import uk
from sencodesk.ui import looks

MARGIN = 24


class TimelineWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.milestones: list[Milestone] = []
        self.today = date.today()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Milestone timeline"))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(700, self.fontMetrics().height() * 7)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        # narrower than it likes, so the EHCP tab fits a 1366-pixel laptop screen
        return QSize(420, self.sizeHint().height())

    def set_milestones(self, milestones: Sequence[Milestone], today: date) -> None:
        self.milestones, self.today = sorted(milestones, key=lambda m: m.due), today
        self.setAccessibleDescription("; ".join(
            f"{m.label}: due {uk(m.due)}, {m.status.value}, {m.rule}"
            for m in self.milestones))
        self.update()

    def _span(self) -> tuple[date, date]:
        days = [m.due for m in self.milestones] + [self.today]
        start, end = min(days) - timedelta(days=7), max(days) + timedelta(days=7)
        return start, end

    def x_of(self, day: date) -> int:
        start, end = self._span()
        width = self.width() - 2 * MARGIN
        return MARGIN + round(width * (day - start).days / max((end - start).days, 1))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line_y = self.height() // 2
        painter.setPen(QPen(QColor("#9fb3bf"), 2))
        painter.drawLine(MARGIN, line_y, self.width() - MARGIN, line_y)
        if not self.milestones:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No milestones"))
            return
        metrics = self.fontMetrics()
        # Labels alternate above and below the line; one that would overlap the last label on
        # its side is left out (the table below and the tooltip still give every date).
        last_right = {True: -10**6, False: -10**6}
        for number, m in enumerate(self.milestones):
            x = self.x_of(m.due)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(looks.dot(m))
            painter.drawEllipse(QPoint(x, line_y), 7, 7)
            painter.setPen(QColor("#1d2a33"))
            above = number % 2 == 0
            text = f"{m.due:%d/%m}"
            left = x - metrics.horizontalAdvance(text) // 2
            if left <= last_right[above] + 4:
                continue
            last_right[above] = left + metrics.horizontalAdvance(text)
            y = line_y - 14 if above else line_y + 14 + metrics.ascent()
            painter.drawText(left, y, text)
        x = self.x_of(self.today)
        painter.setPen(QPen(QColor("#a4161a"), 2, Qt.PenStyle.DashLine))
        painter.drawLine(x, MARGIN // 2, x, self.height() - MARGIN // 2)
        label = self.tr("today")
        width = metrics.horizontalAdvance(label)
        # right of the line, or left of it where the line is near the right edge
        left = x + 4 if x + 4 + width <= self.width() else x - 4 - width
        painter.drawText(QRect(left, 0, width + 2, metrics.height()),
                         Qt.AlignmentFlag.AlignLeft, label)

    def milestone_at(self, x: int) -> Milestone | None:
        near = [(abs(self.x_of(m.due) - x), m) for m in self.milestones]
        found = min(near, default=None, key=lambda pair: pair[0])
        return found[1] if found and found[0] <= 10 else None

    def event(self, event: object) -> bool:
        if isinstance(event, QHelpEvent):
            found = self.milestone_at(event.pos().x())
            if found:
                QToolTip.showText(event.globalPos(), f"{found.label}\n{uk(found.due)} · "
                                  f"{found.status.value}\n{found.rule}", self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)  # type: ignore[arg-type]
