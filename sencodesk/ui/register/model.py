"""The register's table model, filtered in Python by the one register filter.

Search-as-you-type must stay within a frame for a school of 2,000. Measured: a
QSortFilterProxyModel calls back into Python for every row and every sort comparison (about
50 ms per change at 2,000 pupils); filtering the list in Python and resetting the model costs a
few milliseconds, and the view only asks for the rows on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sencodesk.domain.codes import SenStatus, YearGroup
from sencodesk.domain.records import PupilRow
from sencodesk.domain.register_filter import (
    RegisterFilter,
    matches,
    natural_key,
    needs_text,
    search_text,
)
from sencodesk.ui.table_model import Column, RecordTableModel

COLUMNS: list[Column[PupilRow]] = [
    Column("Name", lambda r: r.sort_name),
    Column("UPN", lambda r: r.upn),
    Column("Year", lambda r: int(r.year_group), lambda v: YearGroup(v).short),
    Column("Class", lambda r: (natural_key(r.form), r.form), lambda v: v[1]),
    Column("Status", lambda r: r.status.value, tooltip=lambda r: r.status.label),
    # both needs, because the need filter matches either
    Column("Needs", needs_text,
           tooltip=lambda r: "\n".join(n.label for n in (r.primary_need, r.secondary_need) if n)),
    Column("EHCP", lambda r: r.status is SenStatus.EHCP),
    Column("Next review", lambda r: r.next_review),
]


class RegisterModel(RecordTableModel[PupilRow]):
    """The register as filtered by ``register_filter.matches``, the rule the services use."""

    def __init__(self, today: date, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)
        self.today = today
        self.criteria = RegisterFilter()
        self.everyone: list[PupilRow] = []
        self._search: list[str] = []

    def load(self, rows: Sequence[PupilRow]) -> None:
        self.everyone = list(rows)
        self._search = [search_text(r) for r in self.everyone]
        self._apply()

    def set_filter(self, **criteria: Any) -> None:
        """Change some filters (``RegisterFilter``'s fields) and show who passes."""
        self.criteria = replace(self.criteria, **criteria)
        self._apply()

    def _apply(self) -> None:
        self.set_records([
            row for row, text in zip(self.everyone, self._search, strict=True)
            if matches(row, self.criteria, today=self.today, haystack=text)])
