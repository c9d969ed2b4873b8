"""Errors shown one way everywhere: beside the field a ValidationError names (by its id, so
translated labels do not matter), anything else user-facing at the form's foot."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from sencodesk.domain.errors import PermissionDenied, ValidationError
from sencodesk.services import school
from sencodesk.services.context import Desk
from sencodesk.ui.common import error_text
from sencodesk.ui.form_dialog import FormDialog
from sencodesk.ui.settings.view import SettingsView


def test_a_message_standing_alone_keeps_the_labels_capitals() -> None:
    assert error_text(ValidationError("UPN", "check letter should be B, not C")) == \
        "UPN: check letter should be B, not C"
    labelled = ValidationError("la_decision", "choose one of: maintain", label="LA decision")
    assert (labelled.field, error_text(labelled)) == (
        "la_decision", "LA decision: choose one of: maintain")
    assert str(labelled) == "LA decision: choose one of: maintain"


def test_a_form_places_the_error_by_the_fields_id_whatever_its_label(qtbot: QtBot) -> None:
    def save(_values: dict[str, object]) -> None:
        raise ValidationError("upn", "check letter should be B, not C", label="UPN")

    edit = QLineEdit()
    dialog = FormDialog("Nouvel élève", [("upn", "Numéro unique (UPN)", edit)], save)
    qtbot.addWidget(dialog)
    dialog.show()
    edit.setFocus()
    qtbot.keyClicks(edit, "C801200005001")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert dialog.errors["numéro unique (upn)"].text() == "Check letter should be B, not C"
    assert dialog.general.text() == ""


def test_settings_show_a_refusal_instead_of_crashing(
    qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*_args: object, **_kwargs: object) -> None:
        raise PermissionDenied("Your role does not allow changing the school's settings.")

    monkeypatch.setattr(school, "update", refused)
    view = SettingsView(desk)
    qtbot.addWidget(view)
    view.show()
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert "does not allow changing the school's settings" in view.message.text()
