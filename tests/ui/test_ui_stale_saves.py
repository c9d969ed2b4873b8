"""Two windows on one pupil: the later save over the earlier one is refused with a message,
not silently undone (issue 16.7)."""

from __future__ import annotations

from factories import add_pupil
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sencodesk.services import passports, pupils
from sencodesk.services.context import Desk
from sencodesk.ui.pupil.passport_tab import PassportTab
from sencodesk.ui.pupil.workspace import PupilWorkspace


def test_the_second_profile_save_is_refused_with_a_message(qtbot: QtBot, desk: Desk) -> None:
    pid = add_pupil(desk)
    first, second = PupilWorkspace(desk, pid), PupilWorkspace(desk, pid)
    for workspace in (first, second):
        qtbot.addWidget(workspace)
        workspace.show()
    mine, theirs = first.tab("profile"), second.tab("profile")
    mine.form.clear()
    qtbot.keyClicks(mine.form, "7C")
    qtbot.mouseClick(mine.save_button, Qt.MouseButton.LeftButton)
    assert pupils.get(desk, pid).row.form == "7C"
    theirs.preferred_forename.clear()
    qtbot.keyClicks(theirs.preferred_forename, "Zee")
    qtbot.mouseClick(theirs.save_button, Qt.MouseButton.LeftButton)
    assert "changed this pupil's details at" in theirs.message.text()
    saved = pupils.get(desk, pid)
    assert (saved.row.form, saved.preferred_forename) == ("7C", "")


def test_the_second_passport_save_is_refused_with_a_message(qtbot: QtBot, desk: Desk) -> None:
    pid = add_pupil(desk)
    mine, theirs = PassportTab(desk, pid), PassportTab(desk, pid)
    for tab in (mine, theirs):
        qtbot.addWidget(tab)
        tab.show()
    qtbot.keyClicks(mine.editors["about_me"], "I love trains")
    qtbot.mouseClick(mine.save_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(theirs.editors["about_me"], "I love maps")
    qtbot.mouseClick(theirs.save_button, Qt.MouseButton.LeftButton)
    assert "changed this passport at" in theirs.message.text()
    assert [v.content.about_me for v in passports.versions(desk, pid)] == ["I love trains"]
