"""Every dialog and page fits a 1366x768 laptop less its taskbar, at 100% and at 150%, with its
buttons on screen (the form scrolls instead)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from sencodesk.domain.codes import SenStatus
from sencodesk.services import pupils
from sencodesk.services.context import Desk
from sencodesk.ui.application import make_application
from sencodesk.ui.form_dialog import FormDialog, Reload
from sencodesk.ui.main_window import MainWindow
from sencodesk.ui.register.new_pupil import NewPupilDialog

# 1366x768 less a 40 px taskbar; at 150% Qt lays out in pixels of 1.5 device pixels
SCREENS = {"100%": QSize(1366, 728), "150%": QSize(1366 * 2 // 3, 728 * 2 // 3)}
TITLE_BAR = 40


@pytest.fixture
def house_style() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font, sheet = app.font(), app.styleSheet()
    make_application()  # the app's own font and style sheet, as a school would see them
    yield
    app.setStyleSheet(sheet)
    app.setFont(font)


def _fits(window: QWidget, screen: QSize, what: str) -> None:
    limit = QSize(screen.width(), screen.height() - TITLE_BAR)
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert least.width() <= limit.width() and least.height() <= limit.height(), \
        f"{what} needs at least {least.width()}x{least.height()}; the screen has {limit}"
    window.resize(window.sizeHint().boundedTo(limit).expandedTo(least))
    window.show()
    QApplication.processEvents()
    box = window.findChild(QDialogButtonBox)
    buttons = [b for b in (box.buttons() if box else []) if b.isVisible()]
    for button in buttons:
        corner = button.mapTo(window, button.rect().bottomRight())
        assert window.rect().contains(corner), f"{what}: {button.text()} is off the window"
    window.hide()


def _dialogs(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, QWidget]]:
    """Every form the pupil's tabs, Provision and Settings open, caught before it is shown."""
    caught: list[tuple[str, QWidget]] = []

    def ask(cls: type[FormDialog], title: str, fields: Any, save: Callable[..., Any],
            parent: QWidget | None = None, *, intro: str = "", version: int | None = None,
            reload: Reload | None = None) -> bool:
        caught.append((title, cls(title, fields, save, parent, intro=intro, version=version,
                                  reload=reload)))
        return False

    monkeypatch.setattr(FormDialog, "ask", classmethod(ask))
    on_plan = pupils.list_pupils(window.desk, pupils.RegisterFilter(status=SenStatus.EHCP))
    window.open_pupil(on_plan[0].id)
    workspace = window.workspace
    assert workspace is not None
    profile, support = workspace.tab("profile"), workspace.tab("support")
    ehcp, contacts = workspace.tab("ehcp"), workspace.tab("contacts")
    for action in (profile.change_sen, profile.add_parent, profile.add_agency,
                   support.new_cycle, support.edit_plan, support.record_review,
                   ehcp.new_request, ehcp.add_exception, ehcp.add_advice, ehcp.add_plan,
                   ehcp.add_review, contacts.add):
        action()
    window.open_pupil(on_plan[0].id)  # closes the first
    for title in ("Provision", "Settings"):
        page = window.page(title)
        for method in ("add", "add_term"):
            if callable(getattr(page, method, None)):
                getattr(page, method)()
    caught.append(("New pupil", NewPupilDialog(window.desk, window)))
    return caught


@pytest.mark.parametrize("scale", sorted(SCREENS))
def test_every_dialog_and_page_fits_a_laptop_screen(
        qtbot: QtBot, demo_desk: Desk, monkeypatch: pytest.MonkeyPatch, house_style: None,
        scale: str) -> None:
    screen = SCREENS[scale]
    window = MainWindow(demo_desk)
    qtbot.addWidget(window)
    for title in window.titles:
        window.show_page(title)
        _fits(window, screen, f"the {title} page")
    dialogs = _dialogs(window, monkeypatch)
    assert len(dialogs) >= 14
    for title, dialog in dialogs:
        _fits(dialog, screen, f"the {title!r} dialog at {scale}")
    window.open_pupil(pupils.list_pupils(demo_desk)[0].id)
    workspace = window.workspace
    assert workspace is not None
    for index in range(workspace.tabs.count()):
        workspace.tabs.setCurrentIndex(index)
        _fits(window, screen, f"the pupil's {workspace.tabs.tabText(index)} tab at {scale}")


def test_a_window_saved_on_a_bigger_screen_opens_within_this_one(qtbot: QtBot,
                                                                 demo_desk: Desk) -> None:
    from PySide6.QtCore import QSettings

    from sencodesk.ui.fit import available

    big = MainWindow(demo_desk)
    qtbot.addWidget(big)
    big.setGeometry(0, 0, 2600, 1500)
    QSettings().setValue("main_window/geometry", big.saveGeometry())
    window = MainWindow(demo_desk)
    qtbot.addWidget(window)
    window.show()
    area = available(window)
    assert window.frameGeometry().width() <= area.width()
    assert window.frameGeometry().height() <= area.height()
    size_before = window.size()
    window.open_pupil(pupils.list_pupils(demo_desk, pupils.RegisterFilter(
        status=SenStatus.EHCP))[0].id)
    QApplication.processEvents()
    assert window.size() == size_before, "opening a pupil does not grow the window"
