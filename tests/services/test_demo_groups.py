"""The demo school has a secondary timetable's teaching groups: sets in bands and form groups."""

from __future__ import annotations

from collections import Counter

from sencodesk.services import groups, pupils
from sencodesk.services.context import Desk


def test_every_demo_pupil_is_set_for_maths_english_science_and_in_form_groups(
        demo_desk: Desk) -> None:
    found = groups.list_groups(demo_desk)
    codes = {g.code for g in found}
    assert {"7X/Ma1", "7X/Ma3", "11Y/En2", "9A/Hi", "10E/PE", "8C/Fr", "11B/Co"} <= codes
    places: Counter[int] = Counter()
    for group in found:
        assert group.teachers and group.subject
        places.update(p.id for p in groups.pupils_in(demo_desk, group.id))
    everyone = [p.id for p in pupils.list_pupils(demo_desk)]
    assert all(places[pid] == 8 for pid in everyone)  # three sets and five form groups
