"""Importing inclusion context from MIS CSV: preview, bad rows named, all or nothing,
and the same file again changes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from factories import add_pupil, new_upn, signed_in_as

from sencodesk.domain.codes import Role
from sencodesk.domain.context_csv import ContextKind
from sencodesk.domain.errors import PermissionDenied
from sencodesk.services import audit, context_import, inclusion, pupils
from sencodesk.services.context import Desk


def _upn(desk: Desk, pid: int) -> str:
    return pupils.get(desk, pid).row.upn


def test_attendance_import_previews_applies_and_is_idempotent(desk: Desk) -> None:
    a, b = add_pupil(desk), add_pupil(desk)
    stranger = new_upn()
    data = (
        "UPN,Academic Year,Term,Possible,Attended,Authorised,Unauthorised\n"
        f"{_upn(desk, a)},2025/26,Autumn,140,126,10,4\n"
        f"{_upn(desk, b)},2025/26,Autumn,140,140,0,0\n"
        f"{stranger},2025/26,Autumn,140,140,0,0\n"
        f"{_upn(desk, b)},2025/26,Spring,120,130,0,0\n"
    ).encode()
    plan = context_import.preview(desk, ContextKind.ATTENDANCE, data)
    assert (len(plan.new), len(plan.updated), len(plan.unchanged)) == (2, 0, 0)
    assert [(e.row, e.message) for e in plan.rejected] == [
        (4, f"UPN {stranger} is not on the register"),
        (5, "Possible: is 120 sessions, but 130 attended, 0 authorised and 0 unauthorised "
            "absences add up to 130")]
    assert inclusion.attendance(desk) == {}  # the preview wrote nothing
    assert context_import.apply(desk, plan) == 2
    assert inclusion.attendance_of(desk, a)[0].unauthorised == 4
    again = context_import.preview(desk, ContextKind.ATTENDANCE, data)
    assert (again.writes, len(again.unchanged)) == (0, 2)
    corrected = data.replace(b"140,126,10,4", b"140,128,10,2")
    plan = context_import.preview(desk, ContextKind.ATTENDANCE, corrected)
    assert [r.row for r in plan.updated] == [2]
    context_import.apply(desk, plan)
    assert inclusion.attendance_of(desk, a)[0].attended == 128
    assert audit.list_events(desk)[0].summary.startswith("0 new, 1 updated, 2 rejected")


def test_an_import_is_all_or_nothing(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    pids = [add_pupil(desk) for _ in range(3)]
    data = "UPN,Type,Start,Days,Reason\n" + "".join(
        f"{_upn(desk, pid)},Suspension,0{n + 1}/10/2026,1,DB\n" for n, pid in enumerate(pids))
    plan = context_import.preview(desk, ContextKind.EXCLUSIONS, data.encode())
    written = []
    real = inclusion.write_exclusion

    def fail_on_third(*args: object, **kwargs: object) -> bool:
        written.append(1)
        if len(written) == 3:
            raise OSError("disk full")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(inclusion, "write_exclusion", fail_on_third)
    with pytest.raises(OSError):
        context_import.apply(desk, plan)
    assert inclusion.exclusions(desk) == {}


def test_flags_and_part_time_import_and_a_leaver_is_refused(desk: Desk) -> None:
    here, gone = add_pupil(desk), add_pupil(desk)
    pupils.mark_left(desk, gone, date(2026, 10, 1))
    flags = (f"UPN,FSM,Child protection\n{_upn(desk, here)},Y,Y\n"
             f"{_upn(desk, gone)},Y,N\n").encode()
    plan = context_import.preview(desk, ContextKind.FLAGS, flags)
    assert [e.row for e in plan.rejected] == [3] and "has left" in plan.rejected[0].message
    context_import.apply(desk, plan)
    seen = inclusion.context_of(desk, here)
    assert (seen.fsm, seen.child_protection, seen.eal) == (True, True, False)
    timetable = (f"UPN,Start,Planned end,Review date,Reason\n"
                 f"{_upn(desk, here)},01/11/2026,18/12/2026,20/11/2026,Anxiety\n").encode()
    context_import.apply(desk, context_import.preview(desk, ContextKind.PART_TIME, timetable))
    (found,) = inclusion.part_time(desk)
    assert (found.review_on, found.reason) == (date(2026, 11, 20), "Anxiety")
    assert context_import.preview(desk, ContextKind.PART_TIME, timetable).writes == 0


def test_only_those_who_import_may(desk: Desk) -> None:
    head = signed_in_as(desk, Role.HEAD)
    with pytest.raises(PermissionDenied):
        context_import.preview(head, ContextKind.FLAGS, b"UPN,FSM\n")


def test_scores_import_with_ages_written_either_way(desk: Desk) -> None:
    from sencodesk.domain.assessment import ScoreKind
    from sencodesk.services import assessments

    pid = add_pupil(desk)
    upn = _upn(desk, pid)
    data = (f"UPN,Test,Date,Kind,Score,Assessed by\n"
            f"{upn},NGRT,08/09/2026,Reading age,8y 5m,J. Okafor\n"
            f"{upn},NGRT,08/09/2026,SAS,84,J. Okafor\n"
            f"{upn},NGRT,08/09/2026,SAS,184,J. Okafor\n"
            f"{upn},NGRT,08/09/2026,Maths age,8y 5m,J. Okafor\n").encode()
    plan = context_import.preview(desk, ContextKind.SCORES, data)
    assert [(e.row, e.message.split(":")[0]) for e in plan.rejected] == [(4, "Score"),
                                                                        (5, "Kind")]
    context_import.apply(desk, plan)
    assert [(s.kind, s.value) for s in assessments.scores_of(desk, pid)] == [
        (ScoreKind.READING_AGE, 101), (ScoreKind.STANDARDISED, 84)]
    again = context_import.preview(desk, ContextKind.SCORES, data.replace(b"NGRT", b"ngrt"))
    assert (again.writes, len(again.unchanged)) == (0, 2)
