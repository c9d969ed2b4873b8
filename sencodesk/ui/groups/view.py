"""Teaching groups, for the SENCO: make and change groups (code, subject, teachers, dates),
put pupils in a group and take them out on a day, and share a pupil by name with a member of
staff until a last day. Class lists from the MIS still import whole (Import > class lists)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.errors import ValidationError
from sencodesk.domain.records import PupilRow
from sencodesk.services import groups, pupils
from sencodesk.services.context import Desk
from sencodesk.ui.common import configure_table, heading
from sencodesk.ui.date_field import DateField
from sencodesk.ui.form_dialog import VERSION, FormDialog, combo
from sencodesk.ui.groups.pickers import FilteredTickList, TickList
from sencodesk.ui.table_model import Column, RecordTableModel


class GroupsView(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.groups = RecordTableModel[groups.GroupRecord]([
            Column("Group", lambda g: g.code), Column("Subject", lambda g: g.subject),
            Column("Teachers", lambda g: ", ".join(g.teachers)),
            Column("Pupils", lambda g: g.pupils)], self)
        self.group_table = QTableView()
        self.group_table.setModel(self.groups)
        configure_table(self.group_table, name=self.tr("Teaching groups running today"))
        self.group_table.setSortingEnabled(False)
        self.members = RecordTableModel[PupilRow]([
            Column("Pupil", lambda p: p.sort_name), Column("Class", lambda p: p.form),
            Column("SEN", lambda p: p.status.value)], self)
        self.member_table = QTableView()
        self.member_table.setModel(self.members)
        configure_table(self.member_table, name=self.tr("Pupils in the group today"))
        self.member_title = QLabel()
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
                ("new", self.tr("&New group…"), self.new_group),
                ("edit", self.tr("&Edit group…"), self.edit_group),
                ("add", self.tr("&Add pupils…"), self.add_pupils),
                ("remove", self.tr("&Take pupil out…"), self.remove_pupil),
                ("share", self.tr("&Share a pupil with a teacher…"), self.share_pupil)):
            button = self.buttons[key] = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.member_title)
        column.addWidget(self.member_table, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.group_table)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Teaching groups")))
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        self.group_table.selectionModel().currentRowChanged.connect(lambda *_: self._members())
        self.refresh()

    # reading ---------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        shown = self._group()
        current = select_id or (shown.id if shown else None)
        self.groups.set_records(groups.list_groups(self.desk))
        rows = [r for r in range(self.groups.rowCount()) if self.groups.record(r).id == current]
        self.group_table.selectRow(rows[0] if rows else 0)
        self._members()

    def _group(self) -> groups.GroupRecord | None:
        index = self.group_table.currentIndex()
        return self.groups.record(index.row()) if index.isValid() else None

    def _members(self) -> None:
        group = self._group()
        self.members.set_records(groups.pupils_in(self.desk, group.id) if group else [])
        self.member_title.setText(self.tr("{code}: {n} pupils today").format(
            code=group.code, n=self.members.rowCount()) if group else "")
        for key in ("edit", "add", "remove"):
            self.buttons[key].setEnabled(group is not None)

    # changing --------------------------------------------------------------------------
    def new_group(self) -> None:
        self._group_form(None)

    def edit_group(self) -> None:
        group = self._group()
        if group is not None:
            self._group_form(group)

    def _group_fields(self, group: groups.GroupRecord | None) -> list[tuple[str, str, QWidget]]:
        today = self.desk.today()
        teachers = TickList([(name, sid) for sid, name in groups.staff(self.desk)],
                            group.teacher_ids if group else ())
        return [
            ("code", self.tr("Group &code"), QLineEdit(group.code if group else "")),
            ("subject", self.tr("&Subject"), QLineEdit(group.subject if group else "")),
            ("teachers", self.tr("&Teachers"), teachers),
            ("starts_on", self.tr("S&tarts on"),
             DateField(group.starts_on if group else None, optional=True, today=today)),
            ("ends_on", self.tr("Ends &on"),
             DateField(group.ends_on if group else None, optional=True, today=today))]

    def _group_form(self, group: groups.GroupRecord | None) -> None:
        saved: list[int] = []

        def save(values: dict[str, Any]) -> None:
            fields_in = groups.GroupFields(values["code"], values["subject"],
                                           values["teachers"], values["starts_on"],
                                           values["ends_on"])
            if group is None:
                saved.append(groups.create_group(self.desk, fields_in))
            else:
                groups.update_group(self.desk, group.id, fields_in,
                                    opened_version=values[VERSION])
                saved.append(group.id)

        def reload() -> tuple[list[tuple[str, str, QWidget]], int]:
            assert group is not None
            fresh = groups.find_group(self.desk, group.id)
            return self._group_fields(fresh), fresh.version

        title = self.tr("New teaching group") if group is None else \
            self.tr("Teaching group {code}").format(code=group.code)
        if FormDialog.ask(title, self._group_fields(group), save, self, intro=self.tr(
                "A primary class is a teaching group too. Blank dates: it runs all year."),
                version=group.version if group else None,
                reload=reload if group else None):
            self.refresh(saved[0])

    def add_pupils(self) -> None:
        group = self._group()
        if group is None:
            return
        inside = {p.id for p in groups.pupils_in(self.desk, group.id)}
        picker = FilteredTickList([(f"{p.sort_name} ({p.form})", p.id)
                                   for p in pupils.list_pupils(self.desk) if p.id not in inside],
                                  placeholder=self.tr("Type a name to find a pupil"))
        fields: list[tuple[str, str, QWidget]] = [
            ("pupils", self.tr("&Pupils"), picker),
            ("starts_on", self.tr("In the group &from"),
             DateField(self.desk.today(), today=self.desk.today()))]
        if FormDialog.ask(self.tr("Add pupils to {code}").format(code=group.code), fields,
                          lambda v: groups.add_pupils(self.desk, group.id, v["pupils"],
                                                      starts_on=v["starts_on"]), self):
            self.refresh(group.id)

    def remove_pupil(self) -> None:
        group, index = self._group(), self.member_table.currentIndex()
        if group is None or not index.isValid():
            return
        pupil = self.members.record(index.row())
        yesterday = self.desk.today() - timedelta(days=1)
        fields: list[tuple[str, str, QWidget]] = [
            ("last_day", self.tr("&Last day in the group"),
             DateField(yesterday, today=self.desk.today()))]
        if FormDialog.ask(
                self.tr("Take {name} out of {code}").format(name=pupil.display_name,
                                                           code=group.code), fields,
                lambda v: groups.remove_pupil(self.desk, group.id, pupil.id,
                                              last_day=v["last_day"]), self,
                intro=self.tr("They drop out of their teachers' view the day after; their "
                              "time in the group stays in its history.")):
            self.refresh(group.id)

    def share_pupil(self) -> None:
        everyone = [(f"{p.sort_name} ({p.form})", p.id) for p in pupils.list_pupils(self.desk)]
        staff = [(name, sid) for sid, name in groups.staff(self.desk)]
        index = self.member_table.currentIndex()
        chosen = self.members.record(index.row()).id if index.isValid() else None
        # blank is only refused on saving, so the form opens without a date typed
        last_day = DateField(None, optional=True, today=self.desk.today())
        last_day.edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        fields: list[tuple[str, str, QWidget]] = [
            ("pupil", self.tr("&Pupil"), combo(everyone, chosen)),
            ("staff", self.tr("Share &with"), combo(staff)),
            ("ends_on", self.tr("&Last day"), last_day)]

        def save(values: dict[str, Any]) -> None:
            if values["ends_on"] is None:
                raise ValidationError("last day", "enter the last day they may see the pupil")
            groups.share(self.desk, values["pupil"], values["staff"], ends_on=values["ends_on"])

        FormDialog.ask(self.tr("Share a pupil by name"), fields, save, self,
                       intro=self.tr("Someone who does not teach the pupil (a teaching "
                                     "assistant, a head of year) reads what their teachers "
                                     "read, from today until the last day."))
