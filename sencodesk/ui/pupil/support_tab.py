"""Support (APDR): plan outcomes and provision, record a review, start the next cycle."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.codes import CycleStatus, Progress
from sencodesk.domain.errors import SencodeskError
from sencodesk.domain.permissions import Permission
from sencodesk.domain.provision import pounds
from sencodesk.domain.records import CycleRecord, InterventionRecord, ProvisionRecord
from sencodesk.services import cycle_scores, cycles, interventions
from sencodesk.services.context import Desk
from sencodesk.services.cycle_scores import MeasureRecord
from sencodesk.ui.common import configure_table, confirm, explain, uk
from sencodesk.ui.date_field import DateField
from sencodesk.ui.form_dialog import VERSION, Field, FormDialog, combo, text_area
from sencodesk.ui.pupil import measures_form, plan_form
from sencodesk.ui.table_model import RECORD_ROLE, Column, RecordTableModel


def cycle_html(cycle: CycleRecord, measures: list[MeasureRecord] | None = None) -> str:
    e = html.escape
    parts = [f"<h3>Cycle from {uk(cycle.starts_on)} · review {uk(cycle.review_on)} "
             f"({cycle.status.value})</h3>"]
    if cycle.areas_of_need:
        parts.append(f"<p><b>Areas of need:</b> {e(cycle.areas_of_need)}</p>")
    if cycle.assess_notes:
        parts.append(f"<p><b>Assess:</b> {e(cycle.assess_notes)}</p>")
    parts.append("<p><b>Outcomes</b></p><ol>")
    for o in cycle.outcomes:
        progress = f" — <i>{o.progress.value}</i>" if o.progress else ""
        parts.append(f"<li>{e(o.description)}<br><small>{e(o.success_criteria)}</small>"
                     f"{progress}</li>")
    parts.append("</ol><p><b>Provision</b></p><ul>")
    for p in cycle.provisions:
        numbers = ", ".join(map(str, p.outcome_positions))
        plural = "s" if len(p.outcome_positions) > 1 else ""
        aims = (f" · for outcome{plural} {numbers}" if p.outcome_positions
                else " · <i>not linked to an outcome</i>")
        parts.append(f"<li>{e(p.name)}: {p.sessions_per_week} × "
                     f"{p.minutes_per_session} min for {p.weeks} weeks, group of "
                     f"{p.group_size}, {e(p.delivered_by)} — {pounds(p.cost_pence)}"
                     f"{aims}{_delivered(p)}</li>")
    parts.append(f"</ul><p><b>Cost:</b> {pounds(cycle.cost_pence)}</p>")
    if measures:
        parts.append("<p><b>Measures</b></p><ul>")
        parts += [f"<li>{e(line)}</li>" for line in measures_form.measure_lines(measures)]
        parts.append("</ul>")
    if cycle.reviewed_on:
        parts.append(f"<p><b>Reviewed {uk(cycle.reviewed_on)}</b> with {e(cycle.attendees)}</p>"
                     f"<p><b>Pupil:</b> {e(cycle.pupil_voice)}</p>"
                     f"<p><b>Parents:</b> {e(cycle.parent_voice)}</p>"
                     f"<p><b>Next steps:</b> {e(cycle.next_steps)}</p>")
    return "".join(parts)


def _delivered(line: ProvisionRecord) -> str:
    if line.sessions_delivered is None:
        return ""
    return f" · {line.sessions_delivered} of {line.sessions_planned} sessions delivered"


class SupportTab(QWidget):
    def __init__(self, desk: Desk, pupil_id: int) -> None:
        super().__init__()
        self.desk, self.pupil_id = desk, pupil_id
        editable = desk.actor.may(Permission.EDIT_SUPPORT)
        self.model = RecordTableModel[CycleRecord]([
            Column("Starts", lambda c: c.starts_on), Column("Review", lambda c: c.review_on),
            Column("Status", lambda c: c.status.value),
            Column("Outcomes", lambda c: len(c.outcomes)),
            Column("Cost", lambda c: c.cost_pence, pounds)], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        configure_table(self.table, name=self.tr("Support cycles"))
        self.table.setSortingEnabled(False)
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("Cycle details"))
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, slot in (("new", self.tr("&New cycle…"), self.new_cycle),
                                ("edit", self.tr("&Edit plan…"), self.edit_plan),
                                ("start", self.tr("S&tart (agreed)"), self.activate),
                                ("review", self.tr("&Record review…"), self.record_review),
                                ("next", self.tr("Start ne&xt cycle"), self.start_next),
                                ("measures", self.tr("&Measures…"), self.record_measures),
                                ("print", self.tr("&Print plan…"), self.print_current)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setVisible(editable or key == "print")
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([480, 700])
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(splitter, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show())
        self.load()

    def load(self) -> None:
        self.model.set_records(cycles.cycles_for(self.desk, self.pupil_id))
        if self.model.rowCount():
            self.table.selectRow(0)
        self._show()

    def current(self) -> CycleRecord | None:
        index = self.table.currentIndex()
        return index.data(RECORD_ROLE) if index.isValid() else None

    def _show(self) -> None:
        cycle = self.current()
        measures = cycle_scores.measures_of(self.desk, cycle.id) if cycle else []
        self.detail.setHtml(cycle_html(cycle, measures) if cycle else
                            self.tr("<p>No support cycles yet.</p>"))
        status = cycle.status if cycle else None
        self.buttons["edit"].setEnabled(status in (CycleStatus.DRAFT, CycleStatus.ACTIVE))
        self.buttons["start"].setEnabled(status is CycleStatus.DRAFT)
        self.buttons["review"].setEnabled(status is CycleStatus.ACTIVE)
        self.buttons["next"].setEnabled(status is CycleStatus.REVIEWED)
        self.buttons["print"].setEnabled(cycle is not None)
        self.buttons["measures"].setEnabled(cycle is not None and bool(cycle.provisions))

    def catalogue_for(self, cycle: CycleRecord | None) -> list[InterventionRecord]:
        """Interventions to offer: those in use, and any retired one this plan still names."""
        named = {p.intervention_id for p in cycle.provisions} if cycle else set()
        return [i for i in interventions.catalogue(self.desk, include_retired=True)
                if i.active or i.id in named]

    def new_cycle(self) -> None:
        beside = any(c.status is CycleStatus.ACTIVE for c in self.model.records)
        if beside and not confirm(self, self.tr("New support cycle"), self.tr(
                "A support cycle is already running for this pupil. Usually you review it "
                "and start the next one from the review.\n\nStart a second cycle beside "
                "it?")):
            return
        fields = plan_form.plan_fields(None, self.catalogue_for(None), today=self.desk.today())
        if FormDialog.ask(self.tr("New support cycle"), fields,
                          lambda v: cycle_scores.create(
                              self.desk, self.pupil_id, plan_form.plan_of(v), v["assess_score"],
                              beside_active=beside), self):
            self.load()

    def _afresh(self, cycle_id: int) -> CycleRecord:
        """The cycle as stored now (another desk may have changed it)."""
        return next(c for c in cycles.cycles_for_cycle(self.desk, cycle_id) if c.id == cycle_id)

    def _plan_fields(self, cycle: CycleRecord) -> list[Field]:
        score = cycle_scores.assess_score(cycle_scores.measures_of(self.desk, cycle.id))
        return plan_form.plan_fields(cycle, self.catalogue_for(cycle), today=self.desk.today(),
                                     score=score)

    def edit_plan(self) -> None:
        cycle = self.current()
        if cycle is None:
            return

        def reload() -> tuple[list[Field], int]:
            fresh = self._afresh(cycle.id)
            return self._plan_fields(fresh), fresh.version

        FormDialog.ask(self.tr("Edit plan"), self._plan_fields(cycle),
                       lambda v: cycle_scores.update_plan(
                           self.desk, cycle.id, plan_form.plan_of(v), v["assess_score"],
                           opened_version=v[VERSION]),
                       self, version=cycle.version, reload=reload)
        self.load()  # saved, or someone else's version reloaded

    def activate(self) -> None:
        cycle = self.current()
        if cycle:
            self._run(lambda: cycles.activate(self.desk, cycle.id))

    def record_review(self) -> None:
        chosen = self.current()
        if chosen is None:
            return
        cycle: CycleRecord = chosen  # the version the form shows (a reload moves it on)
        measures = cycle_scores.measures_of(self.desk, cycle.id)

        def save(v: dict[str, Any]) -> None:
            exits, delivered = measures_form.review_values(v, measures)
            cycle_scores.review(self.desk, cycle.id, cycles.ReviewInput(
                reviewed_on=v["on"], progress={o.position: v[f"o{o.position}"]
                                               for o in cycle.outcomes},
                next_steps=v["next"], pupil_voice=v["pupil"], parent_voice=v["parent"],
                attendees=v["who"]), exits=exits, delivered=delivered,
                opened_version=v[VERSION])

        def reload() -> tuple[list[Field], int]:
            nonlocal cycle, measures
            cycle = self._afresh(cycle.id)
            measures = cycle_scores.measures_of(self.desk, cycle.id)
            return self._review_fields(cycle, measures), cycle.version

        FormDialog.ask(self.tr("Record review"), self._review_fields(cycle, measures), save,
                       self, version=cycle.version, reload=reload)
        self.load()  # saved, or someone else's version reloaded

    def _review_fields(self, cycle: CycleRecord,
                       measures: list[MeasureRecord]) -> list[Field]:
        fields: list[Field] = [
            ("on", self.tr("Review date"), DateField(self.desk.today()))]
        # no default: progress on each outcome is a judgement made at the review
        levels: list[tuple[str, Progress | None]] = [(self.tr("(choose)"), None)]
        levels += [(p.value, p) for p in Progress]
        for o in cycle.outcomes:
            box = combo(levels)
            fields.append((f"o{o.position}", f"{o.position}. {o.description[:60]}", box))
        fields += measures_form.review_fields(measures, cycle.provisions)
        fields += [("pupil", self.tr("Pupil voice"), text_area(lines=2)),
                   ("parent", self.tr("Parent voice"), text_area(lines=2)),
                   ("next", self.tr("Next steps"), text_area(lines=2)),
                   ("who", self.tr("Attendees"), QLineEdit())]
        return fields

    def record_measures(self) -> None:
        cycle = self.current()
        if cycle is not None:
            try:
                measures_form.ask_measures(self, self.desk, cycle)
            except SencodeskError as error:
                explain(self, error)

    def start_next(self) -> None:
        cycle = self.current()
        if cycle:
            self._run(lambda: cycles.start_next(self.desk, cycle.id))

    def _run(self, action: Any) -> None:
        try:
            action()
        except SencodeskError as error:
            explain(self, error)
        self.load()

    def print_current(self) -> None:
        from sencodesk.services import report_data
        from sencodesk.ui.documents import pdf_name, preview_document

        preview_document(self, self.tr("Support plan"),
                         lambda: report_data.plan(self.desk, self.pupil_id),
                         filename=pdf_name("Support plan", self.desk, self.pupil_id))
