"""A support plan as the forms and services give it (outcomes, provisions and the outcomes
each provision is meant to achieve), its checks, and how it is written over a cycle's rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from sencodesk.domain import provision, validation
from sencodesk.domain.errors import NotFound, ValidationError
from sencodesk.store.tables import (
    ApdrCycle,
    CycleOutcome,
    CycleProvision,
    Intervention,
    OutcomeProvisionLink,
)

MAX_OUTCOMES = 6


@dataclass(frozen=True)
class OutcomeInput:
    description: str
    success_criteria: str = ""
    id: int | None = None  # an outcome already planned, kept (with its id) by update_plan


@dataclass(frozen=True)
class ProvisionInput:
    intervention_id: int | None = None
    description: str = ""
    delivered_by: str = ""
    group_size: int = 1
    minutes_per_session: int = 30
    sessions_per_week: int = 1
    weeks: int = 12
    cost_pence: int | None = None  # None: costed from the intervention's hourly rate
    #: Positions (1, 2...) of the plan's outcomes this provision is meant to achieve.
    outcomes: tuple[int, ...] = ()
    id: int | None = None  # a provision already planned, kept (with its id) by update_plan


@dataclass(frozen=True)
class CyclePlan:
    starts_on: date
    review_on: date
    assess_notes: str = ""
    areas_of_need: str = ""
    outcomes: tuple[OutcomeInput, ...] = ()
    provisions: tuple[ProvisionInput, ...] = ()


def check_plan(plan: CyclePlan) -> None:
    validation.period(plan.starts_on, plan.review_on, start_field="start date",
                      end_field="review date")
    if plan.review_on == plan.starts_on:
        raise ValidationError("review date", "must come after the start date")
    if len(plan.outcomes) > MAX_OUTCOMES:
        raise ValidationError("outcomes", f"plan at most {MAX_OUTCOMES} outcomes (3-4 is usual)")
    for number, outcome in enumerate(plan.outcomes, start=1):
        validation.text(f"outcome {number}", outcome.description, max_length=1000,
                        required=True)
        validation.text(f"success criteria {number}", outcome.success_criteria,
                        max_length=1000)
    for number, item in enumerate(plan.provisions, start=1):
        validation.whole_number(f"provision {number} group size", item.group_size,
                                low=1, high=40)
        validation.whole_number(f"provision {number} minutes", item.minutes_per_session,
                                low=1, high=480)
        validation.whole_number(f"provision {number} sessions a week", item.sessions_per_week,
                                low=1, high=35)
        validation.whole_number(f"provision {number} weeks", item.weeks, low=1, high=52)
        if item.intervention_id is None and not item.description.strip():
            raise ValidationError(f"provision {number}", "choose an intervention or describe it")
        for position in item.outcomes:
            if not 1 <= position <= len(plan.outcomes):
                raise ValidationError(f"provision {number} outcomes",
                                      f"there is no outcome {position} in this plan")


def write_plan(session: Session, cycle: ApdrCycle, plan: CyclePlan) -> None:
    """Store the plan over what the cycle held: outcomes and provisions passed with their id
    are changed in place (keeping their id and any progress), those left out are removed,
    new ones are added."""
    assert cycle.id is not None
    cycle.starts_on, cycle.review_on = plan.starts_on, plan.review_on
    cycle.assess_notes = validation.text("assess notes", plan.assess_notes)
    cycle.areas_of_need = validation.text("areas of need", plan.areas_of_need)
    outcomes = {o.id: o for o in session.exec(
        select(CycleOutcome).where(CycleOutcome.cycle_id == cycle.id))}
    provisions = {p.id: p for p in session.exec(
        select(CycleProvision).where(CycleProvision.cycle_id == cycle.id))}
    kept_outcomes = {o.id for o in plan.outcomes} - {None}
    kept_provisions = {p.id for p in plan.provisions} - {None}
    if not kept_outcomes <= outcomes.keys() or not kept_provisions <= provisions.keys():
        raise NotFound("That outcome or provision is not part of this cycle.")
    if provisions:  # links are written again from the plan below
        for link in session.exec(select(OutcomeProvisionLink).where(
                col(OutcomeProvisionLink.provision_id).in_(list(provisions)))):
            session.delete(link)
        session.flush()  # before the outcomes go: their cascade would remove these first
    for old_outcome in outcomes.values():
        if old_outcome.id not in kept_outcomes:
            session.delete(old_outcome)
    for old_line in provisions.values():
        if old_line.id not in kept_provisions:
            session.delete(old_line)
    session.flush()  # free the positions of removed outcomes
    written: list[CycleOutcome] = []
    for position, outcome in enumerate(plan.outcomes, start=1):
        row = outcomes.get(outcome.id) or CycleOutcome(cycle_id=cycle.id, position=position,
                                                       description="")
        row.position = position
        row.description = outcome.description.strip()
        row.success_criteria = outcome.success_criteria.strip()
        session.add(row)
        written.append(row)
    session.flush()
    for item in plan.provisions:
        intervention = session.get(Intervention, item.intervention_id) \
            if item.intervention_id else None
        if item.intervention_id and intervention is None:
            raise ValidationError("intervention", "that intervention is not in the catalogue")
        cost = item.cost_pence
        if cost is None:
            cost = provision.cost_pence(
                hourly_cost_pence=intervention.hourly_cost_pence if intervention else 0,
                minutes_per_session=item.minutes_per_session,
                sessions_per_week=item.sessions_per_week, weeks=item.weeks,
                group_size=item.group_size,
            )
        line = provisions.get(item.id) or CycleProvision(cycle_id=cycle.id)
        line.intervention_id = item.intervention_id
        line.description = validation.text("provision", item.description, max_length=500)
        line.delivered_by = validation.text("delivered by", item.delivered_by, max_length=120)
        line.group_size, line.minutes_per_session = item.group_size, item.minutes_per_session
        line.sessions_per_week, line.weeks = item.sessions_per_week, item.weeks
        line.cost_pence = cost
        session.add(line)
        session.flush()
        assert line.id is not None
        session.add_all(OutcomeProvisionLink(outcome_id=written[position - 1].id or 0,
                                             provision_id=line.id)
                        for position in sorted(set(item.outcomes)))
    session.add(cycle)


def snapshot(session: Session, cycle: ApdrCycle) -> dict[str, object]:
    data: dict[str, object] = cycle.model_dump(exclude={"id", "pupil_id", "previous_id",
                                                             "version"})
    for o in session.exec(select(CycleOutcome).where(CycleOutcome.cycle_id == cycle.id)):
        data[f"outcome {o.position}"] = o.description
        data[f"outcome {o.position} criteria"] = o.success_criteria
        data[f"outcome {o.position} progress"] = o.progress
    links = session.exec(select(CycleProvision.id, CycleOutcome.position)
                         .join(OutcomeProvisionLink,
                               col(OutcomeProvisionLink.provision_id) == CycleProvision.id)
                         .join(CycleOutcome,
                               col(OutcomeProvisionLink.outcome_id) == CycleOutcome.id)
                         .where(CycleProvision.cycle_id == cycle.id))
    data["outcome links"] = sorted(position for _, position in links)
    for n, p in enumerate(session.exec(select(CycleProvision).where(
            CycleProvision.cycle_id == cycle.id).order_by(col(CycleProvision.id))), start=1):
        data[f"provision {n}"] = (f"{p.intervention_id or ''} {p.description} "
                                  f"{p.delivered_by} {p.group_size}x{p.minutes_per_session}m"
                                  f"x{p.sessions_per_week}/wk x{p.weeks}wk "
                                  f"{p.cost_pence}p").strip()
    return data


def linked_positions(session: Session, cycle_id: int) -> dict[int | None, list[int]]:
    """For each provision of the cycle, the positions of the outcomes it is linked to."""
    linked: dict[int | None, list[int]] = {}
    for provision_id, position in session.exec(
            select(OutcomeProvisionLink.provision_id, CycleOutcome.position)
            .join(CycleOutcome, col(OutcomeProvisionLink.outcome_id) == CycleOutcome.id)
            .where(CycleOutcome.cycle_id == cycle_id)):
        linked.setdefault(provision_id, []).append(position)
    return linked
