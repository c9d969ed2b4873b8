"""Alt and a letter does what the screen shows: no button or field label on a page underlines
the same letter as a menu of the menu bar, which would take the keypress instead (Alt+P opened
the Pupil menu rather than the Reports page's Preview)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from sencodesk.services.context import Desk
from sencodesk.ui.main_window import MainWindow

_MNEMONIC = re.compile(r"&([^&\s])")


def _letter(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def _shown_letters(page: QWidget) -> dict[str, str]:
    letters: dict[str, str] = {}
    for widget in page.findChildren(QAbstractButton) + page.findChildren(QLabel):
        if widget.isVisibleTo(page) and (letter := _letter(widget.text())):
            letters.setdefault(letter, widget.text())
    return letters


def test_no_page_underlines_a_menu_bar_letter(qtbot: QtBot, demo_desk: Desk) -> None:
    window = MainWindow(demo_desk)
    qtbot.addWidget(window)
    window.show()
    menus = {_letter(action.text()): action.text() for action in window.menuBar().actions()}
    clashes = []
    for title in window.titles:
        window.show_page(title)
        page = window.current_page()
        assert page is not None
        choices = getattr(page, "choice", None)  # the Reports page: every document's options
        for row in range(choices.count() if choices is not None else 1):
            if choices is not None:
                choices.setCurrentRow(row)
            clashes += [f"{title}: {text} (Alt+{letter.upper()} opens {menus[letter]})"
                        for letter, text in _shown_letters(page).items() if letter in menus]
    assert sorted(set(clashes)) == [], "\n".join(sorted(set(clashes)))
