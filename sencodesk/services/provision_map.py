"""The school-wide provision map from the cycles that overlap a period."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sencodesk.domain import validation
from sencodesk.domain.permissions import Permission
from sencodesk.domain.provision_map import InterventionLine, ProvisionMap, PupilLine
from sencodesk.services import cycles, interventions, pupils, school
from sencodesk.services.context import Desk, composite


@composite(Permission.READ_PUPILS, writes=False)
def provision_map(desk: Desk, *, starts_on: date, ends_on: date) -> ProvisionMap:
    """Every provision in a cycle that overlaps ``starts_on``..``ends_on``, by intervention and
    by pupil, against the notional SEN budget. A cycle counts whole if it overlaps."""
    validation.period(starts_on, ends_on, start_field="from", end_field="to")
    rows = {r.id: r for r in pupils.list_pupils(desk, pupils.RegisterFilter(include_left=True))}
    waves = {i.name: i.wave for i in interventions.catalogue(desk, include_retired=True)}
    per_intervention: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    sessions: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # planned, delivered
    receiving: dict[str, set[int]] = defaultdict(set)
    per_pupil: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0])
    names: dict[int, list[str]] = defaultdict(list)
    running = cycles.cycles_for_pupils(desk, list(rows), overlapping=(starts_on, ends_on))
    for pid, pupil_cycles in running.items():
        for cycle in pupil_cycles:
            if cycle.starts_on > ends_on or cycle.review_on < starts_on:
                continue
            for p in cycle.provisions:
                name = p.name or "Other"
                per_intervention[name][0] += p.hours
                per_intervention[name][1] += p.cost_pence
                if p.sessions_delivered is not None:
                    sessions[name][0] += p.sessions_planned
                    sessions[name][1] += p.sessions_delivered
                receiving[name].add(pid)
                per_pupil[pid][0] += p.hours
                per_pupil[pid][1] += p.cost_pence
                if name not in names[pid]:
                    names[pid].append(name)
    by_intervention = tuple(sorted(
        (InterventionLine(name, waves.get(name, 0), len(receiving[name]), round(h, 1),
                          round(c), *sessions[name]) for name, (h, c) in per_intervention.items()),
        key=lambda line: -line.cost_pence))
    by_pupil = tuple(sorted(
        (PupilLine(pid, rows[pid].sort_name, rows[pid].upn, rows[pid].year_group.short,
                   rows[pid].status.value, tuple(names[pid]), round(h, 1), round(c))
         for pid, (h, c) in per_pupil.items()), key=lambda line: line.name))
    return ProvisionMap(starts_on, ends_on, by_intervention, by_pupil,
                        school.get(desk).notional_sen_budget_pence)
