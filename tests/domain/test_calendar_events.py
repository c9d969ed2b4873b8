"""Deadlines as calendar events: labels without names by default, one UID per deadline."""

from __future__ import annotations

from datetime import date

from sencodesk.domain.calendar_events import events, initials
from sencodesk.domain.census_days import CensusDay
from sencodesk.domain.clock import Milestone, MilestoneStatus
from sencodesk.domain.codes import YearGroup
from sencodesk.domain.due import DueItem


def _item(pupil_id: int, due: date, note: str = "") -> DueItem:
    milestone = Milestone("review_meeting", "Annual review meeting", due, "CFA 2014 s44(1)",
                          MilestoneStatus.UPCOMING, note=note)
    return DueItem(pupil_id, "Zoë O'Brien-Smith", "B801200005001", YearGroup.Y7, milestone,
                   "ehcp")


def test_initials_of_names_with_apostrophes_and_hyphens() -> None:
    assert initials("Zoë O'Brien-Smith") == "ZOS"
    assert initials("ann  lee") == "AL"


def test_each_deadline_has_its_own_uid_and_no_name_or_upn_by_default() -> None:
    items = [_item(1, date(2027, 3, 1), note="Zoë's mum asked to move it"),
             _item(1, date(2028, 3, 1)), _item(2, date(2027, 3, 1))]
    found = events(items, [CensusDay("Spring", date(2027, 1, 21))],
                   code_for=lambda pid: f"CODE{pid}", uid_for=lambda key: key)
    assert [e.uid for e in found] == [
        "census:2027-01-21@sencodesk", "due:1:ehcp:review_meeting:1@sencodesk",
        "due:2:ehcp:review_meeting:1@sencodesk", "due:1:ehcp:review_meeting:2@sencodesk"]
    assert found[1].summary == "Annual review meeting: ZOS (CODE1)"
    assert "Rule: CFA 2014 s44(1) (statutory; school's duty)." in found[1].description
    for event in found:
        assert "Zoë" not in event.summary + event.description
        assert "B801200005001" not in event.summary + event.description
    named = events(items[:1], [], code_for=str, uid_for=lambda key: key, names=True)
    assert named[0].summary == "Annual review meeting: Zoë O'Brien-Smith"
    assert "Zoë's mum asked to move it" in named[0].description
