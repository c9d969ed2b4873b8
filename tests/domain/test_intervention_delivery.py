"""Per intervention on the provision map: the cost a pupil and the sessions delivered against
those planned, worked by hand."""

from __future__ import annotations

import pytest

from sencodesk.domain.provision_map import InterventionLine


def test_cost_a_pupil_shares_the_cost_over_the_pupils_receiving_it() -> None:
    # £648.00 for 3 pupils: £216.00 each; £100.00 for 3: 3,333.3p rounds to £33.33
    assert InterventionLine("Lexia", 2, 3, 36.0, 64_800).cost_per_pupil_pence == 21_600
    assert InterventionLine("Lexia", 2, 3, 5.0, 10_000).cost_per_pupil_pence == 3_333
    assert InterventionLine("Lexia", 2, 0, 0.0, 0).cost_per_pupil_pence == 0


def test_sessions_delivered_against_those_planned() -> None:
    # two plans reviewed: 20 of 24 and 18 of 24 sessions, 38 of 48 = 79.2%
    line = InterventionLine("Lexia", 2, 4, 48.0, 43_200, sessions_planned=48,
                            sessions_delivered=38)
    assert line.delivery_rate == pytest.approx(38 / 48)
    assert line.delivery_text == "38 of 48 (79%)"
    assert line.delivery_share_text == "79% of 48"
    unrecorded = InterventionLine("Lexia", 2, 4, 48.0, 43_200)
    assert (unrecorded.delivery_rate, unrecorded.delivery_text) == (None, "not recorded")
    assert unrecorded.delivery_share_text == "not recorded"
    over = InterventionLine("Lexia", 2, 1, 12.0, 21_600, 1_200, 1_260)  # extra sessions
    assert over.delivery_text == "1,260 of 1,200 (105%)"
