"""Passports, APDR cycles, EHCP records and the contact log at the service level."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from factories import add_pupil

from sencodesk.domain.codes import CycleStatus, Progress
from sencodesk.domain.errors import ValidationError
from sencodesk.domain.records import PassportContent
from sencodesk.services import cycles, ehcp, interventions, passports, records_log
from sencodesk.services.context import Desk


def test_every_passport_save_is_a_new_version_and_old_ones_stay(desk: Desk) -> None:
    pid = add_pupil(desk)
    passports.save(desk, pid, PassportContent(about_me="I like trains"),
                   written_on=date(2025, 10, 1))
    passports.save(desk, pid, PassportContent(about_me="I like buses"))
    first, second = reversed(passports.versions(desk, pid))
    assert (first.version, first.content.about_me) == (1, "I like trains")
    assert (second.version, second.content.about_me) == (2, "I like buses")
    assert second.review_on == date(2027, 11, 22)  # a year after writing by default


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"content": PassportContent()}, "at least one section"),
    ({"content": PassportContent(about_me="x" * 4001)}, "4,001 characters"),
    ({"content": PassportContent(about_me="x"), "written_on": date(2026, 5, 1),
      "review_on": date(2026, 4, 1)}, "before the date written"),
])
def test_bad_passports_are_refused(desk: Desk, kwargs: dict[str, object], message: str) -> None:
    pid = add_pupil(desk)
    with pytest.raises(ValidationError, match=message):
        passports.save(desk, pid, **kwargs)  # type: ignore[arg-type]
    assert passports.versions(desk, pid) == []


def _plan(**overrides: object) -> cycles.CyclePlan:
    values: dict[str, object] = {
        "starts_on": date(2026, 9, 7), "review_on": date(2026, 11, 20),
        "outcomes": (cycles.OutcomeInput("Read 150 words", "Half-termly check"),
                     cycles.OutcomeInput("Spell 40 words"))}
    values.update(overrides)
    return cycles.CyclePlan(**values)  # type: ignore[arg-type]


def test_a_cycle_from_plan_to_review_to_the_next(desk: Desk) -> None:
    pid = add_pupil(desk)
    lexia = interventions.add(desk, interventions.InterventionFields(
        "Lexia", hourly_cost_pence=1800))
    cid = cycles.create(desk, pid, _plan(provisions=(cycles.ProvisionInput(
        lexia, group_size=3, minutes_per_session=30, sessions_per_week=2, weeks=12),)))
    (cycle,) = cycles.cycles_for(desk, pid)
    # 30 min x 2 a week x 12 weeks = 12 hours at £18.00, shared by 3 = £72.00
    assert cycle.provisions[0].cost_pence == 7200
    with pytest.raises(ValidationError, match="start the plan"):
        cycles.record_review(desk, cid, cycles.ReviewInput(date(2026, 11, 20), {}))
    cycles.activate(desk, cid)
    with pytest.raises(ValidationError, match="only a draft"):
        cycles.activate(desk, cid)
    with pytest.raises(ValidationError, match="rate progress for outcome 2"):
        cycles.record_review(desk, cid, cycles.ReviewInput(date(2026, 11, 20),
                                                           {1: Progress.MET}))
    cycles.record_review(desk, cid, cycles.ReviewInput(
        date(2026, 11, 20), {1: Progress.MET, 2: Progress.NOT_MET}, next_steps="More spelling",
        pupil_voice="Reading is easier", parent_voice="Pleased"))
    nxt = cycles.start_next(desk, cid)
    newest = cycles.cycles_for(desk, pid)[0]
    assert newest.id == nxt and newest.previous_id == cid
    assert newest.status is CycleStatus.DRAFT and newest.starts_on == date(2026, 11, 20)
    assert [o.description for o in newest.outcomes] == ["Spell 40 words"]
    assert newest.assess_notes == "More spelling" and len(newest.provisions) == 1


@pytest.mark.parametrize(("plan", "message"), [
    (_plan(review_on=date(2026, 9, 1)), "before the start date"),
    (_plan(outcomes=tuple(cycles.OutcomeInput(f"o{n}") for n in range(7))), "at most 6"),
    (_plan(provisions=(cycles.ProvisionInput(),)), "choose an intervention"),
    (_plan(provisions=(cycles.ProvisionInput(description="TA", group_size=0),)),
     "between 1 and 40"),
])
def test_bad_plans_are_refused(desk: Desk, plan: cycles.CyclePlan, message: str) -> None:
    pid = add_pupil(desk)
    with pytest.raises(ValidationError, match=message):
        cycles.create(desk, pid, plan)
    assert cycles.cycles_for(desk, pid) == []


def test_a_review_before_the_cycle_started_or_in_the_future_is_refused(desk: Desk) -> None:
    pid = add_pupil(desk)
    cid = cycles.create(desk, pid, _plan())
    cycles.activate(desk, cid)
    for when, message in ((date(2026, 9, 1), "before the cycle started"),
                          (date(2026, 12, 1), "in advance")):
        with pytest.raises(ValidationError, match=message):
            cycles.record_review(desk, cid, cycles.ReviewInput(
                when, {1: Progress.MET, 2: Progress.MET}))
    assert cycles.cycles_for(desk, pid)[0].status is CycleStatus.ACTIVE


def test_ehcp_records_and_their_checks(desk: Desk) -> None:
    pid = add_pupil(desk)
    with pytest.raises(ValidationError, match="in the future"):
        ehcp.open_request(desk, pid, received_on=date(2027, 1, 1))
    rid = ehcp.open_request(desk, pid, received_on=date(2026, 6, 1), requested_by="School")
    with pytest.raises(ValidationError, match="before the request was received"):
        ehcp.mark_done(desk, rid, "decision_to_assess", date(2026, 5, 1))
    with pytest.raises(ValidationError, match="choose one of"):
        ehcp.record_exception(desk, rid, regulation="Reg 99", reason="x",
                              starts_on=date(2026, 7, 1))
    ehcp.add_advice(desk, rid, source="Educational psychologist", asked_on=date(2026, 7, 20))
    plan = ehcp.add_plan(desk, pid, issued_on=date(2026, 10, 19), request_id=rid)
    with pytest.raises(ValidationError, match="before the plan was issued"):
        ehcp.record_review(desk, plan, ehcp.ReviewFields(meeting_on=date(2026, 9, 1)))
    with pytest.raises(ValidationError, match="before the review meeting"):
        ehcp.record_review(desk, plan, ehcp.ReviewFields(
            meeting_on=date(2027, 10, 1), report_sent_on=date(2027, 9, 1)))
    (request,) = ehcp.requests_for(desk, [pid])[pid]
    assert request.advice[0].source == "Educational psychologist"
    assert ehcp.plans_for(desk, [pid])[pid][0].reviews == ()


def test_contact_log_and_documents_by_content(desk: Desk, tmp_path: Path) -> None:
    pid = add_pupil(desk)
    with pytest.raises(ValidationError, match="choose one of"):
        records_log.add_contact(desk, pid, occurred_on=date(2026, 11, 1), kind="gossip",
                                summary="x")
    records_log.add_contact(desk, pid, occurred_on=date(2026, 11, 1), kind="parent meeting",
                            summary="Agreed outcomes", with_whom="Mum")
    assert records_log.contacts(desk, pid)[0].is_parent_meeting
    file = tmp_path / "report.txt"
    file.write_text("same bytes")
    one = records_log.attach(desk, pid, file, title="First")
    two = records_log.attach(desk, pid, file, title="Second copy")
    names = {d.sha256 for d in records_log.documents(desk, pid)}
    assert len(names) == 1  # stored once, by content
    assert records_log.read_document(desk, two)[1] == b"same bytes"
    assert one != two


def test_cycles_can_be_read_for_a_period_only(desk: Desk) -> None:
    pid = add_pupil(desk)
    old = cycles.create(desk, pid, _plan(starts_on=date(2025, 1, 6), review_on=date(2025, 3, 28)))
    new = cycles.create(desk, pid, _plan(starts_on=date(2026, 9, 7), review_on=date(2026, 12, 11)))
    every = [c.id for c in cycles.cycles_for(desk, pid)]
    assert every == [new, old]
    autumn = cycles.cycles_for_pupils(desk, [pid], overlapping=(date(2026, 9, 1),
                                                                date(2026, 12, 31)))
    assert [c.id for c in autumn[pid]] == [new]
    assert cycles.cycles_for_pupils(desk, [pid], overlapping=(date(2027, 1, 1),
                                                              date(2027, 3, 1))) == {}


def test_newest_passports_for_no_pupils_is_empty_not_everyone(desk: Desk) -> None:
    pid = add_pupil(desk)
    passports.save(desk, pid, PassportContent(about_me="I like trains"))
    assert passports.latest_for(desk, []) == {}
    assert list(passports.latest_for(desk, None)) == [pid]
