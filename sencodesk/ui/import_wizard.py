"""Importing pupils in the app: choose an MIS CSV export or a Common Transfer File, check how
its columns are read, see exactly what would change, then import it whole or not at all.
Nothing is written before the last page's Import button."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from sencodesk.domain.errors import SencodeskError, ValidationError
from sencodesk.domain.mis_csv import (
    ALIASES,
    IGNORE,
    MisRow,
    RowError,
    detect_preset,
    field_label,
    match_columns,
    read_header,
)
from sencodesk.services import ctf, mis_import
from sencodesk.services.context import Desk
from sencodesk.services.mis_import import ImportPreview, Update
from sencodesk.ui import worker
from sencodesk.ui.common import error_text, explain, table_view
from sencodesk.ui.table_model import Column, RecordTableModel

NOT_IN_FILE = "(not in this file)"


def _is_ctf(path: Path) -> bool:
    return path.suffix.lower() in (".xml", ".ctf")


class ImportWizard(QWizard):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.data = b""
        self.plan: ImportPreview | None = None
        self.imported: mis_import.ImportResult | None = None
        self.setWindowTitle(self.tr("Import pupils"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.file_page = FilePage(self)
        self.columns_page = ColumnsPage(self)
        self.preview_page = PreviewPage(self)
        for page in (self.file_page, self.columns_page, self.preview_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Import"))
        self.resize(900, 620)

    @property
    def is_ctf(self) -> bool:
        return _is_ctf(Path(self.file_page.path.text()))

    def preview_work(self) -> Callable[[], ImportPreview]:
        """The preview to run in the background, with the choices read from the pages now
        (widgets are only touched on this thread)."""
        desk, data = self.desk, self.data
        if self.is_ctf:
            return lambda: ctf.preview(desk, data)
        mapping = self.columns_page.mapping()
        return lambda: mis_import.preview(desk, data, mapping=mapping)

    def accept(self) -> None:
        """Import the previewed plan in the background; close when it is written."""
        plan = self.plan
        if plan is None or not plan.writes:
            super().accept()
            return
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)

        def done(result: mis_import.ImportResult) -> None:
            self.imported = result
            QWizard.accept(self)

        def failed(error: BaseException) -> None:
            self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
            explain(self, error)

        self._task = worker.run_with_progress(
            self, self.tr("Importing pupils…"),
            lambda progress: mis_import.apply(self.desk, plan, progress=progress),
            on_done=done, on_error=failed)


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(self.tr("A CSV exported from SIMS, Arbor, Bromcom or ScholarPack, or a "
                                 "Common Transfer File (.xml) from another school."))
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("File to import"))
        self.path.textChanged.connect(lambda _t: self.completeChanged.emit())
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("error")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import pupils"), str(Path.home()),
            self.tr("Pupil lists (*.csv *.xml *.ctf);;All files (*)"))
        if name:
            self.path.setText(name)

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        path = Path(self.path.text().strip())
        try:
            self.owner.data = path.read_bytes()
        except OSError as error:
            self.message.setText(self.tr("Cannot read {path}: {why}").format(
                path=path, why=error.strerror))
            return False
        if not _is_ctf(path):
            try:  # an empty file, a workbook or a picture is explained here, not as columns
                read_header(self.owner.data)
            except ValidationError as error:
                self.message.setText(self.tr("{name} {why}").format(name=path.name,
                                                                   why=error.message))
                return False
        self.message.clear()
        return True

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        # a CTF's elements are fixed: there are no columns to map
        return 2 if _is_ctf(Path(self.path.text())) else 1


class ColumnsPage(QWizardPage):
    """Every field sencodesk reads, with the column it will come from; change any of them."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Check the columns"))
        self.setSubTitle(self.tr("Columns with the usual names are matched already. Choose a "
                                 "column for anything the file names differently."))
        self.form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        self.headers: list[str] = []
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        while self.form.rowCount():
            self.form.removeRow(0)
        self.combos.clear()
        try:
            header = read_header(self.owner.data)
        except (ValidationError, StopIteration):
            header = []
        self.headers = header
        found = match_columns(header, detect_preset(header))
        for name in ALIASES:
            combo = QComboBox()
            combo.addItems([NOT_IN_FILE, *header])
            combo.setCurrentText(found.get(name, NOT_IN_FILE))
            combo.setAccessibleName(field_label(name))
            combo.currentIndexChanged.connect(lambda _i: self.completeChanged.emit())
            self.combos[name] = combo
            self.form.addRow(field_label(name), combo)

    def mapping(self) -> dict[str, str]:
        """header -> field for every column of the file, exactly as chosen here: a column no
        field is pointed at is not read, even if its name is a usual one."""
        chosen = {combo.currentText(): name for name, combo in self.combos.items()
                  if combo.currentText() != NOT_IN_FILE}
        return {header: chosen.get(header, IGNORE) for header in self.headers}

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        missing = [field_label(n) for n in ("upn", "surname", "forename", "dob", "year")
                   if n in self.combos and self.combos[n].currentText() == NOT_IN_FILE]
        readers: dict[str, list[str]] = {}
        for name, combo in self.combos.items():
            if combo.currentText() != NOT_IN_FILE:
                readers.setdefault(combo.currentText(), []).append(field_label(name))
        shared = [(column, fields) for column, fields in readers.items() if len(fields) > 1]
        if missing:
            self.message.setText(self.tr("Still needed: {fields}").format(
                fields=", ".join(missing)))
        elif shared:
            column, fields = shared[0]
            self.message.setText(self.tr("{fields} all read the column \u201c{column}\u201d: "
                                         "choose one column for each.").format(
                fields=" and ".join(fields), column=column))
        else:
            self.message.clear()
        return not missing and not shared


class PreviewPage(QWizardPage):
    """What the import would do, row by row; nothing is written yet."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Check what will change"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new = RecordTableModel[MisRow](_row_columns(), self)
        self.updated = RecordTableModel[Update]([
            Column("Where", lambda u: u.row.row), Column("UPN", lambda u: u.row.upn),
            Column("Name", lambda u: f"{u.row.forename} {u.row.surname}"),
            Column("What changes", lambda u: "; ".join(
                f"{k}: {mis_import.as_text(a)} → {mis_import.as_text(b)}"
                for k, (a, b) in u.changes.items()))], self)
        self.unchanged = RecordTableModel[MisRow](_row_columns(), self)
        self.rejected = RecordTableModel[RowError]([
            Column("Where", lambda e: e.row), Column("Why it was rejected", lambda e: e.message)],
            self)
        self.tabs = QTabWidget()
        self.views: dict[str, Any] = {}
        for key, model in (("new", self.new), ("updated", self.updated),
                           ("unchanged", self.unchanged), ("rejected", self.rejected)):
            view = table_view(model, key)
            self.views[key] = view
            self.tabs.addTab(view, key.capitalize())
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        self._asked = 0
        self._task: worker.Task | None = None
        self.busy = False  # reading the file in the background

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        """Read and check the file in the background (a large file takes seconds)."""
        self.owner.plan = None
        self._asked += 1
        asked = self._asked
        for model in (self.new, self.updated, self.unchanged, self.rejected):
            model.set_records([])
        self.summary.setText(self.tr("Reading the file…"))
        self.busy = True
        self.completeChanged.emit()

        def done(plan: ImportPreview) -> None:
            if asked == self._asked:  # not a preview the user has since gone back from
                self.busy = False
                self.show_plan(plan)

        def failed(error: BaseException) -> None:
            if asked != self._asked:
                return
            self.busy = False
            if not isinstance(error, SencodeskError):
                raise error
            text = error_text(error)
            self.summary.setText(self.tr("This file cannot be imported. {why}").format(why=text))

        def stopped() -> None:
            if asked == self._asked:
                self.busy = False
                self.summary.setText(self.tr("Checking the file was stopped. Press Back, then "
                                             "Next to check it again."))

        work = self.owner.preview_work()

        def check(progress: worker.Progress) -> ImportPreview:
            plan = work()
            progress(1, 1, "")  # stops here if Cancel was pressed meanwhile
            return plan

        self._task = worker.run_with_progress(
            self, self.tr("Checking the file…"), check, on_done=done, on_error=failed,
            on_cancel=stopped)

    def show_plan(self, plan: ImportPreview) -> None:
        self.owner.plan = plan
        self.new.set_records(plan.new)
        self.updated.set_records(plan.updated)
        self.unchanged.set_records(plan.unchanged)
        self.rejected.set_records(plan.rejected)
        unit = self.tr("line") if self.owner.is_ctf else self.tr("row")
        counts = (len(plan.new), len(plan.updated), len(plan.unchanged), len(plan.rejected))
        for index, count in enumerate(counts):
            self.tabs.setTabText(index, f"{self.tabs.tabText(index).split(' (')[0]} ({count})")
        lines = [self.tr("{0} new, {1} updated, {2} unchanged, {3} rejected. Each pupil is "
                         "shown with its {unit} in the file.").format(*counts, unit=unit)]
        lines += [f"{unit.capitalize()} {where}: {note}" for where, note in plan.notes]
        if plan.rejected:
            lines.append(self.tr("Rejected pupils are left out; fix them in the file and import "
                                 "it again (the others will then be unchanged)."))
        lines.append(self.tr("Nothing has been written yet.") if plan.writes else
                     self.tr("There is nothing to import."))
        self.summary.setText("\n".join(lines))
        if plan.rejected and not plan.writes:
            self.tabs.setCurrentIndex(3)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.owner.plan is not None


def _row_columns() -> list[Column[MisRow]]:
    return [Column("Where", lambda r: r.row), Column("UPN", lambda r: r.upn),
            Column("Name", lambda r: f"{r.forename} {r.surname}"),
            Column("Born", lambda r: r.dob), Column("Year", lambda r: r.year_group.label),
            Column("Status", lambda r: r.status.value if r.status else "")]
