"""The paperwork of one annual review of an EHC plan: the dates each paper is due (with the
regulation), the papers themselves as PDFs, the report of the meeting to write, and the day it
was sent."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.dates import uk
from sencodesk.domain.letters import ReviewPaper
from sencodesk.domain.permissions import Permission
from sencodesk.domain.review_paperwork import (
    RULE_ADVICE,
    RULE_NOTICE,
    RULE_REPORT,
    OutcomeProgress,
    ProvisionCheck,
    ReviewReport,
    notice_problem,
    report_status,
)
from sencodesk.services import review_paperwork
from sencodesk.services.context import Desk
from sencodesk.ui.date_field import DateField
from sencodesk.ui.form_dialog import VERSION, FormDialog, text_area


class PairsField(QWidget):
    """Rows of two columns to edit (an outcome and its progress; provision specified and
    delivered); an empty last row takes a new one."""

    def __init__(self, headers: tuple[str, str], rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels(list(headers))
        for a, b in rows:
            self.model.appendRow([QStandardItem(a), QStandardItem(b)])
        self.model.appendRow([QStandardItem(""), QStandardItem("")])
        self.model.itemChanged.connect(self._keep_a_blank_row)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setTabKeyNavigation(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.verticalHeader().hide()
        metrics = self.view.fontMetrics()
        # wide enough to read a sentence of a plan's outcome on one or two lines
        self.view.setMinimumWidth(metrics.averageCharWidth() * 80)
        self.view.setMinimumHeight(metrics.lineSpacing() * 10)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt's name
        super().setAccessibleName(name)
        self.view.setAccessibleName(name)

    def _keep_a_blank_row(self, _item: QStandardItem) -> None:
        last = self.model.rowCount() - 1
        if any((self.model.item(last, c) or QStandardItem()).text().strip() for c in (0, 1)):
            self.model.appendRow([QStandardItem(""), QStandardItem("")])

    def value(self) -> list[tuple[str, str]]:
        rows = []
        for row in range(self.model.rowCount()):
            a, b = ((self.model.item(row, c) or QStandardItem()).text().strip() for c in (0, 1))
            if a or b:
                rows.append((a, b))
        return rows


class ReviewPapersDialog(QDialog):
    """Everything to do for one review, in order, each with its date and rule."""

    def __init__(self, desk: Desk, review_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.review_id = desk, review_id
        self.setWindowTitle(self.tr("Annual review paperwork"))
        self.heading = QLabel()
        self.heading.setObjectName("subheading")
        self.dates = QFormLayout()
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setObjectName("error")
        exports = desk.actor.may(Permission.EXPORT)
        edits = desk.actor.may(Permission.EDIT_EHCP)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for row, (key, text, tip, slot, allowed) in enumerate((
            ("invitations", self.tr("&Invitations (PDF)…"), self.tr(
                "One letter to each person regulation 20(2) says must be invited; recorded "
                "in the contact log and as the day invitations were sent"),
             lambda: self._papers(ReviewPaper.INVITATION), exports),
            ("advice", self.tr("&Advice requests (PDF)…"), self.tr(
                "To the LA's SEN and social care officers, the health care professional and "
                "each agency on file, with the day the advice is needed"),
             lambda: self._papers(ReviewPaper.ADVICE_REQUEST), exports),
            ("views", self.tr("&Views forms (PDF)…"), self.tr(
                "For the parents, for the child, and for the child in easy read"),
             lambda: self._papers(ReviewPaper.PARENT_VIEWS), exports),
            ("write", self.tr("&Write the report…"), self.tr(
                "Drafted from the support plans since the last review; edit and save"),
             self.write_report, edits),
            ("report", self.tr("Report (&PDF)…"), self.tr("The report as saved, for the LA"),
             self.print_report, exports),
            ("sent", self.tr("Record report &sent…"), self.tr(
                "The day the report went to the LA and everyone invited"),
             self.record_sent, edits),
        )):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            button.setVisible(allowed)
            self.buttons[key] = button
            grid.addWidget(button, row // 3, row % 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.dates)
        layout.addWidget(self.warning)
        layout.addLayout(grid)
        layout.addWidget(close)
        self.load()

    def load(self) -> None:
        sheet = review_paperwork.sheet(self.desk, self.review_id)
        self.sheet = sheet
        d = sheet.dates
        self.heading.setText(self.tr("{name}: annual review meeting on {day}").format(
            name=sheet.pupil_name, day=f"{uk(d.meeting_on)}"))
        status = report_status(d.meeting_on, sheet.report_sent_on, sheet.today)
        while self.dates.rowCount():
            self.dates.removeRow(0)
        for label, value in (
            (self.tr("Invitations sent by"), f"{uk(d.invite_by)} ({RULE_NOTICE})"),
            (self.tr("Advice asked for by"), self.tr("{d} (a week to copy it)").format(
                d=f"{uk(d.advice_needed_by)}")),
            (self.tr("Advice circulated by"), f"{uk(d.circulate_by)} ({RULE_ADVICE})"),
            (self.tr("Report of the meeting"), f"{status} ({RULE_REPORT})"),
        ):
            shown = QLabel(value)
            shown.setWordWrap(True)
            self.dates.addRow(label, shown)
        problem = notice_problem(d.meeting_on, sheet.today) if sheet.today < d.meeting_on \
            else ""
        self.warning.setText(problem)
        self.warning.setVisible(bool(problem))

    def _papers(self, kind: ReviewPaper) -> None:
        from sencodesk.ui.documents import pdf_name, preview_document

        preview_document(self, self.tr(kind.value),
                         lambda: review_paperwork.papers(self.desk, self.review_id, kind),
                         filename=pdf_name(kind.value, self.desk, self.sheet.pupil_id),
                         on_finished=self.load)

    def print_report(self) -> None:
        from sencodesk.ui.documents import pdf_name, preview_document

        preview_document(self, self.tr("Annual review report"),
                         lambda: review_paperwork.report_sheet(self.desk, self.review_id),
                         filename=pdf_name("Annual review report", self.desk,
                                           self.sheet.pupil_id))

    def _report_fields(self, report: ReviewReport) -> list[tuple[str, str, QWidget]]:
        fields: list[tuple[str, str, QWidget]] = [
            ("attendees", self.tr("Invited and attended"), text_area(report.attendees)),
            ("outcomes", self.tr("Progress on each outcome"), PairsField(
                (self.tr("Outcome in the plan"), self.tr("Progress")),
                [(o.outcome, o.progress) for o in report.outcomes])),
            ("provision", self.tr("Provision"), PairsField(
                (self.tr("Specified in the plan"), self.tr("Delivered")),
                [(p.specified, p.delivered) for p in report.provision])),
            ("pupil", self.tr("Child's views"), text_area(report.pupil_views)),
            ("parents", self.tr("Parents' views"), text_area(report.parent_views)),
            ("others", self.tr("Others' advice and views"), text_area(report.others_views)),
            ("recommendations", self.tr("Recommended amendments"),
             text_area(report.recommendations)),
            ("differences", self.tr("Where others differ"), text_area(report.differences)),
        ]
        if self.sheet.in_year_9_or_above:
            fields.append(("adulthood", self.tr("Preparation for adulthood"),
                           text_area(report.adulthood)))
        return fields

    def write_report(self) -> None:
        opened = review_paperwork.sheet(self.desk, self.review_id)
        report = opened.report

        def reload() -> tuple[list[tuple[str, str, QWidget]], int]:
            fresh = review_paperwork.sheet(self.desk, self.review_id)
            return self._report_fields(fresh.report), fresh.report_version

        def save(v: dict[str, object]) -> None:
            outcomes = v["outcomes"]
            provision = v["provision"]
            assert isinstance(outcomes, list) and isinstance(provision, list)
            review_paperwork.save_report(self.desk, self.review_id, ReviewReport(
                str(v["attendees"]), tuple(OutcomeProgress(a, b) for a, b in outcomes),
                tuple(ProvisionCheck(a, b) for a, b in provision), str(v["pupil"]),
                str(v["parents"]), str(v["others"]), str(v["recommendations"]),
                str(v["differences"]), str(v.get("adulthood", report.adulthood))),
                opened_version=v[VERSION])  # type: ignore[arg-type]

        FormDialog.ask(self.tr("Report of the review meeting"), self._report_fields(report),
                       save, self,
                       intro=self.tr("Drafted from the case file: check each line against the "
                                     "plan's own outcomes and provision before sending."),
                       version=opened.report_version, reload=reload)

    def record_sent(self) -> None:
        if FormDialog.ask(self.tr("Report sent"), [
            ("sent", self.tr("Date sent"), DateField(self.desk.today()))],
            lambda v: review_paperwork.record_report_sent(self.desk, self.review_id,
                                                           v["sent"]), self):
            self.load()
