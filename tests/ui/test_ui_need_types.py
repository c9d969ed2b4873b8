"""The forms offer every census need type, Down syndrome (DS) included."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from sencodesk.domain.codes import NeedType, SenStatus
from sencodesk.domain.upn import with_check_letter
from sencodesk.services import pupils
from sencodesk.services.context import Desk
from sencodesk.ui.register.new_pupil import NewPupilDialog


def test_a_new_pupil_can_be_given_down_syndrome_as_primary_need(qtbot: QtBot,
                                                                desk: Desk) -> None:
    dialog = NewPupilDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.upn, with_check_letter("801200005001"))
    qtbot.keyClicks(dialog.surname, "Hughes")
    qtbot.keyClicks(dialog.forename, "Amy")
    qtbot.keyClicks(dialog.dob.edit, "14/03/2015")
    qtbot.keyClicks(dialog.status, "K")
    qtbot.keyClicks(dialog.need, "DS")
    assert dialog.need.currentText() == "DS: Down syndrome"
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.pupil_id is not None
    row = pupils.get(desk, dialog.pupil_id).row
    assert (row.status, row.primary_need) == (SenStatus.SUPPORT, NeedType.DS)
