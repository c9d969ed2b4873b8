"""Assess-plan-do-review cycles (CoP 6.44-6.56): plan outcomes and provision, record the
review with progress and voices, and start the next cycle from it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, or_, select

from sencodesk.domain import validation
from sencodesk.domain.codes import CycleStatus, Progress
from sencodesk.domain.dates import uk
from sencodesk.domain.errors import Conflict, NotFound, ValidationError
from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import CycleRecord, OutcomeRecord, ProvisionRecord, ReviewDue
from sencodesk.services import audit, pupils, register_rows, versions
from sencodesk.services.context import Desk
from sencodesk.services.cycle_plans import MAX_OUTCOMES as MAX_OUTCOMES
from sencodesk.services.cycle_plans import CyclePlan as CyclePlan
from sencodesk.services.cycle_plans import OutcomeInput as OutcomeInput
from sencodesk.services.cycle_plans import ProvisionInput as ProvisionInput
from sencodesk.services.cycle_plans import check_plan, linked_positions, snapshot, write_plan
from sencodesk.store.tables import (
    ApdrCycle,
    CycleOutcome,
    CycleProvision,
    Intervention,
    OutcomeProvisionLink,
)

DEFAULT_CYCLE = timedelta(weeks=12)  # about a term


@dataclass(frozen=True)
class ReviewInput:
    reviewed_on: date
    progress: Mapping[int, Progress | None]  # outcome position -> progress (None: not chosen)
    next_steps: str = ""
    pupil_voice: str = ""
    parent_voice: str = ""
    attendees: str = ""


def _get(session: Session, cycle_id: int) -> ApdrCycle:
    cycle = session.get(ApdrCycle, cycle_id)
    if cycle is None:
        raise NotFound(f"There is no support cycle with id {cycle_id}.")
    return cycle


def _editable(session: Session, cycle_id: int) -> ApdrCycle:
    """The cycle, to change it: refused once the pupil has left (their file is read-only)."""
    cycle = _get(session, cycle_id)
    pupils.editable(session, cycle.pupil_id)
    return cycle


def create(desk: Desk, pupil_id: int, plan: CyclePlan, *, beside_active: bool = False) -> int:
    """Start a draft cycle for a pupil. A pupil has one running plan at a time: while a cycle
    is active another is refused unless ``beside_active`` says it is meant (the form asks)."""
    check_plan(plan)
    with desk.unit(Permission.EDIT_SUPPORT) as session:
        pupils.editable(session, pupil_id)
        if not beside_active:
            _refuse_beside_active(session, pupil_id)
        return _create(session, desk, pupil_id, plan, previous_id=None)


def _refuse_beside_active(session: Session, pupil_id: int) -> None:
    running = session.exec(select(ApdrCycle).where(
        ApdrCycle.pupil_id == pupil_id, ApdrCycle.status == CycleStatus.ACTIVE.value)).first()
    if running is not None:
        raise Conflict(
            f"A support cycle is already running (from {uk(running.starts_on)}, review "
            f"{uk(running.review_on)}). Review it and start the next one from it, or "
            "confirm that a second cycle should run beside it.")


def _create(session: Session, desk: Desk, pupil_id: int, plan: CyclePlan, *,
            previous_id: int | None) -> int:
    cycle = ApdrCycle(pupil_id=pupil_id, previous_id=previous_id,
                      starts_on=plan.starts_on, review_on=plan.review_on)
    session.add(cycle)
    session.flush()
    write_plan(session, cycle, plan)
    audit.record(session, desk.actor, "create", "cycle", entity_id=cycle.id,
                 pupil_id=pupil_id,
                 summary=f"support cycle from {uk(plan.starts_on)}")
    assert cycle.id is not None
    return cycle.id


def _claim(session: Session, cycle: ApdrCycle, opened_version: int | None) -> None:
    versions.claim(session, cycle, opened_version, what="support plan", entities=("cycle",),
                   entity_id=cycle.id)


def update_plan(desk: Desk, cycle_id: int, plan: CyclePlan, *,
                opened_version: int | None = None) -> None:
    """Change a draft or running plan to ``plan``: pass each outcome and provision that stays
    with its id (from ``cycles_for``); anything left out is removed, and the audit entry
    lists what changed. From a form, ``opened_version`` is the version it showed: a save
    over a newer change is refused (services.versions)."""
    check_plan(plan)
    with desk.unit(Permission.EDIT_SUPPORT) as session:
        cycle = _editable(session, cycle_id)
        if cycle.status == CycleStatus.REVIEWED.value:
            raise ValidationError("cycle", "this cycle has been reviewed; start the next one")
        _claim(session, cycle, opened_version)
        before = snapshot(session, cycle)
        write_plan(session, cycle, plan)
        session.flush()
        audit.record(session, desk.actor, "update", "cycle", entity_id=cycle_id,
                     pupil_id=cycle.pupil_id,
                     changed=audit.changes(before, snapshot(session, cycle)))


def activate(desk: Desk, cycle_id: int) -> None:
    """The plan is agreed with the family and the 'do' begins."""
    with desk.unit(Permission.EDIT_SUPPORT) as session:
        cycle = _editable(session, cycle_id)
        if cycle.status != CycleStatus.DRAFT.value:
            raise ValidationError("cycle", f"only a draft can be started (this is {cycle.status})")
        if not session.exec(select(CycleOutcome.id).where(CycleOutcome.cycle_id == cycle_id)
                            ).first():
            raise ValidationError("outcomes", "agree at least one outcome before starting")
        _claim(session, cycle, None)
        cycle.status = CycleStatus.ACTIVE.value
        session.add(cycle)
        audit.record(session, desk.actor, "update", "cycle", entity_id=cycle_id,
                     pupil_id=cycle.pupil_id, changed={"status": ["draft", "active"]})


def record_review(desk: Desk, cycle_id: int, review: ReviewInput, *,
                  opened_version: int | None = None) -> None:
    """Record the review: progress on every outcome, next steps and both voices. From a
    form, ``opened_version`` is the version of the cycle it showed (services.versions)."""
    with desk.unit(Permission.EDIT_SUPPORT) as session:
        cycle = _editable(session, cycle_id)
        _claim(session, cycle, opened_version)
        if cycle.status == CycleStatus.REVIEWED.value:
            raise ValidationError("cycle", "this cycle has already been reviewed")
        if cycle.status != CycleStatus.ACTIVE.value:
            raise ValidationError("cycle", "start the plan (agreed with the family) before "
                                  "recording its review")
        if review.reviewed_on < cycle.starts_on:
            raise ValidationError(
                "review date", f"{uk(review.reviewed_on)} is before the cycle started "
                f"({uk(cycle.starts_on)})")
        if review.reviewed_on > desk.today():
            raise ValidationError("review date", "a review cannot be recorded in advance")
        outcomes = list(session.exec(select(CycleOutcome).where(CycleOutcome.cycle_id == cycle_id)))
        # progress is chosen for each outcome, never assumed
        chosen = {position: Progress(p) for position, p in review.progress.items() if p}
        missing = [o.position for o in outcomes if o.position not in chosen]
        if missing:
            raise ValidationError("progress", f"rate progress for outcome {missing[0]}")
        before = snapshot(session, cycle)
        for outcome in outcomes:
            outcome.progress = chosen[outcome.position].value
            session.add(outcome)
        cycle.reviewed_on = review.reviewed_on
        cycle.next_steps = validation.text("next steps", review.next_steps)
        cycle.pupil_voice = validation.text("pupil voice", review.pupil_voice)
        cycle.parent_voice = validation.text("parent voice", review.parent_voice)
        cycle.attendees = validation.text("attendees", review.attendees, max_length=500)
        cycle.status = CycleStatus.REVIEWED.value
        session.add(cycle)
        session.flush()
        audit.record(session, desk.actor, "update", "cycle", entity_id=cycle_id,
                     pupil_id=cycle.pupil_id, summary="review recorded",
                     changed=audit.changes(before, snapshot(session, cycle)))


def start_next(desk: Desk, cycle_id: int, *, review_on: date | None = None) -> int:
    """A new draft cycle from the last review, in one transaction: it starts on the review
    date, carries forward outcomes not yet met, the provision (with any cost set by hand)
    and areas of need, and takes the review's next steps as its assessment. A cycle has one
    next cycle: asking twice (a double click) is refused, and the database enforces it."""
    with desk.unit(Permission.EDIT_SUPPORT) as session:
        cycle = _editable(session, cycle_id)
        if cycle.status != CycleStatus.REVIEWED.value or cycle.reviewed_on is None:
            raise ValidationError("cycle", "review this cycle before starting the next one")
        if session.exec(select(ApdrCycle.id).where(ApdrCycle.previous_id == cycle_id)).first():
            raise Conflict("The next cycle has already been started from this review.")
        outcomes = list(session.exec(select(CycleOutcome)
                                     .where(CycleOutcome.cycle_id == cycle_id)
                                     .order_by(col(CycleOutcome.position))))
        lines = session.exec(select(CycleProvision).where(CycleProvision.cycle_id == cycle_id)
                             .order_by(col(CycleProvision.id)))
        starts_on = cycle.reviewed_on
        carried = [o.position for o in outcomes
                   if o.progress in (Progress.NOT_MET.value, Progress.PARTLY.value)]
        renumbered = {old: new for new, old in enumerate(carried, start=1)}
        linked = linked_positions(session, cycle_id)
        plan = CyclePlan(
            starts_on=starts_on,
            review_on=review_on or default_review_on(starts_on),
            assess_notes=cycle.next_steps,
            areas_of_need=cycle.areas_of_need,
            outcomes=tuple(
                OutcomeInput(o.description, o.success_criteria) for o in outcomes
                if o.progress in (Progress.NOT_MET.value, Progress.PARTLY.value)),
            provisions=tuple(
                ProvisionInput(p.intervention_id, p.description, p.delivered_by, p.group_size,
                               p.minutes_per_session, p.sessions_per_week, p.weeks,
                               p.cost_pence,
                               outcomes=tuple(renumbered[n] for n in linked.get(p.id, ())
                                              if n in renumbered))
                for p in lines),
        )
        check_plan(plan)
        try:
            return _create(session, desk, cycle.pupil_id, plan, previous_id=cycle_id)
        except IntegrityError:  # started at the same moment elsewhere: the unique index held
            raise Conflict("The next cycle has already been started from this review.") \
                from None


def default_review_on(starts_on: date) -> date:
    """A new cycle's review date unless one is chosen: about a term after it starts."""
    return starts_on + DEFAULT_CYCLE


def reviews_due(desk: Desk, pupil_ids: Sequence[int] | None, *,
                include_reviewed: bool = False) -> list[ReviewDue]:
    """Review dates of cycles (by default only those not yet reviewed) of these pupils (None:
    everyone's), read as plain columns: the whole school's are needed on every refresh."""
    with desk.unit(Permission.READ_SUPPORT) as session:
        query = select(col(ApdrCycle.id), col(ApdrCycle.pupil_id), col(ApdrCycle.review_on),
                       col(ApdrCycle.reviewed_on))
        if pupil_ids is not None:
            query = query.where(col(ApdrCycle.pupil_id).in_(list(pupil_ids)))
        if not include_reviewed:
            query = query.where(col(ApdrCycle.status) != CycleStatus.REVIEWED.value)
        return [ReviewDue(cid or 0, pid, due, done) for cid, pid, due, done in session.exec(query)]


def provision_in_force(desk: Desk, pupil_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """For each of these pupils, the names of the provision in their plan in force
    (CycleStatus.in_force_rank), each once. Read as plain columns and without the rest of
    the cycles: the register needs it for hundreds of pupils with years of history."""
    wanted = set(pupil_ids)
    few = list(wanted) if len(wanted) <= register_rows.FEW else None
    with desk.unit(Permission.READ_SUPPORT) as session:
        run = session.connection().execute
        heads = select(col(ApdrCycle.id), col(ApdrCycle.pupil_id), col(ApdrCycle.status),
                       col(ApdrCycle.starts_on))
        if few is not None:
            heads = heads.where(col(ApdrCycle.pupil_id).in_(few))
        best: dict[int, tuple[int, date, int]] = {}
        for cid, pid, status, starts_on in run(heads):
            key = (CycleStatus(status).in_force_rank, starts_on, cid or 0)
            if pid in wanted and key > best.get(pid, (-1, date.min, 0)):
                best[pid] = key
        in_force = {key[2]: pid for pid, key in best.items()}
        lines = (select(col(CycleProvision.cycle_id), Intervention.name,
                        col(CycleProvision.description))
                 .join(Intervention, isouter=True).order_by(col(CycleProvision.id)))
        if few is not None:
            lines = lines.where(col(CycleProvision.cycle_id).in_(list(in_force)))
        names: dict[int, dict[str, None]] = {pid: {} for pid in best}
        for cid, intervention, description in run(lines):
            if cid in in_force:
                names[in_force[cid]][intervention or description] = None
    return {pid: tuple(found) for pid, found in names.items()}


def cycles_for_cycle(desk: Desk, cycle_id: int) -> list[CycleRecord]:
    with desk.unit(Permission.READ_SUPPORT) as session:
        pupil_id = _get(session, cycle_id).pupil_id
    return cycles_for(desk, pupil_id)


def cycles_for(desk: Desk, pupil_id: int) -> list[CycleRecord]:
    """A pupil's cycles, newest first, with outcomes and provision."""
    return cycles_for_pupils(desk, [pupil_id]).get(pupil_id, [])


def cycles_for_pupils(desk: Desk, pupil_ids: Sequence[int] | None, *,
                      overlapping: tuple[date, date] | None = None,
                      ) -> dict[int, list[CycleRecord]]:
    """Cycles of many pupils (None: all) in three queries, for reports and the clock; with
    ``overlapping`` only those running at some point in that period (started by its end, and
    due or reviewed on or after its start), so ten years of history is not read for one."""
    with desk.unit(Permission.READ_SUPPORT) as session:
        query = select(ApdrCycle).order_by(col(ApdrCycle.starts_on).desc())
        if pupil_ids is not None:
            query = query.where(col(ApdrCycle.pupil_id).in_(list(pupil_ids)))
        if overlapping is not None:
            first, last = overlapping
            query = query.where(col(ApdrCycle.starts_on) <= last,
                                or_(col(ApdrCycle.review_on) >= first,
                                    col(ApdrCycle.reviewed_on) >= first))
        cycles = list(session.exec(query))
        ids = [c.id for c in cycles]
        outcomes: dict[int, list[OutcomeRecord]] = {}
        for o in session.exec(select(CycleOutcome).where(col(CycleOutcome.cycle_id).in_(ids))
                              .order_by(col(CycleOutcome.position))):
            outcomes.setdefault(o.cycle_id, []).append(OutcomeRecord(
                o.id or 0, o.position, o.description, o.success_criteria,
                Progress(o.progress) if o.progress else None))
        linked: dict[int, list[int]] = {}
        for provision_id, position in session.exec(
            select(OutcomeProvisionLink.provision_id, CycleOutcome.position)
            .join(CycleOutcome, col(OutcomeProvisionLink.outcome_id) == CycleOutcome.id)
            .where(col(CycleOutcome.cycle_id).in_(ids))
        ):
            linked.setdefault(provision_id, []).append(position)
        provisions: dict[int, list[ProvisionRecord]] = {}
        for p, name in session.exec(
            select(CycleProvision, Intervention.name).join(Intervention, isouter=True)
            .where(col(CycleProvision.cycle_id).in_(ids)).order_by(col(CycleProvision.id))
        ):
            provisions.setdefault(p.cycle_id, []).append(ProvisionRecord(
                p.id or 0, p.intervention_id, name or "", p.description, p.delivered_by,
                p.group_size, p.minutes_per_session, p.sessions_per_week, p.weeks, p.cost_pence,
                tuple(sorted(linked.get(p.id or 0, ()))), p.sessions_delivered))
        result: dict[int, list[CycleRecord]] = {}
        for c in cycles:
            assert c.id is not None
            result.setdefault(c.pupil_id, []).append(CycleRecord(
                id=c.id, pupil_id=c.pupil_id, previous_id=c.previous_id,
                status=CycleStatus(c.status), starts_on=c.starts_on, review_on=c.review_on,
                assess_notes=c.assess_notes, areas_of_need=c.areas_of_need,
                reviewed_on=c.reviewed_on, next_steps=c.next_steps, pupil_voice=c.pupil_voice,
                parent_voice=c.parent_voice, attendees=c.attendees,
                outcomes=tuple(outcomes.get(c.id, ())),
                provisions=tuple(provisions.get(c.id, ())), version=c.version,
            ))
        return result
