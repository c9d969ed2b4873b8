"""The sign-in window says where the case file is: this computer, or the school's server it
is connected to; and a member of staff signs in there by typing as anywhere else."""

from __future__ import annotations

from pathlib import Path

from factories import PASSWORD
from pg_cluster import Cluster
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from sencodesk.services import server_mode
from sencodesk.services.context import Desk
from sencodesk.ui.login import SignInDialog


def test_on_this_computer_it_says_so(qtbot: QtBot, desk: Desk) -> None:
    dialog = SignInDialog(desk.data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.where.isVisible() and "on this computer" in dialog.where.text()


def test_connected_to_a_server_it_names_it_and_signs_in_there(
        qtbot: QtBot, pg_cluster: Cluster, data_dir: Path, tmp_path: Path) -> None:
    pg_cluster.create_database("window_school")
    try:
        server_mode.init_server(pg_cluster.url("window_school"), tmp_path / "it",
                                school_name="Oak Hill Academy", username="senco",
                                full_name="Sam Patel", password=PASSWORD).close()
        server_mode.connect(data_dir,
                            f"postgresql://127.0.0.1:{pg_cluster.port}/window_school")
        dialog = SignInDialog(data_dir)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.where.isVisible()
        assert "school's server: window_school on 127.0.0.1" in dialog.where.text()
        dialog.username.clear()
        qtbot.keyClicks(dialog.username, "senco")
        qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.desk is not None, timeout=15000)
        assert dialog.desk is not None and dialog.desk.actor.username == "senco"
        dialog.desk.close()
    finally:
        pg_cluster.drop_database("window_school")
