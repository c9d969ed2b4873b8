"""Settings: school details, term dates, phase, lead times, auto-lock; accounts for managers."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sencodesk.domain.clock import academic_year_of
from sencodesk.domain.codes import SchoolPhase
from sencodesk.domain.errors import SencodeskError, StaleEdit
from sencodesk.domain.passport_contacts import ParentContact
from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import SchoolInfo, TermRecord
from sencodesk.services import school
from sencodesk.services.context import Desk
from sencodesk.ui.common import (
    ValueCombo,
    configure_table,
    error_label,
    heading,
    show_error,
    show_failure,
)
from sencodesk.ui.date_field import DateField
from sencodesk.ui.form_dialog import FormDialog
from sencodesk.ui.settings.accounts import AccountsBox
from sencodesk.ui.settings.backups import BackupsBox
from sencodesk.ui.settings.letterhead import LogoPicker
from sencodesk.ui.settings.retention import RetentionBox
from sencodesk.ui.stale_panel import StalePanel, typed_text
from sencodesk.ui.table_model import Column, RecordTableModel


def info_phase(info: SchoolInfo) -> str:
    return info.phase


class SettingsView(QWidget):
    #: The school's details were saved (the new SchoolInfo), e.g. to apply a new auto-lock time.
    saved = Signal(object)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        editable = desk.actor.may(Permission.EDIT_SCHOOL)
        self.name = QLineEdit()
        self.urn = QLineEdit()
        self.la = QLineEdit()
        self.phase: ValueCombo[str] = ValueCombo(
            [(p.value.capitalize(), p.value) for p in SchoolPhase]
        )
        self.budget = QDoubleSpinBox()
        self.budget.setRange(0, 100_000_000)
        self.budget.setPrefix("£")
        self.budget.setDecimals(2)
        self.budget.setGroupSeparatorShown(True)
        self.autolock = QSpinBox()
        self.autolock.setRange(1, 240)
        self.autolock.setSuffix(self.tr(" minutes"))
        self.reports_lead = QSpinBox()
        self.reports_lead.setRange(0, 26)
        self.reports_lead.setSuffix(self.tr(" weeks before"))
        self.reports_lead.setSpecialValueText(self.tr("No reminder"))
        self.senco_contact = QLineEdit()
        self.senco_contact.setPlaceholderText(self.tr("e.g. Ms Patel, ext. 214, in room S12"))
        self.parent_contact: ValueCombo[str] = ValueCombo(
            [(self.tr(c.label), c.value) for c in ParentContact])
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setPlaceholderText(self.tr("One line per line, as on the school's "
                                                "letters"))
        self.address.setMaximumHeight(self.address.fontMetrics().lineSpacing() * 5)
        form = QFormLayout()
        self.school_fields: list[tuple[str, QWidget]] = [
            (self.tr("School &name"), self.name),
            (self.tr("&URN"), self.urn),
            (self.tr("&Local authority"), self.la),
            (self.tr("Phas&e"), self.phase),
            (self.tr("Notional SEN &budget"), self.budget),
            (self.tr("Request annual-review &reports"), self.reports_lead),
            (self.tr("&Auto-lock after"), self.autolock),
            (self.tr("How staff reach the SEN&CO"), self.senco_contact),
            (self.tr("Parent c&ontact on passports"), self.parent_contact),
            (self.tr("A&ddress on letters"), self.address),
        ]
        for label, widget in self.school_fields:
            widget.setAccessibleName(label.replace("&", ""))
            widget.setEnabled(editable)
            form.addRow(label, widget)
        self.logo = LogoPicker(desk)
        form.addRow(self.tr("Logo on letters"), self.logo)
        self.message = error_label()
        self.stale = StalePanel()
        self.stale.reload_requested.connect(self.reload)
        self.save_button = QPushButton(self.tr("&Save settings"))
        self.save_button.setObjectName("primary")
        self.save_button.setVisible(editable)
        self.save_button.clicked.connect(self.save)
        details = QGroupBox(self.tr("School"))
        box = QVBoxLayout(details)
        box.addLayout(form)
        box.addWidget(self.stale)
        box.addWidget(self.message)
        box.addWidget(self.save_button)
        self.terms = RecordTableModel[TermRecord](
            [
                Column("Year", lambda t: f"{t.academic_year}/{(t.academic_year + 1) % 100:02d}"),
                Column("Term", lambda t: t.name),
                Column("Starts", lambda t: t.starts_on),
                Column("Ends", lambda t: t.ends_on),
            ],
            self,
        )
        terms_view = QTableView()
        terms_view.setModel(self.terms)
        configure_table(terms_view, name=self.tr("Term dates"))
        add_term = QPushButton(self.tr("Add &term…"))
        add_term.setVisible(editable)
        add_term.clicked.connect(self.add_term)
        terms_box = QGroupBox(self.tr("Term dates"))
        terms_layout = QVBoxLayout(terms_box)
        terms_layout.addWidget(terms_view)
        terms_layout.addWidget(add_term)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(heading(self.tr("Settings")))
        row = QHBoxLayout()
        row.addWidget(details, 1)
        row.addWidget(terms_box, 1)
        layout.addLayout(row)
        self.accounts: AccountsBox | None = None
        if desk.actor.may(Permission.MANAGE_ACCOUNTS):
            self.accounts = AccountsBox(desk)
            layout.addWidget(self.accounts)
        self.backups: BackupsBox | None = None
        if desk.actor.may(Permission.BACKUP):
            self.backups = BackupsBox(desk)
            layout.addWidget(self.backups)
        self.retention: RetentionBox | None = None
        if desk.actor.may(Permission.EDIT_PUPILS):
            self.retention = RetentionBox(desk)
            layout.addWidget(self.retention)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.load()

    def load(self) -> None:
        info = school.get(self.desk)
        self._loaded = info
        self.name.setText(info.name)
        self.urn.setText(info.urn)
        self.la.setText(info.local_authority)
        self.phase.select(info.phase)
        self.budget.setValue(info.notional_sen_budget_pence / 100)
        self.autolock.setValue(info.autolock_minutes)
        self.reports_lead.setValue(info.lead_times.get("request_reports", 0) // 7)
        self.senco_contact.setText(info.senco_contact)
        self.parent_contact.select(info.passport_parent_contact)
        self.address.setPlainText(info.address)
        self.terms.set_records(school.terms(self.desk))

    def _edited(self) -> SchoolInfo:
        leads = dict(self._loaded.lead_times)
        leads.pop("request_reports", None)
        if self.reports_lead.value():
            leads["request_reports"] = self.reports_lead.value() * 7
        return SchoolInfo(
            name=self.name.text(),
            urn=self.urn.text().strip(),
            local_authority=self.la.text(),
            phase=self.phase.value() or info_phase(self._loaded),
            notional_sen_budget_pence=round(self.budget.value() * 100),
            autolock_minutes=self.autolock.value(),
            lead_times=leads,
            senco_contact=self.senco_contact.text(),
            passport_parent_contact=self.parent_contact.value() or ParentContact.NONE.value,
            address=self.address.toPlainText().strip(),
            version=self._loaded.version,
        )

    def has_unsaved_changes(self) -> bool:
        return self.desk.actor.may(Permission.EDIT_SCHOOL) and self._edited() != self._loaded

    def save(self) -> None:
        try:
            school.update(self.desk, self._edited(), opened_version=self._loaded.version)
        except StaleEdit as error:
            self.stale.refused(error, typed_text(self.school_fields), can_reload=True)
            return
        except SencodeskError as error:  # a rule broken, or a role that may not change it
            show_failure(error, self.message)
            return
        show_error(self.message, "")
        self.stale.hide()
        self.load()
        self.saved.emit(self._loaded)

    def reload(self) -> None:
        """Their settings in the form; what was typed stays in the stale panel to copy."""
        self.load()
        self.stale.reloaded(self.stale.changed_by)

    def add_term(self) -> None:
        year = QSpinBox()
        year.setRange(2000, 2100)
        year.setValue(academic_year_of(self.desk.today()))
        name = QComboBox()
        name.setEditable(True)
        name.addItems([self.tr("Autumn"), self.tr("Spring"), self.tr("Summer")])
        fields = [
            ("year", self.tr("Academic year starting"), year),
            ("name", self.tr("Term"), name),
            ("starts", self.tr("Term start"), DateField(self.desk.today())),
            ("ends", self.tr("Term end"), DateField(self.desk.today())),
        ]
        if FormDialog.ask(
            self.tr("Add term dates"),
            fields,
            lambda v: school.add_term(
                self.desk,
                academic_year=v["year"],
                name=v["name"],
                starts_on=v["starts"],
                ends_on=v["ends"],
            ),
            self,
        ):
            self.terms.set_records(school.terms(self.desk))
