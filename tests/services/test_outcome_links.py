"""Each provision in a plan is linked to the outcomes it is meant to achieve; impact is
credited only through those links, and the demo school links sensible pairs."""

from __future__ import annotations

from datetime import date

import pytest
from factories import add_pupil

from sencodesk.domain import evidence
from sencodesk.domain.codes import Progress
from sencodesk.domain.errors import ValidationError
from sencodesk.services import cycles, interventions
from sencodesk.services.context import Desk
from sencodesk.services.demo_content import OUTCOMES, SUITS


def _plan(provisions: tuple[cycles.ProvisionInput, ...]) -> cycles.CyclePlan:
    return cycles.CyclePlan(
        starts_on=date(2026, 9, 7), review_on=date(2026, 11, 20),
        outcomes=(cycles.OutcomeInput("Read 150 words"), cycles.OutcomeInput("Spell 40 words"),
                  cycles.OutcomeInput("Stay in lessons all period")),
        provisions=provisions)


def test_links_are_saved_replaced_carried_forward_and_credit_only_their_outcomes(
        desk: Desk) -> None:
    pid = add_pupil(desk)
    lexia = interventions.add(desk, interventions.InterventionFields("Lexia"))
    elsa = interventions.add(desk, interventions.InterventionFields("ELSA"))
    cid = cycles.create(desk, pid, _plan((cycles.ProvisionInput(lexia, outcomes=(1,)),
                                          cycles.ProvisionInput(elsa, outcomes=(3,)))))
    (cycle,) = cycles.cycles_for(desk, pid)
    assert [p.outcome_positions for p in cycle.provisions] == [(1,), (3,)]
    # the plan is rewritten whole on edit: links follow the new rows
    cycles.update_plan(desk, cid, _plan((cycles.ProvisionInput(lexia, outcomes=(1, 2)),
                                         cycles.ProvisionInput(elsa, outcomes=(3,)))))
    (cycle,) = cycles.cycles_for(desk, pid)
    assert [p.outcome_positions for p in cycle.provisions] == [(1, 2), (3,)]
    cycles.activate(desk, cid)
    cycles.record_review(desk, cid, cycles.ReviewInput(
        date(2026, 11, 20), {1: Progress.MET, 2: Progress.NOT_MET, 3: Progress.EXCEEDED}))
    impact = {i.name: i for i in evidence.intervention_impact(cycles.cycles_for(desk, pid),
                                                              date(2026, 11, 22))}
    # Lexia: outcomes 1 (met) and 2 (not met); ELSA: outcome 3 (exceeded) only
    assert (impact["Lexia"].outcomes, impact["Lexia"].met_or_exceeded) == (2, 1)
    assert (impact["ELSA"].outcomes, impact["ELSA"].met_or_exceeded) == (1, 1)
    # only outcome 2 is carried forward; it becomes outcome 1 and keeps Lexia's link
    cycles.start_next(desk, cid)
    newest = cycles.cycles_for(desk, pid)[0]
    assert [o.description for o in newest.outcomes] == ["Spell 40 words"]
    assert [p.outcome_positions for p in newest.provisions] == [(1,), ()]


def test_a_link_to_an_outcome_the_plan_does_not_have_is_refused(desk: Desk) -> None:
    pid = add_pupil(desk)
    lexia = interventions.add(desk, interventions.InterventionFields("Lexia"))
    with pytest.raises(ValidationError, match="no outcome 4"):
        cycles.create(desk, pid, _plan((cycles.ProvisionInput(lexia, outcomes=(4,)),)))
    assert cycles.cycles_for(desk, pid) == []


def test_the_demo_links_each_provision_only_to_outcomes_of_a_need_it_suits(
        demo_desk: Desk) -> None:
    texts = {text: area for area, pool in OUTCOMES.items() for text, _ in pool}
    linked = 0
    for pupil_cycles in cycles.cycles_for_pupils(demo_desk, None).values():
        for cycle in pupil_cycles:
            for p in cycle.provisions:
                for position in p.outcome_positions:
                    outcome = cycle.outcomes[position - 1]
                    assert texts[outcome.description] in SUITS[p.name]
                    linked += 1
    assert linked > 100
