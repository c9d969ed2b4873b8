"""The school chooses how passports name the SENCO and whether they name a parent/carer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sencodesk.domain.passport_contacts import ParentContact
from sencodesk.services import school
from sencodesk.services.context import Desk
from sencodesk.ui.settings.view import SettingsView


def test_passport_contact_settings_are_typed_chosen_and_saved(qtbot: QtBot, desk: Desk) -> None:
    view = SettingsView(desk)
    qtbot.addWidget(view)
    view.show()
    assert view.parent_contact.value() == ParentContact.NONE.value  # the default
    qtbot.keyClicks(view.senco_contact, "Ms Patel, ext. 214")
    view.parent_contact.setFocus()
    qtbot.keyClick(view.parent_contact, Qt.Key.Key_Down)
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    saved = school.get(desk)
    assert (saved.senco_contact, saved.passport_parent_contact) == (
        "Ms Patel, ext. 214", ParentContact.NAME.value)
    assert not view.has_unsaved_changes()
