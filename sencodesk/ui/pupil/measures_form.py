"""The entry and exit measure of an intervention in a support plan (a score or age with the
test), from which the Provision page reports measured impact."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from sencodesk.domain.assessment import ScoreKind
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.records import CycleRecord
from sencodesk.services import assessments
from sencodesk.services.context import Desk
from sencodesk.ui.date_field import DateField
from sencodesk.ui.form_dialog import FormDialog, combo


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
        ("kind", parent.tr("Measure"), combo([(k.value.capitalize(), k) for k in ScoreKind],
                                             ScoreKind.READING_AGE)),
        ("test_name", parent.tr("Test"), QLineEdit()),
        ("entry_value", parent.tr("Entry score"), QLineEdit()),
        ("entry_on", parent.tr("Entry date"), DateField(cycle.starts_on)),
        ("exit_value", parent.tr("Exit score"), QLineEdit()),
        ("exit_on", parent.tr("Exit date"),
         DateField(None, name=parent.tr("Exit date"), optional=True))],
        save, parent, intro=parent.tr(
            "Ages in months (8y 5m is 101). Leave the exit blank until it is taken; saving "
            "again corrects the measure."))
