"""APDR cycles: editing a plan keeps what it holds; the next cycle is made once, in one step."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from threading import Barrier, Thread

import pytest
from factories import PASSWORD, add_pupil

from sencodesk.domain.codes import CycleStatus, Progress
from sencodesk.domain.errors import Conflict, SencodeskError
from sencodesk.services import accounts, audit, cycles, interventions
from sencodesk.services.context import Desk

START = date(2026, 9, 7)


def _full_plan(lexia: int) -> cycles.CyclePlan:
    """Six outcomes, three provisions (one free text, one with its cost set by hand)."""
    return cycles.CyclePlan(
        starts_on=START, review_on=date(2026, 11, 20), areas_of_need="Reading",
        outcomes=tuple(cycles.OutcomeInput(f"Outcome {n}", f"Check {n}") for n in range(1, 7)),
        provisions=(
            cycles.ProvisionInput(lexia, delivered_by="TA", group_size=3, sessions_per_week=2),
            cycles.ProvisionInput(description="Daily check-in with key adult", weeks=10),
            cycles.ProvisionInput(lexia, minutes_per_session=20, cost_pence=12_345),
        ))


def _lexia(desk: Desk) -> int:
    return interventions.add(desk, interventions.InterventionFields(
        "Lexia", hourly_cost_pence=1800))


def test_update_plan_keeps_ids_and_everything_passed_back(desk: Desk) -> None:
    pid, lexia = add_pupil(desk), _lexia(desk)
    cid = cycles.create(desk, pid, _full_plan(lexia))
    (before,) = cycles.cycles_for(desk, pid)
    plan = cycles.CyclePlan(
        starts_on=before.starts_on, review_on=before.review_on,
        areas_of_need=before.areas_of_need,
        outcomes=tuple(cycles.OutcomeInput(o.description, o.success_criteria, id=o.id)
                       for o in before.outcomes),
        provisions=tuple(cycles.ProvisionInput(
            p.intervention_id, p.description, p.delivered_by, p.group_size,
            p.minutes_per_session, p.sessions_per_week, p.weeks, p.cost_pence, id=p.id)
            for p in before.provisions))
    cycles.update_plan(desk, cid, plan)
    (after,) = cycles.cycles_for(desk, pid)
    assert after == replace(before, version=before.version + 1)  # a save is a new version
    assert [p.cost_pence for p in after.provisions] == [7200, 0, 12_345]


def test_update_plan_changes_removes_and_adds_as_asked(desk: Desk) -> None:
    pid, lexia = add_pupil(desk), _lexia(desk)
    cid = cycles.create(desk, pid, _full_plan(lexia))
    (before,) = cycles.cycles_for(desk, pid)
    first, _second, third, *_ = before.outcomes
    cycles.update_plan(desk, cid, cycles.CyclePlan(
        starts_on=START, review_on=date(2026, 12, 4),
        outcomes=(cycles.OutcomeInput("Outcome 3, reworded", id=third.id),
                  cycles.OutcomeInput(first.description, id=first.id),
                  cycles.OutcomeInput("New outcome")),
        provisions=(cycles.ProvisionInput(description="Daily check-in", weeks=10,
                                          id=before.provisions[1].id),)))
    (after,) = cycles.cycles_for(desk, pid)
    assert [(o.position, o.description) for o in after.outcomes] == [
        (1, "Outcome 3, reworded"), (2, "Outcome 1"), (3, "New outcome")]
    assert [o.id for o in after.outcomes[:2]] == [third.id, first.id]
    assert [(p.id, p.description) for p in after.provisions] == [
        (before.provisions[1].id, "Daily check-in")]
    assert after.review_on == date(2026, 12, 4)
    (latest, *_) = audit.list_events(desk, pupil_id=pid)
    assert latest.changes["outcome 1"] == ["Outcome 1", "Outcome 3, reworded"]
    assert latest.changes["outcome 6"] == ["Outcome 6", None]


def test_update_plan_refuses_an_outcome_of_another_cycle(desk: Desk) -> None:
    pid, lexia = add_pupil(desk), _lexia(desk)
    one = cycles.create(desk, pid, _full_plan(lexia))
    other = cycles.create(desk, pid, _full_plan(lexia))
    foreign = next(c for c in cycles.cycles_for(desk, pid) if c.id == other).outcomes[0].id
    with pytest.raises(SencodeskError, match="not part of this cycle"):
        cycles.update_plan(desk, one, cycles.CyclePlan(
            starts_on=START, review_on=date(2026, 11, 20),
            outcomes=(cycles.OutcomeInput("Taken", id=foreign),)))


def _reviewed(desk: Desk, pid: int, lexia: int) -> int:
    cid = cycles.create(desk, pid, _full_plan(lexia))
    cycles.activate(desk, cid)
    cycles.record_review(desk, cid, cycles.ReviewInput(
        date(2026, 11, 20), {1: Progress.MET, 2: Progress.PARTLY, 3: Progress.NOT_MET,
                             4: Progress.MET, 5: Progress.EXCEEDED, 6: Progress.MET}))
    return cid


def test_start_next_carries_provision_with_hand_set_costs(desk: Desk) -> None:
    pid, lexia = add_pupil(desk), _lexia(desk)
    cid = _reviewed(desk, pid, lexia)
    nxt = cycles.start_next(desk, cid)
    newest = cycles.cycles_for(desk, pid)[0]
    assert newest.id == nxt and newest.status is CycleStatus.DRAFT
    assert [o.description for o in newest.outcomes] == ["Outcome 2", "Outcome 3"]
    assert [p.cost_pence for p in newest.provisions] == [7200, 0, 12_345]
    assert newest.review_on > newest.starts_on
    assert newest.review_on == cycles.default_review_on(newest.starts_on)


def test_start_next_twice_makes_one_next_cycle(desk: Desk) -> None:
    pid, lexia = add_pupil(desk), _lexia(desk)
    cid = _reviewed(desk, pid, lexia)
    cycles.start_next(desk, cid)
    with pytest.raises(Conflict, match="already been started"):
        cycles.start_next(desk, cid)
    assert len(cycles.cycles_for(desk, pid)) == 2


def test_start_next_at_once_from_two_windows_makes_one(desk: Desk) -> None:
    """Two sign-ins clicking at the same moment: the database's rule lets one through."""
    pid, lexia = add_pupil(desk), _lexia(desk)
    cid = _reviewed(desk, pid, lexia)
    other = accounts.sign_in(desk.data_dir, "senco", PASSWORD)
    other.today = desk.today
    ready = Barrier(2)
    outcomes: list[object] = []

    def click(on: Desk) -> None:
        ready.wait()
        try:
            outcomes.append(cycles.start_next(on, cid))
        except SencodeskError as error:
            outcomes.append(error)

    threads = [Thread(target=click, args=(d,)) for d in (desk, other)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    other.close()
    assert len(outcomes) == 2 and sum(isinstance(o, int) for o in outcomes) == 1, outcomes
    assert len(cycles.cycles_for(desk, pid)) == 2


def test_a_second_cycle_beside_an_active_one_needs_a_clear_word(desk: Desk) -> None:
    pid, lexia = add_pupil(desk), _lexia(desk)
    running = cycles.create(desk, pid, _full_plan(lexia))
    cycles.activate(desk, running)
    with pytest.raises(Conflict, match="already running"):
        cycles.create(desk, pid, _full_plan(lexia))
    assert len(cycles.cycles_for(desk, pid)) == 1
    cycles.create(desk, pid, _full_plan(lexia), beside_active=True)
    assert len(cycles.cycles_for(desk, pid)) == 2
