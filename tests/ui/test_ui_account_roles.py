"""Settings, staff accounts: the Add account form offers only the roles the person may give."""

from __future__ import annotations

import pytest
from factories import signed_in_as
from pytestqt.qtbot import QtBot

from sencodesk.domain.codes import Role
from sencodesk.services.context import Desk
from sencodesk.ui.settings.view import SettingsView


@pytest.mark.parametrize(("role", "offered"), [
    (Role.ADMIN, ["Administrator"]),
    (Role.SENCO, ["SENCO", "Teacher", "Head / senior leader", "Administrator"]),
])
def test_the_add_account_form_offers_only_roles_the_person_may_give(
        qtbot: QtBot, desk: Desk, monkeypatch: pytest.MonkeyPatch, role: Role,
        offered: list[str]) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QComboBox, QPushButton

    from sencodesk.ui.form_dialog import FormDialog

    seen: list[list[str]] = []

    def ask(cls: type[FormDialog], /, title: str, fields: list[tuple[str, str, object]],
            *a: object, **k: object) -> bool:
        combo = next(w for key, _, w in fields if key == "role")
        assert isinstance(combo, QComboBox)
        seen.append([combo.itemText(i) for i in range(combo.count())])
        return False

    monkeypatch.setattr(FormDialog, "ask", classmethod(ask))
    who = desk if role is Role.SENCO else signed_in_as(desk, role)
    view = SettingsView(who)
    qtbot.addWidget(view)
    view.show()
    button = next(b for b in view.findChildren(QPushButton) if b.text() == "&Add account…")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert seen == [offered]
