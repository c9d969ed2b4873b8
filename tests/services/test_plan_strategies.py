"""A Teacher reads of a pupil's current support plan only its strategies and the provision
they deliver; the whole plan (outcomes, other provision, reviews) is refused and audited."""

from __future__ import annotations

from datetime import date

import pytest
from factories import add_pupil, signed_in_as, teaches

from sencodesk.domain.codes import Progress, Role
from sencodesk.domain.errors import OutsideView, PermissionDenied
from sencodesk.domain.records import PassportContent
from sencodesk.services import audit, cycles, passports, plan_strategies, report_data
from sencodesk.services.context import Desk

_PLAN = cycles.CyclePlan(
    starts_on=date(2026, 9, 7), review_on=date(2026, 11, 16),
    areas_of_need="Working memory; reading fluency",
    outcomes=(cycles.OutcomeInput("Read a page aloud", "Five pages by half term"),),
    provisions=(
        cycles.ProvisionInput(description="Pre-teach maths vocabulary", delivered_by="Ms Example",
                              outcomes=(1,)),
        cycles.ProvisionInput(description="Reading with an adult", delivered_by="TA Jones"),
        cycles.ProvisionInput(description="Seat near the front", delivered_by="Subject teachers"),
    ))


def _pupil_with_plan(senco: Desk) -> int:
    pid = add_pupil(senco, legal_surname="Able")
    passports.save(senco, pid, PassportContent(support_me="Give instructions one at a time\n"
                                                          "- Check I have written the homework"))
    first = cycles.create(senco, pid, _PLAN)
    cycles.activate(senco, first)
    cycles.record_review(senco, first, cycles.ReviewInput(
        reviewed_on=date(2026, 11, 16), progress={1: Progress.PARTLY},
        pupil_voice="I like the dog books.", next_steps="Keep reading every day."))
    current = cycles.start_next(senco, first, review_on=date(2027, 2, 8))
    cycles.activate(senco, current)
    return pid


def test_a_teacher_reads_the_strategies_and_only_the_provision_they_deliver(
        desk: Desk) -> None:
    pid = _pupil_with_plan(desk)
    teacher = signed_in_as(desk, Role.TEACHER)  # Pat Example
    teaches(desk, teacher, pid, code="8X/Ma1")
    try:
        plan = plan_strategies.current_plan(teacher, pid)
    finally:
        teacher.close()
    assert plan is not None and plan.review_on == date(2027, 2, 8)  # the plan in force
    assert plan.strategies == ("Give instructions one at a time",
                               "Check I have written the homework")
    assert plan.areas_of_need == "Working memory; reading fluency"
    assert [p.name for p in plan.provisions] == ["Pre-teach maths vocabulary",
                                                 "Seat near the front"]
    assert all(p.outcome_positions == () and p.cost_pence == 0 for p in plan.provisions)
    # the SENCO reads the whole plan through the same call
    senco_plan = plan_strategies.current_plan(desk, pid)
    assert senco_plan is not None and len(senco_plan.provisions) == 3


def test_a_teacher_is_refused_the_whole_plan_and_the_refusal_is_audited(desk: Desk) -> None:
    pid = _pupil_with_plan(desk)
    teacher = signed_in_as(desk, Role.TEACHER)
    teaches(desk, teacher, pid, code="8X/Ma1")
    try:
        for whole_plan in (lambda: cycles.cycles_for(teacher, pid),
                           lambda: report_data.plan(teacher, pid),
                           lambda: cycles.reviews_due(teacher, [pid])):
            with pytest.raises(PermissionDenied, match=r"Teacher accounts cannot read support "
                                                       r"plans\. Ask your SENCO"):
                whole_plan()
    finally:
        teacher.close()
    refusals = [e for e in audit.list_events(desk, limit=10) if e.action == "refused"]
    assert len(refusals) == 3 and all("read support plans" in e.summary for e in refusals)


def test_a_teacher_reads_no_plan_of_a_pupil_they_do_not_teach(desk: Desk) -> None:
    mine, other = add_pupil(desk, legal_surname="Mine"), _pupil_with_plan(desk)
    teacher = signed_in_as(desk, Role.TEACHER)
    teaches(desk, teacher, mine, code="8X/Ma1")
    try:
        assert plan_strategies.current_plan(teacher, mine) is None  # no plan yet
        with pytest.raises(OutsideView):
            plan_strategies.current_plan(teacher, other)
    finally:
        teacher.close()
    assert any(e.action == "refused" for e in audit.list_events(desk, pupil_id=other))
