"""The Help menu's pages: keyboard shortcuts, where the data lives, about."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from sencodesk import __version__, paths
from sencodesk.services import backups, location
from sencodesk.ui import viewing

#: Keys that work inside screens rather than through the menus.
OTHER_KEYS = (
    ("Tab / Shift+Tab", "Next / previous field"),
    ("Ctrl+Tab / Ctrl+Shift+Tab", "Next / previous tab of a pupil's file"),
    ("Enter or double-click", "Open the chosen pupil, deadline or contact-log entry"),
    ("Escape", "Close a dialog (it asks first if you typed something)"),
)


def shortcuts_html(actions: Iterable[QAction]) -> str:
    """A table of every menu shortcut, then the keys that work inside screens."""
    rows = [(a.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
             a.text().replace("&", "").rstrip("…"))
            for a in actions if not a.shortcut().isEmpty()]
    rows += OTHER_KEYS
    cells = "".join(f"<tr><td><b>{escape(key)}</b>&nbsp;&nbsp;</td><td>{escape(what)}</td></tr>"
                    for key, what in rows)
    return f"<table>{cells}</table>"


def where_html(data_dir: Path) -> str:
    places = (
        ("Case file (encrypted)", location.case_file_path(data_dir)),
        ("Attached documents (encrypted)", location.documents_path(data_dir)),
        ("Automatic backups (encrypted)", backups.backup_folder(data_dir)),
        ("Log (no pupil data)", paths.log_dir()),
        ("Documents opened for viewing (removed on lock and close)", viewing.folder()),
    )
    items = "".join(f"<p><b>{escape(what)}</b><br>{escape(str(where))}</p>"
                    for what, where in places)
    return (items + "<p>Copy the automatic backups to the school's secure storage regularly: "
            "a backup opens only with a staff password.</p>")


def show(parent: QWidget, title: str, html: str) -> None:
    box = QMessageBox(QMessageBox.Icon.NoIcon, title, html, QMessageBox.StandardButton.Close,
                      parent)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.exec()


def about_html() -> str:
    return (f"<b>sencodesk</b> {escape(__version__)}<br>The SENCO's case file: SEND register, "
            "passports, APDR cycles and EHCP deadlines, encrypted on this computer.")
