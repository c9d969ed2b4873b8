"""The provision map per intervention: the cost a pupil from the catalogue's hourly cost, and
the sessions delivered that reviews recorded against those planned; worked by hand, and read
back from the printed map."""

from __future__ import annotations

from datetime import date

from factories import add_pupil
from pdf_checks import page_text

from sencodesk.domain.codes import Progress
from sencodesk.reports import render
from sencodesk.services import (
    cycle_scores,
    cycles,
    interventions,
    provision_map,
    report_data,
)
from sencodesk.services.context import Desk

START, END = date(2026, 9, 7), date(2026, 11, 20)
YEAR = {"starts_on": date(2026, 9, 1), "ends_on": date(2027, 8, 31)}


def _plan(lexia: int, group: int) -> cycles.CyclePlan:
    # 30 minutes, twice a week for 12 weeks: 12 hours and 24 sessions planned
    return cycles.CyclePlan(starts_on=START, review_on=END,
                            outcomes=(cycles.OutcomeInput("Read 150 words"),),
                            provisions=(cycles.ProvisionInput(
                                lexia, minutes_per_session=30, sessions_per_week=2, weeks=12,
                                group_size=group, outcomes=(1,)),))


def test_cost_a_pupil_and_sessions_delivered_worked_by_hand(desk: Desk) -> None:
    lexia = interventions.add(desk, interventions.InterventionFields(
        "Lexia", hourly_cost_pence=1_800))
    # three pupils in a group of 3 (12 h x £18 / 3 = £72.00 each) and one alone (£216.00)
    pids = [add_pupil(desk) for _ in range(4)]
    plans = [cycles.create(desk, pid, _plan(lexia, 3 if n < 3 else 1))
             for n, pid in enumerate(pids)]
    # two reviews record the sessions delivered: 20 and 18 of 24; the others record none
    for pid, cid, delivered in zip(pids, plans, (20, 18), strict=False):
        cycles.activate(desk, cid)
        (cycle,) = cycles.cycles_for(desk, pid)
        cycle_scores.review(desk, cid, cycles.ReviewInput(END, {1: Progress.MET}),
                            delivered={cycle.provisions[0].id: delivered})
    (line,) = provision_map.provision_map(desk, **YEAR).by_intervention
    # £72 x 3 + £216 = £432.00 over 4 pupils: £108.00 a pupil; 38 of 48 sessions: 79%
    assert (line.pupils, line.cost_pence, line.cost_per_pupil_pence) == (4, 43_200, 10_800)
    assert (line.sessions_delivered, line.sessions_planned) == (38, 48)
    text = " ".join(" ".join(page_text(render(report_data.provision_map(desk, **YEAR)).pdf))
                    .split())
    assert "Lexia Targeted 4 48 £432.00 £108.00 79% of 48 100%" in text

