"""The entry and exit measure of an intervention in a support plan (a score or age with the
test), from which the Provision page reports measured impact: the score taken at the Assess
step (in the plan form), the exit results at the review, or one intervention's measures."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QSpinBox, QWidget

from sencodesk.domain.assessment import ScoreKind, age_text, parse_value
from sencodesk.domain.context_csv import ScoreEntry
from sencodesk.domain.dates import uk
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.records import CycleRecord, ProvisionRecord
from sencodesk.services import assessments
from sencodesk.services.context import Desk
from sencodesk.services.cycle_scores import MeasureRecord
from sencodesk.ui.common import ValueCombo
from sencodesk.ui.date_field import DateField
from sencodesk.ui.form_dialog import Field, FormDialog, combo

_KINDS = [(k.value.capitalize(), k) for k in ScoreKind]
NOT_RECORDED = -1  # the sessions box's "not recorded"


def _number(text: str, field: str, *, required: bool) -> float | None:
    if not text.strip() and not required:
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise ValidationError(field, "is a number (ages in months, e.g. 101 for 8y 5m)"
                              ) from None


def ask_measures(parent: QWidget, desk: Desk, cycle: CycleRecord) -> bool:
    """Ask for one intervention's entry (and, once taken, exit) measure in ``cycle``."""
    named = [(p.intervention, p.intervention_id) for p in cycle.provisions
             if p.intervention_id is not None]
    if not named:
        raise ValidationError("intervention", "this plan names no intervention from the "
                              "catalogue to measure")

    def save(v: dict[str, Any]) -> None:
        entry = _number(v["entry_value"], "entry_value", required=True)
        assert entry is not None
        exit_value = _number(v["exit_value"], "exit_value", required=False)
        assessments.set_measure(desk, cycle.id, v["intervention"], v["kind"], v["test_name"],
                                entry, v["entry_on"], exit_value, v["exit_on"])

    return FormDialog.ask(parent.tr("Entry and exit measures"), [
        ("intervention", parent.tr("Intervention"), combo(named)),
        ("kind", parent.tr("Measure"), combo(_KINDS, ScoreKind.READING_AGE)),
        ("test_name", parent.tr("Test"), QLineEdit()),
        ("entry_value", parent.tr("Entry score"), QLineEdit()),
        ("entry_on", parent.tr("Entry date"), DateField(cycle.starts_on)),
        ("exit_value", parent.tr("Exit score"), QLineEdit()),
        ("exit_on", parent.tr("Exit date"),
         DateField(None, name=parent.tr("Exit date"), optional=True))],
        save, parent, intro=parent.tr(
            "Ages in months (8y 5m is 101). Leave the exit blank until it is taken; saving "
            "again corrects the measure."))


class AssessScore(QWidget):
    """The test result taken at the Assess step: test, kind of score, the score and the day.
    Left blank, the plan is saved without one."""

    def __init__(self, entry: ScoreEntry | None, starts_on: date) -> None:
        super().__init__()
        self.test = QLineEdit(entry.test_name if entry else "")
        self.test.setPlaceholderText(self.tr("Test, e.g. NGRT or YARC"))
        self.test.setAccessibleName(self.tr("Assess test"))
        self.kind = ValueCombo[ScoreKind](_KINDS, entry.kind if entry else
                                          ScoreKind.STANDARDISED, name=self.tr("Kind of score"))
        self.score = QLineEdit(_shown(entry.kind, entry.value) if entry else "")
        self.score.setPlaceholderText(self.tr("Score, or age as 8y 5m"))
        self.score.setAccessibleName(self.tr("Assess score"))
        self.on = DateField(entry.assessed_on if entry else starts_on,
                            name=self.tr("Assessed on"))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.test, 0, 0, 1, 2)
        grid.addWidget(self.kind, 0, 2)
        grid.addWidget(self.score, 1, 0)
        grid.addWidget(QLabel(self.tr("on")), 1, 1)
        grid.addWidget(self.on, 1, 2)

    def value(self) -> ScoreEntry | None:
        if not self.test.text().strip() and not self.score.text().strip():
            return None
        kind = self.kind.value() or ScoreKind.STANDARDISED
        if not self.test.text().strip():
            raise ValidationError("assess_score", "name the test the score is from")
        return ScoreEntry(kind, self.test.text().strip(), self.on.day(),
                          parse_value(kind, self.score.text(), field="assess_score"), "")


def _shown(kind: ScoreKind, value: float) -> str:
    return age_text(value) if kind.is_age else f"{value:g}"


def measure_lines(measures: list[MeasureRecord]) -> list[str]:
    """Each test result taken at entry, what it was at exit (if taken) and the interventions
    it measures: "NGRT reading age: 8y 0m on 08/09/2026 → 9y 2m on 20/11/2026 (Lexia)"."""
    lines: dict[str, list[str]] = {}
    for m in measures:
        text = (f"{m.test_name} {m.kind.value}: {_shown(m.kind, m.entry_value)} on "
                f"{uk(m.entry_on)}" + (f" → {_shown(m.kind, m.exit_value)} on {uk(m.exit_on)}"
                                       if m.exit_value is not None else ", exit to come"))
        lines.setdefault(text, []).append(m.intervention)
    return [f"{text} ({', '.join(names)})" for text, names in lines.items()]


def exit_box(measure: MeasureRecord) -> QLineEdit:
    """An intervention's exit result at the review, beside what it was at entry."""
    box = QLineEdit()
    box.setPlaceholderText(box.tr("at entry {value}").format(
        value=_shown(measure.kind, measure.entry_value)))
    box.setAccessibleName(box.tr("Exit {kind} for {name}").format(
        kind=measure.kind.value, name=measure.intervention))
    return box


def _exit_groups(measures: list[MeasureRecord]) -> list[list[MeasureRecord]]:
    """The measures still waiting for their exit result, one group per test result taken at
    entry: one result at the review is the exit of every intervention it was the entry of."""
    groups: dict[tuple[object, ...], list[MeasureRecord]] = {}
    for m in measures:
        if m.exit_value is None:
            key = (m.kind, m.test_name.casefold(), m.entry_on, m.entry_value)
            groups.setdefault(key, []).append(m)
    return list(groups.values())


def review_fields(measures: list[MeasureRecord], provisions: tuple[ProvisionRecord, ...],
                  ) -> list[Field]:
    """The review form's rows for each measure still waiting for its exit result, and for the
    sessions delivered of each provision (planned: sessions a week x weeks)."""
    fields: list[Field] = [
        (f"exit{group[0].id}", f"{group[0].test_name} {group[0].kind.value} now "
         f"({', '.join(m.intervention for m in group)})", exit_box(group[0]))
        for group in _exit_groups(measures)]
    for p in provisions:
        box = QSpinBox()
        box.setRange(NOT_RECORDED, 999)
        box.setSpecialValueText("not recorded")
        box.setValue(NOT_RECORDED if p.sessions_delivered is None else p.sessions_delivered)
        box.setSuffix(f" of {p.sessions_planned} planned")
        box.setAccessibleName(f"Sessions delivered: {p.name}")
        fields.append((f"delivered{p.id}", f"Sessions delivered: {p.name}"[:60], box))
    return fields


def review_values(values: dict[str, Any], measures: list[MeasureRecord],
                  ) -> tuple[dict[int, float], dict[int, int]]:
    """The exit results (measure id -> value; ages as months or 8y 5m) and sessions delivered
    (provision id -> sessions) typed in the review form; blanks are left out."""
    exits: dict[int, float] = {}
    for group in _exit_groups(measures):
        key = f"exit{group[0].id}"
        if values.get(key, "").strip():
            value = parse_value(group[0].kind, values[key], field=key)
            exits.update((m.id, value) for m in group)
    delivered = {int(k.removeprefix("delivered")): v for k, v in values.items()
                 if k.startswith("delivered") and v != NOT_RECORDED}
    return exits, delivered
