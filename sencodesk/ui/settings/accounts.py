"""Staff accounts: list, add with a role and password, withdraw (SENCO and administrators)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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
    error_label,
    explain,
    sentence,
    show_error,
)
from sencodesk.ui.table_model import RECORD_ROLE, Column, RecordTableModel


class NewAccountDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Add a staff account"))
        self.full_name, self.username = QLineEdit(), QLineEdit()
        self.password, self.again = QLineEdit(), QLineEdit()
        for field in (self.password, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.role: ValueCombo[Role] = ValueCombo([(r.label, r) for r in Role], Role.TEACHER)
        form = QFormLayout()
        for label, widget in (
            (self.tr("Full &name"), self.full_name),
            (self.tr("&Username"), self.username),
            (self.tr("&Role"), self.role),
            (self.tr("&Password"), self.password),
            (self.tr("Password &again"), self.again),
        ):
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)
        self.message = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def save(self) -> None:
        if self.password.text() != self.again.text():
            show_error(self.message, self.tr("The two passwords differ."))
            return
        try:
            accounts.add_account(
                self.desk,
                full_name=self.full_name.text(),
                username=self.username.text(),
                role=self.role.value() or Role.TEACHER,
                password=self.password.text(),
            )
        except ValidationError as error:
            show_error(self.message, f"{sentence(error.field)}: {error.message}")
            return
        except SencodeskError as error:
            show_error(self.message, str(error))
            return
        self.accept()

    @classmethod
    def ask(cls, desk: Desk, parent: QWidget | None = None) -> bool:
        return cls(desk, parent).exec() == QDialog.DialogCode.Accepted


class AccountsBox(QGroupBox):
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
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_records(accounts.list_accounts(self.desk))

    def add(self) -> None:
        if NewAccountDialog.ask(self.desk, self):
            self.refresh()

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
