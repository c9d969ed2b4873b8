"""The Register screen: every pupil, searchable as you type, with filters and counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.codes import NeedType, SenStatus
from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import PupilRow
from sencodesk.domain.register_filter import natural_key
from sencodesk.services import pupils
from sencodesk.services.context import Desk
from sencodesk.ui.common import ValueCombo, configure_table, heading
from sencodesk.ui.register.model import RegisterModel
from sencodesk.ui.table_model import RECORD_ROLE


def _combo(name: str, items: list[tuple[str, Any]]) -> ValueCombo[Any]:
    return ValueCombo(items, name=name)


def _refill(combo: ValueCombo[Any], anything: str, none: Any,
            choices: list[tuple[str, Any]]) -> None:
    """Offer what the register holds, keeping the current choice (the filter) if it remains."""
    current = combo.value()
    combo.blockSignals(True)
    combo.clear_choices()
    combo.add(anything, none)
    for text, value in choices:
        combo.add(text, value)
    combo.select(current)
    combo.blockSignals(False)


class RegisterView(QWidget):
    pupil_activated = Signal(int)
    print_passports_requested = Signal(list)
    new_pupil_requested = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.model = RegisterModel(desk.today(), self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name or UPN (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search pupils"))
        self.search.setClearButtonEnabled(True)
        self.status = _combo(self.tr("Status filter"), [(self.tr("Any status"), None)]
                             + [(f"{s.value}: {s.label}", s) for s in SenStatus])
        self.need = _combo(self.tr("Need filter"), [(self.tr("Any need"), None)]
                           + [(n.value, n) for n in NeedType])
        # filled by refresh() with the year groups the school's pupils are in
        self.year = _combo(self.tr("Year filter"), [(self.tr("Any year"), None)])
        self.form = _combo(self.tr("Class filter"), [(self.tr("Any class"), "")])
        self.overdue = QCheckBox(self.tr("Review &overdue"))
        self.table = QTableView()
        self.table.setModel(self.model)
        # widths are set once below rather than measured on every refresh of 1,000+ rows
        configure_table(self.table, name=self.tr("Pupils on the register"), fit=False)
        self.table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.counts = QLabel()
        self.counts.setObjectName("muted")
        self.print_button = QPushButton(self.tr("Print passports for selection"))
        self.print_button.setVisible(desk.actor.may(Permission.PRINT_PASSPORTS))
        self.new_button = QPushButton(self.tr("&New pupil…"))
        self.new_button.setVisible(desk.actor.may(Permission.EDIT_PUPILS))
        self.letters_button = QPushButton(self.tr("&Letters to parents…"))
        self.letters_button.setVisible(desk.actor.may(Permission.EXPORT)
                                       and desk.actor.may(Permission.ADD_CONTACT))
        filters = QHBoxLayout()
        for widget in (self.search, self.status, self.need, self.year, self.form, self.overdue):
            filters.addWidget(widget)
        filters.setStretch(0, 3)
        actions = QHBoxLayout()
        actions.addWidget(self.counts, 1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.letters_button)
        actions.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("SEND register")))
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.search.textChanged.connect(lambda text: self._filter(search=text))
        for combo, key in ((self.status, "status"), (self.need, "need"), (self.year, "year_group"),
                           (self.form, "form")):
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, k=key: self._filter(**{k: c.value()}))
        self.overdue.toggled.connect(lambda on: self._filter(review_overdue=on))
        self.table.activated.connect(self._activated)
        self.print_button.clicked.connect(self._print_selected)
        self.letters_button.clicked.connect(self._letters)
        self.new_button.clicked.connect(self.new_pupil_requested)
        self.refresh()
        for column, width in enumerate((250, 140, 60, 70, 70, 120, 70)):
            self.table.setColumnWidth(column, width)

    def refresh(self) -> None:
        rows = pupils.list_pupils(self.desk)
        _refill(self.year, self.tr("Any year"), None,
                [(y.label, y) for y in sorted({r.year_group for r in rows})])
        _refill(self.form, self.tr("Any class"), "",
                [(f, f) for f in sorted({r.form for r in rows if r.form}, key=natural_key)])
        # a year or class no longer on the register falls back to "Any"
        self.model.criteria = replace(self.model.criteria, year_group=self.year.value(),
                                      form=self.form.value())
        self.model.load(rows)
        self._update_counts()

    def _filter(self, **criteria: object) -> None:
        self.model.set_filter(**criteria)
        self._update_counts()

    def shown(self) -> list[PupilRow]:
        """The pupils the filters let through, in the order shown."""
        return list(self.model.records)

    def _update_counts(self) -> None:
        rows = self.model.records
        by_status = Counter(r.status for r in rows)
        self.counts.setText(self.tr("{n} pupils · K {k} · E {e}").format(
            n=f"{len(rows):,}", k=by_status[SenStatus.SUPPORT], e=by_status[SenStatus.EHCP]))

    def selected(self) -> list[PupilRow]:
        return [index.data(RECORD_ROLE) for index in self.table.selectionModel().selectedRows()]

    def _activated(self) -> None:
        chosen = self.selected()
        if chosen:
            self.pupil_activated.emit(chosen[0].id)

    def _print_selected(self) -> None:
        chosen = self.selected() or self.shown()
        self.print_passports_requested.emit([r.id for r in chosen])

    def _letters(self) -> None:
        from sencodesk.ui.register.letters import LettersDialog

        chosen = self.selected() or self.shown()
        LettersDialog(self.desk, [r.id for r in chosen], self).exec()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
