"""Importing pupils in the app: choose an MIS CSV export or a Common Transfer File, check how
its columns are read, see exactly what would change, then import it whole or not at all.
Nothing is written before the last page's Import button.

The pages ask the wizard what it imports (its fields, how to preview and how to apply), so
another import (ui/context_import_wizard.py) is this wizard with those few answers changed."""

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
    REQUIRED,
    MisRow,
    RowError,
    detect_preset,
    field_label,
    match_columns,
    read_header,
)
from sencodesk.services import ctf, mis_import
from sencodesk.services.context import Desk
from sencodesk.services.mis_import import ImportPreview
from sencodesk.ui import worker
from sencodesk.ui.common import error_text, explain, table_view
from sencodesk.ui.table_model import Column, RecordTableModel

NOT_IN_FILE = "(not in this file)"


def _is_ctf(path: Path) -> bool:
    return path.suffix.lower() in (".xml", ".ctf")


class ImportWizard(QWizard):
    """Pupils from an MIS CSV export or a Common Transfer File."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.data = b""
        self.plan: Any = None  # the preview shown, the one Import writes
        self.imported: Any = None  # what apply returned, once written
        self.setWindowTitle(self.title())
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.file_page = FilePage(self)
        self.columns_page = ColumnsPage(self)
        self.preview_page = PreviewPage(self)
        for page in (self.file_page, self.columns_page, self.preview_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Import"))
        self.resize(900, 620)

    # what this wizard imports: a subclass for another kind of file answers these ----------
    def title(self) -> str:
        return self.tr("Import pupils")

    def file_subtitle(self) -> str:
        return self.tr("A CSV exported from SIMS, Arbor, Bromcom or ScholarPack, or a Common "
                       "Transfer File (.xml) from another school.")

    def file_filter(self) -> str:
        return self.tr("Pupil lists (*.csv *.xml *.ctf);;All files (*)")

    def add_file_choices(self, layout: QVBoxLayout) -> None:
        """Anything else the first page asks (nothing, for pupils)."""

    def fields(self) -> dict[str, str]:
        """Every field read from a CSV, with its everyday name, in the order shown."""
        return {name: field_label(name) for name in ALIASES}

    def required_fields(self) -> tuple[str, ...]:
        return REQUIRED

    def detected(self, header: list[str]) -> tuple[dict[str, str], str]:
        """Which header each field would be read from, and a word on how it was matched."""
        return match_columns(header, detect_preset(header)), ""

    @property
    def is_ctf(self) -> bool:
        return _is_ctf(Path(self.file_page.path.text()))

    @property
    def unit(self) -> str:
        """How a place in the file is named: a CSV row or an XML line."""
        return self.tr("line") if self.is_ctf else self.tr("row")

    def preview_columns(self) -> tuple[list[Column[Any]], list[Column[Any]]]:
        """The columns of the New and Unchanged tables, and of the Updated table."""
        return _row_columns(), [
            Column("Where", lambda u: u.row.row), Column("UPN", lambda u: u.row.upn),
            Column("Name", lambda u: f"{u.row.forename} {u.row.surname}"),
            Column("What changes", lambda u: "; ".join(
                f"{k}: {mis_import.as_text(a)} → {mis_import.as_text(b)}"
                for k, (a, b) in u.changes.items()))]

    def plan_notes(self, plan: Any) -> list[str]:
        """What the preview noticed, each line naming its place in the file."""
        return [f"{self.unit.capitalize()} {where}: {note}" for where, note in plan.notes]

    def things(self) -> str:
        """What each row of the file is, in the plural."""
        return self.tr("pupils")

    def apply_work(self, plan: Any) -> Callable[[worker.Progress], Any]:
        desk = self.desk
        return lambda progress: mis_import.apply(desk, plan, progress=progress)

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

        def stopped() -> None:  # the transaction was rolled back: Import can be pressed again
            self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
            self.preview_page.summary.setText(self.tr(
                "The import was stopped and nothing was written. Press Import to import the "
                "whole file, or Cancel."))

        self._task = worker.run_with_progress(
            self, self.tr("Importing {things}…").format(things=self.things()),
            self.apply_work(plan), on_done=done, on_error=failed, on_cancel=stopped)


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(wizard.file_subtitle())
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("File to import"))
        self.path.textChanged.connect(lambda _t: self.completeChanged.emit())
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        label = QLabel(self.tr("&File"))
        label.setBuddy(self.path)
        row.addWidget(label)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("error")
        layout = QVBoxLayout(self)
        wizard.add_file_choices(layout)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.owner.title(), str(Path.home()), self.owner.file_filter())
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
        if not self.owner.is_ctf:
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
        return 2 if self.owner.is_ctf else 1


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
        self.recognised = QLabel()
        self.recognised.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.recognised)
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
        found, how = self.owner.detected(header)
        self.recognised.setText(how)
        self.recognised.setVisible(bool(how))
        for name, label in self.owner.fields().items():
            combo = QComboBox()
            combo.addItems([NOT_IN_FILE, *header])
            combo.setCurrentText(found.get(name, NOT_IN_FILE))
            combo.setAccessibleName(label)
            combo.currentIndexChanged.connect(lambda _i: self.completeChanged.emit())
            self.combos[name] = combo
            self.form.addRow(label, combo)

    def mapping(self) -> dict[str, str]:
        """header -> field for every column of the file, exactly as chosen here: a column no
        field is pointed at is not read, even if its name is a usual one."""
        chosen = {combo.currentText(): name for name, combo in self.combos.items()
                  if combo.currentText() != NOT_IN_FILE}
        return {header: chosen.get(header, IGNORE) for header in self.headers}

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        labels = self.owner.fields()
        missing = [labels[n] for n in self.owner.required_fields()
                   if n in self.combos and self.combos[n].currentText() == NOT_IN_FILE]
        readers: dict[str, list[str]] = {}
        for name, combo in self.combos.items():
            if combo.currentText() != NOT_IN_FILE:
                readers.setdefault(combo.currentText(), []).append(labels[name])
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
        rows, changes = wizard.preview_columns()
        self.new = RecordTableModel[Any](rows, self)
        self.updated = RecordTableModel[Any](changes, self)
        self.unchanged = RecordTableModel[Any](rows, self)
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

        def done(plan: Any) -> None:
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

        def check(progress: worker.Progress) -> Any:
            plan = work()
            progress(1, 1, "")  # stops here if Cancel was pressed meanwhile
            return plan

        self._task = worker.run_with_progress(
            self, self.tr("Checking the file…"), check, on_done=done, on_error=failed,
            on_cancel=stopped)

    def show_plan(self, plan: Any) -> None:
        self.owner.plan = plan
        self.new.set_records(plan.new)
        self.updated.set_records(plan.updated)
        self.unchanged.set_records(plan.unchanged)
        self.rejected.set_records(plan.rejected)
        unit, things = self.owner.unit, self.owner.things()
        counts = (len(plan.new), len(plan.updated), len(plan.unchanged), len(plan.rejected))
        for index, count in enumerate(counts):
            self.tabs.setTabText(index, f"{self.tabs.tabText(index).split(' (')[0]} ({count})")
        lines = [self.tr("{0} new, {1} updated, {2} unchanged, {3} rejected. Each one is "
                         "shown with its {unit} in the file.").format(*counts, unit=unit)]
        lines += self.owner.plan_notes(plan)
        if plan.rejected:
            lines.append(self.tr("Rejected {things} are left out; fix them in the file and "
                                 "import it again (the others will then be unchanged).").format(
                things=things))
        lines.append(self.tr("Nothing has been written yet.") if plan.writes else
                     self.tr("There is nothing to import."))
        self.summary.setText("\n".join(lines))
        if plan.rejected and not plan.writes:
            self.tabs.setCurrentIndex(3)
        else:  # the first tab with something in it, not an empty New tab
            self.tabs.setCurrentIndex(next((i for i, n in enumerate(counts) if n), 0))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.owner.plan is not None


def _row_columns() -> list[Column[MisRow]]:
    return [Column("Where", lambda r: r.row), Column("UPN", lambda r: r.upn),
            Column("Name", lambda r: f"{r.forename} {r.surname}"),
            Column("Born", lambda r: r.dob), Column("Year", lambda r: r.year_group.label),
            Column("Status", lambda r: r.status.value if r.status else "")]
