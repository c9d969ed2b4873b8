"""What is due across the school, from the statutory clock and the case file.

The clock (domain.clock) is pure; this module feeds it the facts from the store: request and
plan dates, review meetings, cycles and passports, the school's phase and lead times.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from sencodesk.domain import clock
from sencodesk.domain.clock import Milestone, RecordedException
from sencodesk.domain.codes import RequestOutcome, SchoolPhase, SenStatus, YearGroup
from sencodesk.domain.due import DueItem
from sencodesk.domain.ehcp_records import PlanRecord, RequestRecord
from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import PupilRow, SchoolInfo
from sencodesk.services import cycles, ehcp, passports, pupils, school
from sencodesk.services.context import Desk

OPEN_REQUEST_OUTCOMES = frozenset(o for o in RequestOutcome if o.still_open)
UNDER_FIVE = 5


def _age(dob: date, on: date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def request_milestones(request: RequestRecord, *, today: date) -> list[Milestone]:
    """The statutory timeline of one EHC needs assessment request."""
    asked = min((a.asked_on for a in request.advice), default=None)
    return clock.ehcp_timeline(
        request.received_on, today=today, advice_asked_on=asked,
        draft_served_on=request.draft_served_on, done=request.done,
        exceptions=[RecordedException(e.regulation, e.reason, e.starts_on, e.ends_on,
                                      e.milestone_id) for e in request.exceptions],
    )


def plan_milestones(plan: PlanRecord, pupil: PupilRow, *, today: date,
                    lead_times: dict[str, int] | None = None) -> list[Milestone]:
    """The annual-review milestones of a plan: those of the latest review meeting (held or
    booked) and, once it has been held, the next meeting's."""
    under_five = _age(pupil.dob, today) < UNDER_FIVE
    reviews = sorted(plan.reviews, key=lambda r: r.meeting_on)
    leads = lead_times or {}
    if not reviews:
        return clock.annual_review_timeline(
            today=today, plan_issued_on=plan.issued_on, under_five=under_five,
            year_group=pupil.year_group, lead_times=leads)
    latest = reviews[-1]
    previous = reviews[-2].meeting_on if len(reviews) > 1 else None
    done = {k: v for k, v in {
        "review_invitations": latest.invitations_sent_on,
        "review_advice": latest.advice_circulated_on,
        "review_report": latest.report_sent_on,
        "review_la_decision": latest.la_decision_on,
        "amended_plan": latest.amended_plan_issued_on,
    }.items() if v is not None}
    held = latest.meeting_on <= today
    if held:
        done["review_meeting"] = latest.meeting_on
    current = clock.annual_review_timeline(
        today=today, plan_issued_on=plan.issued_on if previous is None else None,
        last_review_on=previous, meeting_on=latest.meeting_on, under_five=under_five,
        year_group=pupil.year_group, amendments_proposed_on=latest.amendments_proposed_on,
        done=done, lead_times={} if held else leads)
    if not held:
        return current
    following = clock.annual_review_timeline(
        today=today, last_review_on=latest.meeting_on, under_five=under_five,
        year_group=pupil.year_group, lead_times=leads)
    return current + following


def _phase(info: SchoolInfo) -> SchoolPhase:
    try:
        return SchoolPhase(info.phase)
    except ValueError:
        return SchoolPhase.SECONDARY


def _items(row: PupilRow, milestones: Iterable[Milestone], tab: str) -> list[DueItem]:
    return [DueItem(row.id, row.display_name, row.upn, row.year_group, m, tab)
            for m in milestones]


def school_deadlines(
    desk: Desk, *, within_days: int | None = None, overdue_only: bool = False,
    include_done: bool = False, pupil_ids: Sequence[int] | None = None,
) -> list[DueItem]:
    """Every deadline across the register (or for ``pupil_ids``), soonest first.

    EHCP deadlines are left out for roles that may not read EHCP records.
    """
    today = desk.today()
    info = school.get(desk)
    phase = _phase(info)
    wanted = None if pupil_ids is None else set(pupil_ids)
    rows = {r.id: r for r in pupils.list_pupils(desk) if wanted is None or r.id in wanted}
    # the whole school: read everyone's records and skip leavers here, rather than send
    # thousands of ids back to the database in an IN list
    ids = None if wanted is None else list(rows)
    items: list[DueItem] = []
    for due in cycles.reviews_due(desk, ids, include_reviewed=include_done):
        if due.pupil_id in rows:
            items += _items(rows[due.pupil_id], [clock.apdr_review(
                due.review_on, reviewed_on=due.reviewed_on, today=today)], "support")
    for pid, passport in passports.latest_for(desk, ids).items():
        if pid in rows and rows[pid].status is not SenStatus.NONE:
            items += _items(rows[pid], [clock.passport_review(passport.written_on, today=today)],
                            "passport")
    if desk.actor.may(Permission.READ_EHCP):
        for pid, requests in ehcp.requests_for(desk, ids).items():
            if pid not in rows:
                continue
            for request in requests:
                if request.outcome in OPEN_REQUEST_OUTCOMES or include_done:
                    items += _items(rows[pid], request_milestones(request, today=today), "ehcp")
        for pid, plans in ehcp.plans_for(desk, ids).items():
            live = [p for p in plans if p.ceased_on is None]
            if not live or pid not in rows:
                continue
            items += _items(rows[pid], plan_milestones(live[0], rows[pid], today=today,
                                                       lead_times=info.lead_times), "ehcp")
            transfer = clock.phase_transfer(year_group=YearGroup(rows[pid].year_group),
                                            on=today, phase=phase, today=today)
            if transfer is not None:
                items += _items(rows[pid], [transfer], "ehcp")
    if not include_done:
        items = [i for i in items if i.is_open]
    if overdue_only:
        items = [i for i in items if i.milestone.status is clock.MilestoneStatus.OVERDUE]
    if within_days is not None:
        horizon = today + timedelta(days=within_days)
        items = [i for i in items if i.milestone.due <= horizon]
    return sorted(items, key=lambda i: (i.milestone.due, i.pupil_name))


def request_timeline(desk: Desk, request: RequestRecord) -> list[Milestone]:
    """For the pupil's EHCP tab."""
    desk.require(Permission.READ_EHCP)
    return request_milestones(request, today=desk.today())


def review_timeline(desk: Desk, plan: PlanRecord, pupil: PupilRow) -> list[Milestone]:
    """For the pupil's EHCP tab: the plan's annual-review milestones and phase transfer."""
    desk.require(Permission.READ_EHCP)
    today = desk.today()
    info = school.get(desk)
    found = plan_milestones(plan, pupil, today=today, lead_times=info.lead_times)
    transfer = clock.phase_transfer(year_group=pupil.year_group, on=today, phase=_phase(info),
                                    today=today)
    return found + ([transfer] if transfer else [])
