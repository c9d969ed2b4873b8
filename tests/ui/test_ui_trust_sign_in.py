"""The trust's central team, at a computer connected to the trust's server, opens the trust's
dashboard from the sign-in window with the trust's login (no school account), typing as a
person does; a wrong password is said beside the form, and the dashboard shows the schools'
shared counts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pdf_checks import page_text
from pg_cluster import Cluster
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from sencodesk.services import school, server_mode, trust_summary
from sencodesk.services.context import Desk
from sencodesk.ui.login import SignInDialog
from sencodesk.ui.pdf_preview import PdfPreviewDialog
from sencodesk.ui.trust_sign_in import TrustSignInDialog

TRUST_PASSWORD = "the trust's own passphrase"


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bytes, str]]:
    previews: list[tuple[bytes, str]] = []
    monkeypatch.setattr(PdfPreviewDialog, "show_pdf", classmethod(
        lambda cls, pdf, title, *a, **k: previews.append((pdf, title))))
    return previews


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[TrustSignInDialog]]:
    """The trust's dialog as the sign-in window opens it (shown, not run modally)."""
    dialogs: list[TrustSignInDialog] = []

    def exec_(dialog: TrustSignInDialog) -> int:
        dialogs.append(dialog)
        dialog.show()
        return 0
    monkeypatch.setattr(TrustSignInDialog, "exec", exec_)
    yield dialogs
    for dialog in dialogs:
        dialog.close()


def test_the_trust_sees_its_dashboard_from_the_sign_in_window(
        qtbot: QtBot, server_demo_desk: Desk, pg_cluster: Cluster,
        shown: list[tuple[bytes, str]], opened: list[TrustSignInDialog]) -> None:
    desk = server_demo_desk
    trust_summary.share_with_trust(desk)
    name = school.get(desk).name
    server_mode.set_trust_login(pg_cluster.url("postgres"), "central", TRUST_PASSWORD)
    database = desk.db.engine.url.database
    server_mode.connect(desk.data_dir, f"postgresql://127.0.0.1:{pg_cluster.port}/{database}")
    sign_in = SignInDialog(desk.data_dir)  # over loopback TCP, where passwords are checked
    qtbot.addWidget(sign_in)
    sign_in.show()
    (button,) = [b for b in sign_in.buttons.findChildren(QPushButton)
                 if b.text() == "&Trust dashboard…"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    (dialog,) = opened

    qtbot.keyClicks(dialog.login, "central")
    qtbot.keyClick(dialog.login, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.password, "a guess")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.trust, "Oak Learning Trust")
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=15000)
    assert "do not match" in dialog.message.text() and not shown
    assert dialog.password.text() == "" and dialog.password.hasFocus()

    qtbot.keyClicks(dialog.password, TRUST_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(shown) or dialog.buttons.isEnabled(), timeout=15000)
    assert dialog.message.text() == "" and shown
    pdf, title = shown[0]
    text = " ".join(" ".join(page_text(pdf)).split())
    assert title == "Trust dashboard"
    assert "Oak Learning Trust" in text and name in text and "Produced by central" in text


def test_a_computer_with_its_own_case_file_offers_no_trust_dashboard(
        qtbot: QtBot, desk: Desk) -> None:
    sign_in = SignInDialog(desk.data_dir)
    qtbot.addWidget(sign_in)
    assert [b.text() for b in sign_in.buttons.findChildren(QPushButton)] == \
        ["Sign in", "Cancel"]
    assert sign_in.buttons.standardButtons() == (QDialogButtonBox.StandardButton.Ok
                                                 | QDialogButtonBox.StandardButton.Cancel)


def test_before_any_school_shares_the_trust_is_told_so_and_keeps_its_password(
        qtbot: QtBot, server_demo_desk: Desk, pg_cluster: Cluster,
        shown: list[tuple[bytes, str]]) -> None:
    server_mode.set_trust_login(pg_cluster.url("postgres"), "central", TRUST_PASSWORD)
    database = server_demo_desk.db.engine.url.database
    dialog = TrustSignInDialog(f"postgresql://127.0.0.1:{pg_cluster.port}/{database}",
                               "the server")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.login, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.login, "central")  # over whatever was remembered
    qtbot.keyClick(dialog.login, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.password, TRUST_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=15000)
    assert dialog.message.text() == ("No school on the trust's server has shared its summary "
                                      "yet: each school's SENCO shares it from Reports.")
    assert dialog.password.text() == TRUST_PASSWORD and not shown
