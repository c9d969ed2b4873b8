from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from sencodesk.domain.backup_policy import keep

moments = st.lists(st.datetimes(min_value=datetime(2026, 1, 1),
                                max_value=datetime(2026, 12, 31)), max_size=80, unique=True)


def test_a_month_of_daily_backups_keeps_7_days_and_4_weeks() -> None:
    taken = [datetime(2026, 11, 1, 16) + timedelta(days=n) for n in range(30)]
    kept = keep(taken)
    newest_week = sorted(taken)[-7:]
    assert set(newest_week) <= kept
    assert len(kept) <= 7 + 4
    assert len({m.isocalendar()[:2] for m in kept}) == 4


@given(moments)
def test_the_newest_is_always_kept_and_never_more_than_eleven(taken: list[datetime]) -> None:
    kept = keep(taken)
    assert kept <= set(taken)
    assert len(kept) <= 11
    if taken:
        assert max(taken) in kept
