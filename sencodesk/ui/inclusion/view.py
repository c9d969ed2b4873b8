"""Inclusion: attendance, persistent absence, suspensions and permanent exclusions for pupils
on K, on E and not on the register, side by side over three years; part-time timetables in
force with their review dates; disadvantaged pupils with SEND."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sencodesk.domain.codes import SenStatus
from sencodesk.domain.inclusion import academic_year_label
from sencodesk.domain.inclusion_figures import Disadvantage, InclusionFigures, PartTimeInForce
from sencodesk.domain.inclusion_rates import (
    ATTENDANCE_RULE,
    EXCLUSION_RATE_RULE,
    GROUPS,
    PERSISTENT_ABSENCE_RULE,
    GroupRates,
)
from sencodesk.domain.permissions import Permission
from sencodesk.services import inclusion_figures
from sencodesk.services.context import Desk
from sencodesk.ui.common import fit_columns, heading, table_view
from sencodesk.ui.table_model import RECORD_ROLE, Column, RecordTableModel


@dataclass(frozen=True)
class Measure:
    name: str
    values: tuple[str, ...]  # per year, per group (K, E, N)


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}%"


def _per_hundred(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


MEASURES: tuple[tuple[str, Callable[[GroupRates], str]], ...] = (
    ("Pupils", lambda r: f"{r.pupils:,}"),
    ("Attendance", lambda r: _percent(r.attendance_rate)),
    ("Persistent absence", lambda r: _percent(r.persistent_absence_rate)),
    ("Suspensions", lambda r: f"{r.suspensions:,}"),
    ("Suspensions per 100 pupils", lambda r: _per_hundred(r.suspension_rate)),
    ("Pupils suspended", lambda r: f"{r.pupils_suspended:,}"),
    ("Permanent exclusions", lambda r: f"{r.permanent_exclusions:,}"),
    ("Permanent exclusions per 100", lambda r: _per_hundred(r.permanent_exclusion_rate)),
)


def measures(figures: InclusionFigures) -> list[Measure]:
    return [Measure(name, tuple(show(year.of(group)) for year in figures.years
                                for group in GROUPS)) for name, show in MEASURES]


_GROUP_NAMES = {SenStatus.SUPPORT: "K: SEN support", SenStatus.EHCP: "E: EHC plan",
                SenStatus.NONE: "N: not on the register"}


def _value(record: Measure, index: int) -> str:
    return record.values[index]


class InclusionView(QWidget):
    pupil_activated = Signal(int)
    import_requested = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.figures = inclusion_figures.figures(desk)
        columns: list[Column[Measure]] = [Column("Measure", lambda m: m.name)]
        columns += [Column(f"{academic_year_label(year.start_year)} {group.value}",
                           partial(_value, index=n * len(GROUPS) + g))
                    for n, year in enumerate(self.figures.years)
                    for g, group in enumerate(GROUPS)]
        self.rates = RecordTableModel[Measure](columns, self)
        today = self.figures.today
        self.part_time = RecordTableModel[PartTimeInForce]([
            # who, and when the review is (and whether it has passed), before the rest
            Column("Pupil", lambda p: p.pupil), Column("Review", lambda p: p.review_on),
            Column("", lambda p: "review overdue" if p.overdue(today) else ""),
            Column("Year", lambda p: p.year_group.short),
            Column("Status", lambda p: p.status.value), Column("From", lambda p: p.starts_on),
            Column("Planned end", lambda p: p.planned_end),
            Column("Reason", lambda p: p.reason)], self)
        self.disadvantage = RecordTableModel[Disadvantage]([
            Column("Group", lambda d: _GROUP_NAMES[d.group]),
            Column("Pupils", lambda d: d.pupils),
            Column("Disadvantaged", lambda d: d.disadvantaged),
            Column("FSM", lambda d: d.fsm),
            Column("Looked after or previously", lambda d: d.looked_after),
            Column("EAL", lambda d: d.eal)], self)
        self.rates_view = table_view(self.rates, self.tr("Rates by group and year"))
        self.part_time_view = table_view(self.part_time, self.tr("Part-time timetables in force"))
        self.part_time_view.activated.connect(self._open)
        rules = QLabel("\n".join((ATTENDANCE_RULE, PERSISTENT_ABSENCE_RULE,
                                  EXCLUSION_RATE_RULE)))
        rules.setWordWrap(True)
        rules.setObjectName("muted")
        self.timetables = timetables = QGroupBox()
        inner = QVBoxLayout(timetables)
        inner.addWidget(self.part_time_view)
        groups = QGroupBox(self.tr("Disadvantaged pupils, on roll today"))
        self.disadvantage_view = table_view(self.disadvantage, self.tr("Disadvantaged pupils"))
        QVBoxLayout(groups).addWidget(self.disadvantage_view)
        for view in (self.rates_view, self.part_time_view, self.disadvantage_view):
            fit_columns(view)
        bottom = QHBoxLayout()
        bottom.addWidget(timetables, 1)
        bottom.addWidget(groups, 1)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Inclusion")), 1)
        self.import_button = QPushButton(self.tr("&Import from the MIS…"))
        self.import_button.setToolTip(self.tr("Attendance, suspensions, part-time timetables, "
                                              "flags or scores from a CSV export"))
        self.import_button.clicked.connect(self.import_requested)
        self.import_button.setVisible(desk.actor.may(Permission.IMPORT))
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr(
            "K: SEN support · E: EHC plan · N: not on the SEND register. Pupils are grouped by "
            "their status at each year's spring census; this year counts to today.")))
        layout.addWidget(self.rates_view, 3)
        layout.addWidget(rules)
        layout.addLayout(bottom, 2)
        self._show()

    def refresh(self) -> None:
        """Read the figures again (after an import)."""
        self.figures = inclusion_figures.figures(self.desk)
        self._show()

    def _show(self) -> None:
        self.rates.set_records(measures(self.figures))
        self.part_time.set_records(self.figures.part_time)
        self.disadvantage.set_records(self.figures.disadvantage)
        self.timetables.setTitle(self.tr("Part-time timetables in force: {count}, {overdue} "
                                         "with the review overdue").format(
            count=len(self.figures.part_time), overdue=self.figures.overdue_reviews))

    def _open(self, index: QModelIndex) -> None:
        record = self.part_time.data(index, RECORD_ROLE)
        if isinstance(record, PartTimeInForce):
            self.pupil_activated.emit(record.pupil_id)
