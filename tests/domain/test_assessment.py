"""Ratio gain and the average change in standardised score, worked by hand."""

from __future__ import annotations

from datetime import date

import pytest

from sencodesk.domain.assessment import (
    Measure,
    ScoreKind,
    age_text,
    check_score,
    measured_impact,
    ratio_gain,
)
from sencodesk.domain.errors import ValidationError

START, END = date(2025, 9, 1), date(2026, 3, 2)  # 182 days: 182 / 30.4375 = 5.98 months


def test_ratio_gain_is_months_gained_over_months_elapsed() -> None:
    # reading age 8y 0m (96 months) to 9y 0m (108): 12 months gained in 5.98 months
    assert ratio_gain(96, 108, START, END) == pytest.approx(12 / (182 / 30.4375))
    assert ratio_gain(96, 108, START, END) == pytest.approx(2.007, abs=0.001)
    assert ratio_gain(96, 96, START, END) == 0
    assert ratio_gain(96, 108, START, START) is None
    assert age_text(101) == "8y 5m"


def test_averages_need_five_pupils_with_both_measures() -> None:
    reading = [Measure(n, ScoreKind.READING_AGE, "NGRT", 96, START, 96 + 6 * n, END)
               for n in range(1, 6)]  # 6, 12, 18, 24, 30 months gained
    scores = [Measure(n, ScoreKind.STANDARDISED, "NGRT", 80, START, 80 + n, END)
              for n in range(1, 5)]  # only four pupils: too few
    unfinished = Measure(9, ScoreKind.READING_AGE, "NGRT", 90, START)
    impact = measured_impact([*reading, *scores, unfinished])
    assert impact.pupils == 5 and not impact.too_few and impact.awaiting == 1
    # mean of 6..30 months = 18 months gained in 5.98 months
    assert impact.reading_ratio_gain == pytest.approx(18 / (182 / 30.4375))
    assert impact.score_change is None and impact.spelling_ratio_gain is None
    assert measured_impact(reading[:4]).too_few


def test_scores_out_of_range_are_refused() -> None:
    check_score(ScoreKind.STANDARDISED, 85)
    with pytest.raises(ValidationError, match="from 40 to 160"):
        check_score(ScoreKind.STANDARDISED, 185)
    with pytest.raises(ValidationError, match="1 to 99"):
        check_score(ScoreKind.PERCENTILE, 0)
