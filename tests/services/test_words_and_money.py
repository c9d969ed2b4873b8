"""Words and money: the Code's levels of support instead of "waves"; planned provision as a
share of the notional SEN budget with a caveat, never money "left"; each pupil's planned cost
against the £6,000 a school meets before top-up funding."""

from __future__ import annotations

import re
from datetime import date

from factories import add_pupil
from pdf_checks import page_text

from sencodesk.domain import funding
from sencodesk.domain.provision_map import ProvisionMap, PupilLine
from sencodesk.reports import render
from sencodesk.services import cycles, interventions, report_data
from sencodesk.services.context import Desk


def test_stored_levels_read_as_the_codes_words() -> None:
    assert [funding.support_level(n) for n in (1, 2, 3, 9)] == [
        "Universal", "Targeted", "Specialist", ""]


def test_share_of_budget_and_the_threshold_are_plain_arithmetic() -> None:
    pupil = PupilLine(1, "A", "U", "7", "K", (), 10.0, 750_000)
    found = ProvisionMap(date(2026, 9, 1), date(2027, 8, 31), (), (pupil,), 3_000_000)
    # nothing to add up by intervention here; the share is total / budget
    assert found.budget_share == 0.0
    assert pupil.threshold_share == 1.25 and pupil.at_threshold  # £7,500 / £6,000
    assert ProvisionMap(date(2026, 9, 1), date(2027, 8, 31), (), (), 0).budget_share is None


def test_the_provision_map_pdf_shows_a_share_a_caveat_and_the_threshold(desk: Desk) -> None:
    pid = add_pupil(desk)
    therapy = interventions.add(desk, interventions.InterventionFields(
        "Speech and language therapy", wave=3, hourly_cost_pence=5500))
    # 60 min x 5 a week x 26 weeks = 130 hours at £55 = £7,150, one to one: over £6,000
    cycles.create(desk, pid, cycles.CyclePlan(
        starts_on=date(2026, 9, 7), review_on=date(2027, 3, 1),
        outcomes=(cycles.OutcomeInput("Use 10 new words"),),
        provisions=(cycles.ProvisionInput(therapy, minutes_per_session=60,
                                          sessions_per_week=5, weeks=26),)))
    sheet = report_data.provision_map(desk, starts_on=date(2026, 9, 1),
                                      ends_on=date(2027, 8, 31))
    assert sheet.map.by_pupil[0].cost_pence == 715_000
    text = " ".join(" ".join(page_text(render(sheet).pdf)).split())
    assert "Specialist" in text and "Wave" not in text
    assert "Of £6,000" in text and "119%" in text  # 7,150 / 6,000
    assert "high needs funding operational guide" in text
    assert "not a separate pot" in text
    assert not re.search(r"£[\d,.]+ left", text) and "Balance" not in text
