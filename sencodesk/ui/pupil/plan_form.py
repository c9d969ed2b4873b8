"""The APDR plan form's fields: every outcome (up to the service's six) and every provision the
plan holds, with free-text provisions and costs set by hand, plus room for more.

Outcomes and provisions keep their ids, so saving changes them in place
(``cycles.update_plan``) and nothing the form does not show is lost.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QSpinBox, QWidget

from sencodesk.domain import provision
from sencodesk.domain.context_csv import ScoreEntry
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.records import CycleRecord, InterventionRecord, ProvisionRecord
from sencodesk.services import cycles
from sencodesk.ui.common import ValueCombo
from sencodesk.ui.date_field import DateField
from sencodesk.ui.form_dialog import Field, text_area
from sencodesk.ui.pupil.measures_form import AssessScore
from sencodesk.ui.pupil.outcome_links import OutcomeLinks

#: empty rows offered beyond those the plan holds (more can be added by saving and editing
#: again); a new plan starts with the usual 3 outcomes and 2 provisions
SPARE_OUTCOMES, FIRST_OUTCOMES = 1, 3
SPARE_PROVISIONS, FIRST_PROVISIONS = 1, 2


class OutcomeRow(QWidget):
    """One outcome and its success criteria; keeps the id of the outcome it shows."""

    def __init__(self, number: int, outcome_id: int | None, description: str = "",
                 criteria: str = "") -> None:
        super().__init__()
        self.outcome_id = outcome_id
        self.description = QLineEdit(description)
        self.description.setAccessibleName(self.tr("Outcome {n}").format(n=number))
        self.criteria = QLineEdit(criteria)
        self.criteria.setPlaceholderText(self.tr("Success criteria"))
        self.criteria.setAccessibleName(self.tr("Success criteria {n}").format(n=number))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.description, 0, 0)
        grid.addWidget(self.criteria, 1, 0)

    def value(self) -> cycles.OutcomeInput | None:
        if not self.description.text().strip():
            return None
        return cycles.OutcomeInput(self.description.text(), self.criteria.text(),
                                   id=self.outcome_id)


def _spin(value: int, top: int, name: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(1, top)
    box.setValue(value)
    box.setAccessibleName(name)
    return box


_POUNDS = re.compile(r"(\d+)(?:\.(\d{1,2}))?")


def pence_of(text: str, *, field: str) -> int | None:
    """Pounds typed as "72", "72.5" or "£1,234.50" in pence; blank is None."""
    cleaned = text.strip().removeprefix("£").replace(",", "").strip()
    if not cleaned:
        return None
    found = _POUNDS.fullmatch(cleaned)
    if found is None:
        raise ValidationError(field, f"{text.strip()!r} is not an amount in pounds, e.g. 72.50")
    return int(found[1]) * 100 + int((found[2] or "").ljust(2, "0"))


class ProvisionRow(QWidget):
    """One provision: an intervention from the catalogue or a description, who, how much,
    and a cost. The cost box is blank when the cost follows the intervention's hourly rate,
    and holds the amount when it was set by hand (so it is kept)."""

    def __init__(self, number: int, catalogue: list[InterventionRecord],
                 line: ProvisionRecord | None = None) -> None:
        super().__init__()
        self.number = number
        self.line_id = line.id if line else None
        name = self.tr("Provision {n}").format(n=number)
        self.intervention = ValueCombo[int | None](
            [(self.tr("(described below)"), None)] + [(i.name, i.id) for i in catalogue],
            line.intervention_id if line else None, name=name)
        self.description = QLineEdit(line.description if line else "")
        self.description.setPlaceholderText(self.tr("Description (needed without an "
                                                    "intervention)"))
        self.description.setAccessibleName(self.tr("Description {n}").format(n=number))
        self.who = QLineEdit(line.delivered_by if line else "")
        self.who.setPlaceholderText(self.tr("Delivered by"))
        self.who.setAccessibleName(self.tr("Delivered by {n}").format(n=number))
        self.group = _spin(line.group_size if line else 1, 40,
                           self.tr("Group size {n}").format(n=number))
        self.minutes = _spin(line.minutes_per_session if line else 30, 480,
                             self.tr("Minutes a session {n}").format(n=number))
        self.sessions = _spin(line.sessions_per_week if line else 2, 35,
                              self.tr("Sessions a week {n}").format(n=number))
        self.weeks = _spin(line.weeks if line else 12, 52,
                           self.tr("Weeks {n}").format(n=number))
        self.cost = QLineEdit(_hand_set_cost(line, catalogue))
        self.cost.setPlaceholderText(self.tr("from rate"))
        self.cost.setToolTip(self.tr("Blank: worked out from the intervention's hourly rate. "
                                     "An amount: the cost set by hand, kept as typed."))
        self.cost.setAccessibleName(self.tr("Cost £ {n}").format(n=number))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.intervention, 0, 0, 1, 4)
        grid.addWidget(self.who, 0, 4, 1, 2)
        grid.addWidget(self.description, 1, 0, 1, 6)
        for column, (text, box) in enumerate((
                (self.tr("Group"), self.group), (self.tr("Min"), self.minutes),
                (self.tr("A week"), self.sessions), (self.tr("Weeks"), self.weeks))):
            grid.addWidget(QLabel(text), 2, column)
            grid.addWidget(box, 3, column)
        grid.addWidget(QLabel(self.tr("Cost £")), 2, 4, 1, 2)
        grid.addWidget(self.cost, 3, 4, 1, 2)

    def value(self) -> cycles.ProvisionInput | None:
        intervention = self.intervention.value()
        if intervention is None and not self.description.text().strip():
            return None
        return cycles.ProvisionInput(
            intervention_id=intervention, description=self.description.text(),
            delivered_by=self.who.text(), group_size=self.group.value(),
            minutes_per_session=self.minutes.value(), sessions_per_week=self.sessions.value(),
            weeks=self.weeks.value(),
            cost_pence=pence_of(self.cost.text(), field=f"provision {self.number}"),
            id=self.line_id)


def _hand_set_cost(line: ProvisionRecord | None, catalogue: list[InterventionRecord]) -> str:
    """The stored cost as pounds when it differs from what the hourly rate gives."""
    if line is None:
        return ""
    rate = next((i.hourly_cost_pence for i in catalogue if i.id == line.intervention_id), 0)
    worked_out = provision.cost_pence(
        hourly_cost_pence=rate, minutes_per_session=line.minutes_per_session,
        sessions_per_week=line.sessions_per_week, weeks=line.weeks,
        group_size=line.group_size)
    if line.cost_pence == worked_out:
        return ""
    return f"{line.cost_pence // 100}.{line.cost_pence % 100:02d}"


def plan_fields(cycle: CycleRecord | None, catalogue: list[InterventionRecord], *,
                today: date, score: ScoreEntry | None = None) -> list[Field]:
    """The form's fields for a new plan (``cycle`` None) or for editing ``cycle``.
    ``catalogue`` holds every intervention the plan names, retired ones too; ``score`` is the
    test result the Assess step recorded (the entry measure of the plan's interventions)."""
    starts = cycle.starts_on if cycle else today
    fields: list[Field] = [
        ("starts", "Start date", DateField(starts)),
        ("review", "Review date",
         DateField(cycle.review_on if cycle else cycles.default_review_on(starts))),
        ("areas", "Areas of need", text_area(cycle.areas_of_need if cycle else "", lines=2)),
        ("assess", "Assess notes", text_area(cycle.assess_notes if cycle else "", lines=2)),
        ("assess_score", "Assessment score", AssessScore(score, starts))]
    outcomes = list(cycle.outcomes) if cycle else []
    rows = min(cycles.MAX_OUTCOMES, max(FIRST_OUTCOMES, len(outcomes) + SPARE_OUTCOMES))
    for n in range(1, rows + 1):
        o = outcomes[n - 1] if n <= len(outcomes) else None
        fields.append((f"outcome{n}", f"Outcome {n}",
                       OutcomeRow(n, o.id if o else None, o.description if o else "",
                                  o.success_criteria if o else "")))
    lines = list(cycle.provisions) if cycle else []
    for n in range(1, max(FIRST_PROVISIONS, len(lines) + SPARE_PROVISIONS) + 1):
        line = lines[n - 1] if n <= len(lines) else None
        fields.append((f"provision{n}", f"Provision {n}", ProvisionRow(n, catalogue, line)))
        fields.append((f"links{n}", f"Provision {n} is for",
                       OutcomeLinks(rows, line.outcome_positions if line else (), provision=n)))
    return fields


def plan_of(values: dict[str, Any]) -> cycles.CyclePlan:
    """The plan the form's values describe (blank outcome and provision rows left out)."""
    rows = sorted(int(k.removeprefix("outcome")) for k in values if k.startswith("outcome"))
    filled = [n for n in rows if values[f"outcome{n}"]]
    provisions = tuple(
        replace(v, outcomes=tuple(filled.index(n) + 1 for n in values[f"links{k[9:]}"]
                                  if n in filled))  # ticked rows as positions in the plan
        for k, v in values.items() if k.startswith("provision") and v)
    return cycles.CyclePlan(
        starts_on=values["starts"], review_on=values["review"],
        assess_notes=values["assess"], areas_of_need=values["areas"],
        outcomes=tuple(values[f"outcome{n}"] for n in filled), provisions=provisions)
