"""EHCP: the needs-assessment request with its milestone timeline, exceptions and advice;
plans and their annual reviews."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.clock import OWNER_SHORT, Milestone, status_text
from sencodesk.domain.clock.annual_review import estimated_completion
from sencodesk.domain.clock.phase_transfer import Destination
from sencodesk.domain.codes import LaDecision
from sencodesk.domain.dates import uk
from sencodesk.domain.ehcp_records import AnnualReviewRecord, PlanRecord, RequestRecord
from sencodesk.domain.errors import SencodeskError
from sencodesk.domain.permissions import Permission
from sencodesk.services import deadlines, ehcp, pupils
from sencodesk.services.context import Desk
from sencodesk.ui.common import configure_table, explain
from sencodesk.ui.date_field import DateField
from sencodesk.ui.form_dialog import VERSION, Field, FormDialog, Reload, combo, text_area
from sencodesk.ui.pupil.timeline_widget import TimelineWidget
from sencodesk.ui.table_model import RECORD_ROLE, Column, RecordTableModel


def _milestone_model(parent: QWidget) -> RecordTableModel[Milestone]:
    return RecordTableModel[Milestone]([
        Column("Due", lambda m: m.due), Column("What", lambda m: m.label),
        Column("Whose", lambda m: OWNER_SHORT[m.owner], tooltip=lambda m: m.owner.value),
        Column("Status", status_text, tooltip=lambda m: m.note),
        Column("Done", lambda m: m.done_on), Column("Rule", lambda m: m.rule)], parent)


def _decided(review: AnnualReviewRecord) -> str:
    """The day the LA notified its decision, or its estimate (meeting + 4 weeks) marked so."""
    if review.la_decision_on is not None:
        return f"{uk(review.la_decision_on)}"
    return f"{uk(estimated_completion(review.meeting_on))} (estimate)"


ESTIMATE_TIP = ("Not recorded: estimated as the meeting + 4 weeks, the latest day the LA may "
                "notify its decision. The next 12 months count from it (CFA 2014 s44(1)); "
                "record the real date when the LA's letter comes.")


class EhcpTab(QWidget):
    def __init__(self, desk: Desk, pupil_id: int) -> None:
        super().__init__()
        self.desk, self.pupil_id = desk, pupil_id
        self.editable = desk.actor.may(Permission.EDIT_EHCP)
        self.request_choice = QComboBox()
        self.request_choice.setAccessibleName(self.tr("Request"))
        self.request_choice.currentIndexChanged.connect(lambda _i: self._show_request())
        self.timeline = TimelineWidget()
        self.milestones = _milestone_model(self)
        self.milestone_view = QTableView()
        self.milestone_view.setModel(self.milestones)
        configure_table(self.milestone_view, name=self.tr("Request milestones"))
        request_box = QGroupBox(self.tr("EHC needs assessment request"))
        request_layout = QVBoxLayout(request_box)
        top = QHBoxLayout()
        self.request_actions: list[QPushButton] = []  # need a request to act on
        for text, slot in ((self.tr("&New request…"), self.new_request),
                           (self.tr("Record date &done…"), self.mark_done),
                           (self.tr("Record e&xception…"), self.add_exception),
                           (self.tr("Advice &asked…"), self.add_advice)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setVisible(self.editable)
            top.addWidget(button)
            if slot != self.new_request:
                self.request_actions.append(button)
        top.addStretch(1)
        pack = QPushButton(self.tr("Evidence for a request pac&k (PDF)…"))
        pack.setToolTip(self.tr(
            "The chronology, each support plan with its provision and review, the year's cost "
            "against the £6,000, reports held and views: to attach to the LA's request form"))
        pack.clicked.connect(self.print_request_pack)
        pack.setVisible(desk.actor.may(Permission.EXPORT))
        pack_row = QHBoxLayout()
        pack_row.addWidget(pack)
        pack_row.addStretch(1)
        request_layout.addWidget(self.request_choice)
        request_layout.addLayout(top)
        request_layout.addLayout(pack_row)
        request_layout.addWidget(self.timeline)
        request_layout.addWidget(self.milestone_view, 1)
        self.plan_milestones = _milestone_model(self)
        self.reviews = RecordTableModel[AnnualReviewRecord]([
            Column("Meeting", lambda r: r.meeting_on),
            Column("Invitations", lambda r: r.invitations_sent_on),
            Column("Advice out", lambda r: r.advice_circulated_on),
            Column("Report sent", lambda r: r.report_sent_on),
            Column("LA decision", lambda r: r.la_decision or ""),
            Column("Decided", _decided,
                   tooltip=lambda r: "" if r.la_decision_on else ESTIMATE_TIP)], self)
        plan_box = QGroupBox(self.tr("EHC plan and annual reviews"))
        plan_layout = QVBoxLayout(plan_box)
        plan_buttons = QHBoxLayout()
        self.plan_label = QLabel()
        self.plan_label.setObjectName("subheading")
        plan_layout.addWidget(self.plan_label)
        self.destination = QComboBox()
        self.destination.setAccessibleName(self.tr("Next move"))
        self.destination.addItem(self.tr("Not recorded"), None)
        for choice in Destination:
            self.destination.addItem(self.tr(choice.label), choice.value)
        self.destination.setToolTip(self.tr(
            "Where the pupil goes at the next move decides the phase transfer date (Reg 18(1)): "
            "15 February for another school, 31 March for a college, post-16 institution or "
            "apprenticeship, none for a Year 11 pupil staying in the school's own sixth form."))
        self.destination.setEnabled(self.editable)
        # long choices must not widen the tab past a laptop screen
        self.destination.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.destination.setMinimumContentsLength(16)
        self.destination.activated.connect(lambda _i: self._set_destination())
        destination_row = QHBoxLayout()
        destination_label = QLabel(self.tr("Next &move:"))
        destination_label.setBuddy(self.destination)
        destination_row.addWidget(destination_label)
        destination_row.addWidget(self.destination, 1)
        plan_layout.addLayout(destination_row)
        for text, slot in ((self.tr("Add &plan…"), self.add_plan),
                           (self.tr("Record annual &review…"), self.add_review)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setVisible(self.editable)
            plan_buttons.addWidget(button)
        self.review_button = button  # needs a plan to review
        self.papers_button = QPushButton(self.tr("Review paper&work…"))
        self.papers_button.setToolTip(self.tr(
            "Invitations, advice requests, views forms and the report of the meeting for the "
            "review chosen above (else the latest), each with the date it is due"))
        self.papers_button.clicked.connect(self.review_papers)
        self.papers_button.setVisible(desk.actor.may(Permission.READ_EHCP))
        plan_buttons.addStretch(1)
        chronology = QPushButton(self.tr("&Chronology (PDF)…"))
        chronology.setToolTip(self.tr("Every dated event on the EHC file with its rule, for a "
                                      "tribunal bundle"))
        chronology.clicked.connect(self.print_chronology)
        chronology.setVisible(desk.actor.may(Permission.EXPORT))
        plan_buttons.addWidget(chronology)
        plan_layout.addLayout(plan_buttons)
        for model, name in ((self.reviews, self.tr("Annual reviews")),
                            (self.plan_milestones, self.tr("Annual review milestones"))):
            view = QTableView()
            view.setModel(model)
            configure_table(view, name=name)
            plan_layout.addWidget(view)
            if model is self.reviews:  # the papers are of the review chosen in it
                self.review_view = view
                papers_row = QHBoxLayout()
                papers_row.addWidget(self.papers_button)
                papers_row.addStretch(1)
                plan_layout.addLayout(papers_row)
        layout = QHBoxLayout(self)
        layout.addWidget(request_box, 1)
        layout.addWidget(plan_box, 1)
        self.load()

    def print_chronology(self) -> None:
        from sencodesk.services import report_data
        from sencodesk.ui.documents import pdf_name, preview_document

        preview_document(self, self.tr("EHCP chronology"),
                         lambda: report_data.ehcp_chronology(self.desk, self.pupil_id),
                         filename=pdf_name("EHCP chronology", self.desk, self.pupil_id))

    def print_request_pack(self) -> None:
        from sencodesk.services import request_pack
        from sencodesk.ui.documents import pdf_name, preview_document

        preview_document(self, self.tr("EHC needs assessment request pack"),
                         lambda: request_pack.gather(self.desk, self.pupil_id),
                         filename=pdf_name("EHC request pack", self.desk, self.pupil_id))

    def load(self) -> None:
        self.requests = ehcp.requests_for(self.desk, [self.pupil_id]).get(self.pupil_id, [])
        self.request_choice.blockSignals(True)
        self.request_choice.clear()
        for r in self.requests:
            self.request_choice.addItem(self.tr("Received {d} · {o}").format(
                d=f"{uk(r.received_on)}", o=r.outcome), r.id)
        if not self.requests:
            self.request_choice.addItem(self.tr("No request recorded"), None)
        self.request_choice.blockSignals(False)
        self._show_request()
        plans = ehcp.plans_for(self.desk, [self.pupil_id]).get(self.pupil_id, [])
        self.plan: PlanRecord | None = plans[0] if plans else None
        row = pupils.get(self.desk, self.pupil_id).row
        self.destination.setEnabled(self.editable and self.plan is not None)
        if self.plan:
            self.plan_label.setText(self.tr("Plan issued {d} by {la}").format(
                d=f"{uk(self.plan.issued_on)}", la=self.plan.local_authority or "the LA"))
            self.reviews.set_records(self.plan.reviews)
            self.destination.setCurrentIndex(
                max(self.destination.findData(self.plan.transfer_destination), 0))
            self.plan_milestones.set_records(deadlines.review_timeline(self.desk, self.plan, row))
        else:
            self.plan_label.setText(self.tr("No EHC plan recorded"))
            self.reviews.set_records([])
            self.plan_milestones.set_records([])
        self.review_button.setEnabled(self.plan is not None)
        has_review = bool(self.plan and self.plan.reviews)
        self.papers_button.setEnabled(has_review)
        self.papers_button.setToolTip("" if has_review else self.tr(
            "Record the review meeting first (Record annual review…): the papers are dated "
            "from it."))
        self.review_button.setToolTip("" if self.plan else self.tr(
            "Record the issued plan first (Add plan…): a review is of a plan."))

    def review_papers(self) -> None:
        from sencodesk.ui.pupil.review_papers import ReviewPapersDialog

        if self.plan is None or not self.plan.reviews:
            return
        selected = self.review_view.currentIndex()
        chosen = selected.data(RECORD_ROLE) if selected.isValid() else None
        review = chosen or max(self.plan.reviews, key=lambda r: r.meeting_on)
        ReviewPapersDialog(self.desk, review.id, self).exec()
        self.load()

    def _set_destination(self) -> None:
        if self.plan is None:
            return
        try:
            ehcp.set_destination(self.desk, self.plan.id, self.destination.currentData(),
                                 opened_version=self.plan.version)
        except SencodeskError as error:  # someone else changed the plan meanwhile
            explain(self, error)
        self.load()

    def request(self) -> RequestRecord | None:
        wanted = self.request_choice.currentData()
        return next((r for r in self.requests if r.id == wanted), None)

    def _show_request(self) -> None:
        request = self.request()
        found = deadlines.request_timeline(self.desk, request) if request else []
        self.milestones.set_records(found)
        self.timeline.set_milestones(found, self.desk.today())
        for button in self.request_actions:
            button.setEnabled(request is not None)
            button.setToolTip("" if request else self.tr(
                "Record the request first (New request…): this is a step of a request."))

    def _ask(self, title: str, fields: list[tuple[str, str, QWidget]], save: Any, *,
             version: int | None = None, reload: Reload | None = None) -> None:
        if FormDialog.ask(title, fields, save, self, version=version, reload=reload) \
                or reload is not None:  # saved, or someone else's version reloaded
            self.load()

    def new_request(self) -> None:
        self._ask(self.tr("New EHC needs assessment request"), [
            ("received", self.tr("Date received"), DateField(self.desk.today())),
            ("by", self.tr("Requested by"), QLineEdit("School")),
            ("la", self.tr("Local authority"), QLineEdit())],
            lambda v: ehcp.open_request(self.desk, self.pupil_id, received_on=v["received"],
                                        requested_by=v["by"], local_authority=v["la"]))

    def mark_done(self) -> None:
        request = self.request()
        if request is None:
            return
        selected = self.milestone_view.currentIndex()
        current = selected.data(RECORD_ROLE) if selected.isValid() else None
        choices = [(m.label, m.id) for m in self.milestones.records]

        def fields() -> list[Field]:
            return [("milestone", self.tr("Milestone"),
                     combo(choices, current.id if current else None)),
                    ("on", self.tr("Date done"), DateField(self.desk.today())),
                    ("note", self.tr("Note"), QLineEdit())]

        def reload() -> tuple[list[Field], int]:
            fresh = ehcp.requests_for(self.desk, [self.pupil_id]).get(self.pupil_id, [])
            return fields(), next(r.version for r in fresh if r.id == request.id)

        self._ask(self.tr("Record the date a milestone happened"), fields(),
                  lambda v: ehcp.mark_done(self.desk, request.id, v["milestone"], v["on"],
                                           v["note"], opened_version=v[VERSION]),
                  version=request.version, reload=reload)

    def add_exception(self) -> None:
        request = self.request()
        if request is None:
            return
        self._ask(self.tr("Record an exception to the time limits"), [
            ("reg", self.tr("Regulation"), combo([(r, r) for r in ehcp.EXCEPTION_REGULATIONS])),
            ("reason", self.tr("Reason"), text_area(lines=2)),
            ("from", self.tr("Exception start"), DateField(self.desk.today())),
            ("to", self.tr("Exception end"), DateField(optional=True))],
            lambda v: ehcp.record_exception(self.desk, request.id, regulation=v["reg"],
                                            reason=v["reason"], starts_on=v["from"],
                                            ends_on=v["to"]))

    def add_advice(self) -> None:
        request = self.request()
        if request is None:
            return
        self._ask(self.tr("Advice asked"), [
            ("source", self.tr("Advice from"), QLineEdit()),
            ("asked", self.tr("Date asked"), DateField(self.desk.today())),
            ("received", self.tr("Date received"), DateField(optional=True))],
            lambda v: ehcp.add_advice(self.desk, request.id, source=v["source"],
                                      asked_on=v["asked"], received_on=v["received"]))

    def add_plan(self) -> None:
        request = self.request()
        self._ask(self.tr("Record an issued EHC plan"), [
            ("issued", self.tr("Date issued"), DateField(self.desk.today())),
            ("la", self.tr("Local authority"), QLineEdit()),
            ("summary", self.tr("Plan summary"), text_area(lines=3))],
            lambda v: ehcp.add_plan(self.desk, self.pupil_id, issued_on=v["issued"],
                                    local_authority=v["la"], sections_summary=v["summary"],
                                    request_id=request.id if request else None))

    def add_review(self) -> None:
        plan = self.plan
        if plan is None:
            return
        self._ask(self.tr("Annual review"), [
            ("meeting", self.tr("Meeting date"), DateField(self.desk.today())),
            ("invites", self.tr("Invitations sent"), DateField(optional=True)),
            ("advice", self.tr("Advice circulated"), DateField(optional=True)),
            ("report", self.tr("Report sent"), DateField(optional=True)),
            ("decision", self.tr("LA decision"), combo([("", None)] + [
                (d.value, d) for d in LaDecision])),
            ("decided", self.tr("LA decision on"), DateField(optional=True))],
            lambda v: ehcp.record_review(self.desk, plan.id, ehcp.ReviewFields(
                meeting_on=v["meeting"], invitations_sent_on=v["invites"],
                advice_circulated_on=v["advice"], report_sent_on=v["report"],
                la_decision=v["decision"], la_decision_on=v["decided"])))
