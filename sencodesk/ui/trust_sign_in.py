"""The trust's dashboard from the sign-in window, for the trust's central team: they sign in
to the trust's server with the trust's login (made by IT), not a school account, and see the
newest summary each school has shared (counts only, no pupil named), to print or save as PDF.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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

from sencodesk.domain.errors import AuthenticationFailed
from sencodesk.ui import worker
from sencodesk.ui.common import (
    error_label,
    heading,
    password_field,
    show_error,
    show_failure,
)

if TYPE_CHECKING:
    from sencodesk.reports import Rendered

TITLE = "Trust dashboard"


def _draw(address: str, login: str, password: str, trust: str) -> Rendered:
    from sencodesk.reports import render
    from sencodesk.services import trust_summary

    return render(trust_summary.dashboard_from_server(address, login, password, trust))


class TrustSignInDialog(QDialog):
    """The trust's login and password, and the trust's name for the dashboard's header."""

    def __init__(self, address: str, server: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.address = address
        self.setWindowTitle(self.tr("Trust dashboard"))
        note = QLabel(self.tr(
            "For the trust's central team: the newest summary each school on {server} has "
            "shared with the trust (counts only, no pupil named). Sign in with the trust's "
            "login, which IT makes; it reads nothing else.").format(server=server))
        note.setWordWrap(True)
        note.setObjectName("muted")
        settings = QSettings()
        self.login = QLineEdit(str(settings.value("trust_login", "")))
        self.login.setAccessibleName(self.tr("Trust login"))
        self.password = password_field(self.tr("Password"))
        self.trust = QLineEdit(str(settings.value("trust_name", "")))
        self.trust.setAccessibleName(self.tr("The trust's name"))
        self.message = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Trust &login"), self.login)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("The trust's &name"), self.trust)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Close)
        self.show_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.show_button.setText(self.tr("&Show the dashboard"))
        self.buttons.accepted.connect(self.show_dashboard)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("The trust's dashboard")))
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        (self.password if self.login.text() else self.login).setFocus()

    def show_dashboard(self) -> None:
        login, password = self.login.text().strip(), self.password.text()
        trust = self.trust.text().strip()
        if not login:
            show_error(self.message, self.tr("Type the trust's login."))
            self.login.setFocus()
            return
        self.buttons.setEnabled(False)
        show_error(self.message, self.tr("Reading the schools' summaries…"))
        self._task = worker.start(lambda _progress: _draw(self.address, login, password, trust),
                                  on_done=self._drawn, on_error=self._failed)

    def _drawn(self, drawn: Rendered) -> None:
        from sencodesk.ui.pdf_preview import PdfPreviewDialog

        self.buttons.setEnabled(True)
        show_error(self.message, "")
        settings = QSettings()
        settings.setValue("trust_login", self.login.text().strip())
        settings.setValue("trust_name", self.trust.text().strip())
        PdfPreviewDialog.show_pdf(drawn.pdf, TITLE, self, warnings=drawn.warnings,
                                  filename=f"{TITLE}.pdf")

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        show_failure(error, self.message)
        self.adjustSize()
        if isinstance(error, AuthenticationFailed):  # else the password was right: kept
            self.password.clear()
            self.password.setFocus()
