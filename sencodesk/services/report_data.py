"""Gathering what each document needs, and auditing its export.

Each function checks the signed-in desk's permission, reads what the document shows and returns
a frozen sheet (:mod:`sencodesk.domain.documents`) for :func:`sencodesk.reports.render` to draw.
Gathering is the moment data leaves the case file, so that is when the export is audited.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sencodesk.domain import chronology
from sencodesk.domain.codes import SenStatus
from sencodesk.domain.dates import uk
from sencodesk.domain.documents import (
    ChronologySheet,
    DocumentMeta,
    PassportSet,
    PassportSheet,
    PlanSheet,
    ProvisionMapSheet,
    RegisterLine,
    RegisterSheet,
    RequestTimeline,
)
from sencodesk.domain.errors import NotFound, ValidationError
from sencodesk.domain.passport_contacts import ParentContact, passport_contacts
from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import ParentRecord
from sencodesk.services import (
    assessments,
    audit,
    cycles,
    deadlines,
    ehcp,
    passport_prints,
    passports,
    people,
    pupils,
    records_log,
    school,
)
from sencodesk.services import provision_map as provision_map_service
from sencodesk.services.context import Desk, composite


def meta(desk: Desk, title: str) -> DocumentMeta:
    return DocumentMeta(school=school.get(desk).name, produced_by=desk.actor.name,
                        produced_at=datetime.now(), title=title)


def record_export(desk: Desk, document: str, *, pupil_id: int | None = None,
                  summary: str = "", permission: Permission = Permission.EXPORT) -> None:
    """Every export leaves an audit entry: what was exported, by whom, about whom. Called
    inside the exporting service's composite unit, it commits with the reads or not at all."""
    with desk.unit(permission) as session:
        audit.record(session, desk.actor, "export", document, pupil_id=pupil_id,
                     summary=summary or document)


def _contact_rules(desk: Desk) -> tuple[ParentContact, str, str]:
    """The school's passport contact setting, how to reach the SENCO and the SENCO's name."""
    info = school.get(desk)
    return (ParentContact(info.passport_parent_contact), info.senco_contact,
            school.senco_name(desk))


def _contacts(parents: Sequence[ParentRecord],
              rules: tuple[ParentContact, str, str]) -> tuple[str, ...]:
    policy, senco_contact, senco_name = rules
    return passport_contacts(policy, parents, senco_contact=senco_contact,
                             senco_name=senco_name)


@composite(Permission.PRINT_PASSPORTS)
def passport(desk: Desk, pupil_id: int) -> PassportSet:
    """One pupil's passport on one A4 page."""
    desk.require(Permission.PRINT_PASSPORTS)
    detail = pupils.get(desk, pupil_id)
    record = passports.latest(desk, pupil_id)
    if record is None:
        raise NotFound(f"{detail.row.display_name} has no passport yet: write one first.")
    since = passport_prints.since_printed(desk, {pupil_id: record}).get(pupil_id)
    sheet = PassportSheet(detail.row, record, records_log.photo(desk, pupil_id),
                          _contacts(detail.parents, _contact_rules(desk)), since)
    passport_prints.record(desk, [record])
    record_export(desk, "passport", pupil_id=pupil_id, summary="passport printed",
                  permission=Permission.PRINT_PASSPORTS)
    return PassportSet(meta(desk, f"Pupil passport: {detail.row.display_name}"), (sheet,))


@composite(Permission.PRINT_PASSPORTS)
def passports_for(desk: Desk, pupil_ids: Sequence[int], *, title: str = "Pupil passports",
                  for_staff: int | None = None) -> PassportSet:
    """The passports of these pupils, one per page; pupils with none are skipped and named.
    Each is marked with what changed since the copy last printed for ``for_staff`` (the
    signed-in person unless given: a teacher's pack is their copy), and noted as their copy."""
    desk.require(Permission.PRINT_PASSPORTS)
    wanted = set(pupil_ids)
    # asked for by id first, so a Teacher is told which pupils are not theirs
    latest = passports.latest_for(desk, sorted(wanted))
    rows = [r for r in pupils.list_pupils(desk) if r.id in wanted]
    rules = _contact_rules(desk)
    since = passport_prints.since_printed(desk, latest, staff_id=for_staff)
    parents = people.parents_for(desk, sorted(latest))
    sheets = tuple(PassportSheet(r, latest[r.id], records_log.photo(desk, r.id),
                                 _contacts(parents[r.id], rules), since.get(r.id))
                   for r in rows if r.id in latest)
    if not sheets:
        raise ValidationError("pupils", "none of the chosen pupils has a passport yet")
    passport_prints.record(desk, [sheet.passport for sheet in sheets], staff_id=for_staff)
    record_export(desk, "passports", summary=f"{len(sheets)} passports printed",
                  permission=Permission.PRINT_PASSPORTS)
    return PassportSet(meta(desk, title), sheets,
                       tuple(r.display_name for r in rows if r.id not in latest))


@composite(Permission.PRINT_PASSPORTS)
def class_set(desk: Desk, form: str) -> PassportSet:
    """Every pupil on the SEND register (K or E) in a class, one passport per page."""
    rows = pupils.list_pupils(desk, pupils.RegisterFilter(
        form=form, statuses=frozenset({SenStatus.SUPPORT, SenStatus.EHCP})))
    if not rows:
        raise ValidationError("class", f"no pupil on the SEND register is in class {form!r}")
    return passports_for(desk, [r.id for r in rows], title=f"Pupil passports: class {form}")


@composite(Permission.READ_SUPPORT)
def plan(desk: Desk, pupil_id: int) -> PlanSheet:
    """The pupil's APDR plans and reviews, for parents and staff."""
    desk.require(Permission.READ_SUPPORT)
    row = pupils.get(desk, pupil_id).row
    sheet = PlanSheet(meta(desk, f"Support plan: {row.display_name}"), row,
                      tuple(cycles.cycles_for(desk, pupil_id)))
    record_export(desk, "plan", pupil_id=pupil_id, summary="support plan exported",
                  permission=Permission.READ_SUPPORT)
    return sheet


@composite(Permission.EXPORT, Permission.READ_EHCP)
def ehcp_chronology(desk: Desk, pupil_id: int) -> ChronologySheet:
    """The pupil's EHC requests, milestones (due, done, rule), exceptions and annual reviews
    in date order, for a tribunal bundle."""
    desk.require(Permission.EXPORT)
    desk.require(Permission.READ_EHCP)
    today = desk.today()
    row = pupils.get(desk, pupil_id).row
    requests = tuple(RequestTimeline(r, tuple(deadlines.request_milestones(r, today=today)))
                     for r in sorted(ehcp.requests_for(desk, [pupil_id]).get(pupil_id, []),
                                     key=lambda r: r.received_on))
    plans = tuple(sorted(ehcp.plans_for(desk, [pupil_id]).get(pupil_id, []),
                         key=lambda p: p.issued_on))
    if not requests and not plans:
        raise NotFound(f"{row.display_name} has no EHC needs assessment request or plan.")
    live = [p for p in plans if p.ceased_on is None]
    review = tuple(deadlines.plan_milestones(live[-1], row, today=today,
                                             lead_times=school.get(desk).lead_times)
                   ) if live else ()
    events = chronology.chronology([(t.request, t.milestones) for t in requests], plans)
    sheet = ChronologySheet(meta(desk, f"EHCP chronology: {row.display_name}"), row,
                            tuple(events), requests, plans, review)
    record_export(desk, "ehcp chronology", pupil_id=pupil_id, summary="EHCP chronology exported")
    return sheet


@composite(Permission.EXPORT)
def register(desk: Desk) -> RegisterSheet:
    """Everyone on SEN support or with an EHC plan (not leavers), by surname."""
    desk.require(Permission.EXPORT)
    rows = pupils.list_pupils(desk, pupils.RegisterFilter(
        statuses=frozenset({SenStatus.SUPPORT, SenStatus.EHCP})))
    provision = cycles.provision_in_force(desk, [r.id for r in rows])
    lines = tuple(RegisterLine(r, provision.get(r.id, ())) for r in rows)
    record_export(desk, "register", summary=f"SEND register of {len(lines)} pupils exported")
    return RegisterSheet(meta(desk, "SEND register"), lines)


@composite(Permission.EXPORT)
def provision_map(desk: Desk, *, starts_on: date, ends_on: date) -> ProvisionMapSheet:
    """The costed provision map for a period, against the notional SEN budget."""
    desk.require(Permission.EXPORT)
    found = provision_map_service.provision_map(desk, starts_on=starts_on, ends_on=ends_on)
    record_export(desk, "provision map",
                  summary=f"provision map {uk(starts_on)} to {uk(ends_on)} exported")
    return ProvisionMapSheet(
        meta(desk, f"Provision map {uk(starts_on)} to {uk(ends_on)}"), found,
        tuple(assessments.measured_impact(desk, starts_on=starts_on, ends_on=ends_on)))
