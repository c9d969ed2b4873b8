"""Importing inclusion context in the app (attendance, suspensions and exclusions, part-time
timetables, pupil flags, assessment scores): the pupil import wizard with its own kind of
file. Choose what the file holds, check its columns (SIMS and Arbor headers are recognised),
see every row that would change and every rejected row with its column, then import it whole
or not at all."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QFormLayout, QVBoxLayout, QWidget

from sencodesk.domain import context_csv
from sencodesk.domain.context_csv import ContextKind, ContextRow
from sencodesk.services import context_import
from sencodesk.services.context import Desk
from sencodesk.ui import worker
from sencodesk.ui.common import ValueCombo
from sencodesk.ui.import_wizard import ImportWizard
from sencodesk.ui.table_model import Column

#: The MIS names shown when a file's headers match a preset.
MIS_NAMES = {"sims": "SIMS", "arbor": "Arbor"}


class ContextImportWizard(ImportWizard):
    """One kind of context per file, a pupil per row named by UPN."""

    def __init__(self, desk: Desk, parent: QWidget | None = None,
                 kind: ContextKind = ContextKind.ATTENDANCE) -> None:
        self._first_kind = kind
        super().__init__(desk, parent)

    def title(self) -> str:
        return self.tr("Import attendance, suspensions and other context")

    def file_subtitle(self) -> str:
        return self.tr("A CSV exported from the MIS (SIMS, Arbor or another), one pupil a row "
                       "named by UPN. Choose what it holds.")

    def file_filter(self) -> str:
        return self.tr("CSV files (*.csv *.txt);;All files (*)")

    def add_file_choices(self, layout: QVBoxLayout) -> None:
        self.kind_box = ValueCombo[ContextKind](
            [(k.label.capitalize(), k) for k in ContextKind], self._first_kind,
            name=self.tr("What the file holds"))
        form = QFormLayout()
        form.addRow(self.tr("The file &holds"), self.kind_box)
        layout.addLayout(form)

    @property
    def kind(self) -> ContextKind:
        return self.kind_box.value() or ContextKind.ATTENDANCE

    @property
    def is_ctf(self) -> bool:
        return False

    def fields(self) -> dict[str, str]:
        return {name: context_csv.field_label(name) for name in context_csv.ALIASES[self.kind]}

    def required_fields(self) -> tuple[str, ...]:
        return context_csv.REQUIRED[self.kind]

    def detected(self, header: list[str]) -> tuple[dict[str, str], str]:
        preset = context_csv.detect_preset(self.kind, header)
        found = context_csv.match_columns(self.kind, header, preset)
        name = next((MIS_NAMES.get(n, n) for n, by_kind in context_csv.PRESETS.items()
                     if preset and by_kind.get(self.kind) == preset), "")
        how = self.tr("Columns named as {mis} exports them.").format(mis=name) if name else ""
        return found, how

    def preview_columns(self) -> tuple[list[Column[Any]], list[Column[Any]]]:
        rows: list[Column[Any]] = [Column("Row", lambda r: r.row),
                                   Column("UPN", lambda r: r.upn),
                                   Column("Record", _entry_text)]
        return rows, rows

    def plan_notes(self, plan: Any) -> list[str]:
        if plan.ignored_columns:
            return [self.tr("Columns not read: {columns}.").format(
                columns=", ".join(plan.ignored_columns))]
        return []

    def things(self) -> str:
        return self.tr("records")

    def preview_work(self) -> Callable[[], Any]:
        desk, data, kind = self.desk, self.data, self.kind
        mapping = self.columns_page.mapping()
        return lambda: context_import.preview(desk, kind, data, mapping=mapping)

    def apply_work(self, plan: Any) -> Callable[[worker.Progress], Any]:
        desk = self.desk
        return lambda progress: context_import.apply(desk, plan, progress=progress)


def _entry_text(row: ContextRow) -> str:
    """One record as the SENCO would say it."""
    return context_csv.describe_entry(row.entry)
