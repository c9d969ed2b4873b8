"""What a form shows when its save is refused because someone else changed the record after
it was opened (StaleEdit): who and when, their version a click away, and what this person
typed kept in a read-only box to copy from, so nothing anyone wrote is lost."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.errors import StaleEdit


def typed_text(fields: Sequence[tuple[str, QWidget]]) -> str:
    """What was typed in a form, as text to copy: each field's label and the words in its text
    boxes (a composite field's in order); fields without words are skipped."""
    parts = []
    for label, widget in fields:
        boxes = [widget, *widget.findChildren(QWidget)]  # a composite field's boxes in order
        words = [_text_of(box) for box in boxes]
        words = [w for w in words if w.strip()]
        if words:
            parts.append(f"{label.replace('&', '')}:\n" + "\n".join(words))
    return "\n\n".join(parts)


def _text_of(box: QWidget) -> str:
    """The words typed in a box: text boxes only (a choice or a number is quick to set
    again; a spin box's or an editable combo's own line edit is skipped with it)."""
    if isinstance(box, QPlainTextEdit):
        return box.toPlainText()
    if isinstance(box, QLineEdit) and not isinstance(box.parentWidget(),
                                                     QAbstractSpinBox | QComboBox):
        return box.text()
    return ""


class StalePanel(QFrame):
    """Hidden until a save is refused as stale; then says who changed the record and when,
    offers "Reload their version" and keeps what was typed to copy."""

    reload_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Someone else changed this"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        # in a crowded column the box of typed text gives way, never the sentence above it
        self.message.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.typed = QPlainTextEdit()
        self.typed.setReadOnly(True)
        self.typed.setTabChangesFocus(True)
        self.typed.setAccessibleName(self.tr("What you typed (not saved)"))
        self.typed.setMinimumHeight(self.typed.fontMetrics().lineSpacing() * 3 + 12)
        self.reload_button = QPushButton(self.tr("&Reload their version"))
        self.copy_button = QPushButton(self.tr("Cop&y what I typed"))
        self.copy_button.clicked.connect(self.copy)
        self.reload_button.clicked.connect(self.reload_requested)
        typed_label = QLabel(self.tr("What you typed (not saved):"))
        typed_label.setBuddy(self.typed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(typed_label)
        layout.addWidget(self.typed)
        layout.addLayout(buttons)
        self.changed_by = ""
        self.hide()

    def refused(self, error: StaleEdit, typed: str, *, can_reload: bool) -> None:
        """Show the refusal; ``typed`` is what the form held when it was refused."""
        self.changed_by = error.changed_by
        when = self.tr(" at {when}").format(when=error.changed_at) if error.changed_at else ""
        self.message.setText(self.tr(
            "{who} changed this {what}{when} after you opened it, so your changes were not "
            "saved: they would have undone theirs. What you typed is kept below; {next}").format(
            who=error.changed_by, what=error.what, when=when,
            next=self.tr("reload their version and add what you still need.") if can_reload
            else self.tr("open it again to see their version and add what you still need.")))
        self.typed.setPlainText(typed)
        self.reload_button.setVisible(can_reload)
        self.show()
        (self.reload_button if can_reload else self.copy_button).setFocus()

    def reloaded(self, who: str) -> None:
        self.message.setText(self.tr(
            "{who}'s version is in the form now. What you typed is kept here: copy what you "
            "still need into the form and save again.").format(who=who))
        self.reload_button.hide()
        self.copy_button.setFocus()

    def copy(self) -> None:
        """What was typed, to the clipboard (for the form, an e-mail or a note)."""
        QGuiApplication.clipboard().setText(self.typed.toPlainText())
