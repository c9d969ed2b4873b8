"""Profile: details, SEN status and need history, parents and carers, agencies, photo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.codes import NeedType, SenStatus, YearGroup
from sencodesk.domain.errors import SencodeskError, StaleEdit
from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import AgencyRecord, NeedRecord, ParentRecord, StatusRecord
from sencodesk.services import people, pupils, records_log, saving, subject_access, transfer
from sencodesk.services.context import Desk
from sencodesk.ui import worker
from sencodesk.ui.common import (
    error_label,
    explain,
    say_saved,
    show_error,
    show_failure,
    table_view,
)
from sencodesk.ui.date_field import DateField
from sencodesk.ui.form_dialog import FormDialog, combo
from sencodesk.ui.pupil import leaving
from sencodesk.ui.stale_panel import StalePanel, typed_text
from sencodesk.ui.table_model import Column, RecordTableModel

PHOTO_SIZE = 132


class ProfileTab(QWidget):
    def __init__(self, desk: Desk, pupil_id: int, on_change: Callable[[], None]) -> None:
        super().__init__()
        self.desk, self.pupil_id, self.on_change = desk, pupil_id, on_change
        self.editable = desk.actor.may(Permission.EDIT_PUPILS)
        self.fields: dict[str, QWidget] = {}
        self.surname, self.forename = QLineEdit(), QLineEdit()
        self.preferred_surname, self.preferred_forename = QLineEdit(), QLineEdit()
        self.upn, self.form, self.gender = QLineEdit(), QLineEdit(), QLineEdit()
        self.dob = DateField(name=self.tr("Date of birth"))
        self.year = combo([(y.label, y) for y in YearGroup])
        self.errors: dict[str, QLabel] = {}
        details = QFormLayout()
        self.detail_fields: list[tuple[str, str, QWidget]] = [
            ("upn", "UPN", self.upn), ("surname", "Legal surname", self.surname),
            ("forename", "Legal forename", self.forename),
            ("preferred surname", "Preferred surname", self.preferred_surname),
            ("preferred forename", "Preferred forename", self.preferred_forename),
            ("date of birth", "Date of birth", self.dob), ("year", "Year group", self.year),
            ("class", "Class", self.form), ("gender", "Gender", self.gender)]
        for key, label, widget in self.detail_fields:
            widget.setAccessibleName(label)
            widget.setEnabled(self.editable)
            self.errors[key] = error_label()
            holder = QVBoxLayout()
            holder.setSpacing(1)
            holder.addWidget(widget)
            holder.addWidget(self.errors[key])
            details.addRow(self.tr(label), holder)
        self.message = error_label()
        self.stale = StalePanel()
        self.stale.reload_requested.connect(self.reload)
        self.save_button = QPushButton(self.tr("&Save details"))
        self.save_button.setObjectName("primary")
        self.save_button.setVisible(self.editable)
        self.save_button.clicked.connect(self.save)
        self.photo = QLabel()
        self.photo.setFixedSize(PHOTO_SIZE, PHOTO_SIZE)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setStyleSheet("background: #e3ecf1; border-radius: 6px;")
        self.photo.setAccessibleName(self.tr("Pupil photo"))
        photo_button = QPushButton(self.tr("Set &photo…"))
        photo_button.setVisible(self.editable)
        photo_button.clicked.connect(self.choose_photo)
        left = QGroupBox(self.tr("Details"))
        left_layout = QVBoxLayout(left)
        side = QVBoxLayout()  # beside the photo: leaving, then the photo button
        side.addStretch(1)
        for text, tip, slot, needs in (
                (self.tr("Lea&ving…"), self.tr("Record the day the pupil left and the school "
                                               "they moved to"), self.record_leaving,
                 (Permission.EDIT_PUPILS,)),
                (self.tr("SEN file for next sc&hool…"),
                 self.tr("The whole SEN file as an encrypted ZIP for the school a leaver moved "
                         "to"), self.send_transfer_pack, transfer.REQUIRED)):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            button.setVisible(all(desk.actor.may(p) for p in needs))
            side.addWidget(button)
        side.addWidget(photo_button)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo)
        photo_row.addLayout(side)
        photo_row.addStretch(1)
        left_layout.addLayout(photo_row)
        left_layout.addLayout(details)
        left_layout.addWidget(self.stale)
        left_layout.addWidget(self.message)
        left_layout.addWidget(self.save_button)
        exports = QHBoxLayout()
        for text, tip, slot in (
                (self.tr("Subject &access export…"),
                 self.tr("Everything held about this pupil as a ZIP, for a subject access "
                         "request"), self.export_subject_access),
                (self.tr("&Transfer file (CTF)…"),
                 self.tr("This pupil's SEN history as a Common Transfer File for their next "
                         "school"), self.export_ctf)):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            button.setVisible(all(desk.actor.may(p) for p in subject_access.REQUIRED))
            exports.addWidget(button)
        exports.addStretch(1)
        left_layout.addLayout(exports)
        left_layout.addStretch(1)

        self.statuses = RecordTableModel[StatusRecord]([
            # the census codes SENCOs know, spelt out on hover, so the dates fit beside them
            Column("Status", lambda s: s.status.value, tooltip=lambda s: s.status.label),
            Column("From", lambda s: s.starts_on), Column("To", lambda s: s.ends_on)], self)
        self.needs = RecordTableModel[NeedRecord]([
            Column("Need", lambda n: n.need.value, tooltip=lambda n: n.need.label),
            Column("Rank", lambda n: "primary" if n.rank == 1 else "secondary"),
            Column("From", lambda n: n.starts_on), Column("To", lambda n: n.ends_on)], self)
        self.parents = RecordTableModel[ParentRecord]([
            Column("Name", lambda p: p.name), Column("Relationship", lambda p: p.relationship),
            Column("Phone", lambda p: p.phone), Column("Email", lambda p: p.email),
            Column("PR", lambda p: p.parental_responsibility)], self)
        self.agencies = RecordTableModel[AgencyRecord]([
            Column("Agency", lambda a: a.name), Column("Contact", lambda a: a.contact),
            Column("Since", lambda a: a.started_on)], self)
        grid = QGridLayout()
        boxes: tuple[tuple[str, QAbstractItemModel, Callable[[], None] | None, str], ...] = (
                 (self.tr("SEN status history"), self.statuses, self.change_sen,
                  self.tr("&Change status or needs…")),
                 (self.tr("Need history"), self.needs, None, ""),
                 (self.tr("Parents and carers"), self.parents, self.add_parent,
                  self.tr("Add parent or &carer…")),
                 (self.tr("Agencies involved"), self.agencies, self.add_agency,
                  self.tr("Add a&gency…")))
        for number, (title, model, action, text) in enumerate(boxes):
            box = QGroupBox(title)
            inner = QVBoxLayout(box)
            inner.addWidget(table_view(model, title))
            if action is not None and self.editable:
                button = QPushButton(text)
                button.clicked.connect(action)
                inner.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(box, number // 2, number % 2)
        layout = QHBoxLayout(self)
        layout.addWidget(left, 2)
        layout.addLayout(grid, 5)
        self.load()

    def _save_as(self, title: str, suggested: str, pattern: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / suggested), pattern)
        return Path(name) if name else None

    def export_subject_access(self) -> None:
        upn = self.upn.text()
        target = self._save_as(self.tr("Save subject access export"), f"{upn}-subject-access.zip",
                               self.tr("ZIP archives (*.zip)"))
        if target is None:
            return

        def work(_progress: object) -> Path:
            from sencodesk.reports import render

            sheet = subject_access.gather(self.desk, self.pupil_id)
            saving.save_export(target, subject_access.package(sheet, render(sheet).pdf),
                               replace=True)  # the save dialog asked
            return target

        def done(path: Path) -> None:
            QMessageBox.information(self, self.tr("Subject access export"), self.tr(
                "Saved {path}. Review it for exempt information before releasing it.")
                .format(path=path))

        self._task = worker.run_with_progress(
            self, self.tr("Gathering everything held…"), work, on_done=done,
            on_error=lambda error: explain(self, error))

    def record_leaving(self) -> None:
        if leaving.record_leaving(self, self.desk, self.pupil_id):
            self.load()

    def send_transfer_pack(self) -> None:
        leaving.send_transfer_pack(self, self.desk, self.pupil_id, self.upn.text())

    def export_ctf(self) -> None:
        from sencodesk.services import ctf

        target = self._save_as(self.tr("Save Common Transfer File"), f"{self.upn.text()}-ctf.xml",
                               self.tr("XML files (*.xml)"))
        if target is None:
            return
        try:
            saving.save_export(target, ctf.export(self.desk, [self.pupil_id]),
                               replace=True)  # the save dialog asked
        except SencodeskError as error:
            explain(self, error)
            return
        QMessageBox.information(self, self.tr("Transfer file"),
                                self.tr("Saved {path}.").format(path=target))

    def load(self) -> None:
        detail = pupils.get(self.desk, self.pupil_id)
        self.detail = detail
        self.upn.setText(detail.row.upn)
        self.surname.setText(detail.legal_surname)
        self.forename.setText(detail.legal_forename)
        self.preferred_surname.setText(detail.preferred_surname)
        self.preferred_forename.setText(detail.preferred_forename)
        self.dob.set_value(detail.row.dob)
        self.year.select(detail.row.year_group)
        self.form.setText(detail.row.form)
        self.gender.setText(detail.row.gender)
        self.statuses.set_records(detail.statuses)
        self.needs.set_records(detail.needs)
        self.parents.set_records(detail.parents)
        self.agencies.set_records(detail.agencies)
        self._show_photo(records_log.photo(self.desk, self.pupil_id))
        self._loaded = self._fields()

    def _show_photo(self, data: bytes | None) -> None:
        if data:
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            self.photo.setPixmap(pixmap.scaled(PHOTO_SIZE, PHOTO_SIZE,
                                               Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))
        else:
            initials = "".join(p[0] for p in self.detail.row.display_name.split()[:2])
            self.photo.setText(initials)

    def _fields(self) -> pupils.PupilFields:
        return pupils.PupilFields(
            upn=self.upn.text(), legal_surname=self.surname.text(),
            legal_forename=self.forename.text(), dob=self.dob.day(),
            year_group=self.year.value() or self.detail.row.year_group, form=self.form.text(),
            gender=self.gender.text(), preferred_surname=self.preferred_surname.text(),
            preferred_forename=self.preferred_forename.text(), joined_on=self.detail.joined_on)

    def has_unsaved_changes(self) -> bool:
        return self.editable and self._fields() != self._loaded

    def save(self) -> None:
        for label in [*self.errors.values(), self.message]:
            show_error(label, "")
        try:
            pupils.update(self.desk, self.pupil_id, self._fields(),
                          opened_version=self.detail.version)
        except StaleEdit as error:
            self.stale.refused(error, typed_text([(label, widget)
                                                  for _key, label, widget in self.detail_fields]),
                               can_reload=True)
            return
        except SencodeskError as error:
            show_failure(error, self.message, self.errors)
            return
        self.stale.hide()
        self.load()
        self.on_change()
        say_saved(self, self.tr("Profile saved."))

    def reload(self) -> None:
        """Their details in the form; what was typed stays in the stale panel to copy."""
        self.load()
        self.stale.reloaded(self.stale.changed_by)

    def change_sen(self) -> None:
        row = self.detail.row
        status = combo([(f"{s.value}: {s.label}", s) for s in SenStatus], row.status)
        needs: list[tuple[str, object]] = [("", None)] + [(f"{n.value}: {n.label}", n)
                                                          for n in NeedType]
        primary, secondary = combo(needs, row.primary_need), combo(needs, row.secondary_need)
        starts = DateField(self.desk.today(), name=self.tr("From"))

        def save(v: dict[str, Any]) -> None:
            chosen = tuple(n for n in (v["primary"], v["secondary"]) if n is not None)
            pupils.change_sen(self.desk, self.pupil_id,
                              pupils.SenChange(v["status"], chosen, v["starts"]))

        if FormDialog.ask(self.tr("Change SEN status or needs"), [
                ("status", self.tr("SEN status"), status), ("primary", self.tr("Primary need"),
                                                            primary),
                ("secondary", self.tr("Secondary need"), secondary),
                ("starts", self.tr("Status start"), starts)], save, self,
                intro=self.tr("The current status and needs end the day before; the history "
                              "is kept.")):
            self.load()
            self.on_change()

    def add_parent(self) -> None:
        fields = [("name", self.tr("Parent name"), QLineEdit()),
                  ("relationship", self.tr("Relationship"), QLineEdit()),
                  ("phone", self.tr("Phone"), QLineEdit()), ("email", self.tr("Email"),
                                                             QLineEdit()),
                  ("pr", self.tr("Parental responsibility"), combo([(self.tr("Yes"), True),
                                                                     (self.tr("No"), False)]))]
        if FormDialog.ask(self.tr("Add parent or carer"), fields, lambda v: people.add_parent(
                self.desk, self.pupil_id, name=v["name"], relationship=v["relationship"],
                phone=v["phone"], email=v["email"], parental_responsibility=v["pr"]), self):
            self.load()

    def add_agency(self) -> None:
        fields = [("name", self.tr("Agency"), QLineEdit()),
                  ("contact", self.tr("Agency contact"), QLineEdit()),
                  ("since", self.tr("Since"), DateField(self.desk.today()))]
        if FormDialog.ask(self.tr("Add agency"), fields, lambda v: people.add_agency(
                self.desk, self.pupil_id, name=v["name"], contact=v["contact"],
                started_on=v["since"]), self):
            self.load()

    @classmethod
    def pick_photo(cls, parent: QWidget) -> str:
        name, _ = QFileDialog.getOpenFileName(parent, "Choose a photo", "",
                                              "Pictures (*.png *.jpg *.jpeg)")
        return name

    def choose_photo(self) -> None:
        name = self.pick_photo(self)
        if not name:
            return
        try:
            records_log.set_photo_from(self.desk, self.pupil_id, Path(name))
        except SencodeskError as error:
            explain(self, error)
            return
        self.load()


