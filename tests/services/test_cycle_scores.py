"""Scores in the APDR cycle: the Assess step's test result becomes the pupil's score and the
entry measure of the plan's interventions; the review takes the exit result and the sessions
delivered, all or nothing, and measured impact follows from them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from factories import add_pupil
from pdf_checks import page_text

from sencodesk.domain.assessment import ScoreKind
from sencodesk.domain.codes import CycleStatus, Progress
from sencodesk.domain.context_csv import ScoreEntry
from sencodesk.domain.errors import ValidationError
from sencodesk.reports import render
from sencodesk.services import assessments, cycle_scores, cycles, interventions, report_data
from sencodesk.services.context import Desk

START, END = date(2026, 9, 7), date(2026, 11, 20)
NGRT = ScoreEntry(ScoreKind.READING_AGE, "NGRT", START, 96, "J. Okafor")


def _plan(*named: int | None) -> cycles.CyclePlan:
    return cycles.CyclePlan(
        starts_on=START, review_on=END, outcomes=(cycles.OutcomeInput("Read 150 words"),),
        provisions=tuple(cycles.ProvisionInput(i, "" if i else "Paired reading",
                                               sessions_per_week=3, weeks=10, outcomes=(1,))
                         for i in named))


def _review(on: date = END) -> cycles.ReviewInput:
    return cycles.ReviewInput(reviewed_on=on, progress={1: Progress.MET})


def test_assess_then_review_gives_the_measured_impact(desk: Desk) -> None:
    lexia = interventions.add(desk, interventions.InterventionFields("Lexia"))
    pids = [add_pupil(desk) for _ in range(5)]
    for n, pid in enumerate(pids):
        cid = cycle_scores.create(desk, pid, _plan(lexia, None), NGRT)
        (measure,) = cycle_scores.measures_of(desk, cid)
        assert (measure.intervention, measure.entry_value, measure.exit_value) == \
            ("Lexia", 96, None)
        cycles.activate(desk, cid)
        lexia_line, paired = cycles.cycles_for(desk, pid)[0].provisions
        # reading age 8y 0m at entry, up 6 (n = 0) to 14 (n = 4) months at the review
        cycle_scores.review(desk, cid, _review(), exits={measure.id: 102 + 2 * n},
                            delivered={lexia_line.id: 27, paired.id: 30})
    ((name, impact),) = assessments.measured_impact(desk, starts_on=date(2026, 9, 1),
                                                    ends_on=date(2027, 8, 31))
    # mean gain 10 months over 74 days (2.431 months): ratio gain 4.11
    assert (name, impact.pupils, impact.awaiting) == ("Lexia", 5, 0)
    assert impact.reading_ratio_gain == pytest.approx(10 / (74 / (365.25 / 12)))
    scores = assessments.scores_of(desk, pids[4])
    assert [(s.assessed_on, s.value, s.assessor) for s in scores] == [
        (START, 96, "J. Okafor"), (END, 110, "")]
    (cycle,) = cycles.cycles_for(desk, pids[0])
    assert [(p.sessions_delivered, p.sessions_planned) for p in cycle.provisions] == [
        (27, 30), (30, 30)]
    printed = " ".join(" ".join(page_text(render(report_data.plan(desk, pids[0])).pdf)).split())
    assert "Lexia 27 of 30 sessions delivered" in printed
    assert "Paired reading 30 of 30 sessions delivered" in printed


def test_a_review_with_a_bad_exit_score_is_not_recorded_at_all(desk: Desk) -> None:
    lexia = interventions.add(desk, interventions.InterventionFields("Lexia"))
    pid = add_pupil(desk)
    cid = cycle_scores.create(desk, pid, _plan(lexia), NGRT)
    cycles.activate(desk, cid)
    (measure,) = cycle_scores.measures_of(desk, cid)
    with pytest.raises(ValidationError, match="from 36"):
        cycle_scores.review(desk, cid, _review(), exits={measure.id: 300})
    (cycle,) = cycles.cycles_for(desk, pid)
    assert cycle.status is CycleStatus.ACTIVE and cycle.reviewed_on is None
    with pytest.raises(ValidationError, match="negative"):
        cycle_scores.review(desk, cid, _review(), delivered={cycle.provisions[0].id: -1})
    assert cycles.cycles_for(desk, pid)[0].status is CycleStatus.ACTIVE
    assert cycle_scores.measures_of(desk, cid)[0].exit_value is None


def test_a_plan_without_a_catalogue_intervention_keeps_the_score_until_one_is_added(
    desk: Desk,
) -> None:
    lexia = interventions.add(desk, interventions.InterventionFields("Lexia"))
    pid = add_pupil(desk)
    cid = cycle_scores.create(desk, pid, _plan(None), NGRT)
    assert cycle_scores.measures_of(desk, cid) == []
    assert [s.value for s in assessments.scores_of(desk, pid)] == [96]
    line = cycles.cycles_for(desk, pid)[0].provisions[0]
    edited = _plan(None, lexia)
    edited = replace(edited, provisions=(replace(edited.provisions[0], id=line.id),
                                         edited.provisions[1]))
    cycle_scores.update_plan(desk, cid, edited, NGRT)
    (measure,) = cycle_scores.measures_of(desk, cid)
    assert measure.intervention == "Lexia" and cycle_scores.assess_score([measure]) == \
        ScoreEntry(ScoreKind.READING_AGE, "NGRT", START, 96, "")
    assert len(assessments.scores_of(desk, pid)) == 1  # the same result, not a second one
    with pytest.raises(ValidationError, match="before the review date"):
        cycle_scores.assess(desk, cid, ScoreEntry(ScoreKind.STANDARDISED, "NGRT",
                                                  date(2026, 11, 21), 85, ""))
