"""Scores in the APDR cycle: a test result taken at the Assess step is kept in the pupil's
scores and becomes the entry measure of each catalogue intervention in the plan; at the review
the same test's result is the exit measure, and the sessions delivered of each provision are
recorded with it. Measured impact (services.assessments) is worked out from these."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from sencodesk.domain.assessment import ScoreKind
from sencodesk.domain.context_csv import ScoreEntry
from sencodesk.domain.dates import uk
from sencodesk.domain.errors import NotFound, ValidationError
from sencodesk.domain.permissions import Permission
from sencodesk.services import assessments, audit, cycles, pupils
from sencodesk.services.context import Desk, composite
from sencodesk.store.tables import ApdrCycle, CycleProvision, Intervention, ProvisionMeasure


@dataclass(frozen=True)
class MeasureRecord:
    """An intervention's entry (and, once taken, exit) measure in one plan."""

    id: int
    intervention_id: int
    intervention: str
    kind: ScoreKind
    test_name: str
    entry_value: float
    entry_on: date
    exit_value: float | None
    exit_on: date | None


def _cycle(session: Session, cycle_id: int) -> ApdrCycle:
    cycle = session.get(ApdrCycle, cycle_id)
    if cycle is None:
        raise NotFound("That support plan has been deleted.")
    pupils.editable(session, cycle.pupil_id)
    return cycle


def _write_measure(session: Session, desk: Desk, cycle: ApdrCycle, intervention_id: int,
                   entry: ScoreEntry) -> None:
    """The entry measure of ``intervention_id`` in ``cycle`` from ``entry``; an exit already
    taken is kept."""
    row = session.exec(select(ProvisionMeasure).where(
        ProvisionMeasure.cycle_id == cycle.id,
        ProvisionMeasure.intervention_id == intervention_id,
        ProvisionMeasure.kind == entry.kind.value)).first()
    before = row.model_dump() if row else {}
    if row is not None and row.exit_on is not None and row.exit_on <= entry.assessed_on:
        raise ValidationError("assessed_on", "must be before the exit measure taken on "
                              f"{uk(row.exit_on)}")
    row = row or ProvisionMeasure(cycle_id=cycle.id or 0, intervention_id=intervention_id,
                                  kind=entry.kind.value, test_name="", entry_value=0,
                                  entry_on=entry.assessed_on)
    row.test_name, row.entry_value = entry.test_name.strip(), entry.value
    row.entry_on = entry.assessed_on
    if before == row.model_dump():
        return
    session.add(row)
    session.flush()
    audit.record(session, desk.actor, "update" if before else "create", "provision measure",
                 entity_id=row.id, pupil_id=cycle.pupil_id,
                 summary=f"entry {entry.kind.value} measure at assess",
                 changed=audit.changes(before, row.model_dump()))


def assess(desk: Desk, cycle_id: int, entry: ScoreEntry) -> int:
    """Record a test result taken at the Assess step: in the pupil's scores, and as the entry
    measure of every catalogue intervention the plan names. Returns how many interventions it
    measures (a plan naming none keeps the score only)."""
    with desk.unit(Permission.EDIT_SUPPORT) as session:
        cycle = _cycle(session, cycle_id)
        if entry.assessed_on > cycle.review_on:
            raise ValidationError("assessed_on", "an entry measure is taken before the review "
                                  "date")
        assessments.write_score(session, desk, cycle.pupil_id, entry,
                                summary=f"{entry.test_name.strip()} {entry.kind.value} at assess")
        named = sorted({p.intervention_id for p in session.exec(
            select(CycleProvision).where(CycleProvision.cycle_id == cycle_id))
            if p.intervention_id is not None})
        for intervention_id in named:
            _write_measure(session, desk, cycle, intervention_id, entry)
        return len(named)


@composite(Permission.EDIT_SUPPORT)
def create(desk: Desk, pupil_id: int, plan: cycles.CyclePlan, entry: ScoreEntry | None, *,
           beside_active: bool = False) -> int:
    """A new draft plan and the score taken when assessing, in one unit of work."""
    cycle_id = cycles.create(desk, pupil_id, plan, beside_active=beside_active)
    if entry is not None:
        assess(desk, cycle_id, entry)
    return cycle_id


@composite(Permission.EDIT_SUPPORT)
def update_plan(desk: Desk, cycle_id: int, plan: cycles.CyclePlan,
                entry: ScoreEntry | None, *, opened_version: int | None = None) -> None:
    """A changed plan and its Assess score, in one unit of work: an intervention added to the
    plan gets the entry measure too. ``opened_version``: as ``cycles.update_plan``."""
    cycles.update_plan(desk, cycle_id, plan, opened_version=opened_version)
    if entry is not None:
        assess(desk, cycle_id, entry)


def measures_of(desk: Desk, cycle_id: int) -> list[MeasureRecord]:
    """The plan's entry and exit measures, by intervention and kind."""
    with desk.unit(Permission.READ_SUPPORT) as session:
        return [MeasureRecord(m.id or 0, m.intervention_id, name, ScoreKind(m.kind),
                              m.test_name, m.entry_value, m.entry_on, m.exit_value, m.exit_on)
                for m, name in session.exec(
                    select(ProvisionMeasure, Intervention.name)
                    .join(Intervention, col(Intervention.id) == ProvisionMeasure.intervention_id)
                    .where(ProvisionMeasure.cycle_id == cycle_id)
                    .order_by(col(Intervention.name), col(ProvisionMeasure.kind)))]


def assess_score(measures: list[MeasureRecord]) -> ScoreEntry | None:
    """The score the Assess step recorded (the first entry measure), to show it again."""
    first = next(iter(measures), None)
    return ScoreEntry(first.kind, first.test_name, first.entry_on, first.entry_value, "") \
        if first else None


@composite(Permission.EDIT_SUPPORT)
def review(desk: Desk, cycle_id: int, review: cycles.ReviewInput, *,
           exits: Mapping[int, float] | None = None,
           delivered: Mapping[int, int] | None = None,
           opened_version: int | None = None) -> None:
    """Record the review with each measure's exit result (``exits``: measure id -> value,
    taken on the review date, and kept in the pupil's scores) and each provision's sessions
    delivered (``delivered``: provision id -> sessions), all in one unit of work.
    ``opened_version``: as ``cycles.record_review``."""
    cycles.record_review(desk, cycle_id, review, opened_version=opened_version)
    with desk.unit(Permission.EDIT_SUPPORT) as session:
        cycle = _cycle(session, cycle_id)
        for measure_id, value in (exits or {}).items():
            row = session.get(ProvisionMeasure, measure_id)
            if row is None or row.cycle_id != cycle_id:
                raise NotFound("That entry measure has been removed; open the review again.")
            kind = ScoreKind(row.kind)
            if review.reviewed_on <= row.entry_on:
                raise ValidationError("exit", f"the {kind.value} exit measure must be taken "
                                      f"after its entry measure ({uk(row.entry_on)})")
            assessments.write_score(session, desk, cycle.pupil_id, ScoreEntry(
                kind, row.test_name, review.reviewed_on, value, ""),
                summary=f"{row.test_name} {kind.value} at review")
            before = row.model_dump()
            row.exit_value, row.exit_on = value, review.reviewed_on
            session.add(row)
            session.flush()
            audit.record(session, desk.actor, "update", "provision measure", entity_id=row.id,
                         pupil_id=cycle.pupil_id, summary=f"exit {kind.value} measure at review",
                         changed=audit.changes(before, row.model_dump()))
        for provision_id, sessions in (delivered or {}).items():
            _deliver(session, desk, cycle, provision_id, sessions)


def _deliver(session: Session, desk: Desk, cycle: ApdrCycle, provision_id: int,
             sessions: int) -> None:
    line = session.get(CycleProvision, provision_id)
    if line is None or line.cycle_id != cycle.id:
        raise NotFound("That provision has been removed from the plan; open the review again.")
    if sessions < 0:
        raise ValidationError("delivered", "cannot be negative")
    before = line.model_dump()
    line.sessions_delivered = sessions
    session.add(line)
    session.flush()
    audit.record(session, desk.actor, "update", "provision", entity_id=line.id,
                 pupil_id=cycle.pupil_id, summary="sessions delivered at review",
                 changed=audit.changes(before, line.model_dump()))
