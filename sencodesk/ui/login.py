"""The first-run dialog (create the school) and the sign-in dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.errors import SencodeskError
from sencodesk.services import location
from sencodesk.ui import worker
from sencodesk.ui.common import error_label, heading, password_field, show_error, show_failure

if TYPE_CHECKING:  # the database stack loads behind the window, not before it
    from sencodesk.services.context import Desk


def _sign_in(data_dir: Path, user: str, password: str, progress: worker.Progress) -> Desk:
    from sencodesk.services import accounts

    wait = accounts.sign_in_wait(data_dir, user)
    if wait:
        progress(0, 0, wait)  # shown while the sign-in is held back
    return accounts.sign_in(data_dir, user, password)


def _init_school(data_dir: Path, **fields: Any) -> Desk:
    from sencodesk.services import accounts

    return accounts.init_school(data_dir, **fields)


class SignInDialog(QDialog):
    """Who are you, and your password. Signing in runs off the UI thread: the key derivation
    and the growing delay after failures must not freeze the window."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.desk: Desk | None = None
        self.setWindowTitle(self.tr("Sign in to sencodesk"))
        self.username = QLineEdit(str(QSettings().value("last_user", "")))
        self.username.setAccessibleName(self.tr("Username"))
        self.password = password_field(self.tr("Password"))
        self.message = error_label()
        form = QFormLayout()
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        server = location.server_of(data_dir)
        if server is None:
            text = self.tr("Pupils' SEND records are encrypted on this computer. Sign in "
                           "with your own account.")
        else:
            text = self.tr("Signing in to the school's server: {server}. Sign in with your "
                           "own account.").format(server=server)
            trust = self.buttons.addButton(self.tr("&Trust dashboard…"),
                                           QDialogButtonBox.ButtonRole.ActionRole)
            trust.clicked.connect(lambda: self._trust_dashboard(server))
        self.where = note = QLabel(text)
        note.setWordWrap(True)
        note.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Sign in to sencodesk")))
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(400)
        (self.password if self.username.text() else self.username).setFocus()

    def _trust_dashboard(self, server: str) -> None:
        from sencodesk.ui.trust_sign_in import TrustSignInDialog

        address = location.server_address_of(self.data_dir)
        if address is not None:
            TrustSignInDialog(address, server, self).exec()

    def sign_in(self) -> None:
        user, password = self.username.text().strip(), self.password.text()
        self.buttons.setEnabled(False)
        show_error(self.message, self.tr("Signing in…"))
        self._task = worker.start(lambda progress: _sign_in(self.data_dir, user, password,
                                                            progress),
                                  on_done=self._signed_in, on_error=self._failed,
                                  on_progress=lambda _d, _t, text: show_error(self.message,
                                                                              text))

    def _signed_in(self, desk: Desk) -> None:
        self.desk = desk
        QSettings().setValue("last_user", desk.actor.username)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        show_failure(error, self.message)
        self.adjustSize()  # a longer message (who has the case file open) is shown whole
        self.password.clear()
        self.password.setFocus()

    @classmethod
    def ask(cls, data_dir: Path, parent: QWidget | None = None) -> Desk | None:
        dialog = cls(data_dir, parent)
        return dialog.desk if dialog.exec() == QDialog.DialogCode.Accepted else None


class FirstRunDialog(QDialog):
    """Set up the school and the first SENCO account on a new computer."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None,
                 create: Callable[..., Desk] = _init_school) -> None:
        super().__init__(parent)
        self.data_dir, self._create = data_dir, create
        self.desk: Desk | None = None
        self.setWindowTitle(self.tr("Set up sencodesk"))
        intro = QLabel(self.tr(
            "Welcome. sencodesk keeps your school's SEND records encrypted on this computer. "
            "Set up your school and your SENCO account. Keep your password safe: without a "
            "staff password nobody, not even IT, can open the records."))
        intro.setWordWrap(True)
        self.school = QLineEdit()
        self.full_name = QLineEdit()
        self.username = QLineEdit()
        self.password = password_field(self.tr("Password"))
        self.again = password_field(self.tr("Password again"))
        for field, name in ((self.school, "School name"), (self.full_name, "Your name"),
                            (self.username, "Username")):
            field.setAccessibleName(self.tr(name))
        self.message = error_label()
        form = QFormLayout()
        form.addRow(self.tr("&School name"), self.school)
        form.addRow(self.tr("Your &name"), self.full_name)
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("&Password (8+ characters)"), self.password)
        form.addRow(self.tr("Password &again"), self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create school"))
        buttons.accepted.connect(self.create_school)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Set up your school")))
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def create_school(self) -> None:
        if self.password.text() != self.again.text():
            show_error(self.message, self.tr("The two passwords differ."))
            return
        try:
            self.desk = self._create(self.data_dir, school_name=self.school.text(),
                                     username=self.username.text(),
                                     full_name=self.full_name.text(),
                                     password=self.password.text())
        except SencodeskError as error:
            show_failure(error, self.message)
            return
        QSettings().setValue("last_user", self.desk.actor.username)
        self.accept()

    @classmethod
    def ask(cls, data_dir: Path, parent: QWidget | None = None) -> Desk | None:
        dialog = cls(data_dir, parent)
        return dialog.desk if dialog.exec() == QDialog.DialogCode.Accepted else None
