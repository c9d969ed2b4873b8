"""Backups: the automatic ones kept in the data folder (7 daily, 4 weekly), a backup now to
any folder or drive, and restore, which checks the backup and the password before the open
case file is touched and keeps the current files aside."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.dates import uk, uk_time
from sencodesk.domain.errors import SencodeskError
from sencodesk.services import backups
from sencodesk.services.backups import BackupInfo
from sencodesk.services.context import Desk
from sencodesk.ui import worker
from sencodesk.ui.common import configure_table, confirm, explain
from sencodesk.ui.table_model import RECORD_ROLE, Column, RecordTableModel

PATTERN = "sencodesk backups (*.sencodesk-backup)"


class BackupsBox(QGroupBox):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Backups"), parent)
        self.desk = desk
        self.model = RecordTableModel[BackupInfo]([
            Column("Taken", lambda b: uk_time(b.taken_at)),
            Column("Kind", lambda b: self.tr("automatic") if b.path.name.startswith(
                backups.AUTO_PREFIX) else self.tr("made by hand")),
            Column("Size", lambda b: f"{b.size / 1_048_576:.1f} MB"),
            Column("sencodesk", lambda b: b.app_version), Column("File", lambda b: b.path.name)],
            self)
        self.view = QTableView()
        self.view.setModel(self.model)
        configure_table(self.view, name=self.tr("Backups"))
        note = QLabel(self.tr("A backup is made each time sencodesk closes; the last 7 days and 4 "
                              "weeks are kept. Backups are encrypted: each opens only with a "
                              "staff password that was valid when it was made."))
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("&Back up now…"), self.back_up_now),
                           (self.tr("&Restore…"), self.restore),
                           (self.tr("&Open folder"), self.open_folder)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_records(backups.list_backups(self.desk.data_dir))

    def back_up_now(self) -> None:
        suggested = Path.home() / f"sencodesk-{datetime.now():%Y-%m-%d}.sencodesk-backup"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Back up to"), str(suggested),
                                              PATTERN)
        if not name:
            return

        def done(path: Path) -> None:
            self.refresh()
            QMessageBox.information(self, self.tr("Backup"),
                                    self.tr("Saved {path}.").format(path=path))

        self._task = worker.run_with_progress(
            self, self.tr("Backing up…"), lambda _p: backups.backup(self.desk, Path(name)),
            on_done=done, on_error=lambda error: explain(self, error))

    def chosen(self) -> Path | None:
        """The selected backup, or one picked from disk if none is selected."""
        index = self.view.currentIndex()
        if index.isValid():
            info: BackupInfo = index.data(RECORD_ROLE)
            return info.path
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from"), str(Path.home()),
                                              PATTERN)
        return Path(name) if name else None

    def restore(self) -> None:
        source = self.chosen()
        if source is None:
            return
        try:
            info = backups.inspect(source)
        except SencodeskError as error:
            explain(self, error)
            return
        question = self.tr(
            "Replace the case file with the backup taken {when}? Everything since then will be "
            "replaced; the current files are kept aside in the data folder. sencodesk will close "
            "afterwards so you can sign in to the restored file.").format(
                when=f"{uk(info.taken_at)} at {info.taken_at:%H:%M}")
        if not confirm(self, self.tr("Restore a backup"), question):
            return
        password, accepted = QInputDialog.getText(
            self, self.tr("Restore a backup"),
            self.tr("Your password (as it was when the backup was made):"),
            QLineEdit.EchoMode.Password)
        if not accepted:
            return
        username = self.desk.actor.username
        # unpacking and checking a backup takes seconds: off the UI thread
        self._task = worker.run_with_progress(
            self, self.tr("Checking the backup…"),
            lambda _p: backups.check(self.desk.data_dir, source, username, password),
            on_done=lambda _r: self._replace(source, username, password),
            on_error=lambda error: explain(self, error))

    def _replace(self, source: Path, username: str, password: str) -> None:
        """The backup and password were checked: close the case file and restore, off the UI
        thread; the window closes afterwards whatever happened."""
        self.desk.close()  # from here the window cannot go on with the old case file
        window = self.window()
        window.setEnabled(False)

        def restored(aside: Path) -> None:
            QMessageBox.information(self, self.tr("Restored"), self.tr(
                "Restored. The previous files are kept in {aside}. sencodesk will close now: "
                "open it again and sign in.").format(aside=aside))
            getattr(window, "close_after_restore", window.close)()

        def failed(error: BaseException) -> None:
            # checked just now, so only the disk can fail here
            QMessageBox.warning(self, self.tr("Restore failed"), self.tr(
                "{error}\n\nsencodesk will close now: open it again and sign in.")
                .format(error=error))
            getattr(window, "close_after_restore", window.close)()

        self._task = worker.run_with_progress(
            self, self.tr("Restoring…"),
            lambda _p: backups.restore(self.desk.data_dir, source, username, password),
            on_done=restored, on_error=failed, on_cancel=lambda: None)

    def open_folder(self) -> None:
        folder = backups.backup_folder(self.desk.data_dir)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
