"""My pupils: a teacher's groups, each SEN pupil's need and key strategies in a line, the
passport one activation away and each group's passports printed in register order."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTreeView, QVBoxLayout, QWidget

from sencodesk.services import my_pupils
from sencodesk.services.context import Desk
from sencodesk.services.my_pupils import GroupPupils, PupilLine
from sencodesk.ui.common import heading, uk

PUPIL_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2
MARKING_RED = "#A4141B"  # the printed passport marks a changed section in the same red
HEADERS = ("Pupil", "Need", "How best to support me", "Changed since your printed copy")


class MyPupilsView(QWidget):
    pupil_activated = Signal(int, str)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.groups: list[GroupPupils] = []
        self.model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("My teaching groups and pupils"))
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.tree.activated.connect(self._activated)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._enable())
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        self.summary.setWordWrap(True)
        self.open_button = QPushButton(self.tr("&Open passport"))
        self.open_button.clicked.connect(lambda: self._activated(self.tree.currentIndex()))
        self.print_button = QPushButton(self.tr("&Print this group's passports…"))
        self.print_button.setObjectName("primary")
        self.print_button.clicked.connect(self.print_group)
        self.cover_button = QPushButton(self.tr("Print &cover sheet for supply staff…"))
        self.cover_button.setToolTip(self.tr("One page for whoever covers this group: its "
                                             "pupils with SEND, one line each of how best "
                                             "to support them"))
        self.cover_button.clicked.connect(self.print_cover_sheet)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("My pupils")), 1)
        top.addWidget(self.open_button)
        top.addWidget(self.print_button)
        top.addWidget(self.cover_button)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.refresh()

    def refresh(self) -> None:
        self.groups = my_pupils.my_groups(self.desk)
        self.model.clear()
        self.model.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        root = self.model.invisibleRootItem()
        for number, group in enumerate(self.groups):
            shown = group.with_send
            title = QStandardItem(self.tr("{title}: {n} of {all} pupils with SEND").format(
                title=group.title, n=len(shown), all=len(group.pupils)))
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            title.setData(number, GROUP_ROLE)
            for line in shown:
                cells = [QStandardItem(line.row.sort_name), QStandardItem(line.need),
                         QStandardItem("; ".join(line.strategies) if line.strategies
                                       else self.tr("(no passport yet)")),
                         self._since_cell(line)]
                for cell in cells:
                    cell.setData(line.row.id, PUPIL_ROLE)
                    cell.setData(number, GROUP_ROLE)
                cells[2].setToolTip("\n".join(line.strategies))
                title.appendRow(cells)
            self.model.appendRow([title] + [QStandardItem() for _ in HEADERS[1:]])
            self.tree.setFirstColumnSpanned(number, root.index(), True)
            self.tree.expand(self.model.index(number, 0))
        for column, width in enumerate((190, 230, 380)):
            self.tree.setColumnWidth(column, width)
        if self.groups:
            self.tree.setCurrentIndex(self.model.index(0, 0))
        pupils = {p.row.id for g in self.groups for p in g.with_send}
        self.summary.setText(self.tr(
            "{g} groups, {p} pupils with SEND. Enter or double-click a pupil to open their "
            "passport.").format(g=sum(1 for g in self.groups if g.group), p=len(pupils))
            if self.groups else self.tr(
            "You have no teaching groups today. Your SENCO adds them, or imports them from the "
            "MIS's class lists."))
        self._enable()

    def _since_cell(self, line: PupilLine) -> QStandardItem:
        """The marker on a pupil whose passport changed since this person last printed it."""
        if line.since is None:
            return QStandardItem()
        day, what = uk(line.since.printed_at.date()), ", ".join(line.since.titles)
        cell = QStandardItem(self.tr("Printed {day} · changed: {what}").format(day=day,
                                                                            what=what))
        cell.setForeground(QBrush(QColor(MARKING_RED)))
        cell.setToolTip(self.tr("Changed since your copy printed on {day}: {what}. Print the "
                                "passport again for the new version.").format(day=day,
                                                                              what=what))
        return cell

    def _group_at(self, index: QModelIndex) -> GroupPupils | None:
        number = index.siblingAtColumn(0).data(GROUP_ROLE) if index.isValid() else None
        return self.groups[number] if isinstance(number, int) else None

    def _enable(self) -> None:
        index = self.tree.currentIndex()
        group = self._group_at(index)
        self.open_button.setEnabled(isinstance(index.data(PUPIL_ROLE), int))
        self.print_button.setEnabled(group is not None and any(
            p.has_passport for p in group.pupils))
        self.cover_button.setEnabled(group is not None and group.group is not None)

    def _activated(self, index: QModelIndex) -> None:
        pupil_id = index.data(PUPIL_ROLE)
        if isinstance(pupil_id, int):
            self.pupil_activated.emit(pupil_id, "passport")

    def print_group(self) -> None:
        """The current group's passports, one page each, in register order."""
        from sencodesk.ui.documents import print_passports

        group = self._group_at(self.tree.currentIndex())
        if group is None:
            return
        print_passports(self.desk, [p.row.id for p in group.pupils if p.has_passport], self)

    def print_cover_sheet(self) -> None:
        """The current group's supply cover sheet, on one page."""
        from sencodesk.services import cover_sheets
        from sencodesk.ui.documents import pdf_name, preview_document

        group = self._group_at(self.tree.currentIndex())
        if group is None or group.group is None:
            return
        code = group.group.code
        preview_document(self, self.tr("Supply cover sheet"),
                         lambda: cover_sheets.cover_sheet(self.desk, code),
                         filename=pdf_name(f"Cover sheet {code.replace('/', '-')}", self.desk))
