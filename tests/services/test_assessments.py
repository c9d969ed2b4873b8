"""Scores per pupil and entry/exit measures of interventions, giving measured impact."""

from __future__ import annotations

from datetime import date

import pytest
from factories import add_pupil

from sencodesk.domain.assessment import ScoreKind
from sencodesk.domain.errors import ValidationError
from sencodesk.services import assessments, audit, cycles, interventions
from sencodesk.services.context import Desk

START, END = date(2026, 9, 7), date(2026, 11, 20)


def _plan(intervention: int) -> cycles.CyclePlan:
    return cycles.CyclePlan(starts_on=START, review_on=END,
                            outcomes=(cycles.OutcomeInput("Read 150 words"),),
                            provisions=(cycles.ProvisionInput(intervention, outcomes=(1,)),))


def test_scores_are_kept_in_order_and_checked(desk: Desk) -> None:
    pid = add_pupil(desk)
    assessments.add_score(desk, pid, ScoreKind.READING_AGE, "NGRT", date(2026, 11, 1), 101)
    assessments.add_score(desk, pid, ScoreKind.STANDARDISED, "NGRT", date(2026, 9, 8), 82,
                          "J. Okafor")
    assert [(s.kind, s.value) for s in assessments.scores_of(desk, pid)] == [
        (ScoreKind.STANDARDISED, 82), (ScoreKind.READING_AGE, 101)]
    with pytest.raises(ValidationError, match="from 40 to 160"):
        assessments.add_score(desk, pid, ScoreKind.STANDARDISED, "NGRT", date(2026, 9, 8), 200)
    assert audit.list_events(desk, pupil_id=pid)[0].entity == "assessment score"


def test_measured_impact_per_intervention_survives_a_plan_edit(desk: Desk) -> None:
    lexia = interventions.add(desk, interventions.InterventionFields("Lexia"))
    plans = []
    for n in range(5):
        pid = add_pupil(desk)
        cid = cycles.create(desk, pid, _plan(lexia))
        plans.append(cid)
        # reading age up 6 months (n = 0) to 14 months (n = 4) over 7 September to 20 November
        assessments.set_measure(desk, cid, lexia, ScoreKind.READING_AGE, "NGRT", 96, START,
                                102 + 2 * n, END)
    cycles.update_plan(desk, plans[0], _plan(lexia))  # provisions rewritten: measures kept
    ((name, impact),) = assessments.measured_impact(desk, starts_on=date(2026, 9, 1),
                                                    ends_on=date(2027, 8, 31))
    # mean gain 10 months over 74 days = 2.431 months: ratio gain 4.11
    assert name == "Lexia" and impact.pupils == 5
    assert impact.reading_ratio_gain == pytest.approx(10 / (74 / (365.25 / 12)))
    assert impact.score_change is None
    with pytest.raises(ValidationError, match="after the entry"):
        assessments.set_measure(desk, plans[0], lexia, ScoreKind.READING_AGE, "NGRT", 96, END,
                                100, START)


def test_the_printed_provision_map_has_measured_impact(desk: Desk) -> None:
    from pdf_checks import page_text

    from sencodesk.reports import render
    from sencodesk.services import report_data

    lexia = interventions.add(desk, interventions.InterventionFields("Lexia"))
    toe = interventions.add(desk, interventions.InterventionFields("Toe by Toe"))
    for n, intervention in enumerate([lexia] * 5 + [toe]):
        cid = cycles.create(desk, add_pupil(desk), _plan(intervention))
        assessments.set_measure(desk, cid, intervention, ScoreKind.READING_AGE, "NGRT", 96,
                                START, 102 + 2 * (n % 5), END)
    sheet = report_data.provision_map(desk, starts_on=date(2026, 9, 1),
                                      ends_on=date(2027, 8, 31))
    text = " ".join(" ".join(page_text(render(sheet).pdf)).split())
    assert "Measured impact" in text and "months gained" in text
    assert "Lexia 5 not measured 4.11 not measured" in text
    assert "Toe by Toe 1 not measured too few pupils (1) not measured" in text
