"""Two windows on one pupil: the later save over the earlier one is refused saying who and
when, not silently undone; their version is a click away and what was typed is kept to copy
(issues 16.7, 19.4)."""

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
    assert theirs.stale.isVisible()
    assert "Sam Patel changed this pupil's details at" in theirs.stale.message.text()
    assert "Preferred forename:\nZee" in theirs.stale.typed.toPlainText()
    saved = pupils.get(desk, pid)
    assert (saved.row.form, saved.preferred_forename) == ("7C", "")
    qtbot.mouseClick(theirs.stale.reload_button, Qt.MouseButton.LeftButton)
    assert (theirs.form.text(), theirs.preferred_forename.text()) == ("7C", "")
    assert "Zee" in theirs.stale.typed.toPlainText()  # still there to copy
    qtbot.keyClicks(theirs.preferred_forename, "Zee")
    qtbot.mouseClick(theirs.save_button, Qt.MouseButton.LeftButton)  # from the new version
    saved = pupils.get(desk, pid)
    assert (saved.row.form, saved.preferred_forename) == ("7C", "Zee")


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
    assert "Sam Patel changed this passport at" in theirs.stale.message.text()
    assert theirs.stale.typed.toPlainText().endswith("I love maps")
    assert [v.content.about_me for v in passports.versions(desk, pid)] == ["I love trains"]
    qtbot.mouseClick(theirs.stale.reload_button, Qt.MouseButton.LeftButton)
    assert theirs.editors["about_me"].toPlainText() == "I love trains"
