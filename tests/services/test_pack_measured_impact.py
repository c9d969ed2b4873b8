"""The evidence pack shows measured impact per intervention from entry and exit measures:
pupils measured, the ratio gain, and "fewer than 5" (no count from 1 to 4 and no name) when
anonymised. Read back from the PDF."""

from __future__ import annotations

import itertools
import re
from datetime import date

from factories import add_pupil
from pdf_checks import page_text

from sencodesk.domain.assessment import ScoreKind
from sencodesk.reports import render
from sencodesk.services import assessments, cycles, evidence_pack, interventions
from sencodesk.services.context import Desk

START, END = date(2026, 9, 7), date(2026, 11, 20)
# Never exhausted: the test runs once per backend in one session (digits written as letters).
SURNAMES = (f"Measuredpupil{''.join(chr(65 + int(d)) for d in str(n))}"
            for n in itertools.count())


def _measured(desk: Desk, intervention: int, exits: list[int | None]) -> None:
    """A plan with the intervention for each pupil: reading age 8y 0m at entry, and the exit
    given (None: still waiting for it)."""
    for exit_value in exits:
        cid = cycles.create(desk, add_pupil(desk, legal_surname=next(SURNAMES)),
                            cycles.CyclePlan(
                                starts_on=START, review_on=END,
                                outcomes=(cycles.OutcomeInput("Read 150 words"),),
                                provisions=(cycles.ProvisionInput(intervention, outcomes=(1,)),)))
        assessments.set_measure(desk, cid, intervention, ScoreKind.READING_AGE, "NGRT", 96,
                                START, exit_value, END if exit_value else None)


def _measured_text(pdf: bytes) -> str:
    text = " ".join(" ".join(page_text(pdf)).split())
    section = text[text.rindex("Measured impact"):text.rindex("5. Provision cost")]
    return re.sub(r"Page \d+ of \d+", "", section)


def test_the_pack_shows_measured_impact_and_hides_small_counts_when_anonymised(
    desk: Desk,
) -> None:
    lexia = interventions.add(desk, interventions.InterventionFields("Lexia"))
    toe = interventions.add(desk, interventions.InterventionFields("Toe by Toe"))
    _measured(desk, lexia, [102, 104, 106, 108, 110, None])  # mean gain 10 months in 74 days
    _measured(desk, toe, [100, 101, 99])

    named = _measured_text(render(evidence_pack.evidence_pack(desk)).pdf)
    assert "Lexia 5 (1 awaiting exit) not measured 4.11 not measured" in named
    assert "Toe by Toe 3 not measured too few pupils (3) not measured" in named

    pdf = render(evidence_pack.evidence_pack(desk, anonymise=True)).pdf
    section = _measured_text(pdf)
    assert "months gained in reading or spelling age / months elapsed" in section
    assert "Lexia 5 (fewer than 5 awaiting exit) not measured 4.11 not measured" in section
    assert ("Toe by Toe fewer than 5 not measured fewer than 5 pupils not measured"
            in section)
    small = re.findall(r"(?<![\d.,/:])\b[1-4]\b(?![\d.,/:%])", section)
    assert small == [], small
    whole = " ".join(page_text(pdf))
    assert "Measuredpupil" not in whole


def test_a_pack_without_measures_says_so(desk: Desk) -> None:
    text = " ".join(" ".join(page_text(render(evidence_pack.evidence_pack(desk)).pdf)).split())
    assert "No intervention has an entry and exit measure recorded in this time." in text
