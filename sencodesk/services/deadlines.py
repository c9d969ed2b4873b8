"""What is due across the school, from the statutory clock and the case file.

The clock (domain.clock) is pure; this module feeds it the facts from the store: request and
plan dates, review meetings, cycles and passports, the school's phase and lead times.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import partial

from sencodesk.domain import clock
from sencodesk.domain.clock import Milestone, RecordedException
from sencodesk.domain.clock.annual_review import estimated_completion
from sencodesk.domain.clock.phase_transfer import Destination
from sencodesk.domain.clock.terms import Term
from sencodesk.domain.codes import RequestOutcome, SchoolPhase, SenStatus, YearGroup
from sencodesk.domain.due import DueItem
from sencodesk.domain.ehcp_records import AnnualReviewRecord, PlanRecord, RequestRecord
from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import PupilRow, SchoolInfo
from sencodesk.services import cycles, ehcp, inclusion, passports, pupils, school
from sencodesk.services.context import Desk, composite

OPEN_REQUEST_OUTCOMES = frozenset(o for o in RequestOutcome if o.still_open)

UNDER_FIVE = 5


def _age(dob: date, on: date) -> int:
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def request_milestones(request: RequestRecord, *, today: date,
                       terms: Sequence[Term] = ()) -> list[Milestone]:
    """The statutory timeline of one EHC needs assessment request. Where advice was asked
    around a school closure of 4 weeks or more (``terms``), the time-limited milestones suggest
    the exception for the SENCO to confirm (it is never assumed)."""
    asked = min((a.asked_on for a in request.advice), default=None)
    return clock.ehcp_timeline(
        request.received_on, today=today, advice_asked_on=asked,
        draft_served_on=request.draft_served_on, done=request.done,
        exceptions=[RecordedException(e.regulation, e.reason, e.starts_on, e.ends_on,
                                      e.milestone_id) for e in request.exceptions],
        advice_asked_dates=[a.asked_on for a in request.advice], terms=terms,
    )


def review_anchor(review: AnnualReviewRecord) -> tuple[date, bool]:
    """The day a review was completed (the LA notified its decision), and whether that day is
    an estimate (only the meeting recorded: meeting + 4 weeks)."""
    if review.la_decision_on is not None:
        return review.la_decision_on, False
    return estimated_completion(review.meeting_on), True


def plan_milestones(plan: PlanRecord, pupil: PupilRow, *, today: date,
                    lead_times: dict[str, int] | None = None,
                    terms: Sequence[Term] = ()) -> list[Milestone]:
    """The annual-review milestones of a plan: those of the latest review (held or booked)
    and, once its meeting has been held, the next review's.

    Each 12 months count from the plan's issue or from the LA's decision after the last review
    (CFA 2014 s44(1)), estimated as meeting + 4 weeks where the decision is not recorded."""
    under_five = _age(pupil.dob, today) < UNDER_FIVE
    reviews = sorted(plan.reviews, key=lambda r: r.meeting_on)
    leads = lead_times or {}
    timeline = partial(clock.annual_review_timeline, today=today, under_five=under_five,
                       year_group=pupil.year_group, terms=terms)
    if not reviews:
        return timeline(plan_issued_on=plan.issued_on, lead_times=leads)
    latest = reviews[-1]
    anchor, estimated = (review_anchor(reviews[-2]) if len(reviews) > 1
                         else (plan.issued_on, False))
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
    current = timeline(
        last_review_on=anchor, anchor_estimated=estimated, meeting_on=latest.meeting_on,
        amendments_proposed_on=latest.amendments_proposed_on, done=done,
        lead_times={} if held else leads)
    if not held:
        return current
    anchor, estimated = review_anchor(latest)
    following = timeline(last_review_on=anchor, anchor_estimated=estimated, lead_times=leads)
    return current + following


def _phase(info: SchoolInfo) -> SchoolPhase:
    try:
        return SchoolPhase(info.phase)
    except ValueError:
        return SchoolPhase.SECONDARY


def _destination(plan: PlanRecord) -> Destination | None:
    return Destination(plan.transfer_destination) if plan.transfer_destination else None


def _term_spans(desk: Desk) -> list[Term]:
    return [(t.starts_on, t.ends_on) for t in school.terms(desk)]


def _items(row: PupilRow, milestones: Iterable[Milestone], tab: str) -> list[DueItem]:
    return [DueItem(row.id, row.display_name, row.upn, row.year_group, m, tab)
            for m in milestones]


@composite(Permission.READ_PUPILS, writes=False)
def school_deadlines(
    desk: Desk, *, within_days: int | None = None, overdue_only: bool = False,
    include_done: bool = False, pupil_ids: Sequence[int] | None = None,
) -> list[DueItem]:
    """Every deadline across the register (or for ``pupil_ids``), soonest first.

    EHCP deadlines are left out for roles that may not read EHCP records, support-plan reviews
    for those that may not read whole plans.
    """
    today = desk.today()
    info = school.get(desk)
    phase = _phase(info)
    terms = _term_spans(desk)
    wanted = None if pupil_ids is None else set(pupil_ids)
    rows = {r.id: r for r in pupils.list_pupils(desk) if wanted is None or r.id in wanted}
    # the whole school: read everyone's records and skip leavers here, rather than send
    # thousands of ids back to the database in an IN list; pupils asked for by id are asked
    # for as such (a Teacher is told which are not theirs rather than shown nothing)
    ids = None if wanted is None else sorted(wanted)
    items: list[DueItem] = []
    reviews = (cycles.reviews_due(desk, ids, include_reviewed=include_done)
               if desk.actor.may(Permission.READ_SUPPORT) else [])
    for due in reviews:
        if due.pupil_id in rows:
            items += _items(rows[due.pupil_id], [clock.apdr_review(
                due.review_on, reviewed_on=due.reviewed_on, today=today)], "support")
    for pid, passport in passports.latest_for(desk, ids).items():
        if pid in rows and rows[pid].status is not SenStatus.NONE:
            items += _items(rows[pid], [clock.passport_review(passport.written_on, today=today)],
                            "passport")
    timetables = inclusion.part_time(desk, ids) if desk.actor.may(Permission.READ_CONTEXT) else []
    for timetable in timetables:
        if timetable.pupil_id in rows and timetable.in_force(today):
            items += _items(rows[timetable.pupil_id],
                            [clock.part_time_review(timetable.review_on, today=today)],
                            "inclusion")
    if desk.actor.may(Permission.READ_EHCP):
        for pid, requests in ehcp.requests_for(desk, ids).items():
            if pid not in rows:
                continue
            for request in requests:
                if request.outcome in OPEN_REQUEST_OUTCOMES or include_done:
                    items += _items(rows[pid], request_milestones(request, today=today,
                                                                  terms=terms), "ehcp")
        for pid, plans in ehcp.plans_for(desk, ids).items():
            live = [p for p in plans if p.ceased_on is None]
            if not live or pid not in rows:
                continue
            items += _items(rows[pid], plan_milestones(live[0], rows[pid], today=today,
                                                       lead_times=info.lead_times,
                                                       terms=terms), "ehcp")
            transfer = clock.phase_transfer(year_group=YearGroup(rows[pid].year_group),
                                            on=today, phase=phase, today=today,
                                            destination=_destination(live[0]))
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
    return request_milestones(request, today=desk.today(), terms=_term_spans(desk))


def review_timeline(desk: Desk, plan: PlanRecord, pupil: PupilRow) -> list[Milestone]:
    """For the pupil's EHCP tab: the plan's annual-review milestones and phase transfer."""
    desk.require(Permission.READ_EHCP)
    today = desk.today()
    info = school.get(desk)
    found = plan_milestones(plan, pupil, today=today, lead_times=info.lead_times,
                            terms=_term_spans(desk))
    transfer = clock.phase_transfer(year_group=pupil.year_group, on=today, phase=_phase(info),
                                    today=today, destination=_destination(plan))
    return found + ([transfer] if transfer else [])
