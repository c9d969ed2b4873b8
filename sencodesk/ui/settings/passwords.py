"""Passwords from the app: change your own (after typing the current one), or set a new one
for a colleague who has forgotten theirs. The services decide who may do what."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from sencodesk.domain.errors import ValidationError
from sencodesk.services import accounts
from sencodesk.services.context import Desk
from sencodesk.ui.common import password_field
from sencodesk.ui.form_dialog import FormDialog


def _same(values: dict[str, Any]) -> None:
    if values["new"] != values["again"]:
        raise ValidationError("new password again", "the two new passwords differ")


def change_own(desk: Desk, parent: QWidget) -> bool:
    """Ask for the current password and a new one (twice); True once changed."""
    fields = [("current", parent.tr("Current password"), password_field()),
              ("new", parent.tr("New password"), password_field()),
              ("again", parent.tr("New password again"), password_field())]

    def save(values: dict[str, Any]) -> None:
        if not accounts.confirm_password(desk, values["current"]):
            raise ValidationError("current password", "that is not your current password")
        _same(values)
        accounts.set_password(desk, desk.actor.username, values["new"])

    return FormDialog.ask(parent.tr("Change my password"), fields, save, parent, intro=parent.tr(
        "At least 8 characters. A few unrelated words are easy to remember and hard to guess."))


def reset_for(desk: Desk, username: str, name: str, parent: QWidget) -> bool:
    """A new password for a colleague; True once set."""
    fields = [("new", parent.tr("New password"), password_field()),
              ("again", parent.tr("New password again"), password_field())]

    def save(values: dict[str, Any]) -> None:
        _same(values)
        accounts.set_password(desk, username, values["new"])

    return FormDialog.ask(parent.tr("Reset {name}'s password").format(name=name), fields, save,
                          parent, intro=parent.tr(
                              "Give {name} the new password in person; they can change it "
                              "from File, Change my password.").format(name=name))
