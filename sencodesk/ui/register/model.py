"""The register's table model and the in-memory filter behind search-as-you-type.

Filtering happens in the proxy, on rows already loaded, so each keystroke costs well under a
frame even for a large school; the database is read only when the register is refreshed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from sencodesk.domain.codes import NeedType, SenStatus, YearGroup
from sencodesk.domain.records import PupilRow
from sencodesk.ui.table_model import RECORD_ROLE, SORT_ROLE, Column, RecordTableModel

COLUMNS: list[Column[PupilRow]] = [
    Column("Name", lambda r: r.sort_name),
    Column("UPN", lambda r: r.upn),
    Column("Year", lambda r: int(r.year_group), lambda v: YearGroup(v).short),
    Column("Class", lambda r: r.form),
    Column("Status", lambda r: r.status.value, tooltip=lambda r: r.status.label),
    Column("Primary need", lambda r: r.primary_need.value if r.primary_need else "",
           tooltip=lambda r: r.primary_need.label if r.primary_need else ""),
    Column("EHCP", lambda r: r.status is SenStatus.EHCP),
    Column("Next review", lambda r: r.next_review),
]


def register_model(parent: Any = None) -> RecordTableModel[PupilRow]:
    return RecordTableModel(COLUMNS, parent)


class RegisterFilter(QSortFilterProxyModel):
    def __init__(self, today: date, parent: Any = None) -> None:
        super().__init__(parent)
        self.today = today
        self.search = ""
        self.status: SenStatus | None = None
        self.need: NeedType | None = None
        self.year: YearGroup | None = None
        self.form = ""
        self.overdue_only = False
        self.setSortRole(SORT_ROLE)

    def set(self, **criteria: Any) -> None:
        # Qt 6.9 replaced invalidateFilter() with a begin/end pair; older Qt has only the former.
        modern = hasattr(self, "beginFilterChange")
        if modern:
            self.beginFilterChange()
        for name, value in criteria.items():
            setattr(self, name, value)
        self.search = self.search.strip().casefold()
        if modern:
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def filterAcceptsRow(  # noqa: N802
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        row: PupilRow = self.sourceModel().index(source_row, 0, source_parent).data(RECORD_ROLE)
        if self.search and self.search not in row.sort_name.casefold() \
                and self.search not in row.display_name.casefold() \
                and self.search not in row.upn.casefold():
            return False
        if self.status is not None and row.status != self.status:
            return False
        if self.need is not None and self.need not in (row.primary_need, row.secondary_need):
            return False
        if self.year is not None and row.year_group != self.year:
            return False
        if self.form and row.form != self.form:
            return False
        return not (self.overdue_only
                    and (row.next_review is None or row.next_review >= self.today))

    def rows(self) -> list[PupilRow]:
        return [self.index(r, 0).data(RECORD_ROLE) for r in range(self.rowCount())]
