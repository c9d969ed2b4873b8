"""Every service entry point that names a pupil refuses a Teacher of 8X/Ma1 a pupil outside
their groups: read, print or export. New entry points must join the table below."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from factories import TODAY, add_pupil, photo_png, pupil_fields, signed_in_as, teaches

import sencodesk.services as services_package
from sencodesk.domain.assessment import ScoreKind
from sencodesk.domain.codes import Role, SenStatus
from sencodesk.domain.errors import OutsideView, PermissionDenied
from sencodesk.domain.inclusion import AttendanceRecord, ContextFlags, ExclusionKind, Term
from sencodesk.domain.letters import LetterKind
from sencodesk.domain.permissions import Permission
from sencodesk.domain.records import PassportContent
from sencodesk.services import (
    assessments,
    audit,
    ctf,
    cycle_scores,
    cycles,
    deadlines,
    ehcp,
    groups,
    inclusion,
    letters,
    passports,
    people,
    plan_strategies,
    pupils,
    record_views,
    records_log,
    report_data,
    request_pack,
    retention,
    review_paperwork,
    subject_access,
    transfer,
)
from sencodesk.services.context import Desk

Call = Callable[[Desk, int, str, Path], object]
_PLAN = cycles.CyclePlan(starts_on=TODAY, review_on=TODAY + timedelta(days=42))

#: (module, function) -> how to call it for pupil ``pid`` (UPN ``upn``); ``f`` a file.
CALLS: dict[tuple[str, str], Call] = {
    ("assessments", "add_score"): lambda d, p, u, f: assessments.add_score(
        d, p, ScoreKind.STANDARDISED, "NGRT", TODAY, 84),
    ("assessments", "scores_of"): lambda d, p, u, f: assessments.scores_of(d, p),
    ("audit", "list_events"): lambda d, p, u, f: audit.list_events(d, pupil_id=p),
    ("ctf", "export"): lambda d, p, u, f: ctf.export(d, [p]),
    ("cycle_scores", "create"): lambda d, p, u, f: cycle_scores.create(d, p, _PLAN, None),
    ("cycles", "create"): lambda d, p, u, f: cycles.create(d, p, _PLAN),
    ("cycles", "cycles_for"): lambda d, p, u, f: cycles.cycles_for(d, p),
    ("cycles", "cycles_for_pupils"): lambda d, p, u, f: cycles.cycles_for_pupils(d, [p]),
    ("cycles", "provision_in_force"): lambda d, p, u, f: cycles.provision_in_force(d, [p]),
    ("cycles", "reviews_due"): lambda d, p, u, f: cycles.reviews_due(d, [p]),
    ("deadlines", "school_deadlines"):
        lambda d, p, u, f: deadlines.school_deadlines(d, pupil_ids=[p]),
    ("ehcp", "add_plan"): lambda d, p, u, f: ehcp.add_plan(d, p, issued_on=TODAY),
    ("ehcp", "open_request"): lambda d, p, u, f: ehcp.open_request(d, p, received_on=TODAY),
    ("ehcp", "plans_for"): lambda d, p, u, f: ehcp.plans_for(d, [p]),
    ("ehcp", "requests_for"): lambda d, p, u, f: ehcp.requests_for(d, [p]),
    ("groups", "add_pupils"): lambda d, p, u, f: groups.add_pupils(d, 1, [p], starts_on=TODAY),
    ("groups", "remove_pupil"): lambda d, p, u, f: groups.remove_pupil(d, 1, p, last_day=TODAY),
    ("groups", "share"): lambda d, p, u, f: groups.share(d, p, d.actor.staff_id,
                                                         ends_on=TODAY),
    ("groups", "shares_of"): lambda d, p, u, f: groups.shares_of(d, p),
    ("inclusion", "add_exclusion"): lambda d, p, u, f: inclusion.add_exclusion(
        d, p, ExclusionKind.SUSPENSION, TODAY, 1, "PA"),
    ("inclusion", "add_part_time"): lambda d, p, u, f: inclusion.add_part_time(
        d, p, TODAY, TODAY + timedelta(days=28), TODAY + timedelta(days=14), "phased return"),
    ("inclusion", "attendance"): lambda d, p, u, f: inclusion.attendance(d, [p]),
    ("inclusion", "attendance_of"): lambda d, p, u, f: inclusion.attendance_of(d, p),
    ("inclusion", "context_of"): lambda d, p, u, f: inclusion.context_of(d, p),
    ("inclusion", "exclusions"): lambda d, p, u, f: inclusion.exclusions(d, [p]),
    ("inclusion", "part_time"): lambda d, p, u, f: inclusion.part_time(d, [p]),
    ("inclusion", "set_attendance"): lambda d, p, u, f: inclusion.set_attendance(
        d, p, AttendanceRecord(2025, Term.AUTUMN, 140, 130, 10, 0)),
    ("inclusion", "set_context"): lambda d, p, u, f: inclusion.set_context(
        d, p, ContextFlags(eal=True)),
    ("letters", "draft"): lambda d, p, u, f: letters.draft(d, LetterKind.SEN_PROVISION, [p]),
    ("passports", "latest"): lambda d, p, u, f: passports.latest(d, p),
    ("passports", "latest_for"): lambda d, p, u, f: passports.latest_for(d, [p]),
    ("passports", "save"): lambda d, p, u, f: passports.save(d, p, PassportContent(about_me="x")),
    ("passports", "versions"): lambda d, p, u, f: passports.versions(d, p),
    ("people", "add_agency"): lambda d, p, u, f: people.add_agency(d, p, name="CAMHS"),
    ("people", "parents_for"): lambda d, p, u, f: people.parents_for(d, [p]),
    ("people", "add_parent"): lambda d, p, u, f: people.add_parent(d, p, name="Ann Able"),
    ("plan_strategies", "current_plan"):
        lambda d, p, u, f: plan_strategies.current_plan(d, p),
    ("pupils", "change_sen"):
        lambda d, p, u, f: pupils.change_sen(d, p, pupils.SenChange(SenStatus.NONE)),
    ("pupils", "get"): lambda d, p, u, f: pupils.get(d, p),
    ("pupils", "id_for_upn"): lambda d, p, u, f: pupils.id_for_upn(d, u),
    ("pupils", "mark_left"): lambda d, p, u, f: pupils.mark_left(d, p, TODAY),
    ("pupils", "record_destination"): lambda d, p, u, f: pupils.record_destination(d, p, "X"),
    ("pupils", "update"): lambda d, p, u, f: pupils.update(d, p, pupil_fields(upn=u)),
    ("record_views", "open_record"): lambda d, p, u, f: record_views.open_record(d, p),
    ("records_log", "add_contact"): lambda d, p, u, f: records_log.add_contact(
        d, p, occurred_on=TODAY, kind="observation", summary="x"),
    ("records_log", "attach"): lambda d, p, u, f: records_log.attach(d, p, f, title="x"),
    ("records_log", "contacts"): lambda d, p, u, f: records_log.contacts(d, p),
    ("records_log", "documents"): lambda d, p, u, f: records_log.documents(d, p),
    ("records_log", "photo"): lambda d, p, u, f: records_log.photo(d, p),
    ("records_log", "set_photo"): lambda d, p, u, f: records_log.set_photo(d, p, photo_png()),
    ("records_log", "set_photo_from"): lambda d, p, u, f: records_log.set_photo_from(d, p, f),
    ("report_data", "ehcp_chronology"): lambda d, p, u, f: report_data.ehcp_chronology(d, p),
    ("report_data", "passport"): lambda d, p, u, f: report_data.passport(d, p),
    ("report_data", "passports_for"): lambda d, p, u, f: report_data.passports_for(d, [p]),
    ("report_data", "plan"): lambda d, p, u, f: report_data.plan(d, p),
    ("report_data", "record_export"): lambda d, p, u, f: report_data.record_export(
        d, "passport", pupil_id=p, permission=Permission.PRINT_PASSPORTS),
    ("request_pack", "gather"): lambda d, p, u, f: request_pack.gather(d, p),
    ("review_paperwork", "reports_for"):
        lambda d, p, u, f: review_paperwork.reports_for(d, p),
    ("review_paperwork", "review_for"):
        lambda d, p, u, f: review_paperwork.review_for(d, p),
    ("retention", "delete_pupil"):
        lambda d, p, u, f: retention.delete_pupil(d, p, confirm_upn=u),
    ("subject_access", "gather"): lambda d, p, u, f: subject_access.gather(d, p),
    ("subject_access", "whole_record"): lambda d, p, u, f: subject_access.whole_record(
        d, p, title="x", with_audit=False),
    ("transfer", "transfer_pack"): lambda d, p, u, f: transfer.transfer_pack(
        d, p, passphrase="a long passphrase here", render=lambda _: b"%PDF"),
}
#: Entry points that take pupils as plain data already read (no id to look up).
NOT_BY_ID = {("deadlines", "review_timeline")}


def _entry_points() -> set[tuple[str, str]]:
    found = set()
    for info in pkgutil.iter_modules(services_package.__path__):
        module = importlib.import_module(f"sencodesk.services.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_"):
                continue
            names = list(inspect.signature(function).parameters)
            if names[:1] == ["desk"] and {"pupil_id", "pupil_ids", "pupil", "upn"} & set(names):
                found.add((info.name, name))
    return found


def test_the_table_names_every_entry_point_that_takes_a_pupil() -> None:
    assert _entry_points() - NOT_BY_ID == set(CALLS)


@pytest.mark.parametrize("entry", sorted(CALLS), ids=lambda e: ".".join(e))
def test_a_teacher_cannot_reach_a_pupil_outside_their_groups(
        desk: Desk, tmp_path: Path, entry: tuple[str, str]) -> None:
    mine = add_pupil(desk, legal_surname="Able")
    other = add_pupil(desk, legal_surname="Zed")
    passports.save(desk, other, PassportContent(about_me="I like trains"))
    teacher = signed_in_as(desk, Role.TEACHER)
    teaches(desk, teacher, mine, code="8X/Ma1")
    upn = pupils.get(desk, other).row.upn
    file = tmp_path / "note.png"
    file.write_bytes(photo_png())
    try:
        with pytest.raises(PermissionDenied) as refused:
            CALLS[entry](teacher, other, upn, file)
        assert str(refused.value).endswith("Ask your SENCO if you need this.") or \
            isinstance(refused.value, OutsideView)
    finally:
        teacher.close()
    assert any(e.action == "refused" for e in audit.list_events(desk, limit=5))
