"""What is due: overdue first, then this week, the next four weeks and later; each row opens
the pupil at the tab that deals with it. Each row says whose duty it is (the school's, the
LA's, the family's window), and the list can show the school's own duties apart from the LA's.
Practice targets are drawn in their own look, never in the colour of a statutory breach."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.clock import OWNER_SHORT, Kind, MilestoneStatus, Owner, status_text
from sencodesk.domain.due import DueItem
from sencodesk.domain.permissions import Permission
from sencodesk.services import deadlines, pupils
from sencodesk.services.context import Desk
from sencodesk.ui import looks
from sencodesk.ui.common import heading, uk
from sencodesk.ui.due.calendar_button import CalendarExport
from sencodesk.ui.due.census_banner import CensusBanner

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
HEADERS = ("Due", "Pupil", "Year", "What", "Whose", "Status", "Rule")
#: The "Show" choices: everything, the school's own duties, the LA's, the rest.
SHOW = (("Everyone's deadlines", None), ("The school's duties", frozenset({Owner.SCHOOL})),
        ("The local authority's duties", frozenset({Owner.LA})),
        ("Family windows and advice", frozenset({Owner.FAMILY, Owner.ADVISERS})))


def group_of(item: DueItem, today: date) -> str:
    due = item.milestone.due
    if due < today:
        return "Overdue"
    if due <= today + timedelta(days=7):
        return "This week"
    if due <= today + timedelta(days=28):
        return "Next 4 weeks"
    return "Later"


GROUPS = ("Overdue", "This week", "Next 4 weeks", "Later")


class DueView(QWidget):
    pupil_activated = Signal(int, str)
    import_requested = Signal()
    new_pupil_requested = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Deadlines"))
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.tree.activated.connect(self._activated)
        self.tree.expanded.connect(self._expanded)
        self._later: list[DueItem] = []
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        self._items: list[DueItem] = []
        self._today = desk.today()
        self.show_combo = QComboBox()
        self.show_combo.setAccessibleName(self.tr("Show whose deadlines"))
        for text, _owners in SHOW:
            self.show_combo.addItem(self.tr(text))
        self.show_combo.currentIndexChanged.connect(lambda _i: self._fill())
        show_label = QLabel(self.tr("&Show:"))
        show_label.setBuddy(self.show_combo)
        self.legend = QLabel(self.tr(
            '<span style="color:{b}"><b>Statutory limit</b></span> · '
            '<span style="color:{p}"><i>Practice target (not a breach)</i></span> · '
            '<span style="color:{d}">Done</span>').format(
                b=looks.BREACH.name(), p=looks.PRACTICE.name(), d=looks.DONE.name()))
        self.legend.setObjectName("muted")
        refresh = QPushButton(self.tr("&Refresh"))
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Due")), 1)
        top.addWidget(show_label)
        top.addWidget(self.show_combo)
        self.calendar = CalendarExport(desk)
        top.addWidget(self.calendar)
        top.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.legend)
        self.census = CensusBanner(desk)
        layout.addWidget(self.census)
        layout.addWidget(self._first_steps(desk))
        layout.addWidget(self.tree, 1)
        self.refresh()

    def _first_steps(self, desk: Desk) -> QWidget:
        """Shown while the school has no pupils: how to start."""
        self.start = QFrame()
        self.start.setObjectName("firstSteps")
        hint = QLabel(self.tr(
            "<b>No pupils yet.</b> Start by importing your pupils from the school's MIS "
            "(a CSV export from SIMS, Arbor or Bromcom: File, Import pupils, Ctrl+I), or add a "
            "pupil by hand (Pupil, New pupil, Ctrl+N). Deadlines appear here once pupils have "
            "support plans or EHC requests."))
        hint.setWordWrap(True)
        self.import_button = QPushButton(self.tr("&Import pupils…"))
        self.import_button.setObjectName("primary")
        self.import_button.clicked.connect(self.import_requested)
        self.import_button.setVisible(desk.actor.may(Permission.IMPORT))
        self.add_button = QPushButton(self.tr("&Add a pupil…"))
        self.add_button.clicked.connect(self.new_pupil_requested)
        self.add_button.setVisible(desk.actor.may(Permission.EDIT_PUPILS))
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self.start)
        box.addWidget(hint)
        box.addLayout(buttons)
        self.start.hide()
        return self.start

    def refresh(self) -> None:
        self.census.refresh()
        self.show_items(deadlines.school_deadlines(self.desk), self.desk.today())

    def show_items(self, items: Sequence[DueItem], today: date) -> None:
        self._items, self._today = list(items), today
        self._fill()

    def _shown(self) -> list[DueItem]:
        owners = SHOW[max(self.show_combo.currentIndex(), 0)][1]
        return [i for i in self._items if owners is None or i.milestone.owner in owners]

    def _fill(self) -> None:
        items, today = self._shown(), self._today
        self.model.clear()
        self.model.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        groups = {name: QStandardItem(self.tr(name)) for name in GROUPS}
        counts = dict.fromkeys(GROUPS, 0)
        self._later = []
        for item in items:
            name = group_of(item, today)
            counts[name] += 1
            if name == "Later":  # usually most of them: built when first opened
                self._later.append(item)
            else:
                groups[name].appendRow(self._row(item))
        if self._later:
            groups["Later"].appendRow(QStandardItem(self.tr("Loading…")))
        for name, parent in groups.items():
            parent.setText(f"{self.tr(name)} ({counts[name]})")
            font = parent.font()
            font.setBold(True)
            parent.setFont(font)
            self.model.appendRow([parent] + [QStandardItem() for _ in HEADERS[1:]])
            self.tree.setFirstColumnSpanned(self.model.rowCount() - 1,
                                            self.model.invisibleRootItem().index(), True)
        for row in range(self.model.rowCount()):
            if GROUPS[row] in ("Overdue", "This week", "Next 4 weeks"):
                self.tree.expand(self.model.index(row, 0))
        for column, width in enumerate((150, 190, 50, 360, 70, 120)):
            self.tree.setColumnWidth(column, width)
        self.start.setVisible(not items and not pupils.list_pupils(self.desk))
        self.summary.setText(self._summary(today))

    def _summary(self, today: date) -> str:
        """Statutory breaches by whose duty, then practice targets passed: the school's own
        record first."""
        def breaches(owner: Owner) -> int:
            return sum(1 for i in self._items if i.milestone.owner is owner
                       and i.milestone.kind is Kind.STATUTORY
                       and i.milestone.status is MilestoneStatus.OVERDUE)
        practice = sum(1 for i in self._items if i.milestone.kind is Kind.PRACTICE
                       and i.milestone.due < today)
        return self.tr("School: {s} statutory overdue · Local authority: {la} overdue · "
                       "{p} practice targets passed").format(
            s=breaches(Owner.SCHOOL), la=breaches(Owner.LA), p=practice)

    def _row(self, item: DueItem) -> list[QStandardItem]:
        m = item.milestone
        cells = [QStandardItem(text) for text in (
            uk(m.due), item.pupil_name, item.year_group.short, m.label, OWNER_SHORT[m.owner],
            status_text(m), m.rule)]
        kind = self.tr("practice target, not a statutory limit") if m.is_practice else \
            self.tr("statutory")
        tip = (f"{m.label}\n{m.rule} ({kind}; {m.owner.value}'s duty)"
               + (f"\n{m.note}" if m.note else ""))
        colour = looks.ink(m)
        for cell in cells:
            cell.setData(item, ITEM_ROLE)
            cell.setToolTip(tip)
            cell.setFont(looks.font_for(m, cell.font()))
            if colour:
                cell.setForeground(QBrush(colour))
        return cells

    def _expanded(self, index: object) -> None:
        later = self.model.item(GROUPS.index("Later"))
        if later is None or index != later.index() or not self._later:
            return
        later.removeRows(0, later.rowCount())
        for item in self._later:
            later.appendRow(self._row(item))
        self._later = []

    def _activated(self) -> None:
        index = self.tree.currentIndex()
        item = index.data(ITEM_ROLE)
        if isinstance(item, DueItem):
            self.pupil_activated.emit(item.pupil_id, item.tab)
