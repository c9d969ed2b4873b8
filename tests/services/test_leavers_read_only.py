"""A leaver's file is read-only in every service that writes to it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from factories import add_pupil, photo_png

from sencodesk.domain.codes import Progress, RequestOutcome
from sencodesk.domain.errors import ValidationError
from sencodesk.services import audit, cycles, ehcp, pupils, records_log
from sencodesk.services.context import Desk

LEFT_ON = date(2026, 11, 1)


def _plan() -> cycles.CyclePlan:
    return cycles.CyclePlan(starts_on=date(2026, 9, 7), review_on=date(2026, 10, 20),
                            outcomes=(cycles.OutcomeInput("Read 150 words"),))


@pytest.fixture
def leaver(desk: Desk, tmp_path: Path) -> dict[str, int]:
    """A pupil with a request, a plan, a document, a draft cycle and an active one, then left."""
    pid = add_pupil(desk)
    letter = tmp_path / "letter.txt"
    letter.write_text("EP report")
    made = {
        "pupil": pid,
        "request": ehcp.open_request(desk, pid, received_on=date(2026, 9, 1)),
        "plan": ehcp.add_plan(desk, pid, issued_on=date(2026, 10, 1)),
        "document": records_log.attach(desk, pid, letter, title="EP report"),
        "draft": cycles.create(desk, pid, _plan()),
        "active": cycles.create(desk, pid, _plan()),
    }
    cycles.activate(desk, made["active"])
    pupils.mark_left(desk, pid, LEFT_ON)
    return made


WRITES: dict[str, Callable[[Desk, dict[str, int], Path], object]] = {
    "ehcp.open_request": lambda d, m, _p: ehcp.open_request(
        d, m["pupil"], received_on=date(2026, 11, 2)),
    "ehcp.mark_done": lambda d, m, _p: ehcp.mark_done(
        d, m["request"], "draft_target", date(2026, 11, 2)),
    "ehcp.set_outcome": lambda d, m, _p: ehcp.set_outcome(
        d, m["request"], RequestOutcome.WITHDRAWN),
    "ehcp.add_advice": lambda d, m, _p: ehcp.add_advice(
        d, m["request"], source="EP", asked_on=date(2026, 11, 2)),
    "ehcp.record_exception": lambda d, m, _p: ehcp.record_exception(
        d, m["request"], regulation=ehcp.EXCEPTION_REGULATIONS[0], reason="closure",
        starts_on=date(2026, 11, 2)),
    "ehcp.add_plan": lambda d, m, _p: ehcp.add_plan(d, m["pupil"], issued_on=date(2026, 11, 2)),
    "ehcp.record_review": lambda d, m, _p: ehcp.record_review(
        d, m["plan"], ehcp.ReviewFields(meeting_on=date(2026, 11, 10))),
    "records_log.add_contact": lambda d, m, _p: records_log.add_contact(
        d, m["pupil"], occurred_on=date(2026, 11, 2), kind=records_log.CONTACT_KINDS[0],
        summary="Phone call"),
    "records_log.attach": lambda d, m, p: records_log.attach(d, m["pupil"], p, title="Again"),
    "records_log.set_confidential": lambda d, m, _p: records_log.set_confidential(
        d, m["document"], True),
    "records_log.set_photo": lambda d, m, _p: records_log.set_photo(d, m["pupil"], photo_png()),
    "cycles.create": lambda d, m, _p: cycles.create(d, m["pupil"], _plan()),
    "cycles.update_plan": lambda d, m, _p: cycles.update_plan(d, m["draft"], _plan()),
    "cycles.activate": lambda d, m, _p: cycles.activate(d, m["draft"]),
    "cycles.record_review": lambda d, m, _p: cycles.record_review(
        d, m["active"], cycles.ReviewInput(date(2026, 11, 20), {1: Progress.MET})),
}


@pytest.mark.parametrize("write", sorted(WRITES))
def test_a_leavers_file_is_read_only(desk: Desk, leaver: dict[str, int], tmp_path: Path,
                                     write: str) -> None:
    letter = tmp_path / "another.txt"
    letter.write_text("more")
    events = len(audit.list_events(desk, pupil_id=leaver["pupil"]))
    with pytest.raises(ValidationError, match="has left: the file is read-only"):
        WRITES[write](desk, leaver, letter)
    assert len(audit.list_events(desk, pupil_id=leaver["pupil"])) == events
