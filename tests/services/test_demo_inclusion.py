"""The demo school comes with three years of inclusion context."""

from __future__ import annotations

from sencodesk.domain.codes import SenStatus
from sencodesk.services import inclusion, inclusion_figures, pupils
from sencodesk.services.context import Desk


def test_the_demo_school_has_three_years_of_context(demo_desk: Desk) -> None:
    figures = inclusion_figures.figures(demo_desk)
    assert [y.start_year for y in figures.years] == [2024, 2025, 2026]
    for year in figures.years:
        for rates in year.groups:
            if rates.pupils:
                assert rates.attendance_rate is not None and 80 < rates.attendance_rate < 100
    on_roll = pupils.list_pupils(demo_desk)
    this_year = inclusion.attendance(demo_desk)
    assert all(any(a.academic_year == 2026 for a in this_year.get(p.id, [])) for p in on_roll)
    assert sum(len(found) for found in inclusion.exclusions(demo_desk).values()) > 0
    flags = inclusion.contexts(demo_desk)
    assert len(flags) == len(on_roll) and any(f.fsm for f in flags.values())
    assert {r.group for y in figures.years for r in y.groups} == set(SenStatus)


def test_reviewed_demo_plans_record_from_three_quarters_to_all_sessions_delivered(
    demo_desk: Desk,
) -> None:
    from sencodesk.domain.codes import CycleStatus
    from sencodesk.services import cycles

    lines = [(c.status, p) for found in cycles.cycles_for_pupils(demo_desk, None).values()
             for c in found for p in c.provisions]
    reviewed = [p for status, p in lines if status is CycleStatus.REVIEWED]
    assert reviewed and all(p.sessions_delivered is not None
                            and 0.75 * p.sessions_planned <= p.sessions_delivered
                            <= p.sessions_planned for p in reviewed)
    assert len({p.sessions_planned - (p.sessions_delivered or 0) for p in reviewed}) > 3
    assert all(p.sessions_delivered is None for status, p in lines
               if status is not CycleStatus.REVIEWED)
