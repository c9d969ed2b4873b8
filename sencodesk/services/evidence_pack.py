"""Gathering the Ofsted evidence pack: register figures, the graduated approach, EHCP
timeliness, intervention impact, cost against budget and a case sample, optionally anonymised."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from sencodesk.domain import evidence
from sencodesk.domain.anonymise import scrubber
from sencodesk.domain.clock import academic_year_bounds
from sencodesk.domain.clock.calendar import months_after
from sencodesk.domain.documents import MAX_CASES, CaseStudy, OfstedPack
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import CycleRecord, PupilRow
from sencodesk.services import (
    assessments,
    cycles,
    deadlines,
    ehcp,
    inclusion_figures,
    passports,
    provision_map,
    pupils,
    records_log,
    report_data,
    school,
    sen_history,
)
from sencodesk.services.context import Desk, composite

CASE_CYCLES = 3
ScrubFn = Callable[[str], str]


@composite(Permission.EXPORT, Permission.READ_SUPPORT, Permission.READ_EHCP)
def evidence_pack(desk: Desk, *, anonymise: bool = False,
                  case_ids: Sequence[int] = ()) -> OfstedPack:
    """Everything the pack shows, as of today. ``case_ids`` (at most six) become the case
    sample; with ``anonymise`` names become stable codes and UPNs, dates of birth and photos
    are left out."""
    for permission in (Permission.EXPORT, Permission.READ_SUPPORT, Permission.READ_EHCP):
        desk.require(permission)
    chosen = list(dict.fromkeys(case_ids))
    if len(chosen) > MAX_CASES:
        raise ValidationError("case", f"choose at most {MAX_CASES} pupils for the case sample, "
                              f"not {len(chosen)}")
    today = desk.today()
    info = school.get(desk)
    on_roll = pupils.list_pupils(desk)
    register = [r for r in on_roll if r.status in evidence.ON_REGISTER]
    rows = {r.id: r for r in on_roll}
    missing = [pid for pid in chosen if pid not in rows]
    if missing:
        raise ValidationError("case", "a pupil chosen for the case sample has left or does "
                              "not exist")
    spans = sen_history.status_spans(desk)
    # the figures look back twelve months (older history is not read) and take in everyone
    # supported in that time, including pupils who have since come off the register or left
    by_pupil = cycles.cycles_for_pupils(desk, None,
                                        overlapping=(months_after(today, -12), today))
    timeliness = ehcp_timeliness(desk, rows, info.lead_times)
    year_starts, year_ends = academic_year_bounds(today)
    pack = OfstedPack(
        meta=report_data.meta(desk, "SEND evidence pack" + (" (anonymised)" if anonymise
                                                              else "")),
        anonymised=anonymise,
        today=today,
        summary=evidence.summarise_register(on_roll, spans, today),
        compliance=evidence.review_compliance(
            register, evidence.on_register_since(spans, today), by_pupil, today),
        timeliness=timeliness,
        impact=evidence.intervention_impact(
            (c for found in by_pupil.values() for c in found), today),
        provision=provision_map.provision_map(desk, starts_on=year_starts, ends_on=year_ends),
        cases=tuple(_case(desk, rows[pid], anonymise, today) for pid in chosen),
        inclusion=inclusion_figures.figures(desk, anonymise=anonymise),
        measured=tuple(assessments.measured_impact(desk, starts_on=months_after(today, -12),
                                                   ends_on=today)),
    )
    report_data.record_export(
        desk, "evidence pack",
        summary=f"SEND evidence pack exported{' anonymised' if anonymise else ''}"
                f" with {len(chosen)} case{'s' if len(chosen) != 1 else ''}")
    for pid in chosen:  # each pupil's own history shows their case went into the pack
        report_data.record_export(desk, "evidence pack", pupil_id=pid,
                                  summary="case sample in the SEND evidence pack"
                                  + (" (anonymised)" if anonymise else ""))
    return pack


def ehcp_timeliness(desk: Desk, on_roll: Mapping[int, PupilRow],
                   lead_times: dict[str, int]) -> evidence.EhcpTimeliness:
    """How timely the school's EHC needs assessments and annual reviews were (pupils on roll,
    by id, for the reviews due now)."""
    today = desk.today()
    requests = ehcp.requests_for(desk, None)
    plans = ehcp.plans_for(desk, None)
    live_review_milestones = [
        m for pid, found in plans.items() if pid in on_roll
        for plan in found[:1] if plan.ceased_on is None
        for m in deadlines.plan_milestones(plan, on_roll[pid], today=today,
                                           lead_times=lead_times)]
    return evidence.ehcp_timeliness(
        [deadlines.request_milestones(r, today=today) for found in requests.values()
         for r in found],
        [p for found in plans.values() for p in found], live_review_milestones, today)


def _case(desk: Desk, row: PupilRow, anonymise: bool, today: date) -> CaseStudy:
    every = cycles.cycles_for(desk, row.id)
    newest = sorted(every, key=lambda c: (c.starts_on, c.id), reverse=True)[:CASE_CYCLES]
    passport = passports.latest(desk, row.id)
    support_me = passport.content.support_me if passport else ""
    since = months_after(today, -12)
    past_year = sum(1 for c in every if c.reviewed_on and since < c.reviewed_on <= today)
    needs = tuple(n for n in (row.primary_need, row.secondary_need) if n is not None)
    if not anonymise:
        return CaseStudy(row.display_name, row.upn, row.dob, records_log.photo(desk, row.id),
                         row.year_group, row.status, needs, support_me, tuple(newest),
                         past_year)
    detail = pupils.get(desk, row.id)
    code = evidence.anonymous_code(sen_history.anonymity_secret(desk), row.id)
    names = {row.forename, row.surname, detail.legal_forename, detail.legal_surname,
             detail.preferred_forename, detail.preferred_surname,
             *(parent.name for parent in detail.parents)}
    scrub = scrubber(names, code, dob=row.dob, today=today)
    return CaseStudy(code, None, None, None, row.year_group, row.status, needs,
                     scrub(support_me), tuple(_scrub_cycle(c, scrub) for c in newest),
                     past_year)


def _scrub_cycle(cycle: CycleRecord, scrub: ScrubFn) -> CycleRecord:
    return replace(
        cycle, assess_notes=scrub(cycle.assess_notes), areas_of_need=scrub(cycle.areas_of_need),
        next_steps=scrub(cycle.next_steps), pupil_voice=scrub(cycle.pupil_voice),
        parent_voice=scrub(cycle.parent_voice), attendees="",
        outcomes=tuple(replace(o, description=scrub(o.description),
                               success_criteria=scrub(o.success_criteria))
                       for o in cycle.outcomes),
        provisions=tuple(replace(p, description=scrub(p.description))
                         for p in cycle.provisions))
