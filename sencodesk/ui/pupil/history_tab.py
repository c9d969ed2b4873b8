"""History: the audit entries for this pupil, newest first, with what changed."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView, QVBoxLayout, QWidget

from sencodesk.domain.dates import uk_time
from sencodesk.domain.records import AuditRecord
from sencodesk.services import audit
from sencodesk.services.context import Desk
from sencodesk.ui.common import configure_table
from sencodesk.ui.table_model import Column, RecordTableModel


def describe(changes: dict[str, list[object]]) -> str:
    return "; ".join(f"{field}: {old if old is not None else '-'} → {new}"
                     for field, (old, new) in changes.items())


class HistoryTab(QWidget):
    def __init__(self, desk: Desk, pupil_id: int) -> None:
        super().__init__()
        self.model = RecordTableModel[AuditRecord]([
            Column("When", lambda e: e.at.astimezone(),
                   lambda v: uk_time(v)),
            Column("Who", lambda e: e.actor), Column("Action", lambda e: e.action),
            Column("What", lambda e: e.entity), Column("Summary", lambda e: e.summary),
            Column("Changes", lambda e: describe(e.changes),
                   tooltip=lambda e: describe(e.changes))], self)
        view = QTableView()
        view.setModel(self.model)
        configure_table(view, name=self.tr("Audit history"))
        view.setSortingEnabled(False)
        QVBoxLayout(self).addWidget(view)
        self.model.set_records(audit.list_events(desk, pupil_id=pupil_id))
