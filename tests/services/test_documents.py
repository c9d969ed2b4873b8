"""The EHCP chronology, SEND register, provision map and evidence pack, gathered from a real
encrypted demo school and read back from the PDF."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

import pytest
from factories import add_pupil, signed_in_as
from pdf_checks import embedded_fonts, is_a4, page_text
from pypdf import PdfReader

from sencodesk.domain.codes import Progress, Role, SenStatus
from sencodesk.domain.errors import NotFound, PermissionDenied, ValidationError
from sencodesk.reports import render
from sencodesk.services import (
    audit,
    cycles,
    ehcp,
    evidence_pack,
    interventions,
    pupils,
    register_rows,
    report_data,
)
from sencodesk.services.context import Desk


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(page_text(pdf)).split())


def _well_formed(pdf: bytes) -> None:
    assert is_a4(pdf)
    fonts = embedded_fonts(pdf)
    assert fonts and all(fonts.values()), fonts
    assert "Helvetica" not in " ".join(fonts)


def _exports(desk: Desk) -> list[str]:
    return [e.entity for e in audit.list_events(desk) if e.action == "export"]


def _ehcp_pupil_with_request(desk: Desk) -> int:
    rows = pupils.list_pupils(desk, pupils.RegisterFilter(status=SenStatus.EHCP))
    requests = ehcp.requests_for(desk, [r.id for r in rows])
    return next(r.id for r in rows if requests.get(r.id))


def test_ehcp_chronology_lists_events_milestones_and_rules(demo_desk: Desk) -> None:
    pid = _ehcp_pupil_with_request(demo_desk)
    sheet = report_data.ehcp_chronology(demo_desk, pid)
    pdf = render(sheet).pdf
    _well_formed(pdf)
    text = _text(pdf)
    for heading in ("EHCP CHRONOLOGY", "Chronology", "EHC needs assessment request",
                    "Statutory milestones", "Reg 5(1)", "Reg 13(2)", sheet.pupil.display_name):
        assert heading in text, heading
    first = sheet.events[0]
    assert f"{first.on:%d/%m/%Y}" in text
    assert [e.on for e in sheet.events] == sorted(e.on for e in sheet.events)
    assert _exports(demo_desk)[0] == "ehcp chronology"


def test_chronology_needs_an_ehcp_file_and_the_right_role(demo_desk: Desk) -> None:
    none = pupils.list_pupils(demo_desk, pupils.RegisterFilter(status=SenStatus.NONE))[0]
    with pytest.raises(NotFound, match="no EHC needs assessment request or plan"):
        report_data.ehcp_chronology(demo_desk, none.id)
    teacher = signed_in_as(demo_desk, Role.TEACHER)
    with pytest.raises(PermissionDenied):
        report_data.ehcp_chronology(teacher, _ehcp_pupil_with_request(demo_desk))


def test_register_lists_everyone_on_it_and_no_one_else(demo_desk: Desk) -> None:
    sheet = report_data.register(demo_desk)
    pdf = render(sheet).pdf
    _well_formed(pdf)
    text = _text(pdf)
    on = pupils.list_pupils(demo_desk, pupils.RegisterFilter(
        statuses=frozenset({SenStatus.SUPPORT, SenStatus.EHCP})))
    off = pupils.list_pupils(demo_desk, pupils.RegisterFilter(status=SenStatus.NONE))
    assert on and off and len(sheet.lines) == len(on)
    assert all(r.upn in text for r in on)
    assert not any(r.upn in text for r in off)
    assert f"On the register {len(on)} pupils" in text
    assert any(line.provision for line in sheet.lines)


def test_provision_map_totals_match_and_export_is_audited(demo_desk: Desk) -> None:
    sheet = report_data.provision_map(demo_desk, starts_on=date(2026, 9, 1),
                                      ends_on=date(2027, 8, 31))
    pdf = render(sheet).pdf
    _well_formed(pdf)
    text = _text(pdf)
    total = sheet.map.total_pence
    assert f"£{total / 100:,.2f}" in text
    for heading in ("COSTED PROVISION MAP", "By intervention", "By pupil", "Notional SEN budget"):
        assert heading in text
    assert sheet.map.by_intervention[0].name in text
    assert "provision map" in _exports(demo_desk)


def _cases(desk: Desk, count: int) -> list[int]:
    return [r.id for r in pupils.list_pupils(desk, pupils.RegisterFilter(
        statuses=frozenset({SenStatus.SUPPORT, SenStatus.EHCP})))[:count]]


def test_evidence_pack_has_every_section_charts_and_named_cases(demo_desk: Desk) -> None:
    cases = _cases(demo_desk, 2)
    pack = evidence_pack.evidence_pack(demo_desk, case_ids=cases)
    pdf = render(pack).pdf
    _well_formed(pdf)
    pages = page_text(pdf)
    text = _text(pdf)
    assert "Contents" in pages[1] and "7. Case sample" in pages[1]
    for heading in ("SEND EVIDENCE PACK", "At a glance", "1. The SEND register", "By primary need",
                    "Trend across census days", "2. The graduated approach",
                    "3. EHC plans: the school's duties and the local authority's",
                    "What the school controls", "What the local authority must do",
                    "Review report sent within 2 weeks of the meeting", "4. Intervention impact",
                    "5. Provision cost against budget", "6. Inclusion",
                    "Part-time timetables in force", "7. Case sample"):
        assert heading in text, heading
    for pid in cases:
        row = pupils.get(demo_desk, pid).row
        assert row.display_name in text and row.upn in text
    register = pack.summary.support + pack.summary.ehcp
    assert f"{register} of {pack.summary.on_roll:,} pupils on roll" in text
    assert len(pack.summary.trend) == 9
    assert "evidence pack" in _exports(demo_desk)
    # the headline gives the school's own record before the local authority's
    glance = pages[0]
    assert glance.index("School: annual review steps") < glance.index("Local authority: EHC")
    assert text.index("What the school controls") < text.index(
        "What the local authority must do")
    school = {step.label for step in pack.timeliness.school_steps}
    assert "Invitations sent at least 2 weeks before the meeting" in school
    assert [step.rule for step in pack.timeliness.la_review_steps] == ["CFA 2014 s44(1), Reg 20"]


def test_each_case_pupils_history_shows_their_case_went_into_the_pack(demo_desk: Desk) -> None:
    cases = _cases(demo_desk, 2)
    evidence_pack.evidence_pack(demo_desk, anonymise=True, case_ids=cases)
    for pid in cases:
        mine = [e for e in audit.list_events(demo_desk, pupil_id=pid) if e.action == "export"]
        assert mine and "case sample" in mine[0].summary


def test_leavers_leave_the_census_trend_but_their_support_still_counts(
    demo_desk: Desk,
) -> None:
    autumn = date(2026, 10, 1)  # the autumn census day before today (22/11/2026)
    before = evidence_pack.evidence_pack(demo_desk)
    reviewed = {c.pupil_id for found in cycles.cycles_for_pupils(
        demo_desk, None, overlapping=(date(2026, 1, 1), demo_desk.today())).values()
        for c in found if c.reviewed_on and c.reviewed_on > date(2026, 1, 1)
        and any(o.progress for o in c.outcomes)}
    leaver = next(pid for pid in sorted(reviewed)
                  if (detail := pupils.get(demo_desk, pid)).row.status is SenStatus.SUPPORT
                  and detail.statuses[0].starts_on < autumn)
    pupils.mark_left(demo_desk, leaver, autumn - timedelta(days=10))
    after = evidence_pack.evidence_pack(demo_desk)
    assert after.summary.support == before.summary.support - 1
    # counted at the census days while they were here, not at the one after they left
    assert after.summary.trend[:-1] == before.summary.trend[:-1]
    assert after.summary.trend[-1].on == autumn
    assert after.summary.trend[-1].support == before.summary.trend[-1].support - 1
    # the ratings at their reviews in the past year still count for the interventions
    assert sum(i.outcomes for i in after.impact) == sum(i.outcomes for i in before.impact)


def test_anonymised_pack_drops_names_upns_and_dates_of_birth(demo_desk: Desk) -> None:
    cases = _cases(demo_desk, 3)
    pack = evidence_pack.evidence_pack(demo_desk, anonymise=True, case_ids=cases)
    text = _text(render(pack).pdf)
    for pid in cases:
        detail = pupils.get(demo_desk, pid)
        for secret in (detail.row.upn, detail.row.forename, detail.row.surname,
                       detail.legal_surname, f"{detail.row.dob:%d/%m/%Y}"):
            assert secret not in text, secret
    codes = [case.name for case in pack.cases]
    assert all(code.startswith("Pupil ") for code in codes) and len(set(codes)) == 3
    assert all(code in text for code in codes)
    again = evidence_pack.evidence_pack(demo_desk, anonymise=True, case_ids=cases[::-1])
    assert [case.name for case in again.cases] == codes[::-1]  # stable per pupil
    assert "(anonymised)" in pack.meta.title


def test_evidence_pack_refuses_more_than_six_cases_and_teachers(demo_desk: Desk) -> None:
    with pytest.raises(ValidationError, match="at most 6 pupils"):
        evidence_pack.evidence_pack(demo_desk, case_ids=_cases(demo_desk, 7))
    teacher = signed_in_as(demo_desk, Role.TEACHER)
    with pytest.raises(PermissionDenied):
        evidence_pack.evidence_pack(teacher)
    head = signed_in_as(demo_desk, Role.HEAD)
    assert PdfReader(io.BytesIO(render(evidence_pack.evidence_pack(head)).pdf)).pages



def _plan(desk: Desk, pid: int, starts_on: date, intervention: str) -> int:
    chosen = interventions.add(desk, interventions.InterventionFields(intervention))
    return cycles.create(desk, pid, beside_active=True, plan=cycles.CyclePlan(
        starts_on=starts_on, review_on=starts_on + timedelta(days=70),
        outcomes=(cycles.OutcomeInput("Read 150 words"),),
        provisions=(cycles.ProvisionInput(chosen), cycles.ProvisionInput(chosen, weeks=6))))


@pytest.mark.parametrize("many", [200, 0], ids=["few pupils", "many pupils"])
def test_the_register_shows_the_plan_in_force_not_a_newer_draft(
    desk: Desk, many: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(register_rows, "FEW", many)  # both ways of reading: by pupil and all
    pid = add_pupil(desk, status=SenStatus.SUPPORT)
    first = _plan(desk, pid, date(2026, 1, 5), "Lexia")
    cycles.activate(desk, first)
    cycles.record_review(desk, first, cycles.ReviewInput(date(2026, 3, 16), {1: Progress.MET}))
    assert cycles.provision_in_force(desk, [pid]) == {pid: ("Lexia",)}
    running = _plan(desk, pid, date(2026, 4, 13), "Precision teaching")
    cycles.activate(desk, running)
    _plan(desk, pid, date(2026, 9, 7), "Talk Boost")  # a newer draft, not yet agreed
    assert cycles.provision_in_force(desk, [pid]) == {pid: ("Precision teaching",)}
    only_draft = add_pupil(desk, status=SenStatus.SUPPORT)
    _plan(desk, only_draft, date(2026, 9, 7), "Social stories")
    nothing = add_pupil(desk, status=SenStatus.SUPPORT)
    lines = {line.pupil.id: line.provision for line in report_data.register(desk).lines}
    assert lines == {pid: ("Precision teaching",), only_draft: ("Social stories",), nothing: ()}


def test_anonymised_pack_catches_names_however_typed_upns_and_dates_of_birth(
    desk: Desk,
) -> None:
    from factories import add_pupil

    from sencodesk.domain.records import PassportContent
    from sencodesk.services import passports, people

    pid = add_pupil(desk)  # Zoë O'Brien, born 01/03/2014
    people.add_parent(desk, pid, name="Jo Smith", relationship="Mother")
    upn = pupils.get(desk, pid).row.upn
    passports.save(desk, pid, PassportContent(support_me=(
        f"Zoe O’Brien works best near the front. Jo (mum) asks for a weekly note. "
        f"UPN {upn}; dob 1.3.2014; born 1st March 2014.")))
    pack = evidence_pack.evidence_pack(desk, anonymise=True, case_ids=[pid])
    text = _text(render(pack).pdf)
    # the pack cites the Children and Families Act 2014 and the SEND Regulations 2014
    text_but_laws = re.sub(r"\b(CFA|Act|Regulations) 2014\b", "", text)
    for secret in ("Zoe", "Zoë", "O’Brien", "O'Brien", "Jo ", upn, "2014"):
        assert secret not in text_but_laws, secret
    assert "works best near the front" in text
