"""Passport: edit the headings with a live preview, keep every version, compare two, print."""

from __future__ import annotations

import difflib
import html
from dataclasses import fields

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.errors import SencodeskError, StaleEdit
from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import PASSPORT_HEADINGS, PassportContent, PassportRecord
from sencodesk.services import passports
from sencodesk.services.context import Desk
from sencodesk.ui.common import error_label, heading, say_saved, show_error, show_failure, uk
from sencodesk.ui.form_dialog import text_area
from sencodesk.ui.stale_panel import StalePanel, typed_text

PREVIEW_DELAY_MS = 150


def preview_html(content: PassportContent, name: str = "") -> str:
    """The passport as a one-page profile, for the live preview."""
    parts = [f"<h2 style='color:#0b4f6c'>{html.escape(name)}</h2>" if name else ""]
    for key, title in PASSPORT_HEADINGS:
        text = getattr(content, key)
        if key == "support_me":
            body = "".join(f"<li>{html.escape(s)}</li>" for s in content.strategies)
            body = f"<ul style='margin-top:0'>{body}</ul>" if body else ""
        else:
            body = html.escape(text).replace("\n", "<br>")
        style = "background:#fff4dc;padding:6px" if key == "support_me" else "padding:4px"
        gap = "" if key == "support_me" and body else "<br>"
        parts.append(f"<div style='{style}'><b style='color:#0b4f6c'>{title}</b>{gap}"
                     f"{body or '<i>Not written yet.</i>'}</div>")
    return "".join(parts)


def diff_html(old: PassportRecord, new: PassportRecord) -> str:
    """Section by section, words removed struck through in red and added in green."""
    out = [f"<p>Version {old.version} ({uk(old.written_on)}) → version {new.version} "
           f"({uk(new.written_on)})</p>"]
    for key, title in PASSPORT_HEADINGS:
        before, after = getattr(old.content, key).split(), getattr(new.content, key).split()
        if before == after:
            continue
        words = []
        for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=before, b=after).get_opcodes():
            if op in ("replace", "delete"):
                words.append("<s style='color:#a4161a'>"
                             f"{html.escape(' '.join(before[a1:a2]))}</s>")
            if op in ("replace", "insert"):
                words.append("<b style='color:#0b6e4f'>"
                             f"{html.escape(' '.join(after[b1:b2]))}</b>")
            if op == "equal":
                words.append(html.escape(" ".join(before[a1:a2])))
        out.append(f"<h4>{title}</h4><p>{' '.join(words)}</p>")
    if len(out) == 1:
        out.append("<p>No differences.</p>")
    return "".join(out)


class PassportTab(QWidget):
    def __init__(self, desk: Desk, pupil_id: int) -> None:
        super().__init__()
        self.desk, self.pupil_id = desk, pupil_id
        self.editable = desk.actor.may(Permission.EDIT_SUPPORT)
        self.editors: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        for key, title in PASSPORT_HEADINGS:
            editor = text_area(lines=3)
            editor.setAccessibleName(title)
            editor.setReadOnly(not self.editable)
            editor.textChanged.connect(self._schedule_preview)
            self.editors[key] = editor
            form.addRow(QLabel(title), editor)
        self.editors["support_me"].setPlaceholderText(self.tr("One strategy per line"))
        self.message = error_label()
        self.stale = StalePanel()
        self.stale.reload_requested.connect(self.reload)
        self.save_button = QPushButton(self.tr("&Save new version"))
        self.save_button.setObjectName("primary")
        self.save_button.setVisible(self.editable)
        self.save_button.clicked.connect(self.save)
        print_button = QPushButton(self.tr("Print / &preview…"))
        print_button.clicked.connect(self.print_current)
        print_button.setVisible(desk.actor.may(Permission.PRINT_PASSPORTS))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(print_button)
        buttons.addStretch(1)
        editor_box = QWidget()
        editor_layout = QVBoxLayout(editor_box)
        editor_layout.addWidget(self.stale)
        editor_layout.addLayout(form)
        editor_layout.addWidget(self.message)
        editor_layout.addLayout(buttons)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(editor_box)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName(self.tr("Passport preview"))
        self.versions = QListWidget()
        self.versions.setAccessibleName(self.tr("Saved versions"))
        self.versions.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.versions.setSpacing(4)  # each version is two lines
        compare = QPushButton(self.tr("&Compare two versions"))
        compare.clicked.connect(self.compare)
        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.addWidget(heading(self.tr("Versions")))
        history_layout.addWidget(self.versions, 1)
        history_layout.addWidget(compare)
        right = QSplitter()
        right.addWidget(self.preview)
        right.addWidget(history)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setSizes([560, 700])
        right.setSizes([460, 240])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self.load()

    def load(self) -> None:
        self.records = passports.versions(self.desk, self.pupil_id)
        latest = self.records[0].content if self.records else PassportContent()
        for key, editor in self.editors.items():
            editor.setPlainText(getattr(latest, key))
        self._loaded = self.content()
        self.versions.clear()
        for record in self.records:
            # two short lines, so the narrow list never cuts the author's name
            item = QListWidgetItem(self.tr("Version {v} · {d}\n{who}").format(
                v=record.version, d=uk(record.written_on), who=record.author or "-"))
            item.setData(256, record)
            self.versions.addItem(item)
        self.update_preview()

    def content(self) -> PassportContent:
        return PassportContent(**{f.name: self.editors[f.name].toPlainText()
                                  for f in fields(PassportContent)})

    def has_unsaved_changes(self) -> bool:
        return self.editable and self.content() != self._loaded

    def _schedule_preview(self) -> None:
        self._timer.start()

    def update_preview(self) -> None:
        self.preview.setHtml(preview_html(self.content()))

    def save(self) -> None:
        try:
            passports.save(self.desk, self.pupil_id, self.content(),
                           opened_version=self.records[0].version if self.records else 0)
        except StaleEdit as error:
            self.stale.refused(error, typed_text([(title, self.editors[key])
                                                  for key, title in PASSPORT_HEADINGS]),
                               can_reload=True)
            return
        except SencodeskError as error:
            show_failure(error, self.message)
            return
        show_error(self.message, "")
        self.stale.hide()
        self.load()
        say_saved(self, self.tr("Passport saved as a new version."))

    def reload(self) -> None:
        """The newest version, someone else's, in the editors; what was typed stays in the
        stale panel to copy."""
        self.load()
        self.stale.reloaded(self.stale.changed_by)

    def compare(self) -> None:
        chosen = sorted((item.data(256) for item in self.versions.selectedItems()),
                        key=lambda r: r.version)
        if len(chosen) != 2:
            QMessageBox.information(self, self.tr("Compare versions"),
                                    self.tr("Select two versions (Ctrl+click) to compare."))
            return
        self.show_diff(diff_html(chosen[0], chosen[1]))

    @classmethod
    def show_diff(cls, text: str) -> None:
        dialog = QDialog()
        dialog.setWindowTitle("Passport changes")
        view = QTextBrowser()
        view.setHtml(text)
        QVBoxLayout(dialog).addWidget(view)
        dialog.resize(640, 520)
        dialog.exec()

    def print_current(self) -> None:
        from sencodesk.ui.documents import print_passports

        if self.has_unsaved_changes():
            QMessageBox.information(self, self.tr("Print passport"),
                                    self.tr("Save the passport first: the printout shows the "
                                            "saved version."))
            return
        print_passports(self.desk, [self.pupil_id], self)
