"""What staff who teach a pupil read of the pupil's current support plan: the strategies and
the provision they deliver. A Teacher reads no more of a plan than this (no outcomes, other
staff's provision or review notes); the whole plan stays with the SENCO and the Head."""

from __future__ import annotations

from sqlmodel import col, select

from sencodesk.domain.codes import CycleStatus
from sencodesk.domain.permissions import Permission, delivers
from sencodesk.domain.records import PlanStrategies, ProvisionRecord
from sencodesk.services import passports
from sencodesk.services.context import Desk
from sencodesk.store.tables import ApdrCycle, CycleProvision, Intervention, StaffMember


def current_plan(desk: Desk, pupil_id: int) -> PlanStrategies | None:
    """The pupil's plan in force (CycleStatus.in_force_rank), as the reader may see it: the
    strategies, and only the provision they deliver (domain.permissions.delivers) unless
    they read whole plans. None when the pupil has no plan."""
    whole = desk.actor.may(Permission.READ_SUPPORT)
    with desk.unit(Permission.READ_STRATEGIES) as session:
        heads = session.exec(select(ApdrCycle).where(col(ApdrCycle.pupil_id) == pupil_id)).all()
        if not heads:
            return None
        cycle = max(heads, key=lambda c: (CycleStatus(c.status).in_force_rank, c.starts_on,
                                          c.id or 0))
        reader = session.get(StaffMember, desk.actor.staff_id)
        name, username, code = ((reader.name, reader.username or "", reader.mis_code)
                                if reader else (desk.actor.name, desk.actor.username, ""))
        lines = session.exec(
            select(CycleProvision, Intervention.name).join(Intervention, isouter=True)
            .where(col(CycleProvision.cycle_id) == cycle.id).order_by(col(CycleProvision.id)))
        provisions = tuple(
            ProvisionRecord(p.id or 0, p.intervention_id, title or "", p.description,
                            p.delivered_by, p.group_size, p.minutes_per_session,
                            p.sessions_per_week, p.weeks, 0 if not whole else p.cost_pence)
            for p, title in lines
            if whole or delivers(p.delivered_by, name=name, username=username, mis_code=code))
        passport = passports.latest(desk, pupil_id)
        return PlanStrategies(
            pupil_id=pupil_id, cycle_id=cycle.id or 0, status=CycleStatus(cycle.status),
            starts_on=cycle.starts_on, review_on=cycle.review_on,
            areas_of_need=cycle.areas_of_need,
            strategies=tuple(passport.content.strategies) if passport else (),
            provisions=provisions)
