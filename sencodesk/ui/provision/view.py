"""Provision: the intervention catalogue and the costed provision map against the budget."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain import funding
from sencodesk.domain.assessment import RATIO_GAIN_RULE, MeasuredImpact, figure_text
from sencodesk.domain.clock import academic_year_bounds
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.permissions import Permission
from sencodesk.domain.provision import pounds
from sencodesk.domain.provision_map import InterventionLine, PupilLine
from sencodesk.domain.records import InterventionRecord
from sencodesk.services import assessments, interventions
from sencodesk.services.context import Desk
from sencodesk.services.provision_map import provision_map
from sencodesk.ui.common import heading, table_view
from sencodesk.ui.date_field import DateField
from sencodesk.ui.form_dialog import VERSION, FormDialog, combo, text_area
from sencodesk.ui.table_model import RECORD_ROLE, Column, RecordTableModel


class ProvisionView(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        year_starts, year_ends = academic_year_bounds(desk.today())
        self.catalogue = RecordTableModel[InterventionRecord]([
            Column("Intervention", lambda i: i.name, tooltip=lambda i: i.description),
            Column("Support", lambda i: funding.support_level(i.wave),
                   tooltip=lambda i: funding.SUPPORT_LEVEL_HINTS.get(i.wave, "")),
            Column("Staff", lambda i: i.staff_grade),
            Column("Per hour", lambda i: i.hourly_cost_pence, pounds)], self)
        self.catalogue_view = table_view(self.catalogue, self.tr("Intervention catalogue"))
        add = QPushButton(self.tr("&Add intervention…"))
        edit = QPushButton(self.tr("&Edit…"))
        for button, slot in ((add, self.add), (edit, self.edit)):
            button.clicked.connect(slot)
            button.setVisible(desk.actor.may(Permission.EDIT_SUPPORT))
        left = QGroupBox(self.tr("Intervention catalogue"))
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.catalogue_view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(edit)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        self.starts = DateField(year_starts, name=self.tr("From"))
        self.ends = DateField(year_ends, name=self.tr("To"))
        show = QPushButton(self.tr("&Show"))
        show.clicked.connect(self.refresh_map)
        print_map = QPushButton(self.tr("P&rint…"))
        print_map.setToolTip(self.tr("Preview the costed provision map for this period as PDF"))
        print_map.clicked.connect(self.print_map)
        print_map.setVisible(desk.actor.may(Permission.EXPORT))
        period = QHBoxLayout()
        for widget in (QLabel(self.tr("From")), self.starts, QLabel(self.tr("to")), self.ends,
                       show):
            period.addWidget(widget)
        period.addStretch(1)
        period.addWidget(print_map)
        self.totals = QLabel()
        self.totals.setObjectName("subheading")
        self.totals.setWordWrap(True)
        self.by_intervention = RecordTableModel[InterventionLine]([
            Column("Intervention", lambda x: x.name),
            Column("Support", lambda x: funding.support_level(x.wave)),
            Column("Pupils", lambda x: x.pupils), Column("Hours", lambda x: x.hours),
            Column("Cost", lambda x: x.cost_pence, pounds),
            Column("A pupil", lambda x: x.cost_per_pupil_pence, pounds,
                   tooltip=lambda x: self.tr("The cost shared over the pupils receiving it")),
            Column("Delivered", lambda x: x.delivery_text,
                   tooltip=lambda x: self.tr("Sessions delivered of those planned, where "
                                             "the review recorded them"))], self)
        self.by_pupil = RecordTableModel[PupilLine]([
            Column("Pupil", lambda x: x.name), Column("Year", lambda x: x.year_group),
            Column("Status", lambda x: x.status), Column("Hours", lambda x: x.hours),
            Column("Cost", lambda x: x.cost_pence, pounds),
            Column("Of £6,000", lambda x: round(100 * x.threshold_share),
                   lambda percent: f"{percent}%",
                   tooltip=lambda x: funding.THRESHOLD_SOURCE),
            Column("Receives", lambda x: ", ".join(x.interventions))],
            self)
        right = QGroupBox(self.tr("Provision map"))
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(period)
        right_layout.addWidget(self.totals)
        caveat = QLabel(self.tr(funding.BUDGET_CAVEAT))
        caveat.setWordWrap(True)
        right_layout.addWidget(caveat)
        right_layout.addWidget(table_view(self.by_intervention, self.tr("Cost by intervention")), 1)
        right_layout.addWidget(table_view(self.by_pupil, self.tr("Cost by pupil")), 1)
        self.impact = RecordTableModel[tuple[str, MeasuredImpact]]([
            Column("Intervention", lambda x: x[0]),
            Column("Pupils measured", lambda x: f"{x[1].pupils}" + (
                f" ({x[1].awaiting} awaiting exit)" if x[1].awaiting else "")),
            Column("Standardised score change",
                   lambda x: figure_text(x[1].score_change, x[1].counts[0])),
            Column("Reading ratio gain",
                   lambda x: figure_text(x[1].reading_ratio_gain, x[1].counts[1], places=2),
                   tooltip=lambda x: RATIO_GAIN_RULE),
            Column("Spelling ratio gain",
                   lambda x: figure_text(x[1].spelling_ratio_gain, x[1].counts[2], places=2),
                   tooltip=lambda x: RATIO_GAIN_RULE)], self)
        right_layout.addWidget(QLabel(self.tr(
            "Measured impact: entry and exit measures of plans running in the period")))
        right_layout.addWidget(table_view(self.impact, self.tr("Measured impact")), 1)
        row = QHBoxLayout()
        row.addWidget(left, 2)
        row.addWidget(right, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Provision")))
        layout.addLayout(row, 1)
        self.refresh()

    def refresh(self) -> None:
        self.catalogue.set_records(interventions.catalogue(self.desk))
        self.refresh_map()

    def refresh_map(self) -> None:
        try:
            starts, ends = self.starts.day(), self.ends.day()
        except ValidationError:
            return  # the date box says beside itself what it cannot read
        found = provision_map(self.desk, starts_on=starts, ends_on=ends)
        self.map = found
        self.by_intervention.set_records(found.by_intervention)
        self.by_pupil.set_records(found.by_pupil)
        self.impact.set_records(assessments.measured_impact(
            self.desk, starts_on=starts, ends_on=ends))
        share = found.budget_share
        self.totals.setText(self.tr(
            "Planned provision {total} for {hours:,.0f} hours · {share} · "
            "{over} of {pupils} pupils at or over £6,000").format(
                total=pounds(found.total_pence), hours=found.total_hours,
                share=self.tr("{p:.0%} of the notional SEN budget ({budget})").format(
                    p=share, budget=pounds(found.budget_pence)) if share is not None
                else self.tr("notional SEN budget not set"),
                over=sum(p.at_threshold for p in found.by_pupil), pupils=len(found.by_pupil)))

    def print_map(self) -> None:
        from sencodesk.services import report_data
        from sencodesk.ui.documents import pdf_name, preview_document

        try:
            starts, ends = self.starts.day(), self.ends.day()
        except ValidationError:
            return
        preview_document(self, self.tr("Costed provision map"),
                         lambda: report_data.provision_map(self.desk, starts_on=starts,
                                                           ends_on=ends),
                         filename=pdf_name("Provision map", self.desk))

    def _fields(self, item: InterventionRecord | None) -> list[tuple[str, str, QWidget]]:
        cost = QSpinBox()
        cost.setRange(0, 100_000)
        cost.setPrefix("pence ")
        cost.setValue(item.hourly_cost_pence if item else 1800)
        return [("name", self.tr("Name"), QLineEdit(item.name if item else "")),
                ("description", self.tr("Description"),
                 text_area(item.description if item else "", lines=2)),
                ("wave", self.tr("Support"),
                 combo([(hint, level) for level, hint in funding.SUPPORT_LEVEL_HINTS.items()],
                       item.wave if item else 2)),
                ("grade", self.tr("Staff grade"), QLineEdit(item.staff_grade if item else "")),
                ("cost", self.tr("Hourly cost"), cost)]

    @staticmethod
    def _values(v: dict[str, Any]) -> interventions.InterventionFields:
        return interventions.InterventionFields(v["name"], v["description"], v["wave"],
                                                v["grade"], v["cost"])

    def add(self) -> None:
        if FormDialog.ask(self.tr("Add an intervention"), self._fields(None),
                          lambda v: interventions.add(self.desk, self._values(v)), self):
            self.refresh()

    def edit(self) -> None:
        index = self.catalogue_view.currentIndex()
        if not index.isValid():
            return
        item: InterventionRecord = index.data(RECORD_ROLE)

        def reload() -> tuple[list[tuple[str, str, QWidget]], int]:
            fresh = next(i for i in interventions.catalogue(self.desk, include_retired=True)
                         if i.id == item.id)
            return self._fields(fresh), fresh.version

        FormDialog.ask(self.tr("Edit intervention"), self._fields(item),
                       lambda v: interventions.update(self.desk, item.id, self._values(v),
                                                      opened_version=v[VERSION]),
                       self, version=item.version, reload=reload)
        self.refresh()  # saved, or someone else's version reloaded
