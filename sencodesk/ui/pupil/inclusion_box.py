"""The Profile's Inclusion box: flags, attendance per term, suspensions and exclusions, and
part-time timetables, each editable by those who edit pupils."""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.clock.calendar import academic_year_of
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.inclusion import (
    EXCLUSION_REASONS,
    FLAG_LABELS,
    AttendanceRecord,
    ContextFlags,
    ExclusionKind,
    ExclusionRecord,
    PartTimeRecord,
    Term,
    academic_year_label,
)
from sencodesk.domain.permissions import Permission
from sencodesk.services import inclusion
from sencodesk.services.context import Desk
from sencodesk.ui.common import table_view
from sencodesk.ui.date_field import DateField
from sencodesk.ui.form_dialog import FormDialog, combo
from sencodesk.ui.table_model import Column, RecordTableModel


def _sessions(value: int = 0) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 400)
    box.setValue(value)
    return box


def _rate(record: AttendanceRecord) -> str:
    return f"{100 * record.attended / record.possible:.1f}%" if record.possible else ""


class InclusionBox(QGroupBox):
    def __init__(self, desk: Desk, pupil_id: int, *, editable: bool) -> None:
        super().__init__(self.tr("Inclusion"))
        self.desk, self.pupil_id = desk, pupil_id
        self.flags_text = QLabel()
        self.flags_text.setWordWrap(True)
        self.flags_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.attendance = RecordTableModel[AttendanceRecord]([
            Column("Year", lambda a: academic_year_label(a.academic_year)),
            Column("Term", lambda a: a.term.label), Column("Possible", lambda a: a.possible),
            Column("Attended", lambda a: a.attended), Column("Rate", _rate),
            Column("Authorised", lambda a: a.authorised),
            Column("Unauthorised", lambda a: a.unauthorised)], self)
        self.exclusions = RecordTableModel[ExclusionRecord]([
            Column("Type", lambda e: e.kind.label), Column("From", lambda e: e.starts_on),
            Column("Days", lambda e: f"{e.days:g}"),
            Column("Reason", lambda e: e.reason, tooltip=lambda e: e.reason_label)], self)
        self.part_time = RecordTableModel[PartTimeRecord]([
            Column("From", lambda p: p.starts_on), Column("Planned end", lambda p: p.planned_end),
            Column("Review", lambda p: p.review_on), Column("Ended", lambda p: p.ended_on),
            Column("Reason", lambda p: p.reason)], self)
        tables = QHBoxLayout()
        for title, model, actions in (
                (self.tr("Attendance"), self.attendance,
                 [(self.tr("Add &attendance…"), self.add_attendance)]),
                (self.tr("Suspensions and exclusions"), self.exclusions,
                 [(self.tr("Add s&uspension or exclusion…"), self.add_exclusion)]),
                (self.tr("Part-time timetables"), self.part_time,
                 [(self.tr("Add &part-time timetable…"), self.add_part_time),
                  (self.tr("Record re&view…"), self.review)])):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(table_view(model, title))
            for text, action in actions if editable else []:
                button = QPushButton(text)
                button.clicked.connect(action)
                column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            tables.addLayout(column, 1)
        top = QHBoxLayout()
        top.addWidget(self.flags_text, 1)
        if editable:
            edit = QPushButton(self.tr("Edit &flags…"))
            edit.clicked.connect(self.edit_flags)
            top.addWidget(edit)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tables)
        self.load()

    def load(self) -> None:
        self.flags = inclusion.context_of(self.desk, self.pupil_id)
        shown = [FLAG_LABELS[name] for name, value in asdict(self.flags).items() if value]
        self.flags_text.setText(self.tr("Flags: {flags}").format(
            flags=", ".join(shown) if shown else self.tr("none recorded")))
        self.attendance.set_records(inclusion.attendance_of(self.desk, self.pupil_id))
        self.exclusions.set_records(
            inclusion.exclusions(self.desk, [self.pupil_id]).get(self.pupil_id, []))
        self.part_time.set_records(inclusion.part_time(self.desk, [self.pupil_id]))

    def _ask(self, title: str, fields_: list[tuple[str, str, QWidget]],
             save: Any, intro: str = "") -> None:
        if FormDialog.ask(title, fields_, save, self, intro=intro):
            self.load()

    def edit_flags(self) -> None:
        boxes: list[tuple[str, str, QWidget]] = []
        for field in fields(ContextFlags):
            value = getattr(self.flags, field.name)
            if value is None:  # safeguarding flags this account may not read
                continue
            box = QCheckBox()
            box.setChecked(bool(value))
            boxes.append((field.name, FLAG_LABELS[field.name], box))
        self._ask(self.tr("Inclusion flags"), boxes, lambda v: inclusion.set_context(
            self.desk, self.pupil_id, ContextFlags(**v)),
            intro=self.tr("Child in need and child protection are seen only by the SENCO and "
                          "the head, and never printed on a passport.")
            if self.desk.actor.may(Permission.READ_SAFEGUARDING) else "")

    def add_attendance(self) -> None:
        this_year = academic_year_of(self.desk.today())
        years = combo([(academic_year_label(y), y) for y in range(this_year, this_year - 3, -1)])
        self._ask(self.tr("Attendance for a term"), [
            ("year", self.tr("Academic year"), years),
            ("term", self.tr("Term"), combo([(t.label, t) for t in Term])),
            ("possible", self.tr("Possible sessions"), _sessions()),
            ("attended", self.tr("Attended"), _sessions()),
            ("authorised", self.tr("Authorised absence"), _sessions()),
            ("unauthorised", self.tr("Unauthorised absence"), _sessions())],
            lambda v: inclusion.set_attendance(self.desk, self.pupil_id, AttendanceRecord(
                v["year"], v["term"], v["possible"], v["attended"], v["authorised"],
                v["unauthorised"])),
            intro=self.tr("Sessions are half days. A term already recorded is replaced."))

    def add_exclusion(self) -> None:
        def save(v: dict[str, Any]) -> None:
            try:
                days = float(v["days"].replace(",", "."))
            except ValueError:
                raise ValidationError("days", "is a number of school days, e.g. 1 or 2.5"
                                      ) from None
            inclusion.add_exclusion(self.desk, self.pupil_id, v["kind"], v["starts_on"], days,
                                    v["reason"])

        self._ask(self.tr("Suspension or permanent exclusion"), [
            ("kind", self.tr("Type"), combo([(k.label, k) for k in ExclusionKind])),
            ("starts_on", self.tr("First day"), DateField(self.desk.today())),
            ("days", self.tr("Days"), QLineEdit("1")),
            ("reason", self.tr("Reason"), combo([(f"{code}: {label}", code)
                                                 for code, label in EXCLUSION_REASONS.items()]))],
            save, intro=self.tr("Reasons are the DfE's school census codes."))

    def add_part_time(self) -> None:
        today = self.desk.today()
        self._ask(self.tr("Part-time timetable"), [
            ("starts_on", self.tr("Starts"), DateField(today)),
            ("planned_end", self.tr("Planned end"), DateField(today)),
            ("review_on", self.tr("Review date"), DateField(today)),
            ("reason", self.tr("Reason"), QLineEdit())],
            lambda v: inclusion.add_part_time(self.desk, self.pupil_id, **v),
            intro=self.tr("Statutory guidance: only for the shortest time necessary, with a "
                          "time limit for a return to full time, and reviewed regularly with "
                          "the pupil and parents."))

    def review(self) -> None:
        today = self.desk.today()
        current = [p for p in self.part_time.records if p.in_force(today)]
        if not current:
            self.flags_text.setText(self.tr("No part-time timetable is in force to review."))
            return
        timetable = current[-1]
        back = QCheckBox(self.tr("Back to full time today"))
        self._ask(self.tr("Review part-time timetable"), [
            ("next", self.tr("Next review"), DateField(today)), ("ended", back.text(), back)],
            lambda v: inclusion.review_part_time(
                self.desk, timetable.id, next_review_on=None if v["ended"] else v["next"],
                ended_on=today if v["ended"] else None))
