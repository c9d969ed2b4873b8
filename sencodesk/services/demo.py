"""A realistic synthetic secondary school for trying sencodesk, for benchmarks and screenshots.

Deterministic for a given seed and day. Written straight to the store in one transaction (a
service per row would take minutes); one audit event records that the demo was built.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from sqlmodel import Session, select

from sencodesk.domain import provision
from sencodesk.domain.clock.terms import last_school_day_on_or_before
from sencodesk.domain.codes import CycleStatus, NeedType, Progress, SenStatus, YearGroup
from sencodesk.domain.errors import Conflict
from sencodesk.domain.permissions import Permission
from sencodesk.domain.upn import with_check_letter
from sencodesk.services import audit, demo_groups, demo_inclusion
from sencodesk.services import pupils as pupils_service
from sencodesk.services.context import Desk
from sencodesk.services.demo_content import INTERVENTIONS, OUTCOMES, PASSPORT, SUITS, VOICES
from sencodesk.services.demo_names import AGENCIES, FORENAMES, STAFF, SURNAMES
from sencodesk.services.demo_terms import half_terms, whole_terms
from sencodesk.store.tables import (
    Agency,
    AnnualReview,
    ApdrCycle,
    ContactLogEntry,
    CycleOutcome,
    CycleProvision,
    EhcPlan,
    EhcpMilestoneDone,
    EhcpRequest,
    Intervention,
    OutcomeProvisionLink,
    ParentCarer,
    PassportVersion,
    Pupil,
    School,
    StaffMember,
    TermDate,
)

SCHOOL_NAME = "Riverside Community Academy (demo)"
PRIMARY_NAME = "Riverside Primary School (demo)"
YEARS = range(7, 12)
FORMS = "ABCDE"
PRIMARY_YEARS = range(0, 7)  # Reception to Year 6
PRIMARY_FORMS = "ST"  # two classes a year: "3S" and "3T"
K_NEEDS = ((NeedType.SEMH, 25), (NeedType.SLCN, 20), (NeedType.SPLD, 20), (NeedType.MLD, 15),
           (NeedType.ASD, 10), (NeedType.HI, 2), (NeedType.VI, 2), (NeedType.PD, 2),
           (NeedType.NSA, 4))
E_NEEDS = ((NeedType.ASD, 35), (NeedType.SEMH, 20), (NeedType.SLCN, 15), (NeedType.MLD, 10),
           (NeedType.SLD, 8), (NeedType.PD, 5), (NeedType.HI, 4), (NeedType.MSI, 3))


def _academic_start(today: date) -> int:
    return today.year if today.month >= 9 else today.year - 1


class _Builder:
    def __init__(self, session: Session, rng: random.Random, today: date, author: int) -> None:
        self.s, self.rng, self.today, self.author = session, rng, today, author
        self.counts: dict[str, int] = {}
        self.history_years = 3
        self.primary = False
        self.half_terms: list[tuple[date, date]] = []
        #: each pupil's last literacy results, so the next plan's entry measure follows on
        self.literacy: dict[int, tuple[date, float, float]] = {}

    def add(self, label: str, *rows: object) -> None:
        self.s.add_all(rows)
        self.counts[label] = self.counts.get(label, 0) + len(rows)

    def pick_need(self, table: tuple[tuple[NeedType, int], ...]) -> NeedType:
        needs = [need for need, _ in table]
        chosen: NeedType = self.rng.choices(needs, [weight for _, weight in table])[0]
        return chosen

    def terms(self, start_year: int, history_years: int) -> list[tuple[date, date]]:
        """Write six half terms a year; return the whole terms, which support cycles follow."""
        spans = []
        for year in range(start_year - history_years, start_year + 1):
            for name, starts, ends in half_terms(year):
                self.add("term dates", TermDate(academic_year=year, name=name,
                                                starts_on=starts, ends_on=ends))
                self.half_terms.append((starts, ends))
            spans += whole_terms(year)
        return spans


def build(
    desk: Desk, *, pupils: int = 1200, seed: int = 2026, history_years: int = 3,
    phase: str = "secondary",
) -> dict[str, int]:
    """Fill an empty case file with a synthetic school; return how many of each were made.

    ``history_years`` of term dates are written; pupils' cycles run from when each joined, and
    with more than the five secondary years of history some pupils joined earlier (in a lower
    school), so benchmarks get long case histories. A ``phase="primary"`` school has
    Reception to Year 6 in two classes a year, each class a teaching group with its
    teacher."""
    primary = phase == "primary"
    rng = random.Random(seed)
    today = desk.today()
    start_year = _academic_start(today)
    with desk.unit(Permission.EDIT_PUPILS) as session:
        if session.exec(select(Pupil.id)).first() is not None:
            raise Conflict("The demo school can only be built in an empty case file.")
        school = session.exec(select(School)).one()
        school.name = PRIMARY_NAME if primary else SCHOOL_NAME
        school.urn, school.local_authority = "149999", "Riverside"
        school.phase = "primary" if primary else "secondary"
        school.notional_sen_budget_pence = 6_200_000 if primary else 18_500_000
        school.lead_times_json = '{"request_reports": 56}'
        school.senco_contact = "Demo SENCO, ext. 214 or the learning support base (room S12)"
        b = _Builder(session, rng, today, desk.actor.staff_id)
        spans = b.terms(start_year, history_years)
        b.history_years = history_years
        b.primary = primary
        b.add("staff", *(StaffMember(name=n, job_title=t) for n, t in STAFF))
        interventions = [Intervention(name=n, description=d, wave=w, staff_grade=g,
                                      hourly_cost_pence=c) for n, d, w, g, c in INTERVENTIONS]
        b.add("interventions", *interventions)
        session.flush()
        for index in range(pupils):
            _pupil(b, index, start_year, spans, interventions)
        session.flush()
        b.counts["teaching groups"] = (demo_groups.add_classes if primary else demo_groups.add)(
            session, seed=seed, starts_on=date(start_year, 9, 1))
        audit.record(session, desk.actor, "create", "demo school",
                     summary=f"synthetic school of {pupils} pupils, seed {seed}")
    return b.counts


def _pupil(b: _Builder, index: int, start_year: int, spans: list[tuple[date, date]],
           interventions: list[Intervention]) -> None:
    rng = b.rng
    years, forms = (PRIMARY_YEARS, PRIMARY_FORMS) if b.primary else (YEARS, FORMS)
    year = years[index % len(years)]
    born_from = date(start_year - year - 5, 9, 1)
    dob = born_from + timedelta(days=rng.randrange(365))
    joined = date(start_year - (year - years[0]), 9, 3)  # when the school's first year began
    if not b.primary and b.history_years > 5 and rng.random() < 0.5:  # from a lower school
        joined = date(start_year - min(b.history_years, year - 1), 9, 3)
    issue_year = (dob.year + 5) % 100
    upn = with_check_letter(f"{873 + index // 1000:03d}4021{issue_year:02d}{index % 1000:03d}")
    # checked as a form's or an import's would be
    fields = pupils_service.clean(pupils_service.PupilFields(
        upn=upn, legal_surname=rng.choice(SURNAMES), legal_forename=rng.choice(FORENAMES),
        dob=dob, year_group=YearGroup(year),
        form=f"{year or 'R'}{forms[index // len(years) % len(forms)]}",
        gender=rng.choice(("F", "M")), joined_on=joined), today=b.today)
    pupil = Pupil(**pupils_service.columns_of(fields))  # type: ignore[arg-type]
    b.add("pupils", pupil)
    b.s.flush()
    assert pupil.id is not None
    pid = pupil.id
    b.add("parents and carers", ParentCarer(
        pupil_id=pid, name=f"{rng.choice(FORENAMES)} {pupil.legal_surname}",
        relationship=rng.choice(("Mother", "Father", "Carer", "Grandparent")),
        phone=f"07700 9{rng.randrange(10**5):05d}", parental_responsibility=True))
    roll = rng.random()
    status = SenStatus.EHCP if roll < 0.05 else SenStatus.SUPPORT if roll < 0.21 \
        else SenStatus.NONE
    if status is SenStatus.NONE:
        _sen(b, pupil, SenStatus.NONE, (), joined)
        _context(b, pid, status, None, joined)
        return
    table = E_NEEDS if status is SenStatus.EHCP else K_NEEDS
    primary = b.pick_need(table)
    needs = [primary]
    if primary is not NeedType.NSA and rng.random() < 0.4:
        second = b.pick_need(table)
        if second not in (primary, NeedType.NSA):
            needs.append(second)
    plan_issued = None
    if status is SenStatus.EHCP:
        plan_issued = joined - timedelta(days=rng.randrange(30, 900))
    _sen(b, pupil, status, tuple(needs), joined)
    _context(b, pid, status, primary, joined)
    for name in rng.sample(AGENCIES, rng.choice((0, 1, 1, 2))):
        b.add("agencies", Agency(pupil_id=pid, name=name, started_on=joined))
    _passports(b, pid, joined)
    _cycles(b, pid, primary, joined, spans, interventions)
    if plan_issued is not None:
        _ehcp(b, pid, plan_issued)
    elif rng.random() < 0.06:
        _open_request(b, pid)


def _context(b: _Builder, pid: int, status: SenStatus, need: NeedType | None,
             joined: date) -> None:
    written = demo_inclusion.add_context(b.s, pid, status, need, joined, today=b.today,
                                         start_year=_academic_start(b.today))
    b.counts["inclusion records"] = b.counts.get("inclusion records", 0) + written


def _sen(b: _Builder, pupil: Pupil, status: SenStatus, needs: tuple[NeedType, ...],
         joined: date) -> None:
    """Through the one writer of SEN periods, so the demo keeps the census rules."""
    pupils_service.apply_sen(b.s, pupil, pupils_service.SenChange(status, needs), joined)
    b.counts["status periods"] = b.counts.get("status periods", 0) + 1
    b.counts["need periods"] = b.counts.get("need periods", 0) + len(needs)


def _passports(b: _Builder, pid: int, joined: date) -> None:
    written = joined + timedelta(days=b.rng.randrange(7, 40))
    version = 1
    while written <= b.today:
        row = PassportVersion(
            pupil_id=pid, version=version, written_on=written,
            review_on=written + timedelta(days=365), current_provision="See support plan",
            author_id=b.author, saved_at=datetime.combine(written, datetime.min.time(), UTC))
        for key, options in PASSPORT.items():
            setattr(row, key, b.rng.choice(options))
        b.add("passport versions", row)
        version += 1
        written += timedelta(days=b.rng.randrange(300, 420))


def _cycles(b: _Builder, pid: int, need: NeedType, joined: date,
            spans: list[tuple[date, date]], interventions: list[Intervention]) -> None:
    rng = b.rng
    area = need.value if need.value in OUTCOMES else "OTHER"
    pool = OUTCOMES[area]
    suitable = [i for i in interventions if area in SUITS.get(i.name, ())] or interventions
    previous: ApdrCycle | None = None
    for starts, ends in spans:
        if starts < joined or starts > b.today:
            continue
        review_on = ends - timedelta(days=rng.randrange(0, 10))
        current = review_on >= b.today - timedelta(days=21)
        overdue_missed = current and review_on < b.today
        reviewed = not current or (not overdue_missed and review_on < b.today)
        cycle = ApdrCycle(
            pupil_id=pid, previous_id=previous.id if previous else None,
            status=(CycleStatus.REVIEWED if reviewed else CycleStatus.ACTIVE).value,
            starts_on=starts, review_on=review_on, areas_of_need=need.label,
            assess_notes="Teacher assessment and observations; parent views gathered.",
            reviewed_on=review_on if reviewed else None,
            next_steps="Continue the programme and review the outcomes." if reviewed else "",
            pupil_voice=rng.choice(VOICES["pupil"]) if reviewed else "",
            parent_voice=rng.choice(VOICES["parent"]) if reviewed and rng.random() < 0.85
            else "",
            attendees="SENCO, form tutor, parent" if reviewed else "")
        b.add("support cycles", cycle)
        b.s.flush()
        assert cycle.id is not None
        outcomes = []
        for position, (text, criteria) in enumerate(rng.sample(pool, min(3, len(pool))), 1):
            progress = rng.choices(list(Progress), (15, 35, 40, 10))[0] if reviewed else None
            outcomes.append(CycleOutcome(cycle_id=cycle.id, position=position,
                                         description=text, success_criteria=criteria,
                                         progress=progress.value if progress else None))
            b.add("outcomes", outcomes[-1])
        for item in rng.sample(suitable, min(len(suitable), rng.choice((1, 1, 2)))):
            group, minutes, per_week = rng.choice((1, 3, 6)), rng.choice((20, 30, 45)), 2
            weeks = max(1, (ends - starts).days // 7)
            assert item.id is not None
            planned = CycleProvision(
                cycle_id=cycle.id, intervention_id=item.id, delivered_by=item.staff_grade,
                group_size=group, minutes_per_session=minutes, sessions_per_week=per_week,
                weeks=weeks, cost_pence=provision.cost_pence(
                    hourly_cost_pence=item.hourly_cost_pence, minutes_per_session=minutes,
                    sessions_per_week=per_week, weeks=weeks, group_size=group),
                sessions_delivered=_delivered(per_week * weeks, cycle.id, item.id)
                if reviewed else None)
            b.add("provisions", planned)
            b.s.flush()
            b.counts["measures and scores"] = b.counts.get("measures and scores", 0) \
                + demo_inclusion.add_measures(b.s, pid, cycle, item, b.literacy)
            if area in SUITS.get(item.name, ()):  # meant for this need: its outcomes
                for outcome in outcomes:
                    b.add("outcome links", OutcomeProvisionLink(
                        outcome_id=outcome.id or 0, provision_id=planned.id or 0))
        if reviewed:
            b.add("contact log entries", ContactLogEntry(
                pupil_id=pid, occurred_on=review_on, kind="parent meeting",
                with_whom="Parent and form tutor", summary="Support plan review meeting.",
                is_parent_meeting=True, author_id=b.author))
        previous = cycle


def _delivered(planned: int, cycle_id: int, intervention_id: int) -> int:
    """Sessions delivered of those planned: from three quarters to all of them, varying from
    plan to plan (worked from the ids, so the demo's random choices stay as they were)."""
    return planned - (cycle_id * 7 + intervention_id * 3) % (planned // 4 + 1)


def _ehcp(b: _Builder, pid: int, issued: date) -> None:
    received = issued - timedelta(weeks=b.rng.choice((17, 19, 20, 22, 24)))
    request = EhcpRequest(pupil_id=pid, received_on=received, requested_by="School",
                          local_authority="Riverside", outcome="plan issued",
                          draft_served_on=issued - timedelta(weeks=4))
    b.add("EHCP requests", request)
    b.s.flush()
    assert request.id is not None
    b.add("milestones done",
          EhcpMilestoneDone(request_id=request.id, milestone_id="decision_to_assess",
                            done_on=received + timedelta(weeks=b.rng.choice((5, 6, 7)))),
          EhcpMilestoneDone(request_id=request.id, milestone_id="draft_target",
                            done_on=issued - timedelta(weeks=4)),
          EhcpMilestoneDone(request_id=request.id, milestone_id="final_plan", done_on=issued))
    plan = EhcPlan(pupil_id=pid, request_id=request.id, issued_on=issued,
                   local_authority="Riverside",
                   sections_summary="Section B needs, section F provision: see attached plan.")
    b.add("EHC plans", plan)
    b.s.flush()
    assert plan.id is not None
    # meetings, invitations, advice and reports fall on school days (never in August)
    def school_day(day: date) -> date:
        day = last_school_day_on_or_before(day, b.half_terms)
        if day.month == 8:  # before the term dates written: the summer holiday all the same
            day = date(day.year, 7, 22)
        while day.weekday() >= 5:
            day -= timedelta(days=1)
        return day

    meeting = school_day(issued + timedelta(days=b.rng.randrange(300, 340)))
    while meeting < b.today:
        b.add("annual reviews", AnnualReview(
            plan_id=plan.id, meeting_on=meeting,
            invitations_sent_on=school_day(
                meeting - timedelta(days=b.rng.choice((14, 16, 21, 10)))),
            advice_circulated_on=school_day(meeting - timedelta(days=14)),
            report_sent_on=max(meeting, school_day(
                meeting + timedelta(days=b.rng.choice((7, 12, 18))))),
            la_decision="maintain", la_decision_on=meeting + timedelta(days=25)))
        meeting = school_day(meeting + timedelta(days=b.rng.randrange(310, 372)))


def _open_request(b: _Builder, pid: int) -> None:
    received = b.today - timedelta(days=b.rng.randrange(10, 150))
    request = EhcpRequest(pupil_id=pid, received_on=received, requested_by="School",
                          local_authority="Riverside", outcome="assessing")
    b.add("EHCP requests", request)
    b.s.flush()
    assert request.id is not None
    decided = received + timedelta(weeks=6)
    if decided < b.today and b.rng.random() < 0.7:
        b.add("milestones done", EhcpMilestoneDone(
            request_id=request.id, milestone_id="decision_to_assess", done_on=decided))
