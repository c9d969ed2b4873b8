"""A pupil's file: header with status and needs, and a tab for each part of the record."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.codes import SenStatus
from sencodesk.domain.dates import uk
from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import PupilDetail
from sencodesk.services import pupils, record_views
from sencodesk.services.context import Desk
from sencodesk.ui.common import heading

BADGE = {SenStatus.NONE: "#5b6b75", SenStatus.SUPPORT: "#0b6e4f", SenStatus.EHCP: "#7b2d8b"}


class PupilWorkspace(QWidget):
    closed = Signal()

    def __init__(self, desk: Desk, pupil_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.pupil_id = desk, pupil_id
        opened = record_views.open_record(desk, pupil_id)  # audited first: History shows it
        self.title = heading("")
        self.facts = QLabel()
        self.facts.setObjectName("muted")
        self.badge = QLabel()
        self.badge.setObjectName("badge")
        self.badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        back = QPushButton(self.tr("← &Back to register"))
        back.setAccessibleName(self.tr("Back to the register"))
        back.clicked.connect(self.closed)
        top = QHBoxLayout()
        names = QVBoxLayout()
        names.addWidget(self.title)
        names.addWidget(self.facts)
        top.addLayout(names, 1)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(back, 0, Qt.AlignmentFlag.AlignTop)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Parts of the pupil's file"))
        self.by_name: dict[str, QWidget] = {}
        for name, title, make in self._tab_factories():
            widget = make()
            self.by_name[name] = widget
            self.tabs.addTab(widget, title)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.refresh_header(opened)

    def _tab_factories(self) -> list[tuple[str, str, Callable[[], QWidget]]]:
        from sencodesk.ui.pupil.contacts_tab import ContactsTab
        from sencodesk.ui.pupil.documents_tab import DocumentsTab
        from sencodesk.ui.pupil.ehcp_tab import EhcpTab
        from sencodesk.ui.pupil.history_tab import HistoryTab
        from sencodesk.ui.pupil.inclusion_tab import InclusionTab
        from sencodesk.ui.pupil.passport_tab import PassportTab
        from sencodesk.ui.pupil.profile_tab import ProfileTab
        from sencodesk.ui.pupil.strategies_tab import StrategiesTab
        from sencodesk.ui.pupil.support_tab import SupportTab

        may = self.desk.actor.may
        desk, pid = self.desk, self.pupil_id
        tabs: list[tuple[str, str, Callable[[], QWidget]]] = [
            ("profile", self.tr("Profile"), lambda: ProfileTab(desk, pid, self.refresh_header)),
        ]
        if may(Permission.READ_CONTEXT):
            tabs.append(("inclusion", self.tr("Inclusion"), lambda: InclusionTab(desk, pid)))
        tabs.append(("passport", self.tr("Passport"), lambda: PassportTab(desk, pid)))
        if may(Permission.READ_SUPPORT):
            tabs.append(("support", self.tr("Support (APDR)"), lambda: SupportTab(desk, pid)))
        elif may(Permission.READ_STRATEGIES):
            tabs.append(("support", self.tr("Support plan"), lambda: StrategiesTab(desk, pid)))
        if may(Permission.READ_EHCP):
            tabs.append(("ehcp", self.tr("EHCP"), lambda: EhcpTab(desk, pid)))
        if may(Permission.READ_CONTACTS):
            tabs.append(("contacts", self.tr("Contacts log"), lambda: ContactsTab(desk, pid)))
        if may(Permission.READ_DOCUMENTS):
            tabs.append(("documents", self.tr("Documents"), lambda: DocumentsTab(desk, pid)))
        if may(Permission.READ_AUDIT):
            tabs.append(("history", self.tr("History"), lambda: HistoryTab(desk, pid)))
        return tabs

    def refresh_header(self, detail: PupilDetail | None = None) -> None:
        detail = detail or pupils.get(self.desk, self.pupil_id)
        row = detail.row
        self.title.setText(row.display_name)
        needs = ", ".join(n.label for n in (row.primary_need, row.secondary_need) if n)
        left = f" · left {uk(row.left_on)}" if row.left_on else ""
        self.facts.setText(f"{row.upn} · {row.year_group.label} · class {row.form or '-'} · "
                           f"born {uk(row.dob)}{left}" + (f" · {needs}" if needs else ""))
        self.badge.setText(f"{row.status.value} · {row.status.label}")
        self.badge.setStyleSheet(f"background: {BADGE[row.status]};")
        self.badge.setAccessibleName(self.tr("SEN status {s}").format(s=row.status.label))

    def show_tab(self, name: str) -> None:
        widget = self.by_name.get(name)
        if widget is not None:
            self.tabs.setCurrentWidget(widget)

    def tab(self, name: str) -> Any:
        return self.by_name[name]

    def has_unsaved_changes(self) -> bool:
        return any(getattr(tab, "has_unsaved_changes", lambda: False)()
                   for tab in self.by_name.values())

    def print_current(self) -> None:
        current = self.tabs.currentWidget()
        printer = getattr(current, "print_current", None)
        if not callable(printer):
            current = self.by_name["passport"]
            printer = getattr(current, "print_current", None)
        if callable(printer):
            printer()
