"""Writing the SEN information report's own words, one Schedule 1 heading at a time; the
words are kept from year to year, and the figures are drawn fresh whenever it is made."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.errors import SencodeskError, StaleEdit
from sencodesk.domain.info_report import SECTIONS
from sencodesk.domain.permissions import Permission
from sencodesk.services import info_report, saving
from sencodesk.services.context import Desk
from sencodesk.ui.common import error_label, explain, show_error, show_failure
from sencodesk.ui.stale_panel import StalePanel, typed_text


class InfoReportEditor(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("SEN information report: the school's words"))
        self.texts = info_report.texts(desk)
        self.versions = info_report.versions_of(desk)
        self.stale = StalePanel()
        self.stale.reload_requested.connect(self.reload)
        self.sections = QListWidget()
        self.sections.setAccessibleName(self.tr("Sections"))
        self.sections.setWordWrap(True)
        for section in SECTIONS:
            self.sections.addItem(section.heading)
        self.source = QLabel()
        self.source.setObjectName("muted")
        self.source.setWordWrap(True)
        self.words = QPlainTextEdit()
        self.words.setAccessibleName(self.tr("The school's words for this section"))
        self.words.setTabChangesFocus(True)
        self.words.setEnabled(desk.actor.may(Permission.EDIT_SCHOOL))
        self.message = error_label()
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.save_button = QPushButton(self.tr("&Save this section"))
        self.save_button.setObjectName("primary")
        self.save_button.setVisible(desk.actor.may(Permission.EDIT_SCHOOL))
        self.save_button.clicked.connect(self.save)
        self.web_button = QPushButton(self.tr("Save as &web page…"))
        self.web_button.clicked.connect(self.save_web_page)
        right = QVBoxLayout()
        right.addWidget(self.source)
        right.addWidget(self.stale)
        right.addWidget(self.words, 1)
        right.addWidget(self.message)
        right.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.web_button)
        buttons.addStretch(1)
        right.addLayout(buttons)
        row = QHBoxLayout()
        row.addWidget(self.sections, 2)
        row.addLayout(right, 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(close)
        self._current = -1
        self.sections.currentRowChanged.connect(self._chosen)
        self.sections.setCurrentRow(0)

    def _chosen(self, row: int) -> None:
        if self._current >= 0 and self._unsaved() and not self.save():
            return
        self._current = row
        self.stale.hide()
        section = SECTIONS[row]
        self.source.setText(self.tr("{source}. A blank line starts a new paragraph.{more}")
                            .format(source=section.source, more=self.tr(
                                " The figures for this section are added from the case "
                                "file.") if section.figures else ""))
        self.words.setPlainText(self.texts.get(section.key, ""))

    def _unsaved(self) -> bool:
        key = SECTIONS[self._current].key
        return self.words.toPlainText().strip() != self.texts.get(key, "").strip()

    def save(self) -> bool:
        key = SECTIONS[self._current].key
        try:
            info_report.set_text(self.desk, key, self.words.toPlainText(),
                                 opened_version=self.versions.get(key, 0))
        except StaleEdit as error:
            self.stale.refused(error, typed_text([(SECTIONS[self._current].heading,
                                                   self.words)]), can_reload=True)
            return False
        except SencodeskError as error:
            show_failure(error, self.message)
            return False
        self._read()
        self.stale.hide()
        show_error(self.message, "")
        self.status.setText(self.tr("Saved."))
        return True

    def _read(self) -> None:
        self.texts = info_report.texts(self.desk)
        self.versions = info_report.versions_of(self.desk)

    def reload(self) -> None:
        """Someone else's words for this section in place of these (kept in the panel)."""
        self._read()
        self.words.setPlainText(self.texts.get(SECTIONS[self._current].key, ""))
        self.stale.reloaded(self.stale.changed_by)

    @classmethod
    def choose_path(cls, parent: QWidget) -> str:
        name, _ = QFileDialog.getSaveFileName(parent, parent.tr("Save the web page"),
                                              str(Path.home() / "SEN information report.html"),
                                              "Web page (*.html)")
        return name

    def save_web_page(self) -> None:
        from sencodesk.reports.info_report_html import info_report_html

        name = self.choose_path(self)
        if not name:
            return
        try:
            data = info_report_html(info_report.gather(self.desk))
            saving.save_export(Path(name), data, replace=True)  # the dialog asked
        except SencodeskError as error:
            explain(self, error)
            return
        self.status.setText(self.tr("Saved as {name}.").format(name=Path(name).name))
