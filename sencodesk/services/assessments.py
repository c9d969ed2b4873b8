"""Assessment scores per pupil, and the entry and exit measures of the interventions in a
support plan, from which the provision map reports measured impact."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from sencodesk.domain.assessment import Measure, MeasuredImpact, ScoreKind, check_score
from sencodesk.domain.assessment import measured_impact as impact_of
from sencodesk.domain.context_csv import ScoreEntry
from sencodesk.domain.errors import NotFound, ValidationError
from sencodesk.domain.permissions import Permission
from sencodesk.services import audit, pupils
from sencodesk.services.context import Desk
from sencodesk.store.tables import ApdrCycle, AssessmentScore, Intervention, ProvisionMeasure


@dataclass(frozen=True)
class ScoreRecord:
    id: int
    kind: ScoreKind
    test_name: str
    assessed_on: date
    value: float
    assessor: str


def write_score(session: Session, desk: Desk, pupil_id: int, entry: ScoreEntry, *,
                summary: str) -> bool:
    """Add a test result, or correct the one of that test, kind and day; audited; True if
    anything changed."""
    check_score(entry.kind, entry.value, field="value")
    if not entry.test_name.strip():
        raise ValidationError("test_name", "name the test (e.g. NGRT, York Assessment of "
                              "Reading for Comprehension)")
    if entry.assessed_on > desk.today():
        raise ValidationError("assessed_on", "cannot be in the future")
    row = next((r for r in session.exec(select(AssessmentScore).where(
        AssessmentScore.pupil_id == pupil_id, AssessmentScore.kind == entry.kind.value,
        AssessmentScore.assessed_on == entry.assessed_on))
        if r.test_name.casefold() == entry.test_name.strip().casefold()), None)
    before = row.model_dump() if row else {}
    row = row or AssessmentScore(pupil_id=pupil_id, kind=entry.kind.value, test_name="",
                                 assessed_on=entry.assessed_on, value=entry.value)
    row.test_name, row.value = entry.test_name.strip(), entry.value
    row.assessor = entry.assessor.strip()
    if before and before == row.model_dump():
        return False
    session.add(row)
    session.flush()
    audit.record(session, desk.actor, "update" if before else "create", "assessment score",
                 entity_id=row.id, pupil_id=pupil_id, summary=summary,
                 changed=audit.changes(before, row.model_dump()))
    return True


def add_score(desk: Desk, pupil_id: int, kind: ScoreKind, test_name: str, assessed_on: date,
              value: float, assessor: str = "") -> None:
    """Record a test result (ages in months); audited."""
    with desk.unit(Permission.EDIT_SUPPORT) as session:
        pupils.editable(session, pupil_id)
        write_score(session, desk, pupil_id,
                    ScoreEntry(kind, test_name, assessed_on, value, assessor),
                    summary=f"{test_name.strip()} {kind.value}")


def scores_of(desk: Desk, pupil_id: int) -> list[ScoreRecord]:
    """The pupil's scores, oldest first."""
    with desk.unit(Permission.READ_SUPPORT) as session:
        return [ScoreRecord(r.id or 0, ScoreKind(r.kind), r.test_name, r.assessed_on, r.value,
                            r.assessor)
                for r in session.exec(select(AssessmentScore)
                                      .where(AssessmentScore.pupil_id == pupil_id)
                                      .order_by(col(AssessmentScore.assessed_on)))]


def set_measure(desk: Desk, cycle_id: int, intervention_id: int, kind: ScoreKind,
                test_name: str, entry_value: float, entry_on: date,
                exit_value: float | None = None, exit_on: date | None = None) -> None:
    """Record (or correct) the entry measure of an intervention in a plan, and its exit
    measure once taken."""
    check_score(kind, entry_value, field="entry_value")
    if (exit_value is None) != (exit_on is None):
        raise ValidationError("exit_on", "give the exit score and the day it was taken")
    if exit_value is not None and exit_on is not None:
        check_score(kind, exit_value, field="exit_value")
        if exit_on <= entry_on:
            raise ValidationError("exit_on", "must be after the entry measure")
    with desk.unit(Permission.EDIT_SUPPORT) as session:
        cycle = session.get(ApdrCycle, cycle_id)
        if cycle is None:
            raise NotFound("That support plan has been deleted.")
        pupils.editable(session, cycle.pupil_id)
        row = session.exec(select(ProvisionMeasure).where(
            ProvisionMeasure.cycle_id == cycle_id,
            ProvisionMeasure.intervention_id == intervention_id,
            ProvisionMeasure.kind == kind.value)).first()
        before = row.model_dump() if row else {}
        row = row or ProvisionMeasure(cycle_id=cycle_id, intervention_id=intervention_id,
                                      kind=kind.value, test_name=test_name,
                                      entry_value=entry_value, entry_on=entry_on)
        row.test_name, row.entry_value, row.entry_on = test_name.strip(), entry_value, entry_on
        row.exit_value, row.exit_on = exit_value, exit_on
        session.add(row)
        session.flush()
        audit.record(session, desk.actor, "update" if before else "create", "provision measure",
                     entity_id=row.id, pupil_id=cycle.pupil_id, summary=f"{kind.value} measure",
                     changed=audit.changes(before, row.model_dump()))


def measured_impact(desk: Desk, *, starts_on: date, ends_on: date,
                    ) -> list[tuple[str, MeasuredImpact]]:
    """Per intervention, from the measures of plans running in the period: pupils measured,
    average change in standardised score, ratio gains (None where too few pupils)."""
    with desk.unit(Permission.READ_SUPPORT) as session:
        found = session.exec(
            select(ProvisionMeasure, ApdrCycle.pupil_id, Intervention.name)
            .join(ApdrCycle, col(ApdrCycle.id) == col(ProvisionMeasure.cycle_id))
            .join(Intervention, col(Intervention.id) == col(ProvisionMeasure.intervention_id))
            .where(col(ApdrCycle.starts_on) <= ends_on, col(ApdrCycle.review_on) >= starts_on))
        by_name: dict[str, list[Measure]] = defaultdict(list)
        for m, pid, name in found:
            by_name[name].append(Measure(pid, ScoreKind(m.kind), m.test_name, m.entry_value,
                                         m.entry_on, m.exit_value, m.exit_on))
    return [(name, impact_of(measures)) for name, measures in sorted(by_name.items())]
