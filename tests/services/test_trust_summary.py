"""A school's summary for its trust, from a real demo case file: the same counts as the
register, no pupil named anywhere in the file, the export audited, and a Teacher refused."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from factories import signed_in_as

from sencodesk.domain.codes import Role, SenStatus
from sencodesk.domain.errors import PermissionDenied
from sencodesk.domain.trust_dashboard import SchoolSummary
from sencodesk.services import audit, pupils, trust_summary
from sencodesk.services.context import Desk


def test_the_summary_counts_the_register_and_names_no_pupil(demo_desk: Desk) -> None:
    summary = trust_summary.school_summary(demo_desk)
    on_roll = pupils.list_pupils(demo_desk)
    statuses = Counter(p.status for p in on_roll)
    assert (summary.on_roll, summary.support, summary.ehcp) == (
        len(on_roll), statuses[SenStatus.SUPPORT], statuses[SenStatus.EHCP])
    on_register = [p for p in on_roll if p.status in (SenStatus.SUPPORT, SenStatus.EHCP)]
    assert sum(count for _need, count in summary.by_need) == sum(
        p.primary_need is not None for p in on_register)
    assert sum(k + e for _year, k, e in summary.by_year) == len(on_register)
    assert summary.steps_judged >= summary.steps_met > 0
    assert summary.reviews_on_time + summary.reviews_late > 0

    written = json.dumps(summary.to_json())
    assert SchoolSummary.from_json(json.loads(written)) == summary
    for pupil in on_roll:
        assert pupil.upn not in written
        assert f'"{pupil.surname}' not in written and f" {pupil.surname}" not in written
    (event,) = [e for e in audit.list_events(demo_desk, limit=5)
                if e.entity == "school summary for the trust"]
    assert event.action == "export" and event.pupil_id is None


def test_a_teacher_cannot_export_the_school_summary(demo_desk: Desk) -> None:
    teacher = signed_in_as(demo_desk, Role.TEACHER)
    try:
        with pytest.raises(PermissionDenied):
            trust_summary.school_summary(teacher)
    finally:
        teacher.close()
