"""Reports: choose a school-wide document, set its options, preview it in the app, then print
it or save it as PDF. Documents about one pupil are printed from the pupil's own tabs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.clock import academic_year_bounds
from sencodesk.domain.codes import SenStatus
from sencodesk.domain.dates import uk_at
from sencodesk.domain.documents import MAX_CASES
from sencodesk.domain.errors import SencodeskError, ValidationError
from sencodesk.domain.permissions import Permission
from sencodesk.services import (
    backups,
    evidence_pack,
    info_report,
    pupils,
    report_data,
    saving,
    trust_summary,
)
from sencodesk.services.context import Desk
from sencodesk.ui.common import error_text, explain, heading, say_saved
from sencodesk.ui.date_field import DateField
from sencodesk.ui.documents import pdf_name, preview_document


@dataclass(frozen=True)
class Choices:
    """What the user set on the Reports screen, read on the UI thread before the work starts."""

    form: str
    starts_on: date
    ends_on: date
    anonymise: bool
    case_ids: tuple[int, ...]
    trust: str = ""
    summaries: tuple[Path, ...] = ()


@dataclass(frozen=True)
class Document:
    title: str
    description: str
    permission: Permission
    #: Which option rows it uses: "class", "period", "pack", "trust"; "folder": it writes a
    #: folder of files, "summary" a file of counts, and "share" shares the counts on the
    #: trust's server (listed only there), rather than one document to preview.
    options: frozenset[str]
    gather: Callable[[Desk, Choices], object]


DOCUMENTS = [
    Document("Passports for a class", "One page per pupil on the SEND register in the class, "
             "for the class teacher and supply staff.", Permission.PRINT_PASSPORTS,
             frozenset({"class"}), lambda desk, c: report_data.class_set(desk, c.form)),
    Document("SEND register", "Everyone on SEN support or with an EHC plan: name, UPN, class, "
             "status, needs and current provision.", Permission.EXPORT, frozenset(),
             lambda desk, _c: report_data.register(desk)),
    Document("Costed provision map", "Every provision running in the period, by intervention "
             "and by pupil, against the notional SEN budget.", Permission.EXPORT,
             frozenset({"period"}),
             lambda desk, c: report_data.provision_map(desk, starts_on=c.starts_on,
                                                       ends_on=c.ends_on)),
    Document("SEND evidence pack", "For Ofsted and governors: the register with charts, the "
             "graduated approach, EHCP timeliness, intervention impact, cost against budget "
             f"and a case sample of up to {MAX_CASES} pupils.", Permission.EXPORT,
             frozenset({"pack"}),
             lambda desk, c: evidence_pack.evidence_pack(desk, anonymise=c.anonymise,
                                                         case_ids=c.case_ids)),
    Document("SEN information report", "For the school's website: every heading Schedule 1 of "
             "the SEND Regulations 2014 asks for, in the school's words, with this year's "
             "figures (counts from 1 to 4 suppressed, no pupil named).", Permission.EXPORT,
             frozenset({"info"}), lambda desk, _c: info_report.gather(desk)),
    Document("Passports for every teacher", "For schools where teachers do not sign in: one "
             "PDF per teacher in a folder you choose, with their groups, a contents page and "
             "the passport of each pupil with SEND they teach (once, even when a pupil is in "
             "two of their groups).", Permission.EXPORT, frozenset({"folder"}),
             lambda _desk, _c: None),
    Document("School summary for the trust", "For a multi-academy trust's dashboard: this "
             "school's counts (the register by status, need and year group; how timely EHC "
             "needs assessments and annual reviews were) in a file to send the trust. No pupil "
             "is named.", Permission.EXPORT, frozenset({"summary"}), lambda _desk, _c: None),
    Document("Share the summary with the trust", "For a school on its trust's server: the "
             "same counts as the summary file, kept on the server. The trust's own login reads "
             "the newest summary each school has shared, and nothing else of the school's. No "
             "pupil is named.", Permission.EDIT_SCHOOL, frozenset({"share"}),
             lambda _desk, _c: None),
    Document("Trust dashboard", "The trust's schools side by side, drawn from the summary "
             "files they sent: counts from 1 to 4 suppressed, and a total withheld where it "
             "would give a school's small count away. No case file is read.",
             Permission.EXPORT, frozenset({"trust"}),
             lambda _desk, c: trust_summary.dashboard(c.summaries, c.trust)),
]


class ReportsView(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        on_server = backups.on_server(desk)
        self.documents = [d for d in DOCUMENTS if desk.actor.may(d.permission)
                          and ("share" not in d.options or on_server)]
        self.choice = QListWidget()
        self.choice.setAccessibleName(self.tr("Documents"))
        for document in self.documents:
            self.choice.addItem(document.title)
        self.description = QLabel()
        self.description.setWordWrap(True)
        register = pupils.list_pupils(desk) if desk.actor.may(Permission.READ_PUPILS) else []
        self.form = QComboBox()
        self.form.setAccessibleName(self.tr("Class"))
        self.form.addItems(sorted({r.form for r in register if r.form}))
        year_starts, year_ends = academic_year_bounds(desk.today())
        self.starts = DateField(year_starts, name=self.tr("From"))
        self.ends = DateField(year_ends, name=self.tr("To"))
        period = QHBoxLayout()
        period.addWidget(self.starts)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.ends)
        period.addStretch(1)
        self.anonymise = QCheckBox(self.tr("&Anonymise (codes instead of names; no UPNs, dates "
                                           "of birth or photos)"))
        self.anonymise.setChecked(True)  # names only when someone chooses to show them
        self.case_search = QLineEdit()
        self.case_search.setPlaceholderText(self.tr("Filter pupils"))
        self.case_search.setAccessibleName(self.tr("Filter the case sample list"))
        self.case_search.textChanged.connect(self._filter_cases)
        self.cases = QListWidget()
        self.cases.setAccessibleName(self.tr("Case sample"))
        for pupil in register:
            if pupil.status is SenStatus.NONE:
                continue
            item = QListWidgetItem(f"{pupil.sort_name} · {pupil.year_group.label} · "
                                   f"{pupil.status.value}")
            item.setData(Qt.ItemDataRole.UserRole, pupil.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.cases.addItem(item)
        self.cases.itemChanged.connect(self._case_toggled)
        self.case_note = QLabel()
        self.case_note.setObjectName("hint")
        self.edit_info_report = QPushButton(self.tr("&Write the report's words…"))
        self.edit_info_report.clicked.connect(self._edit_info_report)
        self.trust = QLineEdit()
        self.trust.setAccessibleName(self.tr("The trust's name"))
        self.choose_summaries = QPushButton(self.tr("&Choose the schools' summaries…"))
        self.choose_summaries.clicked.connect(self._choose_summaries)
        self.choose_summaries.setSizePolicy(QSizePolicy.Policy.Maximum,
                                            QSizePolicy.Policy.Fixed)
        self.summaries: tuple[Path, ...] = ()
        self.summaries_note = QLabel(self.tr("None chosen yet."))
        self.summaries_note.setWordWrap(True)
        self.share_note = QLabel()
        self.share_note.setObjectName("hint")
        options = QFormLayout()
        self.rows: dict[str, list[QWidget]] = {}
        for key, label, field in (("class", self.tr("&Class"), self.form),
                                  ("period", self.tr("Peri&od"), _wrap(period)),
                                  ("pack", "", self.anonymise),
                                  ("pack", self.tr("Case &sample"), self.case_search),
                                  ("pack", "", self.cases), ("pack", "", self.case_note),
                                  ("info", "", self.edit_info_report),
                                  ("trust", self.tr("&Trust"), self.trust),
                                  ("trust", "", self.choose_summaries),
                                  ("trust", "", self.summaries_note),
                                  ("share", "", self.share_note)):
            caption = QLabel(label)
            caption.setBuddy(field)
            options.addRow(caption, field)
            self.rows.setdefault(key, []).extend([caption, field])
        self.preview = QPushButton(self.tr("P&review…"))
        self.preview.setObjectName("primary")
        self.preview.clicked.connect(self.make_document)
        box = QGroupBox(self.tr("Document"))
        inner = QVBoxLayout(box)
        inner.addWidget(self.description)
        inner.addLayout(options)
        inner.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.choice, 1)
        row.addWidget(box, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Reports")))
        layout.addLayout(row, 1)
        self.choice.currentRowChanged.connect(self._chosen)
        self.choice.setCurrentRow(0)
        self._case_toggled()

    def current(self) -> Document | None:
        row = self.choice.currentRow()
        return self.documents[row] if 0 <= row < len(self.documents) else None

    def _chosen(self) -> None:
        document = self.current()
        self.description.setText(document.description if document else "")
        self.preview.setText(
            self.tr("&Write the packs…") if document and "folder" in document.options
            else self.tr("&Save the summary…") if document and "summary" in document.options
            else self.tr("&Share with the trust") if document and "share" in document.options
            else self.tr("P&review…"))
        for key, widgets in self.rows.items():
            for widget in widgets:
                widget.setVisible(bool(document and key in document.options))
        if document and "share" in document.options:
            self._say_last_shared()

    def chosen_cases(self) -> tuple[int, ...]:
        return tuple(
            int(self.cases.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.cases.count())
            if self.cases.item(i).checkState() is Qt.CheckState.Checked)

    def _case_toggled(self, item: QListWidgetItem | None = None) -> None:
        chosen = self.chosen_cases()
        if item is not None and len(chosen) > MAX_CASES:
            item.setCheckState(Qt.CheckState.Unchecked)  # re-enters with one fewer
            self.case_note.setText(self.tr("At most {n} pupils can be in the case sample.")
                                   .format(n=MAX_CASES))
            return
        self.case_note.setText(self.tr("{count} of {n} chosen").format(count=len(chosen),
                                                                       n=MAX_CASES))

    def _filter_cases(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.cases.count()):
            item = self.cases.item(i)
            item.setHidden(bool(needle) and needle not in item.text().lower())

    def make_document(self) -> None:
        document = self.current()
        if document is None:
            return
        if "folder" in document.options:
            from sencodesk.ui.teacher_packs import write_teacher_packs

            write_teacher_packs(self.desk, self)
            return
        if "summary" in document.options:
            self._save_summary()
            return
        if "share" in document.options:
            self._share_summary()
            return
        try:
            starts, ends = self.starts.day(), self.ends.day()
        except ValidationError:
            return  # the date box says beside itself what it cannot read
        choices = Choices(self.form.currentText(), starts, ends,
                          self.anonymise.isChecked(), self.chosen_cases(),
                          self.trust.text(), self.summaries)
        self.preview.setEnabled(False)
        preview_document(self, document.title, lambda: document.gather(self.desk, choices),
                         filename=pdf_name(document.title, self.desk),
                         on_finished=lambda: self.preview.setEnabled(True))


    def _choose_summaries(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("The schools' summaries"), str(Path.home()),
            self.tr("School summaries (*.json)"))
        if names:
            self.summaries = tuple(Path(name) for name in names)
            self.summaries_note.setText(self.tr("{n} chosen: {files}").format(
                n=len(names), files=", ".join(path.name for path in self.summaries)))

    def _save_summary(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the school's summary"),
            str(Path.home() / "school summary for the trust.json"),
            self.tr("School summary (*.json)"))
        if not name:
            return
        try:
            found = trust_summary.school_summary(self.desk)
            saving.save_export(Path(name), trust_summary.summary_json(found),
                               replace=True)  # the dialog asked
        except SencodeskError as error:
            explain(self, error)
            return
        say_saved(self)

    def _share_summary(self) -> None:
        try:
            found = trust_summary.share_with_trust(self.desk)
        except SencodeskError as error:
            explain(self, error)
            return
        say_saved(self, self.tr("Shared with the trust: {roll:,} pupils on roll, {register:,} "
                                "on the SEND register (counts only).").format(
            roll=found.on_roll, register=found.on_register))
        self._say_last_shared()

    def _say_last_shared(self) -> None:
        try:
            last = trust_summary.last_shared(self.desk)
        except SencodeskError as error:
            self.share_note.setText(error_text(error))
            return
        self.share_note.setText(
            self.tr("Not shared with the trust yet.") if last is None else
            self.tr("Last shared at {when} by {who}.").format(when=uk_at(last.at), who=last.by))

    def _edit_info_report(self) -> None:
        from sencodesk.ui.info_report_editor import InfoReportEditor

        InfoReportEditor(self.desk, self).exec()


def _wrap(layout: QHBoxLayout) -> QWidget:
    holder = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    holder.setLayout(layout)
    return holder
