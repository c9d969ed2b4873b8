"""The one date box of the app: typed as people type dates, shown back as it was understood.

It takes ``1/10/26``, ``01/10/2026``, ``011026``, ``2026-10-01`` or a pasted date, selects all
of itself when it gets the focus (so typing replaces the date), lets Tab move on, and on leaving
shows the date back as dd/mm/yyyy, or says beside itself that it cannot read it. A form reading
a date it cannot read gets a ValidationError naming the field, so nothing wrong is saved.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent, QMouseEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from sencodesk.domain import dates
from sencodesk.domain.errors import ValidationError


class _Box(QLineEdit):
    """Selects all of itself when it gets the focus and at the first click after that, so what
    is typed replaces the whole date (Qt's date box selected only the day, and typed digits ran
    on into the month). A second click places the cursor, to mend one digit."""

    _clicked = False

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        self._clicked = False
        self.selectAll()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if not self._clicked and not self.hasSelectedText():
            self.selectAll()
        self._clicked = True


class DateField(QWidget):
    """A required date (or, with ``optional``, one that may be left blank)."""

    changed = Signal()

    def __init__(self, value: date | None = None, *, name: str = "",
                 optional: bool = False, today: date | None = None) -> None:
        super().__init__()
        self.optional = optional
        self._today = today
        self.edit = _Box(dates.uk(value))
        self.edit.setPlaceholderText(self.tr("dd/mm/yyyy") + (self.tr(" or blank")
                                                              if optional else ""))
        width = self.edit.fontMetrics().horizontalAdvance("00/00/00000 or blank")
        self.edit.setMinimumWidth(width)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout = QVBoxLayout(self)  # the message just below the box, as wide as the form
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)
        self.setFocusProxy(self.edit)
        self.setFocusPolicy(self.edit.focusPolicy())  # so a label's Alt+letter reaches it
        self.edit.editingFinished.connect(self._understood)
        self.edit.textEdited.connect(lambda _text: self.changed.emit())
        if name:
            self.setAccessibleName(name)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def _field(self) -> str:
        return (self.accessibleName() or self.tr("date")).casefold()

    def _read(self) -> date | None:
        text = self.edit.text()
        if self.optional and not text.strip():
            return None
        today = self._today or date.today()
        return dates.parse(text, today=today, field=self._field())

    def _understood(self) -> None:
        """On leaving: show back what was understood, or say what is wrong."""
        try:
            value = self._read()
        except ValidationError as error:
            self._say(error.message)
            return
        self._say("")
        self.edit.setText(dates.uk(value))

    def _say(self, message: str) -> None:
        self.message.setText(message[:1].upper() + message[1:])
        self.message.setVisible(bool(message))

    def value(self) -> date | None:
        """The date typed; None only if optional and blank. ValidationError if unreadable."""
        try:
            value = self._read()
        except ValidationError as error:
            self._say(error.message)
            raise
        return value

    def day(self) -> date:
        """The date typed, which must be there."""
        value = self.value()
        if value is None:
            raise ValidationError(self._field(), f"enter a date as {dates.HINT}")
        return value

    def set_value(self, value: date | None) -> None:
        self.edit.setText(dates.uk(value))
        self._say("")

    def is_blank(self) -> bool:
        return not self.edit.text().strip()
