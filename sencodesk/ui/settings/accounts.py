"""Staff accounts: list, add with a role and password, withdraw (SENCO and administrators)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.codes import Role
from sencodesk.domain.errors import SencodeskError, ValidationError
from sencodesk.domain.records import AccountRecord
from sencodesk.services import accounts
from sencodesk.services.context import Desk
from sencodesk.ui.common import (
    ValueCombo,
    configure_table,
    confirm,
    explain,
    password_field,
)
from sencodesk.ui.form_dialog import FormDialog
from sencodesk.ui.settings.passwords import reset_for
from sencodesk.ui.table_model import RECORD_ROLE, Column, RecordTableModel


class AccountsBox(QGroupBox):
    #: A confirmation for the status bar.
    message = Signal(str)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Staff accounts"), parent)
        self.desk = desk
        self.model = RecordTableModel[AccountRecord](
            [
                Column("Name", lambda a: a.name),
                Column("Username", lambda a: a.username),
                Column("Role", lambda a: a.role.label),
                Column("Active", lambda a: a.active),
            ],
            self,
        )
        self.view = QTableView()
        self.view.setModel(self.model)
        configure_table(self.view, name=self.tr("Staff accounts"))
        add = QPushButton(self.tr("&Add account…"))
        add.clicked.connect(self.add)
        remove = QPushButton(self.tr("&Withdraw account"))
        remove.clicked.connect(self.withdraw)
        self.reset_button = QPushButton(self.tr("&Reset password…"))
        self.reset_button.setToolTip(self.tr("Set a new password for a colleague who has "
                                             "forgotten theirs"))
        self.reset_button.clicked.connect(self.reset_password)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_records(accounts.list_accounts(self.desk))

    def add(self) -> None:
        # Only the roles this account may give (services refuse the others too).
        roles = accounts.grantable_roles(self.desk.actor.role)
        default = Role.TEACHER if Role.TEACHER in roles else roles[0]
        fields = [
            ("name", self.tr("Name"), QLineEdit()),
            ("username", self.tr("Username"), QLineEdit()),
            ("role", self.tr("Role"), ValueCombo([(r.label, r) for r in roles], default)),
            ("password", self.tr("Password"), password_field()),
            ("again", self.tr("Password again"), password_field()),
        ]

        def save(v: dict[str, Any]) -> int:
            if v["password"] != v["again"]:
                raise ValidationError("password again", "the two passwords differ")
            return accounts.add_account(
                self.desk,
                full_name=v["name"],
                username=v["username"],
                role=v["role"],
                password=v["password"],
            )

        if FormDialog.ask(self.tr("Add a staff account"), fields, save, self):
            self.refresh()

    def reset_password(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            explain(self, ValidationError("account", "choose whose password to reset first"))
            return
        account: AccountRecord = index.data(RECORD_ROLE)
        if reset_for(self.desk, account.username, account.name, self):
            self.message.emit(self.tr("{name}'s password has been reset.").format(
                name=account.name))

    def withdraw(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        account: AccountRecord = index.data(RECORD_ROLE)
        if not confirm(
            self,
            self.tr("Withdraw account"),
            self.tr("Withdraw {name}'s sign-in? Their history stays.").format(name=account.name),
        ):
            return
        try:
            accounts.remove_account(self.desk, account.username)
        except SencodeskError as error:
            explain(self, error)
        self.refresh()
