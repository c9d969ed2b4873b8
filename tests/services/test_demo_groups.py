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


def test_a_primary_demo_has_a_class_per_form_each_a_teaching_group(desk: Desk) -> None:
    from sencodesk.services import demo, school

    counts = demo.build(desk, pupils=70, seed=7, phase="primary")
    assert counts["teaching groups"] == 14 and school.get(desk).phase == "primary"
    found = groups.list_groups(desk)
    assert [g.code for g in found][:3] == ["RS", "RT", "1S"]  # Reception first
    assert all(len(g.teachers) == 1 and g.subject == "Class" for g in found)
    places: Counter[int] = Counter()
    for group in found:
        members = groups.pupils_in(desk, group.id)
        assert {p.form for p in members} == {group.code}
        places.update(p.id for p in members)
    everyone = pupils.list_pupils(desk)
    assert {p.year_group for p in everyone} == set(range(0, 7))
    assert all(places[p.id] == 1 for p in everyone)  # one class each
